// dsl/grids.cpp: the grid and element primitives declared in grids.h.
#include "dsl/grids.h"

namespace battc::dsl {

namespace {

// ---- shared helpers ------------------------------------------------------------------

// Python's len(grid[0]): the empty grid () raises.
// ---- ragged grids: the row-by-row primitives ---------------------------------------------
// replace, switch, hmirror, vmirror, hconcat and vconcat are defined by
// Python row by row, so they take (and may make) ragged grids. They build
// their rows as tuples and let grid_of_rows decide the layout.

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

DSL_HD bool has_row(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g)) return false;
  if (g.h == 0) {
    c.fail();
    return false;
  }
  return true;
}

DSL_HD const Pt& pt_of(const Pt& p) { return p; }
DSL_HD const Pt& pt_of(const Cell& x) { return x.b; }

// Bounding box of a patch; false for an empty one.
template <class T>
DSL_HD bool bbox(const FSet<T>& s, i64& r0, i64& c0, i64& r1, i64& c1) {
  if (s.n <= 0 || s.p == nullptr) return false;
  r0 = r1 = pt_of(s.p[0]).a;
  c0 = c1 = pt_of(s.p[0]).b;
  for (i32 k = 1; k < s.n; ++k) {
    const Pt& p = pt_of(s.p[k]);
    if (p.a < r0) r0 = p.a;
    if (p.a > r1) r1 = p.a;
    if (p.b < c0) c0 = p.b;
    if (p.b > c1) c1 = p.b;
  }
  return true;
}

// A grid of h x w cells, or Grid{} with `budget` when it cannot be stored.
DSL_HD Grid make_grid(Ctx& c, i64 h, i64 w, Int*& cells) {
  cells = nullptr;
  if (h > kInt32Max || w > kInt32Max) {
    c.fail(Status::Budget);
    return Grid{};
  }
  return new_grid(c, h, w, cells);
}

