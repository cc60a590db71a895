def solve_unknown_arg(I):
    x1 = fill(I, FOUR, x9)
    return x1


def solve_unknown_return(I):
    x1 = hmirror(I)
    return O


def solve_s_in_one_param(I):
    x1 = apply(first, S)
    return x1
