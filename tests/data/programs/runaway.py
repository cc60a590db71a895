# tests/data/programs/runaway.py: programs that run away (for
# tests/runtime/runaway_test.cpp) next to ones that must not be held up.
from dsl import *


def solve_huge_interval(I):
    x1 = interval(ZERO, 2000000000, ONE)
    O = size(x1)
    return O


def solve_huge_canvas(I):
    x1 = astuple(100000, 100000)
    O = canvas(ZERO, x1)
    return O


def solve_power_grows(I):
    # doubles the grid's width 900 times
    x1 = rbind(hconcat, I)
    x2 = fork(hconcat, identity, identity)
    x3 = power(x2, 900)
    O = x3(I)
    return O


def solve_fine_mirror(I):
    O = vmirror(I)
    return O


def solve_fine_shared(I):
    x1 = vmirror(I)
    O = hmirror(x1)
    return O
