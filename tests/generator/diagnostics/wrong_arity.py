def solve_too_few(I):
    x1 = fill(I, ONE)
    return x1


def solve_too_many(I):
    x1 = hmirror(I, I)
    return x1


def solve_no_args(I):
    x1 = objects()
    return x1
