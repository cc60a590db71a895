def solve_plus(I):
    x1 = add(ONE, TWO) + 1
    return x1


def solve_at(I):
    x1 = hmirror(@I)
    return x1


def solve_ok(I):
    O = hmirror(I)
    return O
