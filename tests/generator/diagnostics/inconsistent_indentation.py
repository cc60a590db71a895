def solve_dent(I):
    x1 = hmirror(I)
  O = vmirror(x1)
    return O


def solve_fine(I):
    O = rot90(I)
    return O
