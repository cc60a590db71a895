def solve_(I):
    O = vmirror(I)
    return O

def differ_(S, I, C):
    return 0
