def solve_class(I):
    class = hmirror(I)
    return class


def solve_none(I):
    x1 = hmirror(None)
    return x1


def solve_true(I):
    x1 = objects(I, True, F, T)
    return x1


def solve_lambda(I):
    x1 = lambda(I)
    return x1


def solve_keyword_name(I):
    x1 = objects(I, T, F, if=T)
    return x1


def class(I):
    O = hmirror(I)
    return O


def solve_fine(I):
    O = hmirror(I)
    return O
