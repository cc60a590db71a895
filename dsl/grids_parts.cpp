// dsl/grids_parts.cpp: parts of grids and grids from parts: crop, subgrid,
// concatenation and splitting, cellwise, trim, the halves, compress,
// frontiers and occurrences. Split from grids.cpp by topic; the shared
// helpers are in grids_internal.h.
#include "dsl/grids.h"
#include "dsl/grids_internal.h"

namespace battc::dsl {

using namespace detail::grids_internal;

namespace {

// ---- ragged grids: the row-by-row primitives ---------------------------------------------
// crop, trim, tophalf, bottomhalf, hconcat and vconcat are defined by Python
// row by row, so they take (and may make) ragged grids. They build their rows
// as tuples and let grid_of_rows decide the layout.

// Rows rs of g, each cut to [c0:c1] by Python's slice on its own length
// (whole rows when !cut).
DSL_HD Grid take_rows(Ctx& c, const Grid& g, Span rs, bool cut, i64 c0, i64 c1) {
  i32 h = rs.size();
  if (h == 0) return Grid{};
  Tuple<Int>* rows = c.alloc<Tuple<Int>>(h);
  if (!rows) return {};
  for (i32 k = 0; k < h; ++k) {
    i32 i = rs.lo + k;
    Span s = cut ? py_slice(g.rlen(i), c0, c1) : Span{0, g.rlen(i)};
    rows[k] = Tuple<Int>{g.rptr(i) + s.lo, s.size()};
  }
  return grid_of_rows(c, rows, h);
}

// Rows rs and columns cs of g (spans already resolved); () when no row is left.
DSL_HD Grid take(Ctx& c, const Grid& g, Span rs, Span cs) {
  i32 nr = rs.size(), nc = cs.size();
  if (nr == 0) return Grid{};
  Int* cells;
  Grid out = make_grid(c, nr, nc, cells);
  if (!cells) return Grid{};
  for (i32 i = 0; i < nr; ++i)
    for (i32 j = 0; j < nc; ++j) cells[i64(i) * nc + j] = g.at(rs.lo + i, cs.lo + j);
  return out;
}

// crop with 64-bit bounds: rows [r0, r0 + nr), columns [c0, c0 + nc) as slices.
DSL_HD Grid crop_span(Ctx& c, const Grid& g, i64 r0, i64 nr, i64 c0, i64 nc) {
  return take(c, g, py_slice(g.h, r0, r0 + nr), py_slice(g.w, c0, c0 + nc));
}

template <class T>
DSL_HD Grid subgrid_impl(Ctx& c, const FSet<T>& patch, const Grid& g) {
  if (!detail::readable(c, g)) return {};
  i64 r0, c0, r1, c1;
  if (!bbox(patch, r0, c0, r1, c1)) {
    c.fail(Why::Empty);  // crop(grid, (), (0, 0)): start[0] raises
    return {};
  }
  if (!c.spend(patch.n)) return {};
  return crop_span(c, g, r0, r1 - r0 + 1, c0, c1 - c0 + 1);
}

// Whether every cell of row i (column j) holds the same value, for w, h > 0.
DSL_HD bool uniform_row(const Grid& g, i32 i) {
  if (g.w == 0) return false;
  const Int* r = g.row(i);
  for (i32 j = 1; j < g.w; ++j)
    if (r[j] != r[0]) return false;
  return true;
}
DSL_HD bool uniform_col(const Grid& g, i32 j) {
  if (g.h == 0) return false;
  for (i32 i = 1; i < g.h; ++i)
    if (g.at(i, j) != g.at(0, j)) return false;
  return true;
}

}  // namespace

// ---- cropping ------------------------------------------------------------------------

DSL_HD Grid crop(Ctx& c, const Grid& g, Pt start, Pt dims) {
  if (g.ragged()) {  // row by row, as Python slices each row
    if (!detail::readable_rows(c, g) || !not_none(c, start.a) || !not_none(c, dims.a)) return {};
    Span rs = py_slice(g.h, start.a, i64(start.a) + dims.a);
    if (rs.size() == 0) return Grid{};
    if (!not_none(c, start.b) || !not_none(c, dims.b)) return {};
    return take_rows(c, g, rs, true, start.b, i64(start.b) + dims.b);
  }
  if (!detail::readable(c, g)) return {};
  // grid[start[0]:start[0]+dims[0]] first; the row slices only if a row is left.
  if (!not_none(c, start.a) || !not_none(c, dims.a)) return {};
  Span rs = py_slice(g.h, start.a, i64(start.a) + dims.a);
  if (rs.size() == 0) return Grid{};
  if (!not_none(c, start.b) || !not_none(c, dims.b)) return {};
  return take(c, g, rs, py_slice(g.w, start.b, i64(start.b) + dims.b));
}

DSL_HD Grid subgrid(Ctx& c, const Indices& patch, const Grid& g) { return subgrid_impl(c, patch, g); }
DSL_HD Grid subgrid(Ctx& c, const Object& patch, const Grid& g) { return subgrid_impl(c, patch, g); }

// ---- concatenation and splitting -------------------------------------------------------------

DSL_HD Grid hconcat(Ctx& c, const Grid& a, const Grid& b) {
  if (a.ragged() || b.ragged()) {
    if (!detail::readable_rows(c, a) || !detail::readable_rows(c, b)) return {};
    i32 h = a.h < b.h ? a.h : b.h;
    Tuple<Int>* rows = c.alloc<Tuple<Int>>(h);
    if (!rows && h > 0) return {};
    for (i32 i = 0; i < h; ++i) {
      i32 na = a.rlen(i), nb = b.rlen(i);
      Int* buf = c.alloc<Int>(i64(na) + nb);
      if (!buf) return {};
      for (i32 j = 0; j < na; ++j) buf[j] = a.rptr(i)[j];
      for (i32 j = 0; j < nb; ++j) buf[na + j] = b.rptr(i)[j];
      rows[i] = Tuple<Int>{buf, na + nb};
    }
    return grid_of_rows(c, rows, h);
  }
  if (!detail::readable(c, a) || !detail::readable(c, b)) return {};
  i32 h = a.h < b.h ? a.h : b.h;  // zip stops at the shorter
  if (h == 0) return {};
  Int* cells;
  Grid out = make_grid(c, h, i64(a.w) + b.w, cells);
  if (!cells) return {};
  i64 w = out.w;
  for (i32 i = 0; i < h; ++i) {
    for (i32 j = 0; j < a.w; ++j) cells[i * w + j] = a.at(i, j);
    for (i32 j = 0; j < b.w; ++j) cells[i * w + a.w + j] = b.at(i, j);
  }
  return out;
}

DSL_HD Grid vconcat(Ctx& c, const Grid& a, const Grid& b) {
  if (!detail::readable_rows(c, a) || !detail::readable_rows(c, b)) return {};
  if (a.h == 0) return b;
  if (b.h == 0) return a;
  if (a.ragged() || b.ragged() || a.w != b.w) {  // a + b: a ragged tuple of rows
    Tuple<Int>* rows = c.alloc<Tuple<Int>>(i64(a.h) + b.h);
    if (!rows) return {};
    for (i32 i = 0; i < a.h; ++i) rows[i] = Tuple<Int>{a.rptr(i), a.rlen(i)};
    for (i32 i = 0; i < b.h; ++i) rows[a.h + i] = Tuple<Int>{b.rptr(i), b.rlen(i)};
    return grid_of_rows(c, rows, a.h + b.h);
  }
  Int* cells;
  Grid out = make_grid(c, i64(a.h) + b.h, a.w, cells);
  if (!cells) return {};
  i64 na = a.cells(), nb = b.cells();
  for (i64 k = 0; k < na; ++k) cells[k] = a.c[k];
  for (i64 k = 0; k < nb; ++k) cells[na + k] = b.c[k];
  return out;
}

DSL_HD Tuple<Grid> hsplit(Ctx& c, const Grid& g, Int n) {
  if (!has_row(c, g)) return {};
  Int w = py_floordiv(c, g.w, n);
  i64 offset = py_mod(c, g.w, n) != 0;
  if (c.failed()) return {};
  Builder<Tuple<Grid>> out;
  if (!out.start(c, n)) return {};
  for (i64 i = 0; i < n && c.ok(); ++i) out.push(crop_span(c, g, 0, g.h, w * i + i * offset, w));
  return out.finish(c);
}

DSL_HD Tuple<Grid> vsplit(Ctx& c, const Grid& g, Int n) {
  if (!detail::readable(c, g)) return {};
  Int h = py_floordiv(c, g.h, n);
  if (!has_row(c, g)) return {};
  i64 offset = py_mod(c, g.h, n) != 0;
  if (c.failed()) return {};
  Builder<Tuple<Grid>> out;
  if (!out.start(c, n)) return {};
  for (i64 i = 0; i < n && c.ok(); ++i) out.push(crop_span(c, g, h * i + i * offset, h, 0, g.w));
  return out.finish(c);
}

DSL_HD Grid cellwise(Ctx& c, const Grid& a, const Grid& b, Int fallback) {
  if (!has_row(c, a) || !detail::readable(c, b)) return {};
  if (a.w > 0 && (b.h < a.h || b.w < a.w)) {
    c.fail(Why::Index);  // IndexError on b[i][j]
    return {};
  }
  Int* cells;
  Grid out = make_grid(c, a.h, a.w, cells);
  if (!cells) return {};
  for (i32 i = 0; i < a.h; ++i)
    for (i32 j = 0; j < a.w; ++j) {
      Int v = a.at(i, j);
      cells[i64(i) * a.w + j] = v == b.at(i, j) ? v : fallback;
    }
  return out;
}

// ---- parts of grids --------------------------------------------------------------------------------

DSL_HD Grid trim(Ctx& c, const Grid& g) {
  if (g.ragged()) return detail::readable_rows(c, g) ? take_rows(c, g, py_slice(g.h, 1, -1), true, 1, -1) : Grid{};
  if (!detail::readable(c, g)) return {};
  return take(c, g, py_slice(g.h, 1, -1), py_slice(g.w, 1, -1));
}

DSL_HD Grid tophalf(Ctx& c, const Grid& g) {
  if (g.ragged()) return detail::readable_rows(c, g) ? take_rows(c, g, Span{0, g.h / 2}, false, 0, 0) : Grid{};
  if (!detail::readable(c, g)) return {};
  return take(c, g, Span{0, g.h / 2}, Span{0, g.w});
}

DSL_HD Grid bottomhalf(Ctx& c, const Grid& g) {
  if (g.ragged())
    return detail::readable_rows(c, g) ? take_rows(c, g, Span{g.h / 2 + g.h % 2, g.h}, false, 0, 0) : Grid{};
  if (!detail::readable(c, g)) return {};
  return take(c, g, Span{g.h / 2 + g.h % 2, g.h}, Span{0, g.w});
}

// rot270(tophalf(rot90(grid))): () once no column is left.
DSL_HD Grid lefthalf(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g) || g.w / 2 == 0) return {};
  return take(c, g, Span{0, g.h}, Span{0, g.w / 2});
}

