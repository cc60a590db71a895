def solve_typo(I):
    x1 = hmiror(I)
    return x1
