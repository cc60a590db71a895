def solve_returns_input(I):
    return I


def solve_returns_primitive(I):
    return hmirror


def solve_returns_call(I):
    return hmirror(I)


def solve_returns_constant(I):
    return ONE
