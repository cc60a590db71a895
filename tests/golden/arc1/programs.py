# tests/golden/arc1/programs.py: programs for the whole-program golden test
# (tests/golden/golden_programs_test.cpp), written for this project in
# arc-dsl's syntax, one per ARC-AGI-1 training task named in tasks.txt. Some
# solve their task, some only part of it; under --pairing all every program
# also runs on every other task, where most of them fail or return junk: all of
# that is compared with the reference dump (dump.jsonl).
from dsl import *
from constants import *


def solve_007bbfb7(I):
    # the 3x3 input tiled 3x3, kept only in the blocks whose cell is coloured
    x1 = hconcat(I, I)
    x2 = hconcat(x1, I)
    x3 = vconcat(x2, x2)
    x4 = vconcat(x3, x2)
    x5 = upscale(I, THREE)
    x6 = ofcolor(x5, ZERO)
    O = fill(x4, ZERO, x6)
    return O


def solve_0d3d703e(I):
    x1 = switch(I, THREE, FOUR)
    x2 = switch(x1, ONE, FIVE)
    x3 = switch(x2, TWO, SIX)
    O = switch(x3, EIGHT, NINE)
    return O


def solve_3c9b0459(I):
    x1 = power(rot90, TWO)
    O = x1(I)
    return O


def solve_7b7f7511(I):
    # the grid is its first half, cut across its longer side
    x1 = portrait(I)
    x2 = branch(x1, vsplit, hsplit)
    x3 = x2(I, TWO)
    O = first(x3)
    return O


def solve_44f52bb0(I):
    x1 = vmirror(I)
    x2 = equality(x1, I)
    x3 = branch(x2, ONE, SEVEN)
    O = canvas(x3, UNITY)
    return O


def solve_d631b094(I):
    x1 = palette(I)
    x2 = other(x1, ZERO)
    x3 = colorcount(I, x2)
    x4 = astuple(ONE, x3)
    O = canvas(x2, x4)
    return O


def solve_b91ae062(I):
    x1 = palette(I)
    x2 = remove(ZERO, x1)
    x3 = size(x2)
    O = upscale(I, x3)
    return O


def solve_5614dbcf(I):
    x1 = replace(I, FIVE, ZERO)
    O = downscale(x1, THREE)
    return O


def solve_f76d97a5(I):
    x1 = palette(I)
    x2 = other(x1, FIVE)
    x3 = replace(I, x2, ZERO)
    O = replace(x3, FIVE, x2)
    return O


def solve_445eab21(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = color(x2)
    O = canvas(x3, TWO_BY_TWO)
    return O


def solve_22eb0ac0(I):
    # a row whose two end cells agree is drawn in their colour
    x1 = vmirror(I)
    x2 = cellwise(I, x1, ZERO)
    x3 = objects(x2, T, F, T)
    x4 = chain(hfrontier, center, toindices)
    x5 = fork(recolor, color, x4)
    x6 = mapply(x5, x3)
    O = paint(I, x6)
    return O


def solve_b27ca6d3(I):
    x1 = objects(I, T, F, T)
    x2 = sizefilter(x1, TWO)
    x3 = mapply(outbox, x2)
    O = fill(I, THREE, x3)
    return O


def solve_3aa6fb7a(I):
    x1 = objects(I, T, F, T)
    x2 = mapply(delta, x1)
    O = fill(I, ONE, x2)
    return O


def solve_a5313dff(I):
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, ZERO)
    x3 = rbind(bordering, I)
    x4 = compose(flip, x3)
    x5 = mfilter(x2, x4)
    O = fill(I, ONE, x5)
    return O


def solve_00d62c1b(I):
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, ZERO)
    x3 = rbind(bordering, I)
    x4 = sfilter(x2, x3)
    x5 = difference(x2, x4)
    x6 = merge(x5)
    O = fill(I, FOUR, x6)
    return O


def solve_50cb2852(I):
    x1 = objects(I, T, F, T)
    x2 = compose(delta, box)
    x3 = mapply(x2, x1)
    O = fill(I, EIGHT, x3)
    return O


def solve_bb43febb(I):
    # only right where a rectangle's inside is at most two cells thick
    x1 = objects(I, T, F, T)
    x2 = mapply(inbox, x1)
    O = fill(I, TWO, x2)
    return O


def solve_d5d6de2d(I):
    x1 = objects(I, T, F, T)
    x2 = mapply(delta, x1)
    x3 = merge(x1)
    x4 = cover(I, x3)
    O = fill(x4, THREE, x2)
    return O


def solve_4258a5f9(I):
    x1 = ofcolor(I, FIVE)
    x2 = mapply(neighbors, x1)
    O = fill(I, ONE, x2)
    return O


def solve_d364b489(I):
    x1 = ofcolor(I, ONE)
    x2 = lbind(shift, x1)
    x3 = x2(UP)
    x4 = x2(DOWN)
    x5 = x2(LEFT)
    x6 = x2(RIGHT)
    x7 = fill(I, TWO, x3)
    x8 = fill(x7, EIGHT, x4)
    x9 = fill(x8, SEVEN, x5)
    O = fill(x9, SIX, x6)
    return O


def solve_a699fb00(I):
    x1 = ofcolor(I, ONE)
    x2 = shift(x1, RIGHT)
    x3 = shift(x1, LEFT)
    x4 = intersection(x2, x3)
    O = underfill(I, TWO, x4)
    return O


