# tests/golden/tk1/programs.py: programs in tokpidjin's dialect of arc-dsl,
# written for this project, for the whole-program golden test
# (tests/golden/golden_programs_test.cpp). Each takes (S, I, C): the train
# pairs, the sample input and (for differ_*) the expected output. They use
# the dialect's own primitives (o_g, p_g, get_nth_*, mir_rot_t, corner, ...),
# S-only chains (what hoist_s_invariant moves to the task prologue) and
# several o_g variants of one grid (what fuse_objects merges). Under
# --pairing all every program also runs on every other listed task, where
# most fail or return junk: all of it is compared with dump.jsonl.
from dsl import *
from constants import *


def solve_a5313dff(S, I, C):
    # background regions that do not touch the border become 1
    x1 = o_g(I, R4)
    x2 = colorfilter(x1, ZERO)
    x3 = rbind(bordering, I)
    x4 = compose(flip, x3)
    x5 = mfilter_f(x2, x4)
    O = fill(I, ONE, x5)
    return O


def solve_b1948b0a(S, I, C):
    O = replace(I, SIX, TWO)
    return O


def solve_3c9b0459(S, I, C):
    O = mir_rot_t(I, A5)
    return O


def solve_68b16354(S, I, C):
    O = mir_rot_t(I, A0)
    return O


def solve_74dd1130(S, I, C):
    O = mir_rot_t(I, A1)
    return O


def solve_f76d97a5(S, I, C):
    # the color only the inputs have becomes the color only the outputs have
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


def solve_25ff71a9(S, I, C):
    # everything moves one row down
    x1 = o_g(I, R7)
    x2 = merge_f(x1)
    O = move(I, x2, DOWN)
    return O


def solve_1f85a75f(S, I, C):
    # the largest object, cut out
    x1 = o_g(I, R7)
    x2 = get_arg_rank_f(x1, size, F0)
    O = subgrid(x2, I)
    return O


def solve_4258a5f9(S, I, C):
    # a ring of 1 around every 5
    x1 = f_ofcolor(I, FIVE)
    x2 = mapply(neighbors, x1)
    x3 = difference(x2, x1)
    O = fill(I, ONE, x3)
    return O


def solve_be94b721(S, I, C):
    # the largest object as tokpidjin's tuple objects give it, cut out
    x1 = o_g_t(I, R5)
    x2 = get_arg_rank_t(x1, size, F0)
    O = subgrid(x2, I)
    return O


def solve_3af2c5a8(S, I, C):
    # the input mirrored into four quarters
    x1 = mir_rot_t(I, A2)
    x2 = hconcat(I, x1)
    x3 = mir_rot_t(x2, A0)
    O = vconcat(x2, x3)
    return O


def solve_6f8cd79b(S, I, C):
    # a border of 8 (corner and col_row on the grid's indices)
    x1 = asindices(I)
    x2 = corner(x1, R0)
    x3 = corner(x1, R3)
    x4 = box(x1)
    x5 = col_row(x1, R0)
    x6 = astuple(x5, ZERO)
    x7 = initset(x6)
    x8 = combine(x4, x7)
    O = fill(I, EIGHT, x8)
    return O


def solve_d511f180(S, I, C):
    # several object variants of one grid, colors counted per object
    x1 = o_g(I, R1)
    x2 = o_g(I, R3)
    x3 = o_g(I, R5)
    x4 = size_f(x1)
    x5 = size_f(x2)
    x6 = size_f(x3)
    x7 = get_color_rank_t(I, F0)
    x8 = switch(I, FIVE, EIGHT)
    x9 = astuple(x4, x5)
    x10 = astuple(x6, x7)
    O = branch(T, x8, I)
    return O


def differ_palette_gain(S, I, C):
    # 1000 less 100 for every color the candidate adds
    x1 = p_g(I)
    x2 = p_g(C)
    x3 = difference_tuple(x2, x1)
    x4 = size(x3)
    x5 = multiply(x4, HUNDRED)
    O = subtract(THOUSAND, x5)
    return O


def differ_object_count(S, I, C):
    x1 = rbind(o_g, R5)
    x2 = x1(I)
    x3 = x1(C)
    x4 = size_f(x2)
    x5 = size_f(x3)
    x6 = subtract(x4, x5)
    O = astuple(x6, x4)
    return O