// A fresh copy of g whose cells the caller may still write.
DSL_HD Grid copy_grid(Ctx& c, const Grid& g, Int*& cells) {
  Grid out = make_grid(c, g.h, g.w, cells);
  if (!cells) return Grid{};
  i64 n = g.cells();
  for (i64 k = 0; k < n; ++k) cells[k] = g.c[k];
  return out;
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

// ---- color statistics ------------------------------------------------------------

constexpr i32 kSpan = 64;

// Histogram of v[0..n) when its values span fewer than kSpan integers.
DSL_HD bool small_hist(const Int* v, i64 n, Int& lo, i32* cnt) {
  for (i32 k = 0; k < kSpan; ++k) cnt[k] = 0;
  lo = 0;
  if (n == 0) return true;
  Int mn = v[0], mx = v[0];
  for (i64 k = 1; k < n; ++k) {
    if (v[k] < mn) mn = v[k];
    if (v[k] > mx) mx = v[k];
  }
  if (i64(mx) - mn >= kSpan) return false;
  lo = mn;
  for (i64 k = 0; k < n; ++k) ++cnt[v[k] - mn];
  return true;
}

// The first value with the most (least) count; counts visited in ascending value.
struct Pick {
  bool most;
  i32 best = -1;
  Int value = 0;
  DSL_HD void see(Int v, i32 count) {
    if (best < 0 || (most ? count > best : count < best)) {
      best = count;
      value = v;
    }
  }
};

// Visits the distinct values of the grid in ascending order with their counts.
// Uses a scratch buffer for wide value ranges; false when that fails.
template <class V>
DSL_HD bool grid_tally(Ctx& c, const Grid& g, V& visit) {
  i64 n = g.cells();
  if (!c.spend(n + 1)) return false;
  Int lo;
  i32 cnt[kSpan];
  if (small_hist(g.c, n, lo, cnt)) {
    for (i32 k = 0; k < kSpan; ++k)
      if (cnt[k] > 0) visit.see(Int(lo + k), cnt[k]);
    return true;
  }
  u64 m = c.mark();
  Int* buf = c.alloc<Int>(n);
  if (!buf) return false;
  for (i64 k = 0; k < n; ++k) buf[k] = g.c[k];
  stable_sort(c, buf, i32(n), CanonLess<Int>{});
  if (c.failed()) return false;
  for (i32 i = 0; i < i32(n);) {
    i32 k = i;
    while (k < i32(n) && buf[k] == buf[i]) ++k;
    visit.see(buf[i], k - i);
    i = k;
  }
  c.release(m);
  return true;
}

// Same for a set whose elements are sorted by .a (an object's colors, an
// index set's rows).
template <class T, class V>
DSL_HD bool set_tally(Ctx& c, const FSet<T>& s, V& visit) {
  if (!c.spend(s.n + 1)) return false;
  for (i32 i = 0; i < s.n;) {
    i32 k = i;
    while (k < s.n && s.p[k].a == s.p[i].a) ++k;
    visit.see(s.p[i].a, k - i);
    i = k;
  }
  return true;
}

struct Counter {
  i32 n = 0;
  DSL_HD void see(Int, i32) { ++n; }
};
struct Collect {
  Int* out;
  i32 n = 0;
  DSL_HD void see(Int v, i32) { out[n++] = v; }
};

DSL_HD Int grid_extreme(Ctx& c, const Grid& g, bool most) {
  if (!detail::readable(c, g)) return 0;
  if (g.cells() == 0) {
    c.fail();  // max() of an empty sequence
    return 0;
  }
  Pick p{most};
  if (!grid_tally(c, g, p)) return 0;
  return p.value;
}

template <class T>
DSL_HD Int set_extreme(Ctx& c, const FSet<T>& s, bool most) {
  if (s.n <= 0) {
    c.fail();
    return 0;
  }
  Pick p{most};
  if (!set_tally(c, s, p)) return 0;
  return p.value;
}

template <class T>
DSL_HD IntSet set_palette(Ctx& c, const FSet<T>& s) {
  Counter k;
  if (!set_tally(c, s, k)) return {};
  Int* buf = c.alloc<Int>(k.n);
  if (!buf) return {};
  Collect out{buf};
  set_tally(c, s, out);
  return sorted_set(buf, out.n);
}

template <class T>
DSL_HD Int set_colorcount(Ctx& c, const FSet<T>& s, Int value) {
  c.spend(s.n + 1);
  Int n = 0;
  for (i32 k = 0; k < s.n; ++k) n += s.p[k].a == value;
  return n;
}

struct ByColor {
  DSL_HD bool operator()(const Cell& x, const Cell& y) const { return x.a < y.a; }
};

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

template <class T>
DSL_HD Grid subgrid_impl(Ctx& c, const FSet<T>& patch, const Grid& g) {
  if (!detail::readable(c, g)) return {};
  i64 r0, c0, r1, c1;
  if (!bbox(patch, r0, c0, r1, c1)) {
    c.fail();  // crop(grid, (), (0, 0)): start[0] raises
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

namespace detail {

DSL_HD void sort_cells_by_color(Ctx& c, Cell* a, i32 n) {
  if (n <= 1 || a == nullptr) return;
  if (!c.spend(n)) return;
  Int mn = a[0].a, mx = a[0].a;
  bool sorted = true;
  for (i32 k = 1; k < n; ++k) {
    if (a[k].a < a[k - 1].a) sorted = false;
    if (a[k].a < mn) mn = a[k].a;
    if (a[k].a > mx) mx = a[k].a;
  }
  if (sorted) return;
  if (i64(mx) - mn >= kSpan) {
    stable_sort(c, a, n, ByColor{});
    return;
  }
  // Counting sort by color: stable, one pass each way.
  i32 start[kSpan + 1];
  for (i32 k = 0; k <= kSpan; ++k) start[k] = 0;
  for (i32 k = 0; k < n; ++k) ++start[a[k].a - mn + 1];
  for (i32 k = 0; k < kSpan; ++k) start[k + 1] += start[k];
  u64 m = c.mark();
  Cell* tmp = c.alloc<Cell>(n);
  if (!tmp) return;
  for (i32 k = 0; k < n; ++k) tmp[start[a[k].a - mn]++] = a[k];
  for (i32 k = 0; k < n; ++k) a[k] = tmp[k];
  c.release(m);
}

}  // namespace detail

// ---- colors of an element ---------------------------------------------------------

DSL_HD Int mostcolor(Ctx& c, const Grid& g) { return grid_extreme(c, g, true); }
DSL_HD Int mostcolor(Ctx& c, const Object& obj) { return set_extreme(c, obj, true); }
DSL_HD Int mostcolor(Ctx& c, const Indices& ind) { return set_extreme(c, ind, true); }
DSL_HD Int leastcolor(Ctx& c, const Grid& g) { return grid_extreme(c, g, false); }
DSL_HD Int leastcolor(Ctx& c, const Object& obj) { return set_extreme(c, obj, false); }
DSL_HD Int leastcolor(Ctx& c, const Indices& ind) { return set_extreme(c, ind, false); }

DSL_HD IntSet palette(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g)) return {};
  Counter k;
  if (!grid_tally(c, g, k)) return {};
  Int* buf = c.alloc<Int>(k.n);
  if (!buf) return {};
  Collect out{buf};
  if (!grid_tally(c, g, out) || out.n != k.n) return {};
  return sorted_set(buf, out.n);
}
DSL_HD IntSet palette(Ctx& c, const Object& obj) { return set_palette(c, obj); }
DSL_HD IntSet palette(Ctx& c, const Indices& ind) { return set_palette(c, ind); }

DSL_HD Int numcolors(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g)) return 0;
  Counter k;
  if (!grid_tally(c, g, k)) return 0;
  return k.n;
}
DSL_HD Int numcolors(Ctx& c, const Object& obj) {
  Counter k;
  set_tally(c, obj, k);
  return k.n;
}
DSL_HD Int numcolors(Ctx& c, const Indices& ind) {
  Counter k;
  set_tally(c, ind, k);
  return k.n;
}