DSL_HD Grid righthalf(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g) || g.w / 2 == 0) return {};
  return take(c, g, Span{0, g.h}, Span{g.w / 2 + g.w % 2, g.w});
}

DSL_HD Grid compress(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g) || g.h == 0) return {};
  if (!c.spend(g.cells() * 3 + 1)) return {};
  i32 nr = 0, nc = 0;
  for (i32 i = 0; i < g.h; ++i) nr += !uniform_row(g, i);
  for (i32 j = 0; j < g.w; ++j) nc += !uniform_col(g, j);
  if (nr == 0) return {};
  Int* cells;
  Grid out = make_grid(c, nr, nc, cells);
  if (!cells) return {};
  u64 m = c.mark();
  bool* keep_col = c.alloc<bool>(g.w);
  if (!keep_col) return {};
  for (i32 j = 0; j < g.w; ++j) keep_col[j] = !uniform_col(g, j);
  i64 k = 0;
  for (i32 i = 0; i < g.h; ++i) {
    if (uniform_row(g, i)) continue;
    for (i32 j = 0; j < g.w; ++j)
      if (keep_col[j]) cells[k++] = g.at(i, j);
  }
  c.release(m);
  return out;
}

DSL_HD Objects frontiers(Ctx& c, const Grid& g) {
  if (!has_row(c, g)) return {};
  if (!c.spend(g.cells() * 3 + 1)) return {};
  i32 nr = 0, nc = 0;
  for (i32 i = 0; i < g.h; ++i) nr += uniform_row(g, i);
  for (i32 j = 0; j < g.w; ++j) nc += uniform_col(g, j);
  Cell* cells = c.alloc<Cell>(i64(nr) * g.w + i64(nc) * g.h);
  Object* objs = c.alloc<Object>(i64(nr) + nc);
  if (!cells || !objs) return {};
  i64 k = 0;
  i32 t = 0;
  for (i32 i = 0; i < g.h; ++i) {
    if (!uniform_row(g, i)) continue;
    Cell* o = cells + k;
    for (i32 j = 0; j < g.w; ++j) cells[k++] = Cell{g.at(i, j), Pt{i, j}};
    objs[t++] = Object{o, g.w};
  }
  for (i32 j = 0; j < g.w; ++j) {
    if (!uniform_col(g, j)) continue;
    Cell* o = cells + k;
    for (i32 i = 0; i < g.h; ++i) cells[k++] = Cell{g.at(i, j), Pt{i, j}};
    objs[t++] = Object{o, g.h};
  }
  return make_set(c, objs, t);
}

