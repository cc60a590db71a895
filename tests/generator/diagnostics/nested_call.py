def solve_nested(I):
    O = hmirror(vmirror(I))
    return O
