x1 = hmirror(I)


def solve_after_statement(I):
    O = vmirror(I)
    return O
