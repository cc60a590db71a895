def solve_big(I):
    x1 = canvas(ZERO, 99999999999)
    return x1


def solve_float(I):
    x1 = add(ONE, 1.5)
    return x1


def solve_negative_ok(I):
    x1 = add(ONE, -3)
    x2 = toivec(x1)
    O = add(x2, UP)
    return O


def solve_edges_ok(I):
    x1 = add(2147483647, -2147483647)
    return x1


def solve_none_sentinel(I):
    x1 = add(-2147483648, ZERO)
    return x1


def solve_just_past(I):
    x1 = add(2147483648, ZERO)
    return x1


def solve_leading_zero(I):
    x1 = add(007, ZERO)
    return x1
