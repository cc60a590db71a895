def solve_plain(I):
    x1 = I
    return x1


def solve_literal(I):
    x1 = 5
    return x1
