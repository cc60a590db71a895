def solve_two(I, J):
    O = hmirror(I)
    return O


def solve_order(I, S, C):
    O = hmirror(I)
    return O


def solve_annotated(I: Grid):
    O = hmirror(I)
    return O


def solve_default(I=None):
    O = hmirror(I)
    return O
