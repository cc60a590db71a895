def solve_shared(I):
    O = rot180(I)
    return O


def solve_only_here(I):
    O = rot270(I)
    return O
