def helper(I):
    O = hmirror(I)
    return O


def solve_real(I):
    O = vmirror(I)
    return O
