# tools/bench/o_g_variants.py: a workload for tools/pass_benchmark.py where
# object extraction dominates: every o_g variant of the sample input, what
# fuse_objects turns into one sweep. Written for this project (tokpidjin's
# dialect: the programs take (S, I, C)).
from dsl import *
from constants import *


def solve_o_g_all(S, I, C):
    x0 = o_g(I, R0)
    x1 = o_g(I, R1)
    x2 = o_g(I, R2)
    x3 = o_g(I, R3)
    x4 = o_g(I, R4)
    x5 = o_g(I, R5)
    x6 = o_g(I, R6)
    x7 = o_g(I, R7)
    x8 = size_f(x5)
    x9 = size_f(x7)
    O = astuple(x8, x9)
    return O


def solve_o_g_fg(S, I, C):
    x1 = o_g(I, R5)
    x2 = o_g(I, R7)
    x3 = get_arg_rank_f(x1, size, F0)
    x4 = get_arg_rank_f(x2, size, L1)
    x5 = fill(I, ZERO, x4)
    O = paint(x5, x3)
    return O
