// dsl/grids_shape.cpp: whole-grid rewrites: rotations and mirrors of grids,
// scaling, and cell values (replace, switch, index, canvas). Split from
// grids.cpp by topic; the shared helpers are in grids_internal.h.
#include "dsl/grids.h"
#include "dsl/grids_internal.h"

namespace battc::dsl {

using namespace detail::grids_internal;

namespace {

// ---- ragged grids: the row-by-row primitives ---------------------------------------------
// replace, switch, hmirror and vmirror are defined by Python row by row, so
// they take (and may make) ragged grids. They build their rows as tuples and
// let grid_of_rows decide the layout.

// Each row of g mapped by f(row, out_row_buffer) -> out length.
template <class F>
DSL_HD Grid map_rows(Ctx& c, const Grid& g, i64 out_len_bound, const F& f) {
  Tuple<Int>* rows = c.alloc<Tuple<Int>>(g.h);
  if (!rows) return {};
  for (i32 i = 0; i < g.h; ++i) {
    Int* buf = c.alloc<Int>(out_len_bound < g.rlen(i) ? g.rlen(i) : out_len_bound);
    if (!buf) return {};
    rows[i] = Tuple<Int>{buf, f(i, buf)};
  }
  return grid_of_rows(c, rows, g.h);
}

}  // namespace

// ---- rotations and mirrors of grids ----------------------------------------------------

// A rectangular grid rearranged: out[r][k] = g.at(src(r, k)), the output
// g.h x g.w, or g.w x g.h when transposed. A transposing rearrangement is
// zip(*rows) in Python, which gives () for a grid without rows or columns.
template <class Src>
DSL_HD Grid remap(Ctx& c, const Grid& g, bool transpose, const Src& src) {
  if (!detail::readable(c, g) || g.h == 0 || (transpose && g.w == 0)) return {};
  i32 oh = transpose ? g.w : g.h, ow = transpose ? g.h : g.w;
  Int* cells;
  Grid out = make_grid(c, oh, ow, cells);
  if (!cells) return {};
  for (i32 r = 0; r < oh; ++r)
    for (i32 k = 0; k < ow; ++k) {
      Pt p = src(r, k);
      cells[i64(r) * ow + k] = g.at(p.a, p.b);
    }
  return out;
}

// zip(*rows) of a ragged grid stops at its shortest row: out[r][k] is the
// cell src(r, k, m) (row, column; m the shortest row's length), the output m
// rows of g.h cells. Python's rot90, rot270, dmirror and cmirror are zips.
template <class Src>
DSL_HD Grid remap_ragged_transposed(Ctx& c, const Grid& g, const Src& src) {
  if (!detail::readable_rows(c, g) || g.h == 0) return {};
  i32 m = g.rlen(0);
  for (i32 i = 1; i < g.h; ++i) m = g.rlen(i) < m ? g.rlen(i) : m;
  if (m == 0) return {};
  Int* cells;
  Grid out = make_grid(c, m, g.h, cells);
  if (!cells) return {};
  for (i32 r = 0; r < m; ++r)
    for (i32 k = 0; k < g.h; ++k) {
      Pt p = src(r, k, m);
      cells[i64(r) * g.h + k] = g.rptr(p.a)[p.b];
    }
  return out;
}

DSL_HD Grid rot90(Ctx& c, const Grid& g) {
  if (g.ragged()) return remap_ragged_transposed(c, g, [&](i32 r, i32 k, i32) { return Pt{g.h - 1 - k, r}; });
  return remap(c, g, true, [&](i32 r, i32 k) { return Pt{g.h - 1 - k, r}; });
}

DSL_HD Grid rot180(Ctx& c, const Grid& g) {
  return remap(c, g, false, [&](i32 r, i32 k) { return Pt{g.h - 1 - r, g.w - 1 - k}; });
}

DSL_HD Grid rot270(Ctx& c, const Grid& g) {
  if (g.ragged()) return remap_ragged_transposed(c, g, [&](i32 r, i32 k, i32 m) { return Pt{k, m - 1 - r}; });
  return remap(c, g, true, [&](i32 r, i32 k) { return Pt{k, g.w - 1 - r}; });
}

DSL_HD Grid hmirror(Ctx& c, const Grid& g) {
  if (g.ragged()) {
    if (!detail::readable_rows(c, g)) return {};
    // Row i of the result is row h-1-i of g: its buffer takes the longest row.
    i64 longest = 0;
    for (i32 i = 0; i < g.h; ++i) longest = g.rlen(i) > longest ? g.rlen(i) : longest;
    return map_rows(c, g, longest, [&](i32 i, Int* out) {
      const Int* r = g.rptr(g.h - 1 - i);
      i32 n = g.rlen(g.h - 1 - i);
      for (i32 j = 0; j < n; ++j) out[j] = r[j];
      return n;
    });
  }
  return remap(c, g, false, [&](i32 r, i32 k) { return Pt{g.h - 1 - r, k}; });
}

DSL_HD Grid vmirror(Ctx& c, const Grid& g) {
  if (g.ragged()) {
    if (!detail::readable_rows(c, g)) return {};
    return map_rows(c, g, 0, [&](i32 i, Int* out) {
      const Int* r = g.rptr(i);
      i32 n = g.rlen(i);
      for (i32 j = 0; j < n; ++j) out[j] = r[n - 1 - j];
      return n;
    });
  }
  return remap(c, g, false, [&](i32 r, i32 k) { return Pt{r, g.w - 1 - k}; });
}

DSL_HD Grid dmirror(Ctx& c, const Grid& g) {
  if (g.ragged()) return remap_ragged_transposed(c, g, [&](i32 r, i32 k, i32) { return Pt{k, r}; });
  return remap(c, g, true, [&](i32 r, i32 k) { return Pt{k, r}; });
}

DSL_HD Grid cmirror(Ctx& c, const Grid& g) {
  // each row reversed first, so the column counts from that row's own end
  if (g.ragged())
    return remap_ragged_transposed(c, g, [&](i32 r, i32 k, i32) { return Pt{g.h - 1 - k, g.rlen(g.h - 1 - k) - 1 - r}; });
  return remap(c, g, true, [&](i32 r, i32 k) { return Pt{g.h - 1 - k, g.w - 1 - r}; });
}

// ---- scaling -------------------------------------------------------------------------------

DSL_HD Grid hupscale(Ctx& c, const Grid& g, Int factor) {
  if (!detail::readable(c, g) || g.h == 0) return {};
  if (g.w > 0 && !not_none(c, factor)) return {};
  i64 f = factor > 0 ? factor : 0;
  Int* cells;
  Grid out = make_grid(c, g.h, i64(g.w) * f, cells);
  if (!cells) return {};
  i64 ow = out.w;
  for (i32 i = 0; i < g.h; ++i)
    for (i32 j = 0; j < g.w; ++j)
      for (i64 k = 0; k < f; ++k) cells[i * ow + j * f + k] = g.at(i, j);
  return out;
}

DSL_HD Grid vupscale(Ctx& c, const Grid& g, Int factor) {
  if (!detail::readable(c, g) || g.h == 0) return {};
  if (!not_none(c, factor)) return {};
  if (factor <= 0) return {};
  Int* cells;
  Grid out = make_grid(c, i64(g.h) * factor, g.w, cells);
  if (!cells) return {};
  for (i64 r = 0; r < out.h; ++r)
    for (i32 j = 0; j < g.w; ++j) cells[r * g.w + j] = g.at(i32(r / factor), j);
  return out;
}

DSL_HD Grid upscale(Ctx& c, const Grid& g, Int factor) {
  if (!detail::readable(c, g) || g.h == 0) return {};
  if (!not_none(c, factor)) return {};
  if (factor <= 0) return {};
  Int* cells;
  Grid out = make_grid(c, i64(g.h) * factor, i64(g.w) * factor, cells);
  if (!cells) return {};
  i64 ow = out.w;
  if (!g.ragged()) {
    // Each input row widened once, then copied: no division per cell (a
    // mutant upscaling a large grid made this a search's hottest primitive).
    for (i32 i = 0; i < g.h; ++i) {
      Int* first = cells + i64(i) * factor * ow;
      const Int* src = g.row(i);
      for (i32 j = 0; j < g.w; ++j)
        for (i64 k = 0; k < factor; ++k) first[j * factor + k] = src[j];
      for (i64 r = 1; r < factor; ++r)
        for (i64 k = 0; k < ow; ++k) first[r * ow + k] = first[k];
    }
    return out;
  }
  for (i64 r = 0; r < out.h; ++r)
    for (i64 k = 0; k < ow; ++k) cells[r * ow + k] = g.at(i32(r / factor), i32(k / factor));
  return out;
}

DSL_HD Object upscale(Ctx& c, const Object& obj, Int factor) {
  if (obj.n <= 0) return {};
  if (!not_none(c, factor)) return {};
  if (factor <= 0) return {};
  i64 r0 = 0, c0 = 0, r1 = 0, c1 = 0;
  bbox(obj, r0, c0, r1, c1);
  i64 f = factor;
  i64 n = i64(obj.n) * f * f;  // f < 2^31, so this stays far below 2^63
  if (f * f > kInt32Max || n > kInt32Max) {
    c.fail(Status::Budget, Why::Arena);
    return {};
  }
  if (!c.spend(n)) return {};
  Cell* buf = c.alloc<Cell>(n);
  if (!buf) return {};
  i64 k = 0;
  for (i32 t = 0; t < obj.n && c.ok(); ++t) {
    const Cell& x = obj.p[t];
    i64 bi = (x.b.a - r0) * f + r0, bj = (x.b.b - c0) * f + c0;
    for (i64 io = 0; io < f; ++io)
      for (i64 jo = 0; jo < f; ++jo) buf[k++] = Cell{x.a, Pt{checked(c, bi + io), checked(c, bj + jo)}};
  }
  if (c.failed()) return {};
  return make_set(c, buf, i32(n));
}

DSL_HD Grid downscale(Ctx& c, const Grid& g, Int factor) {
  if (!has_row(c, g)) return {};
  if (!not_none(c, factor)) return {};
  if (factor == 0) {
    c.fail(Why::Divide);  // ZeroDivisionError in the row loop (h > 0 here)
    return {};
  }
  // j % factor == 0 picks the multiples of |factor| whatever its sign.
  i64 f = factor < 0 ? -i64(factor) : factor;
  i64 nh = (g.h + f - 1) / f, nw = (g.w + f - 1) / f;
  Int* cells;
  Grid out = make_grid(c, nh, nw, cells);
  if (!cells) return {};
  for (i64 i = 0; i < nh; ++i)
    for (i64 j = 0; j < nw; ++j) cells[i * nw + j] = g.at(i32(i * f), i32(j * f));
  return out;
}

// ---- cell values ---------------------------------------------------------------------------------

DSL_HD Grid replace(Ctx& c, const Grid& g, Int replacee, Int replacer) {
  if (g.ragged()) {
    if (!detail::readable_rows(c, g)) return {};
    return map_rows(c, g, 0, [&](i32 i, Int* out) {
      for (i32 j = 0; j < g.rlen(i); ++j) out[j] = g.rptr(i)[j] == replacee ? replacer : g.rptr(i)[j];
      return g.rlen(i);
    });
  }
  if (!detail::readable(c, g) || g.h == 0) return {};
  Int* cells;
  Grid out = make_grid(c, g.h, g.w, cells);
  if (!cells) return {};
  i64 n = g.cells();
  for (i64 k = 0; k < n; ++k) cells[k] = g.c[k] == replacee ? replacer : g.c[k];
  return out;
}

DSL_HD Grid switch_(Ctx& c, const Grid& g, Int a, Int b) {
  if (g.ragged()) {
    if (!detail::readable_rows(c, g)) return {};
    return map_rows(c, g, 0, [&](i32 i, Int* out) {
      for (i32 j = 0; j < g.rlen(i); ++j) {
        Int v = g.rptr(i)[j];
        out[j] = v == a ? b : (v == b ? a : v);
      }
      return g.rlen(i);
    });
  }
  if (!detail::readable(c, g) || g.h == 0) return {};
  Int* cells;
  Grid out = make_grid(c, g.h, g.w, cells);
  if (!cells) return {};
  i64 n = g.cells();
  for (i64 k = 0; k < n; ++k) {
    Int v = g.c[k];
    cells[k] = v == a ? b : (v == b ? a : v);
  }
  return out;
}

DSL_HD Int index(Ctx& c, const Grid& g, Pt loc) {
  if (!has_row(c, g)) return 0;
  // not (0 <= i < h and 0 <= j < w), short-circuit included.
  if (!not_none(c, loc.a)) return 0;
  if (loc.a < 0 || loc.a >= g.h) return kNone;
  if (!not_none(c, loc.b)) return 0;
  if (loc.b < 0 || loc.b >= g.w) return kNone;
  return g.at(loc.a, loc.b);
}

DSL_HD Grid canvas(Ctx& c, Int value, Pt dims) {
  if (!not_none(c, dims.a)) return {};
  if (dims.a <= 0) return {};
  if (!not_none(c, dims.b)) return {};
  Int* cells;
  Grid out = make_grid(c, dims.a, dims.b > 0 ? dims.b : 0, cells);
  if (!cells) return {};
  i64 n = out.cells();
  for (i64 k = 0; k < n; ++k) cells[k] = value;
  return out;
}

}  // namespace battc::dsl
