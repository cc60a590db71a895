def solve_twice(I):
    x1 = hmirror(I)
    x1 = vmirror(x1)
    return x1


def solve_assign_param(I):
    I = hmirror(I)
    return I
