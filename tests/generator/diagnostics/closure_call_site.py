def solve_rbind_arity(I):
    x1 = rbind(fill, ONE)
    x2 = x1(I)
    return x2


def solve_rbind_ok(I):
    x1 = ofcolor(I, ONE)
    x2 = rbind(fill, x1)
    x3 = x2(I, TWO)
    return x3


def solve_compose_incompatible(I):
    x1 = compose(size, palette)
    x2 = compose(hmirror, x1)
    x3 = x2(I)
    return x3


def solve_apply_bad_closure(I):
    x1 = objects(I, T, F, T)
    x2 = rbind(add, ONE)
    x3 = apply(x2, x1)
    return x3


def solve_fork_arity(I):
    x1 = fork(add, height, width)
    x2 = x1(I, I)
    return x2


def solve_branch_values(I):
    x1 = branch(T, I, ONE)
    return x1
