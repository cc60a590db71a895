# tasks/demo/programs.py: battc's demo programs, one solver per demo task
# (tasks/demo/*.json), written in arc-dsl's syntax. `battc run` with no
# arguments runs all of them on every demo task and scores them.
from dsl import *


def solve_recolor_ones(I):
    O = replace(I, ONE, TWO)
    return O


def solve_mirror_rows(I):
    O = vmirror(I)
    return O


def solve_crop_bbox(I):
    x1 = mostcolor(I)
    x2 = ofcolor(I, x1)
    x3 = asindices(I)
    x4 = difference(x3, x2)
    O = subgrid(x4, I)
    return O


def solve_largest_object(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = recolor(EIGHT, x2)
    O = paint(I, x3)
    return O


def solve_gravity(I):
    # columns become rows; a stable sort on "is coloured" drops the zeros
    # to the front and keeps the colours in order; then back to columns
    x1 = dmirror(I)
    x2 = rbind(order, positive)
    x3 = apply(x2, x1)
    O = dmirror(x3)
    return O
