def solve_call_grid(I):
    x1 = hmirror(I)
    x2 = x1(I)
    return x2


def solve_call_param(I):
    x1 = I(ONE)
    return x1


def solve_call_c(S, I, C):
    x1 = C(I)
    return x1


def solve_call_constant(I):
    x1 = TWO(I)
    return x1
