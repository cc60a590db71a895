// dsl/tk_grids.cpp: tokpidjin's own grid primitives (dsl/tk_grids.h).
#include "dsl/tk_grids.h"

namespace battc::dsl {

namespace {

// Every value of a grid, row by row (ragged grids too); nullptr on failure.
DSL_HD Int* all_values(Ctx& c, const Grid& g, i64& n) {
  n = 0;
  if (!detail::readable_rows(c, g)) return nullptr;
  n = g.cells();
  if (!c.spend(n + 1)) return nullptr;
  Int* v = c.alloc<Int>(n);
  if (!v && n > 0) return nullptr;
  i64 k = 0;
  for (i32 i = 0; i < g.h; ++i) {
    const Int* r = g.rptr(i);
    for (i32 j = 0; j < g.rlen(i); ++j) v[k++] = r[j];
  }
  return v;
}

// tokpidjin's crop with 64-bit bounds: () unless 0 <= s0 < h, 0 <= s1 < w,
// s0 + d0 <= h and s1 + d1 <= w (in that order, short-circuit: a None
// compared raises); w is len(grid[0]).
DSL_HD Grid strict_crop(Ctx& c, const Grid& g, i64 s0, i64 s1, i64 d0, i64 d1) {
  if (!detail::readable_rows(c, g)) return {};
  if (g.h == 0) return Grid{};
  i64 h = g.h, w = g.rlen(0);
  auto none = [&](i64 v) {
    if (v == kNone) c.fail(Why::Type);
    return v == kNone;
  };
  if (none(s0) || !(s0 >= 0 && s0 < h)) return Grid{};
  if (none(s1) || !(s1 >= 0 && s1 < w)) return Grid{};
  if (none(d0) || !(s0 + d0 <= h)) return Grid{};
  if (none(d1) || !(s1 + d1 <= w)) return Grid{};
  if (c.failed()) return {};
  // all four fit an Int here (d0, d1 came from Ints or are below h, w)
  return crop(c, g, Pt{Int(s0), Int(s1)}, Pt{Int(d0), Int(d1)});
}

}  // namespace

DSL_HD Tuple<Int> p_g(Ctx& c, const Grid& g) {
  i64 n;
  Int* v = all_values(c, g, n);
  if (c.failed() || n > kInt32Max) {
    if (c.ok()) c.fail(Status::Budget, Why::Arena);
    return {};
  }
  IntSet s = make_set(c, v, i32(n));
  if (c.failed()) return {};
  return Tuple<Int>{s.p, s.n};
}

DSL_HD Grid mir_rot_t(Ctx& c, const Grid& g, Int type) {
  switch (type) {
    case 0: return hmirror(c, g);
    case 1: return dmirror(c, g);
    case 2: return vmirror(c, g);
    case 3: return cmirror(c, g);
    case 4: return rot90(c, g);
    case 5: return rot180(c, g);
    case 6: return rot270(c, g);
    default: return g;
  }
}

DSL_HD Int get_color_rank_t(Ctx& c, const Grid& g, Int rank) {
  i64 n;
  Int* v = all_values(c, g, n);
  if (c.failed()) return 0;
  if (n > kInt32Max) {
    c.fail(Status::Budget, Why::Arena);
    return 0;
  }
  // (value, first position) sorted by value; equal values stay in order
  struct Seen {
    Int value;
    i32 at;
    i32 count;
  };
  Seen* s = c.alloc<Seen>(n);
  if (!s && n > 0) return 0;
  for (i32 k = 0; k < n; ++k) s[k] = Seen{v[k], k, 1};
  struct ByValue {
    DSL_HD bool operator()(const Seen& x, const Seen& y) const { return x.value < y.value; }
  };
  stable_sort(c, s, i32(n), ByValue{});
  i32 m = 0;
  for (i32 k = 0; k < n;) {
    i32 e = k;
    while (e < n && s[e].value == s[k].value) ++e;
    s[m++] = Seen{s[k].value, s[k].at, e - k};
    k = e;
  }
  // Counter.most_common(): count descending, ties by first occurrence
  struct ByCount {
    DSL_HD bool operator()(const Seen& x, const Seen& y) const {
      return x.count != y.count ? x.count > y.count : x.at < y.at;
    }
  };
  stable_sort(c, s, m, ByCount{});
  i32 at = detail::py_index(rank, m);
  if (rank == kNone) {
    c.fail(Why::Type);  // None compared with an int
    return 0;
  }
  if (at < 0) {
    c.fail(Why::Index);  // (), which no Int holds
    return 0;
  }
  return s[at].value;
}

DSL_HD Grid tk_crop(Ctx& c, const Grid& g, Pt start, Pt dims) {
  if (g.h == 0) return Grid{};  // grid == ()
  if (is_empty_pt(start)) {
    c.fail(Why::Empty);  // start[0] of ()
    return {};
  }
  // dims == () raises only where the test reaches dims[0]
  i64 d0 = is_empty_pt(dims) ? i64(kNone) : i64(dims.a), d1 = is_empty_pt(dims) ? i64(kNone) : i64(dims.b);
  return strict_crop(c, g, start.a, start.b, d0, d1);
}

// The parts of hsplit (kCols) or vsplit, each by the strict crop.
template <bool kCols>
DSL_HD Tuple<Grid> tk_split(Ctx& c, const Grid& g, Int n) {
  if (!detail::readable_rows(c, g) || !not_none(c, n)) return {};
  if (kCols && g.h == 0) {
    c.fail(Why::Empty);  // len(grid[0])
    return {};
  }
  i64 len = kCols ? g.rlen(0) : g.h;
  Int part = py_floordiv(c, Int(len), n);
  if (!kCols && g.h == 0) {
    c.fail(Why::Empty);  // len(grid[0])
    return {};
  }
  i64 offset = py_mod(c, Int(len), n) != 0;
  if (c.failed()) return {};
  i64 h = g.h, w = g.rlen(0);
  Builder<Tuple<Grid>> out;
  if (!out.start(c, n)) return {};
  for (i64 i = 0; i < n && c.ok(); ++i) {
    i64 at = i64(part) * i + i * offset;
    out.push(kCols ? strict_crop(c, g, 0, at, h, part) : strict_crop(c, g, at, 0, part, w));
  }
  return out.finish(c);
}

DSL_HD Tuple<Grid> tk_hsplit(Ctx& c, const Grid& g, Int n) { return tk_split<true>(c, g, n); }
DSL_HD Tuple<Grid> tk_vsplit(Ctx& c, const Grid& g, Int n) { return tk_split<false>(c, g, n); }

DSL_HD Int tk_index(Ctx& c, const Grid& g, Pt loc) {
  if (is_empty_pt(loc)) {
    c.fail(Why::Empty);  // -inf
    return 0;
  }
  if (!detail::readable_rows(c, g)) return 0;
  if (g.h == 0) {
    c.fail(Why::Empty);  // len(grid[0])
    return 0;
  }
  if (!not_none(c, loc.a)) return 0;
  if (loc.a < 0 || loc.a >= g.h) {
    c.fail(Why::Index);  // -inf
    return 0;
  }
  if (!not_none(c, loc.b)) return 0;
  if (loc.b < 0 || loc.b >= g.rlen(0) || loc.b >= g.rlen(loc.a)) {
    c.fail(Why::Index);  // -inf outside len(grid[0]); IndexError past a shorter row
    return 0;
  }
  return g.rptr(loc.a)[loc.b];
}

DSL_HD Grid tk_cellwise(Ctx& c, const Grid& a, const Grid& b, Int fallback) {
  if (!detail::readable(c, a) || !detail::readable(c, b)) return {};
  if (a.h == 0) {
    c.fail(Why::Empty);  // len(a[0])
    return {};
  }
  if (a.w > 0 && b.h == 0) {
    c.fail(Why::Empty);  // index(b, ...): len(b[0])
    return {};
  }
  Int* cells = nullptr;
  Grid out = new_grid(c, a.h, a.w, cells);
  if (!cells && i64(a.h) * a.w > 0) return {};
  if (!c.spend(i64(a.h) * a.w)) return {};
  for (i32 i = 0; i < a.h; ++i)
    for (i32 j = 0; j < a.w; ++j) {
      Int v = a.at(i, j);
      bool inside = i < b.h && j < b.w;  // elsewhere index() is -inf, equal to nothing
      cells[i64(i) * a.w + j] = inside && v == b.at(i, j) ? v : fallback;
    }
  return out;
}

}  // namespace battc::dsl
