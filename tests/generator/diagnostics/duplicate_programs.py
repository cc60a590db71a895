def solve_same(I):
    O = hmirror(I)
    return O


def solve_same(I):
    O = vmirror(I)
    return O


def solve_shared(I):
    O = rot90(I)
    return O
