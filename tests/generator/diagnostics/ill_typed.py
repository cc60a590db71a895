def solve_fill_grid(I):
    x1 = fill(I, ONE, I)
    return x1


def solve_add_grid(I):
    x1 = add(I, ONE)
    return x1


def solve_compose_int(I):
    x1 = compose(ONE, hmirror)
    return x1


def solve_size_int(I):
    x1 = size(FIVE)
    return x1


def solve_colorfilter_grid(I):
    x1 = colorfilter(I, ONE)
    return x1
