def solve_doc(I):
    "an unfinished docstring
    O = hmirror(I)
    return O