def solve_d037b0a7(I):
    x1 = objects(I, T, F, T)
    x2 = rbind(shoot, DOWN)
    x3 = compose(x2, center)
    x4 = fork(recolor, color, x3)
    x5 = mapply(x4, x1)
    O = paint(I, x5)
    return O


def solve_05f2a901(I):
    x1 = objects(I, T, F, T)
    x2 = colorfilter(x1, TWO)
    x3 = first(x2)
    x4 = colorfilter(x1, EIGHT)
    x5 = first(x4)
    x6 = gravitate(x3, x5)
    O = move(I, x3, x6)
    return O


def solve_dc433765(I):
    x1 = ofcolor(I, THREE)
    x2 = ofcolor(I, FOUR)
    x3 = first(x1)
    x4 = first(x2)
    x5 = subtract(x4, x3)
    x6 = sign(x5)
    x7 = recolor(THREE, x1)
    O = move(I, x7, x6)
    return O


def solve_08ed6ac7(I):
    # bars by height: the tallest 1, then 2, 3, the shortest 4
    x1 = objects(I, T, F, T)
    x2 = order(x1, size)
    x3 = interval(FOUR, ZERO, NEG_ONE)
    x4 = papply(recolor, x3, x2)
    x5 = merge(x4)
    O = paint(I, x5)
    return O


def solve_a61f2674(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = argmin(x1, size)
    x4 = shape(I)
    x5 = canvas(ZERO, x4)
    x6 = fill(x5, ONE, x2)
    O = fill(x6, TWO, x3)
    return O


def solve_6e82a1ae(I):
    x1 = objects(I, T, F, T)
    x2 = matcher(size, FOUR)
    x3 = mfilter(x1, x2)
    x4 = sizefilter(x1, THREE)
    x5 = merge(x4)
    x6 = sizefilter(x1, TWO)
    x7 = merge(x6)
    x8 = fill(I, ONE, x3)
    x9 = fill(x8, TWO, x5)
    O = fill(x9, THREE, x7)
    return O


def solve_95990924(I):
    x1 = objects(I, T, F, T)
    x2 = apply(ulcorner, x1)
    x3 = shift(x2, NEG_UNITY)
    x4 = apply(urcorner, x1)
    x5 = shift(x4, UP_RIGHT)
    x6 = apply(llcorner, x1)
    x7 = shift(x6, DOWN_LEFT)
    x8 = apply(lrcorner, x1)
    x9 = shift(x8, UNITY)
    x10 = fill(I, ONE, x3)
    x11 = fill(x10, TWO, x5)
    x12 = fill(x11, THREE, x7)
    O = fill(x12, FOUR, x9)
    return O


def solve_623ea044(I):
    x1 = objects(I, T, T, T)
    x2 = first(x1)
    x3 = center(x2)
    x4 = color(x2)
    x5 = shoot(x3, UNITY)
    x6 = shoot(x3, NEG_UNITY)
    x7 = shoot(x3, UP_RIGHT)
    x8 = shoot(x3, DOWN_LEFT)
    x9 = combine(x5, x6)
    x10 = combine(x7, x8)
    x11 = combine(x9, x10)
    O = fill(I, x4, x11)
    return O


def solve_ea786f4a(I):
    x1 = asindices(I)
    x2 = ulcorner(x1)
    x3 = lrcorner(x1)
    x4 = connect(x2, x3)
    x5 = urcorner(x1)
    x6 = llcorner(x1)
    x7 = connect(x5, x6)
    x8 = combine(x4, x7)
    O = fill(I, ZERO, x8)
    return O


def solve_56ff96f3(I):
    x1 = fgpartition(I)
    x2 = fork(recolor, color, backdrop)
    x3 = mapply(x2, x1)
    O = paint(I, x3)
    return O


def solve_8efcae92(I):
    x1 = objects(I, F, F, T)
    x2 = rbind(colorcount, TWO)
    x3 = argmax(x1, x2)
    O = subgrid(x3, I)
    return O


def solve_1cf80156(I):
    x1 = partition(I)
    x2 = argmin(x1, size)
    x3 = normalize(x2)
    x4 = shape(x3)
    x5 = canvas(ZERO, x4)
    O = paint(x5, x3)
    return O


def solve_42a50994(I):
    # a cell with no neighbour of its colour, diagonals included, is noise
    x1 = objects(I, T, T, T)
    x2 = sizefilter(x1, ONE)
    x3 = merge(x2)
    O = cover(I, x3)
    return O


def solve_99b1bc43(I):
    x1 = vsplit(I, TWO)
    x2 = first(x1)
    x3 = last(x1)
    x4 = ofcolor(x2, ZERO)
    x5 = ofcolor(x3, ZERO)
    x6 = difference(x4, x5)
    x7 = difference(x5, x4)
    x8 = combine(x6, x7)
    x9 = shape(x2)
    x10 = canvas(ZERO, x9)
    O = fill(x10, THREE, x8)
    return O


def solve_0520fde7(I):
    x1 = hsplit(I, TWO)
    x2 = first(x1)
    x3 = last(x1)
    x4 = cellwise(x2, x3, ZERO)
    O = replace(x4, ONE, TWO)
    return O
