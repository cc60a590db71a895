def solve_noreturn(I):
    x1 = hmirror(I)
    O = vmirror(x1)
