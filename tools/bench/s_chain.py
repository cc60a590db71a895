# tools/bench/s_chain.py: a workload for tools/pass_benchmark.py where the
# S-only chain matters: the colors and objects of the train pairs, computed
# once per task when hoist_s_invariant moves them to the prologue, else once
# per sample. Written for this project (tokpidjin's dialect).
from dsl import *
from constants import *


def solve_s_colors(S, I, C):
    x1 = apply(first, S)
    x2 = apply(second, S)
    x3 = mapply_t(p_g, x1)
    x4 = mapply_t(p_g, x2)
    x5 = dedupe(x3)
    x6 = dedupe(x4)
    x7 = difference_tuple(x5, x6)
    x8 = difference_tuple(x6, x5)
    x9 = first(x7)
    x10 = first(x8)
    O = replace(I, x9, x10)
    return O


def solve_s_objects(S, I, C):
    x1 = apply(second, S)
    x2 = rbind(o_g, R5)
    x3 = mapply(x2, x1)
    x4 = apply(size, x3)
    x5 = get_rank(x4, F0)
    x6 = c_iz(S, p_g)
    x7 = c_zo(S, p_g)
    x8 = o_g(I, R5)
    x9 = sizefilter(x8, x5)
    x10 = merge_f(x9)
    x11 = first(x7)
    O = fill(I, x11, x10)
    return O
