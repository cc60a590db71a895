def solve_first(I):
    O = hmirror(I)
    return O

def solve_broken(I):
    O = vmirror(I
    return O

def solve_last(I):
    x1 = vmirror(I)
    O = rot90(x1)
    return O
