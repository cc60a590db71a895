// dsl/grids_paint.cpp: painting on a fresh copy of a grid: fill, paint,
// underfill, underpaint, cover and move. Split from grids.cpp by topic; the
// shared helpers are in grids_internal.h.
#include "dsl/grids.h"
#include "dsl/grids_internal.h"

namespace battc::dsl {

using namespace detail::grids_internal;

namespace {

// A fresh copy of g whose cells the caller may still write.
DSL_HD Grid copy_grid(Ctx& c, const Grid& g, Int*& cells) {
  Grid out = make_grid(c, g.h, g.w, cells);
  if (!cells) return Grid{};
  i64 n = g.cells();
  for (i64 k = 0; k < n; ++k) cells[k] = g.c[k];
  return out;
}

// ---- painting on a fresh copy --------------------------------------------------------------

template <class T>
DSL_HD void fill_into(Int* cells, const Grid& g, Int value, const FSet<T>& patch, bool under, Int bg) {
  for (i32 k = 0; k < patch.n; ++k) {
    Pt p = pt_of(patch.p[k]);
    if (p.a >= 0 && p.a < g.h && p.b >= 0 && p.b < g.w) {
      Int& cell = cells[i64(p.a) * g.w + p.b];
      if (!under || cell == bg) cell = value;
    }
  }
}

DSL_HD void paint_into(Int* cells, const Grid& g, const Object& obj, bool under, Int bg, i64 di, i64 dj) {
  for (i32 k = 0; k < obj.n; ++k) {
    i64 i = i64(obj.p[k].b.a) + di, j = i64(obj.p[k].b.b) + dj;
    if (i >= 0 && i < g.h && j >= 0 && j < g.w) {
      Int& cell = cells[i * g.w + j];
      if (!under || cell == bg) cell = obj.p[k].a;
    }
  }
}

// The copy fill and paint write n cells into (cells == nullptr on failure),
// and the background their under- forms keep to.
DSL_HD Grid painting_copy(Ctx& c, const Grid& g, bool under, i64 n, Int& bg, Int*& cells) {
  cells = nullptr;
  bg = 0;
  if (!has_row(c, g)) return {};
  if (under) {
    bg = mostcolor(c, g);
    if (c.failed()) return {};
  }
  if (!c.spend(n)) return {};
  return copy_grid(c, g, cells);
}

template <class T>
DSL_HD Grid fill_impl(Ctx& c, const Grid& g, Int value, const FSet<T>& patch, bool under) {
  Int bg;
  Int* cells;
  Grid out = painting_copy(c, g, under, patch.n, bg, cells);
  if (!cells) return {};
  fill_into(cells, out, value, patch, under, bg);
  return out;
}

DSL_HD Grid paint_impl(Ctx& c, const Grid& g, const Object& obj, bool under) {
  Int bg;
  Int* cells;
  Grid out = painting_copy(c, g, under, obj.n, bg, cells);
  if (!cells) return {};
  paint_into(cells, out, obj, under, bg, 0, 0);
  return out;
}

template <class T>
DSL_HD Grid cover_impl(Ctx& c, const Grid& g, const FSet<T>& patch) {
  Int bg = mostcolor(c, g);
  if (c.failed()) return {};
  return fill_impl(c, g, bg, patch, false);
}

}  // namespace

// ---- painting ----------------------------------------------------------------------------

DSL_HD Grid fill(Ctx& c, const Grid& g, Int value, const Indices& patch) {
  return fill_impl(c, g, value, patch, false);
}
DSL_HD Grid fill(Ctx& c, const Grid& g, Int value, const Object& patch) {
  return fill_impl(c, g, value, patch, false);
}
DSL_HD Grid paint(Ctx& c, const Grid& g, const Object& obj) { return paint_impl(c, g, obj, false); }
DSL_HD Grid underfill(Ctx& c, const Grid& g, Int value, const Indices& patch) {
  return fill_impl(c, g, value, patch, true);
}
DSL_HD Grid underfill(Ctx& c, const Grid& g, Int value, const Object& patch) {
  return fill_impl(c, g, value, patch, true);
}
DSL_HD Grid underpaint(Ctx& c, const Grid& g, const Object& obj) { return paint_impl(c, g, obj, true); }
// Cells given as a tuple paint in the tuple's order (a later cell on the same
// spot wins), as Python's loop does: painted as they come, not as a set.
DSL_HD Grid paint(Ctx& c, const Grid& g, const Tuple<Cell>& cells) {
  return paint_impl(c, g, Object{cells.p, cells.n}, false);
}
DSL_HD Grid underpaint(Ctx& c, const Grid& g, const Tuple<Cell>& cells) {
  return paint_impl(c, g, Object{cells.p, cells.n}, true);
}
DSL_HD Grid paint(Ctx& c, const Grid& g, const Pair<Cell, Cell>& cells) {
  Cell two[2] = {cells.a, cells.b};
  return paint_impl(c, g, Object{two, 2}, false);
}
DSL_HD Grid underpaint(Ctx& c, const Grid& g, const Pair<Cell, Cell>& cells) {
  Cell two[2] = {cells.a, cells.b};
  return paint_impl(c, g, Object{two, 2}, true);
}
DSL_HD Grid cover(Ctx& c, const Grid& g, const Indices& patch) { return cover_impl(c, g, patch); }
DSL_HD Grid cover(Ctx& c, const Grid& g, const Object& patch) { return cover_impl(c, g, patch); }

// paint(cover(grid, obj), shift(obj, offset)); the shift is done in 64 bits,
// so cells shifted far away are dropped as Python drops them.
DSL_HD Grid move(Ctx& c, const Grid& g, const Object& obj, Pt offset) {
  Int bg = mostcolor(c, g);
  if (c.failed() || !has_row(c, g)) return {};
  if (obj.n > 0 && (!not_none(c, offset.a) || !not_none(c, offset.b))) return {};
  if (!c.spend(i64(obj.n) * 2)) return {};
  Int* cells;
  Grid out = copy_grid(c, g, cells);
  if (!cells) return {};
  fill_into(cells, out, bg, obj, false, 0);
  paint_into(cells, out, obj, false, 0, offset.a, offset.b);
  return out;
}

}  // namespace battc::dsl
