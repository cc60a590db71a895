// dsl/grids_colors.cpp: the colors of an element (grid, object or indices):
// mostcolor, leastcolor, palette, numcolors and colorcount, over one tally of
// values, and the stable by-color sort of cells that asobject and objects.cpp
// use. Split from grids.cpp by topic.
#include "dsl/grids.h"

namespace battc::dsl {

namespace {

// ---- color statistics ------------------------------------------------------------

constexpr i32 kSpan = 64;

// Histogram of v[0..n) when its values span fewer than kSpan integers:
// cnt[k] counts lo + k. Grid values are nearly always colours 0..9, so one
// branch-free pass ORs the values together: below kSpan (no negative, none
// too large) they are counted from lo = 0 as they are; otherwise a pass
// finds the minimum and maximum. On the host the counting spreads over
// kLanes tallies, one per position mod kLanes: a grid is mostly one colour,
// and one tally's increments of one counter wait on each other through
// memory (a 30x30 grid counted in half the time, docs/runtime.md
// "CPU speed"). A GPU thread keeps the one tally: its stack is local memory.
DSL_HD void count_from(const Int* v, i64 n, Int lo, i32* cnt) {
  for (i32 k = 0; k < kSpan; ++k) cnt[k] = 0;
  i64 k = 0;
#ifndef __CUDA_ARCH__
  constexpr i32 kLanes = 4;
  if (n >= 8 * kLanes) {
    i32 lane[kLanes][kSpan];
    for (i32 l = 0; l < kLanes; ++l)
      for (i32 j = 0; j < kSpan; ++j) lane[l][j] = 0;
    for (; k + kLanes <= n; k += kLanes)
      for (i32 l = 0; l < kLanes; ++l) ++lane[l][v[k + l] - lo];
    for (i32 l = 0; l < kLanes; ++l)
      for (i32 j = 0; j < kSpan; ++j) cnt[j] += lane[l][j];
  }
#endif
  for (; k < n; ++k) ++cnt[v[k] - lo];
}

DSL_HD bool small_hist(const Int* v, i64 n, Int& lo, i32* cnt) {
  u32 bits = 0;
  for (i64 k = 0; k < n; ++k) bits |= u32(v[k]);  // a negative sets the top bit
  if (bits < u32(kSpan)) {
    lo = 0;
    count_from(v, n, 0, cnt);
    return true;
  }
  Int mn = v[0], mx = v[0];
  for (i64 k = 1; k < n; ++k) {
    if (v[k] < mn) mn = v[k];
    if (v[k] > mx) mx = v[k];
  }
  if (i64(mx) - mn >= kSpan) return false;
  lo = mn;
  count_from(v, n, mn, cnt);
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
    c.fail(Why::Empty);  // max() of an empty sequence
    return 0;
  }
  Pick p{most};
  if (!grid_tally(c, g, p)) return 0;
  return p.value;
}

template <class T>
DSL_HD Int set_extreme(Ctx& c, const FSet<T>& s, bool most) {
  if (s.n <= 0) {
    c.fail(Why::Empty);
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

}  // namespace battc::dsl
