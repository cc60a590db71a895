from dsl import *


def solve_good_one(I):
    x1 = objects(I, T, F, T)
    x2 = colorfilter(x1, ONE)
    x3 = merge(x2)
    O = fill(I, TWO, x3)
    return O


def solve_bad_type(I):
    x1 = objects(I, T, F, T)
    O = fill(I, TWO, x1)
    return O


def solve_bad_syntax(I):
    O = fill(I, TWO, objects(I, T, F, T))
    return O


def solve_good_two(I):
    x1 = rot90(I)
    return x1


def differ_good(S, I, C):
    x1 = equality(I, C)
    return x1
