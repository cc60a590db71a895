// dsl/grids.h: arc-dsl's grid and element primitives: colors of an element
// (grid or object), grid <-> indices/object conversions, cropping, rotations
// and mirrors of grids, painting, scaling, concatenation and splitting, and
// the grid measures (height, width, shape, ...). Patch overloads of the
// mirrors and measures live in patches.h.
//
// Python's `len(grid[0])` on the empty grid () raises: the primitives that
// evaluate it fail on h == 0, the others (which only iterate rows) return ().
// Colors of Indices: Python's `for v, _ in element` reads the row index as the
// color, so palette/mostcolor/... accept Indices and do the same.
#pragma once

#include "dsl/container.h"

namespace battc::dsl {

// ---- colors of an element ---------------------------------------------------------

// max(set(values), key=values.count): ties go to the smallest value (the
// canonical set order); an empty element fails.
DSL_HD Int mostcolor(Ctx& c, const Grid& g);
DSL_HD Int mostcolor(Ctx& c, const Object& obj);
DSL_HD Int mostcolor(Ctx& c, const Indices& ind);
DSL_HD Int leastcolor(Ctx& c, const Grid& g);
DSL_HD Int leastcolor(Ctx& c, const Object& obj);
DSL_HD Int leastcolor(Ctx& c, const Indices& ind);

DSL_HD IntSet palette(Ctx& c, const Grid& g);
DSL_HD IntSet palette(Ctx& c, const Object& obj);
DSL_HD IntSet palette(Ctx& c, const Indices& ind);
DSL_HD Int numcolors(Ctx& c, const Grid& g);
DSL_HD Int numcolors(Ctx& c, const Object& obj);
DSL_HD Int numcolors(Ctx& c, const Indices& ind);
DSL_HD Int colorcount(Ctx& c, const Grid& g, Int value);
DSL_HD Int colorcount(Ctx& c, const Object& obj, Int value);
DSL_HD Int colorcount(Ctx& c, const Indices& ind, Int value);

// ---- grid to indices and objects ----------------------------------------------------

DSL_HD Indices asindices(Ctx& c, const Grid& g);
DSL_HD Indices ofcolor(Ctx& c, const Grid& g, Int value);
DSL_HD Object asobject(Ctx& c, const Grid& g);
DSL_HD Object toobject(Ctx& c, const Indices& patch, const Grid& g);
DSL_HD Object toobject(Ctx& c, const Object& patch, const Grid& g);

// ---- cropping ------------------------------------------------------------------------

// grid[s0:s0+d0] with each row sliced [s1:s1+d1]: Python slices, so a
// negative start counts from the end.
DSL_HD Grid crop(Ctx& c, const Grid& g, Pt start, Pt dims);
// crop(grid, ulcorner(patch), shape(patch)); an empty patch fails.
DSL_HD Grid subgrid(Ctx& c, const Indices& patch, const Grid& g);
DSL_HD Grid subgrid(Ctx& c, const Object& patch, const Grid& g);

// ---- rotations and mirrors of grids ----------------------------------------------------

DSL_HD Grid rot90(Ctx& c, const Grid& g);
DSL_HD Grid rot180(Ctx& c, const Grid& g);
DSL_HD Grid rot270(Ctx& c, const Grid& g);
DSL_HD Grid hmirror(Ctx& c, const Grid& g);
DSL_HD Grid vmirror(Ctx& c, const Grid& g);
DSL_HD Grid dmirror(Ctx& c, const Grid& g);
DSL_HD Grid cmirror(Ctx& c, const Grid& g);

// ---- measures of grids ------------------------------------------------------------------

DSL_FN Int height(Ctx&, const Grid& g) { return g.h > 0 ? g.h : 0; }
DSL_FN Int width(Ctx&, const Grid& g) { return g.h > 0 ? g.w : 0; }
DSL_FN Pt shape(Ctx& c, const Grid& g) { return Pt{height(c, g), width(c, g)}; }
DSL_FN Bool portrait(Ctx& c, const Grid& g) { return height(c, g) > width(c, g); }
// len(grid) == len(grid[0]): the empty grid fails.
DSL_FN Bool square(Ctx& c, const Grid& g) {
  if (g.h <= 0) {
    c.fail(Why::Empty);
    return false;
  }
  return g.h == g.w;
}
// height == len(grid) (always) and width == 1.
DSL_FN Bool vline(Ctx& c, const Grid& g) { return width(c, g) == 1; }
// width == len(grid) and height == 1: only a 1x1 grid.
DSL_FN Bool hline(Ctx& c, const Grid& g) { return width(c, g) == g.h && height(c, g) == 1; }

// ---- painting ----------------------------------------------------------------------------

DSL_HD Grid fill(Ctx& c, const Grid& g, Int value, const Indices& patch);
DSL_HD Grid fill(Ctx& c, const Grid& g, Int value, const Object& patch);
DSL_HD Grid paint(Ctx& c, const Grid& g, const Object& obj);
DSL_HD Grid underfill(Ctx& c, const Grid& g, Int value, const Indices& patch);
DSL_HD Grid underfill(Ctx& c, const Grid& g, Int value, const Object& patch);
DSL_HD Grid underpaint(Ctx& c, const Grid& g, const Object& obj);
// A tuple (or pair) of cells paints in its own order, later cells winning.
DSL_HD Grid paint(Ctx& c, const Grid& g, const Tuple<Cell>& cells);
DSL_HD Grid underpaint(Ctx& c, const Grid& g, const Tuple<Cell>& cells);
DSL_HD Grid paint(Ctx& c, const Grid& g, const Pair<Cell, Cell>& cells);
DSL_HD Grid underpaint(Ctx& c, const Grid& g, const Pair<Cell, Cell>& cells);
DSL_HD Grid cover(Ctx& c, const Grid& g, const Indices& patch);
DSL_HD Grid cover(Ctx& c, const Grid& g, const Object& patch);
DSL_HD Grid move(Ctx& c, const Grid& g, const Object& obj, Pt offset);

// ---- scaling -------------------------------------------------------------------------------

// A factor <= 0 repeats nothing (range(factor) is empty).
DSL_HD Grid hupscale(Ctx& c, const Grid& g, Int factor);
DSL_HD Grid vupscale(Ctx& c, const Grid& g, Int factor);
DSL_HD Grid upscale(Ctx& c, const Grid& g, Int factor);
DSL_HD Object upscale(Ctx& c, const Object& obj, Int factor);
// Keeps rows and columns whose index % factor == 0: factor 0 fails, a
// negative factor acts like its absolute value.
DSL_HD Grid downscale(Ctx& c, const Grid& g, Int factor);

// ---- concatenation and splitting -------------------------------------------------------------

DSL_HD Grid hconcat(Ctx& c, const Grid& a, const Grid& b);
// a + b: grids of different widths would make a ragged tuple, which fails.
DSL_HD Grid vconcat(Ctx& c, const Grid& a, const Grid& b);
DSL_HD Tuple<Grid> hsplit(Ctx& c, const Grid& g, Int n);
DSL_HD Tuple<Grid> vsplit(Ctx& c, const Grid& g, Int n);
DSL_HD Grid cellwise(Ctx& c, const Grid& a, const Grid& b, Int fallback);

// ---- cell values ---------------------------------------------------------------------------------

DSL_HD Grid replace(Ctx& c, const Grid& g, Int replacee, Int replacer);
DSL_HD Grid switch_(Ctx& c, const Grid& g, Int a, Int b);
// The cell at loc, or None (kNone) outside the grid.
DSL_HD Int index(Ctx& c, const Grid& g, Pt loc);
DSL_HD Grid canvas(Ctx& c, Int value, Pt dims);

// ---- parts of grids --------------------------------------------------------------------------------

DSL_HD Grid trim(Ctx& c, const Grid& g);
DSL_HD Grid tophalf(Ctx& c, const Grid& g);
DSL_HD Grid bottomhalf(Ctx& c, const Grid& g);
DSL_HD Grid lefthalf(Ctx& c, const Grid& g);
DSL_HD Grid righthalf(Ctx& c, const Grid& g);
// Drops the uniform rows and columns.
DSL_HD Grid compress(Ctx& c, const Grid& g);
// The uniform rows and columns as objects.
DSL_HD Objects frontiers(Ctx& c, const Grid& g);
// Upper-left corners where the normalized object matches the grid; an empty
// object occurs everywhere in range(h + 1) x range(w + 1).
DSL_HD Indices occurrences(Ctx& c, const Grid& g, const Object& obj);

// ---- helpers shared with objects.cpp -----------------------------------------------------------------

namespace detail {
// Stable sort of cells by color only: cells in row-major order come out in
// canonical (color, row, column) order.
DSL_HD void sort_cells_by_color(Ctx& c, Cell* a, i32 n);
// False (and status error) for a grid whose fields cannot be read safely,
// or a ragged one (only the row-by-row primitives take those; see values.h).
DSL_FN bool readable(Ctx& c, const Grid& g) {
  if (g.ragged() || g.h < 0 || g.w < 0 || (g.h > 0 && g.w > 0 && g.c == nullptr)) {
    c.fail(Why::Value);
    return false;
  }
  return true;
}
// readable() for the row-by-row primitives, which take ragged grids too.
DSL_FN bool readable_rows(Ctx& c, const Grid& g) {
  if (g.h < 0 || g.w < 0 || (g.h > 0 && g.c == nullptr)) {
    c.fail(Why::Value);
    return false;
  }
  return true;
}
}  // namespace detail

}  // namespace battc::dsl
