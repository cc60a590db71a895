def solve_string(I):
    x1 = ofcolor(I, "red")
    return x1
