def solve_all_keywords(I):
    x1 = objects(grid=I, univalued=T, diagonal=F, without_bg=T)
    x2 = colorfilter(objs=x1, value=ONE)
    x3 = merge(x2)
    O = fill(I, value=TWO, patch=x3)
    return O


def solve_unknown_keyword(I):
    x1 = objects(I, T, F, background=T)
    return x1


def solve_duplicate_keyword(I):
    x1 = fill(I, ONE, grid=I)
    return x1


def solve_missing_keyword(I):
    x1 = fill(grid=I, value=ONE)
    return x1


def solve_positional_after_keyword(I):
    x1 = fill(grid=I, ONE, I)
    return x1


def solve_too_many_with_keyword(I):
    x1 = fill(I, ONE, I, I, patch=I)
    return x1


def solve_keyword_to_closure(I):
    x1 = rbind(fill, ONE)
    x2 = x1(grid=I, patch=I)
    return x2