DSL_HD Indices occurrences(Ctx& c, const Grid& g, const Object& obj) {
  if (!has_row(c, g)) return {};
  i64 r0 = 0, c0 = 0, r1 = -1, c1 = -1;  // shape of an empty object: (0, 0)
  bbox(obj, r0, c0, r1, c1);
  i64 h2 = i64(g.h) - (r1 - r0 + 1) + 1, w2 = i64(g.w) - (c1 - c0 + 1) + 1;
  if (h2 <= 0 || w2 <= 0) return {};
  if (!c.spend(h2 * w2 + 1)) return {};
  Pt* buf = c.alloc<Pt>(h2 * w2);
  if (!buf) return {};
  i32 k = 0;
  for (i64 i = 0; i < h2; ++i)
    for (i64 j = 0; j < w2; ++j) {
      bool occurs = true;
      i32 t = 0;
      for (; t < obj.n && occurs; ++t) {
        const Cell& x = obj.p[t];
        // Inside the grid by construction of h2, w2.
        occurs = g.at(i32(x.b.a - r0 + i), i32(x.b.b - c0 + j)) == x.a;
      }
      if (!c.spend(t)) return {};
      if (occurs) buf[k++] = Pt{i32(i), i32(j)};
    }
  return sorted_set(buf, k);
}

}  // namespace battc::dsl
