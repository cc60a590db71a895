def solve_after(I):
    O = hmirror(I)
    return O
    x1 = vmirror(O)
