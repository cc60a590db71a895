import os


def solve_after_import(I):
    O = hmirror(I)
    return O
