def solve_power_changes_type(I):
    x1 = power(first, TWO)
    x2 = x1(I)
    return x2


def solve_power_unknown_count(I):
    x1 = size(I)
    x2 = power(first, x1)
    x3 = x2(I)
    return x3


def solve_branch_functions(I):
    # the value is a Grid or an Integer; rot90 takes only one of them
    x1 = portrait(I)
    x2 = branch(x1, hmirror, size)
    x3 = x2(I)
    x4 = rot90(x3)
    return x4
