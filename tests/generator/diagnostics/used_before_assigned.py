def solve_shadow_late(I):
    x1 = ofcolor(I, ONE)
    fill = hmirror(I)
    O = fill(I, TWO, x1)
    return O


def solve_constant_late(I):
    x1 = add(ONE, TWO)
    ONE = size(I)
    return x1


def solve_shadow_early(I):
    fill = ofcolor(I, ONE)
    ONE = size(fill)
    O = recolor(ONE, fill)
    return O


def solve_call_shadowed(I):
    size = ofcolor(I, ONE)
    x1 = size(I)
    return x1
