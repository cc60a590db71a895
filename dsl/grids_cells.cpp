// dsl/grids_cells.cpp: a grid's cells as indices and objects: asindices,
// ofcolor, asobject and toobject. Split from grids.cpp by topic; the shared
// helpers are in grids_internal.h.
#include "dsl/grids.h"
#include "dsl/grids_internal.h"

namespace battc::dsl {

using namespace detail::grids_internal;

namespace {

// ---- objects from points ---------------------------------------------------------------

// The cells of g at the sorted, unique points pts[0..n) that lie inside g,
// written to out (room for n); returns how many.
DSL_HD i32 cells_at(const Pt* pts, i32 n, const Grid& g, Cell* out) {
  i32 k = 0;
  for (i32 t = 0; t < n; ++t) {
    Pt p = pts[t];
    if (p.a >= 0 && p.a < g.h && p.b >= 0 && p.b < g.w) out[k++] = Cell{g.at(p.a, p.b), p};
  }
  return k;
}

}  // namespace

// ---- grid to indices and objects ----------------------------------------------------

DSL_HD Indices asindices(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g)) return {};
  i64 n = g.cells();
  if (!c.spend(n + 1)) return {};
  Pt* buf = c.alloc<Pt>(n);
  if (!buf) return {};
  i64 k = 0;
  for (i32 i = 0; i < g.h; ++i)
    for (i32 j = 0; j < g.w; ++j) buf[k++] = Pt{i, j};
  return sorted_set(buf, i32(n));
}

DSL_HD Indices ofcolor(Ctx& c, const Grid& g, Int value) {
  if (!detail::readable(c, g)) return {};
  i32 n = colorcount(c, g, value);
  if (c.failed()) return {};
  Pt* buf = c.alloc<Pt>(n);
  if (!buf) return {};
  i32 k = 0;
  for (i32 i = 0; i < g.h; ++i)
    for (i32 j = 0; j < g.w; ++j)
      if (g.at(i, j) == value && k < n) buf[k++] = Pt{i, j};
  return sorted_set(buf, k);
}

DSL_HD Object asobject(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g)) return {};
  i64 n = g.cells();
  if (!c.spend(n + 1)) return {};
  Cell* buf = c.alloc<Cell>(n);
  if (!buf) return {};
  i64 k = 0;
  for (i32 i = 0; i < g.h; ++i)
    for (i32 j = 0; j < g.w; ++j) buf[k++] = Cell{g.at(i, j), Pt{i, j}};
  detail::sort_cells_by_color(c, buf, i32(n));
  if (c.failed()) return {};
  return sorted_set(buf, i32(n));
}

DSL_HD Object toobject(Ctx& c, const Indices& patch, const Grid& g) {
  if (!has_row(c, g) || !c.spend(patch.n + 1)) return {};
  Cell* buf = c.alloc<Cell>(patch.n);
  if (!buf) return {};
  i32 k = cells_at(patch.p, patch.n, g, buf);
  detail::sort_cells_by_color(c, buf, k);
  if (c.failed()) return {};
  return sorted_set(buf, k);
}

DSL_HD Object toobject(Ctx& c, const Object& patch, const Grid& g) {
  if (!has_row(c, g) || !c.spend(patch.n + 1)) return {};
  Cell* buf = c.alloc<Cell>(patch.n);
  if (!buf) return {};
  u64 m = c.mark();
  Pt* pts = c.alloc<Pt>(patch.n);
  if (!pts) return {};
  for (i32 t = 0; t < patch.n; ++t) pts[t] = patch.p[t].b;
  i32 np = sort_unique(c, pts, patch.n);  // toindices(patch)
  if (c.failed()) return {};
  i32 k = cells_at(pts, np, g, buf);
  c.release(m);
  detail::sort_cells_by_color(c, buf, k);
  if (c.failed()) return {};
  return sorted_set(buf, k);
}

}  // namespace battc::dsl