DSL_HD Int colorcount(Ctx& c, const Grid& g, Int value) {
  if (!detail::readable(c, g)) return 0;
  i64 n = g.cells();
  if (!c.spend(n + 1)) return 0;
  Int k = 0;
  for (i64 t = 0; t < n; ++t) k += g.c[t] == value;
  return k;
}
DSL_HD Int colorcount(Ctx& c, const Object& obj, Int value) { return set_colorcount(c, obj, value); }
DSL_HD Int colorcount(Ctx& c, const Indices& ind, Int value) { return set_colorcount(c, ind, value); }

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

// ---- rotations and mirrors of grids ----------------------------------------------------

// zip(*rows) of a grid without columns (or rows) is ().
DSL_HD Grid rot90(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g) || g.h == 0 || g.w == 0) return {};
  Int* cells;
  Grid out = make_grid(c, g.w, g.h, cells);
  if (!cells) return {};
  for (i32 j = 0; j < g.w; ++j)
    for (i32 i = 0; i < g.h; ++i) cells[i64(j) * g.h + i] = g.at(g.h - 1 - i, j);
  return out;
}

DSL_HD Grid rot180(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g) || g.h == 0) return {};
  Int* cells;
  Grid out = make_grid(c, g.h, g.w, cells);
  if (!cells) return {};
  for (i32 i = 0; i < g.h; ++i)
    for (i32 j = 0; j < g.w; ++j) cells[i64(i) * g.w + j] = g.at(g.h - 1 - i, g.w - 1 - j);
  return out;
}

DSL_HD Grid rot270(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g) || g.h == 0 || g.w == 0) return {};
  Int* cells;
  Grid out = make_grid(c, g.w, g.h, cells);
  if (!cells) return {};
  for (i32 k = 0; k < g.w; ++k)
    for (i32 i = 0; i < g.h; ++i) cells[i64(k) * g.h + i] = g.at(i, g.w - 1 - k);
  return out;
}

DSL_HD Grid hmirror(Ctx& c, const Grid& g) {
  if (g.ragged()) {
    if (!detail::readable_rows(c, g)) return {};
    return map_rows(c, g, 0, [&](i32 i, Int* out) {
      const Int* r = g.rptr(g.h - 1 - i);
      i32 n = g.rlen(g.h - 1 - i);
      for (i32 j = 0; j < n; ++j) out[j] = r[j];
      return n;
    });
  }
  if (!detail::readable(c, g) || g.h == 0) return {};
  Int* cells;
  Grid out = make_grid(c, g.h, g.w, cells);
  if (!cells) return {};
  for (i32 i = 0; i < g.h; ++i)
    for (i32 j = 0; j < g.w; ++j) cells[i64(i) * g.w + j] = g.at(g.h - 1 - i, j);
  return out;
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
  if (!detail::readable(c, g) || g.h == 0) return {};
  Int* cells;
  Grid out = make_grid(c, g.h, g.w, cells);
  if (!cells) return {};
  for (i32 i = 0; i < g.h; ++i)
    for (i32 j = 0; j < g.w; ++j) cells[i64(i) * g.w + j] = g.at(i, g.w - 1 - j);
  return out;
}

DSL_HD Grid dmirror(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g) || g.h == 0 || g.w == 0) return {};
  Int* cells;
  Grid out = make_grid(c, g.w, g.h, cells);
  if (!cells) return {};
  for (i32 j = 0; j < g.w; ++j)
    for (i32 i = 0; i < g.h; ++i) cells[i64(j) * g.h + i] = g.at(i, j);
  return out;
}

DSL_HD Grid cmirror(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g) || g.h == 0 || g.w == 0) return {};
  Int* cells;
  Grid out = make_grid(c, g.w, g.h, cells);
  if (!cells) return {};
  for (i32 j = 0; j < g.w; ++j)
    for (i32 i = 0; i < g.h; ++i) cells[i64(j) * g.h + i] = g.at(g.h - 1 - i, g.w - 1 - j);
  return out;
}

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
  for (i64 r = 0; r < out.h; ++r)
    for (i64 k = 0; k < ow; ++k) cells[r * ow + k] = g.at(i32(r / factor), i32(k / factor));
  return out;
}

DSL_HD Object upscale(Ctx& c, const Object& obj, Int factor) {
  if (obj.n <= 0) return {};
  if (!not_none(c, factor)) return {};
  if (factor <= 0) return {};
  i64 r0, c0, r1, c1;
  bbox(obj, r0, c0, r1, c1);
  i64 f = factor;
  i64 n = i64(obj.n) * f * f;  // f < 2^31, so this stays far below 2^63
  if (f * f > kInt32Max || n > kInt32Max) {
    c.fail(Status::Budget);
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
    c.fail();  // ZeroDivisionError in the row loop (h > 0 here)
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
    c.fail();  // IndexError on b[i][j]
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
