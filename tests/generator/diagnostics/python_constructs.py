def solve_plain(I):
    x1 = I
    return x1


def solve_literal(I):
    x1 = 5
    return x1


def solve_if(I):
    if T:
        O = I
    return O


def solve_for(I):
    for x in I:
        pass
    return I


def solve_while(I):
    while T:
        pass
    return I


def solve_plus(I):
    x1 = add(ONE, TWO) + 3
    return I


def solve_compare(I):
    x1 = height(I) < width(I)
    return I


def solve_not(I):
    x1 = not T
    return I


def solve_index(I):
    x1 = I[0]
    return x1


def solve_list(I):
    x1 = totuple([1, 2])
    return I


def solve_string(I):
    x1 = identity('a')
    return I


def solve_triple(I):
    x1 = identity((1, 2, 3))
    return I


def solve_augmented(I):
    x1 = ONE
    x1 += 1
    return I


def solve_unpack(I):
    x1, x2 = shape(I)
    return I


def solve_bare_call(I):
    print(I)
    return I


def solve_alias_used_before(I):
    x2 = vmirror(x1)
    x1 = I
    return x2


def solve_conditional(I):
    x1 = I if T else I
    return x1


def solve_negative_name(I):
    x1 = -ONE
    return I


def solve_annotated_only(I):
    x1: Grid
    return I
