def solve_uses_c(S, I, C):
    x1 = equality(I, C)
    return x1


def solve_c_in_one_param(I):
    x1 = equality(I, C)
    return x1
