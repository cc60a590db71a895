"""tests/golden/arc1/programs_wide.py: some of programs.py's programs again,
written as people write Python rather than one call per line: nested calls,
a returned call, aliases, tuple and negative literals, lambdas, annotations
and docstrings. The golden test runs them and compares with the same
reference dump as programs.py (the results must not depend on the syntax)."""
from dsl import *
from constants import *


def solve_007bbfb7(I: Grid) -> Grid:
    """The 3x3 input tiled 3x3, kept only in the blocks whose cell is coloured."""
    x2: Grid = hconcat(hconcat(I, I), I)
    return fill(vconcat(vconcat(x2, x2), x2), 0, ofcolor(upscale(I, 3), 0))


def solve_0d3d703e(I):
    return switch(switch(switch(switch(I, 3, 4), 1, 5), 2, 6), 8, 9)


def solve_3c9b0459(I):
    twice = power(rot90, 2)
    return twice(I)


def solve_7b7f7511(I):
    half = branch(portrait(I), vsplit, hsplit)
    O = first(half(I, 2))
    return O


def solve_44f52bb0(I):
    return canvas(branch(equality(vmirror(I), I), 1, 7), (1, 1))


def solve_d631b094(I):
    colour = other(palette(I), 0)
    return canvas(colour, (1, colorcount(I, colour)))


def solve_445eab21(I):
    return canvas(color(argmax(objects(I, T, F, T), size)), (TWO, TWO))


def solve_a5313dff(I):
    x2 = colorfilter(objects(I, T, F, F), ZERO)
    inside = compose(flip, lambda o: bordering(o, I))
    return fill(I, ONE, mfilter(x2, inside))


def solve_00d62c1b(I):
    holes = colorfilter(objects(I, T, F, F), ZERO)
    enclosed = difference(holes, sfilter(holes, lambda o: bordering(o, I)))
    return fill(I, FOUR, merge(enclosed))


def solve_d364b489(I):
    ones = ofcolor(I, ONE)
    moved = lambda d: shift(ones, d)
    x7 = fill(I, TWO, moved((-1, 0)))
    x8 = fill(x7, EIGHT, moved(DOWN))
    x9 = fill(x8, SEVEN, moved((0, -1)))
    return fill(x9, SIX, moved(RIGHT))


def solve_d037b0a7(I):
    down = compose(lambda p: shoot(p, DOWN), center)
    return paint(I, mapply(fork(recolor, color, down), objects(I, T, F, T)))


def solve_dc433765(I):
    x1 = ofcolor(I, 3)
    step = sign(subtract(first(ofcolor(I, 4)), first(x1)))
    return move(I, recolor(3, x1), step)


def solve_08ed6ac7(I):
    x1 = objects(I, T, F, T)
    return paint(I, merge(papply(recolor, interval(4, 0, -1), order(x1, size))))


def solve_95990924(I):
    x1 = objects(I, T, F, T)
    x10 = fill(I, 1, shift(apply(ulcorner, x1), (-1, -1)))
    x11 = fill(x10, 2, shift(apply(urcorner, x1), (-1, 1)))
    x12 = fill(x11, 3, shift(apply(llcorner, x1), (1, -1)))
    return fill(x12, 4, shift(apply(lrcorner, x1), (1, 1)))


def solve_8efcae92(I):
    return subgrid(argmax(objects(I, F, F, T), lambda o: colorcount(o, 2)), I)


def solve_1cf80156(I):
    x3 = normalize(argmin(partition(I), size))
    return paint(canvas(0, shape(x3)), x3)


def solve_0520fde7(I):
    halves = hsplit(I, 2)
    left = first(halves)
    O = replace(cellwise(left, last(halves), 0), 1, 2)
    return O
