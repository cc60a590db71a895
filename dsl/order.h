// dsl/order.h: canonical order and equality of DSL values, and the sorts that
// put sets into canonical order. Numbers ascend; tuples (pairs, grids) compare
// element by element with a proper prefix first; sets compare as the ascending
// sequence of their elements, likewise. Callables compare by what they capture
// (closures.h), which Python cannot do, but only sets of closures need it, and
// their order never reaches a result.
#pragma once

#include "dsl/box_sort.h"
#include "dsl/ctx.h"
#include "dsl/values.h"

namespace battc::dsl {

DSL_FN int cmp(Int a, Int b) { return a < b ? -1 : (a > b ? 1 : 0); }
DSL_FN int cmp(Bool a, Bool b) { return int(a) - int(b); }
template <class A, class B>
DSL_FN int cmp(const Pair<A, B>& x, const Pair<A, B>& y);
DSL_FN int cmp(const Pt& x, const Pt& y);
template <class A, class B, class C>
DSL_FN int cmp(const Triple<A, B, C>& x, const Triple<A, B, C>& y);
template <class T>
DSL_FN int cmp(const Tuple<T>& x, const Tuple<T>& y);
template <class T>
DSL_FN int cmp(const FSet<T>& x, const FSet<T>& y);
DSL_FN int cmp(const Grid& x, const Grid& y);

// Lexicographic order of two element runs, a proper prefix first.
template <class T>
DSL_FN int cmp_run(const T* x, i32 nx, const T* y, i32 ny) {
  i32 n = nx < ny ? nx : ny;
  for (i32 i = 0; i < n; ++i) {
    int r = cmp(x[i], y[i]);
    if (r != 0) return r;
  }
  return nx < ny ? -1 : (nx > ny ? 1 : 0);
}

template <class A, class B>
DSL_FN int cmp(const Pair<A, B>& x, const Pair<A, B>& y) {
  int r = cmp(x.a, y.a);
  return r != 0 ? r : cmp(x.b, y.b);
}
// A point as one unsigned key whose order is the points' (row, then column;
// the sign bits flipped so that negatives come first): one comparison
// instead of two, and no branch between them. Points are most of what the
// sorts and merges of patches compare, and cells' (the Pair template above)
// after their colours.
DSL_FN u64 pt_key(const Pt& p) { return u64(u32(p.a) ^ 0x80000000u) << 32 | u64(u32(p.b) ^ 0x80000000u); }
DSL_FN int cmp(const Pt& x, const Pt& y) {
  const u64 kx = pt_key(x), ky = pt_key(y);
  return int(kx > ky) - int(kx < ky);
}
template <class A, class B, class C>
DSL_FN int cmp(const Triple<A, B, C>& x, const Triple<A, B, C>& y) {
  int r = cmp(x.a, y.a);
  if (r == 0) r = cmp(x.b, y.b);
  return r != 0 ? r : cmp(x.c, y.c);
}
template <class T>
DSL_FN int cmp(const Tuple<T>& x, const Tuple<T>& y) {
  return cmp_run(x.p, x.n, y.p, y.n);
}
template <class T>
DSL_FN int cmp(const FSet<T>& x, const FSet<T>& y) {
  return cmp_run(x.p, x.n, y.p, y.n);
}
DSL_FN int cmp(const Grid& x, const Grid& y) {
  i32 n = x.h < y.h ? x.h : y.h;
  for (i32 i = 0; i < n; ++i) {
    int r = cmp_run(x.rptr(i), x.rlen(i), y.rptr(i), y.rlen(i));
    if (r != 0) return r;
  }
  return x.h < y.h ? -1 : (x.h > y.h ? 1 : 0);
}

template <class A, class B>
DSL_FN int cmp(const VUnion<A, B>& x, const VUnion<A, B>& y) {
  if (x.which != y.which) return x.which < y.which ? -1 : 1;
  return x.which == 0 ? cmp(x.a, y.a) : cmp(x.b, y.b);
}

template <class T>
DSL_FN bool eq(const T& x, const T& y) {
  return cmp(x, y) == 0;
}
// Python's == between an int and a bool.
DSL_FN bool eq(Int x, Bool y) { return x == Int(y); }
DSL_FN bool eq(Bool x, Int y) { return Int(x) == y; }

// Python's == across the DSL's types: a Pt equals a tuple of the same two
// ints, an empty tuple an empty grid, 1 equals True, and so on. Tuples never
// equal sets. Callables are equal only to themselves (same type, same parts).
template <class A, class B>
DSL_FN bool py_equal(const A& x, const B& y);

template <class A, class B>
DSL_FN bool py_equal_run(const A* x, i32 nx, const B* y, i32 ny) {
  if (nx != ny) return false;
  for (i32 i = 0; i < nx; ++i)
    if (!py_equal(x[i], y[i])) return false;
  return true;
}

template <class T>
struct seq_of {  // a tuple-like value as (pointer, length); grids are handled apart
  static constexpr bool value = false;
};
template <class T>
struct seq_of<Tuple<T>> {
  static constexpr bool value = true;
  using elem = T;
};

template <class A, class B>
DSL_FN bool py_equal(const A& x, const B& y) {
  if constexpr (is_vunion_v<A>) {
    return x.which == 0 ? py_equal(x.a, y) : py_equal(x.b, y);
  } else if constexpr (is_vunion_v<B>) {
    return y.which == 0 ? py_equal(x, y.a) : py_equal(x, y.b);
  } else if constexpr (is_same_v<A, B>) {
    return eq(x, y);
  } else if constexpr ((is_same_v<A, Int> || is_same_v<A, Bool>) && (is_same_v<B, Int> || is_same_v<B, Bool>)) {
    return Int(x) == Int(y);
  } else if constexpr (is_fset_v<A> && is_fset_v<B>) {
    return py_equal_run(x.p, x.n, y.p, y.n);
  } else if constexpr (seq_of<A>::value && seq_of<B>::value) {
    return py_equal_run(x.p, x.n, y.p, y.n);
  } else if constexpr (is_pair_v<A> && seq_of<B>::value) {
    return y.n == 2 && py_equal(x.a, y.p[0]) && py_equal(x.b, y.p[1]);
  } else if constexpr (seq_of<A>::value && is_pair_v<B>) {
    return py_equal(y, x);
  } else if constexpr (is_pair_v<A> && is_pair_v<B>) {
    return py_equal(x.a, y.a) && py_equal(x.b, y.b);
  } else if constexpr (is_triple_v<A> && is_triple_v<B>) {
    return py_equal(x.a, y.a) && py_equal(x.b, y.b) && py_equal(x.c, y.c);
  } else if constexpr (is_triple_v<A> && seq_of<B>::value) {
    return y.n == 3 && py_equal(x.a, y.p[0]) && py_equal(x.b, y.p[1]) && py_equal(x.c, y.p[2]);
  } else if constexpr (seq_of<A>::value && is_triple_v<B>) {
    return py_equal(y, x);
  } else if constexpr (is_same_v<A, Grid> && (seq_of<B>::value || is_pair_v<B>)) {
    // a grid is a tuple of rows (each a Tuple<Int>)
    if constexpr (is_pair_v<B>) {
      return x.h == 2 && py_equal(Tuple<Int>{x.rptr(0), x.rlen(0)}, y.a) && py_equal(Tuple<Int>{x.rptr(1), x.rlen(1)}, y.b);
    } else {
      if (x.h != y.n) return false;
      for (i32 i = 0; i < x.h; ++i)
        if (!py_equal(Tuple<Int>{x.rptr(i), x.rlen(i)}, y.p[i])) return false;
      return true;
    }
  } else if constexpr (is_same_v<B, Grid> && (seq_of<A>::value || is_pair_v<A>)) {
    return py_equal(y, x);
  } else {
    return false;
  }
}

template <class T>
struct CanonLess {
  DSL_FN bool operator()(const T& x, const T& y) const { return cmp(x, y) < 0; }
};
template <>
struct CanonLess<Pt> {
  DSL_FN bool operator()(const Pt& x, const Pt& y) const { return pt_key(x) < pt_key(y); }
};

// Below 64 elements CPython's list.sort is one run found by count_run (a
// strictly descending one is reversed) extended by binary insertion. Any
// stable sort gives the same order when `less` is a total order; Python's <
// is only partial for frozensets (inclusion), and there the result depends
// on the algorithm, so short sorts follow CPython's exactly (sorted,
// order and the rank primitives with frozenset keys).
constexpr i32 kCPythonMinMerge = 64;
template <class T, class Less>
DSL_FN void cpython_small_sort(T* a, i32 n, const Less& less) {
  if (n < 2) return;
  i32 run = 2;
  if (less(a[1], a[0])) {
    while (run < n && less(a[run], a[run - 1])) ++run;
    for (i32 i = 0, j = run - 1; i < j; ++i, --j) {
      T t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  } else {
    while (run < n && !less(a[run], a[run - 1])) ++run;
  }
  for (i32 i = run; i < n; ++i) {
    T pivot = a[i];
    i32 l = 0, r = i;
    while (l < r) {
      i32 p = l + ((r - l) >> 1);
      if (less(pivot, a[p]))
        r = p;
      else
        l = p + 1;
    }
    for (i32 k = i; k > l; --k) a[k] = a[k - 1];
    a[l] = pivot;
  }
}

// Stable sort of a[0..n) by less: insertion sort for short runs, then a
// bottom-up merge through an arena buffer. Iterative, so it suits the GPU.
// On a full arena it sets `budget` and leaves a unsorted.
template <class T, class Less>
DSL_FN void stable_sort(Ctx& c, T* a, i32 n, const Less& less) {
  constexpr i32 kRun = 16;
  if (!c.spend(n)) return;
  if (n < kCPythonMinMerge) {
    cpython_small_sort(a, n, less);
    return;
  }
  for (i32 lo = 0; lo < n; lo += kRun) {
    i32 hi = lo + kRun < n ? lo + kRun : n;
    for (i32 i = lo + 1; i < hi; ++i) {
      T v = a[i];
      i32 j = i;
      while (j > lo && less(v, a[j - 1])) {
        a[j] = a[j - 1];
        --j;
      }
      a[j] = v;
    }
  }
  if (n <= kRun) return;
  u64 m = c.mark();
  T* tmp = c.alloc<T>(n);
  if (!tmp) return;
  T* src = a;
  T* dst = tmp;
  for (i32 width = kRun; width < n; width *= 2) {
    if (!c.spend(n)) break;
    for (i32 lo = 0; lo < n; lo += 2 * width) {
      i32 mid = lo + width < n ? lo + width : n;
      i32 hi = lo + 2 * width < n ? lo + 2 * width : n;
      i32 i = lo, j = mid, k = lo;
      while (i < mid && j < hi) dst[k++] = less(src[j], src[i]) ? src[j++] : src[i++];
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    T* t = src;
    src = dst;
    dst = t;
  }
  if (src != a)
    for (i32 i = 0; i < n; ++i) a[i] = src[i];
  c.release(m);
}

// Merges the sorted runs a[bounds[0]..bounds[1]), a[bounds[1]..bounds[2]),
// ... (bounds[runs] == n) pairwise, bottom-up, through an arena buffer;
// returns the merged length. Points and cells that are equal in canonical
// order are one value, so a merge keeps one of them and later passes move
// less (shifted copies of a shape overlap a lot: the profile's hottest
// merge); each pass is charged the work of all n, as without that.
template <class T, class Less>
DSL_FN i32 merge_runs(Ctx& c, T* a, i32 n, i32* bounds, i32 runs, const Less& less) {
  constexpr bool kDropEqual = is_same_v<T, Pt> || is_same_v<T, Cell>;
  u64 m = c.mark();
  T* tmp = c.alloc<T>(n);
  if (!tmp) return n;
  T* src = a;
  T* dst = tmp;
  i32 len = n;
  while (runs > 1) {
    if (!c.spend(n)) break;
    i32 out = 0, k = 0;
    for (i32 r = 0; r < runs; r += 2) {
      i32 lo = bounds[r], mid = bounds[r + 1 < runs ? r + 1 : runs], hi = bounds[r + 2 < runs ? r + 2 : runs];
      i32 i = lo, j = mid;
      bounds[out++] = k;  // read above: out <= r
      while (i < mid && j < hi) {
        if (less(src[j], src[i])) {
          dst[k++] = src[j++];
        } else {
          if (kDropEqual && !less(src[i], src[j])) ++j;
          dst[k++] = src[i++];
        }
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    bounds[out] = k;
    len = k;
    runs = out;
    T* t = src;
    src = dst;
    dst = t;
  }
  if (src != a)
    for (i32 i = 0; i < len; ++i) a[i] = src[i];
  c.release(m);
  return len;
}

// Which comparison sort sort_unique gives n elements in `runs` ascending
// runs (runs > 1): stable_sort when they are few or the runs short.
DSL_FN bool sorts_whole(i32 n, i32 runs) { return n < kCPythonMinMerge || runs > n / 16; }

// The work units of that sort's passes after its first (each charged n):
// stable_sort's merges of 16-element blocks, or merge_runs' halvings.
DSL_FN i64 later_pass_work(i32 n, i32 runs) {
  i32 passes = 0;
  if (sorts_whole(n, runs)) {
    if (n >= kCPythonMinMerge)
      for (i32 width = 16; width < n; width *= 2) ++passes;
  } else {
    for (i32 r = runs; r > 1; r = (r + 1) / 2) ++passes;
  }
  return i64(n) * passes;
}

// sort_unique of points or cells (runs > 1) through a bitmap of their box,
// charged exactly as the comparison sort it replaces: the same work units in
// the same order around the same arena allocations, so every budget and
// every failure (work or arena) is the comparison sort's. Below 64
// elements that sort allocates nothing, so the bitmap is a small stack
// buffer. False, having charged nothing, when the box does not fit.
template <class T>
DSL_FN bool box_sort_charged(Ctx& c, T* a, i32& n, i32 runs) {
  constexpr i64 kStackWords = 16;
  const i32 count = n;
  const PointBox box = point_box(a, count);
  if (count < kCPythonMinMerge) {
    if (!box_fits(box, kStackWords)) return false;
    u64 bits[kStackWords];
    n = c.spend(count) ? box_sort_unique(a, count, box, bits) : 0;
    return true;
  }
  // The comparison sort's buffer of n elements, the same bytes, holds the bitmap.
  const i64 words = (i64(count) * i64(sizeof(T)) + 7) / 8;
  if (!box_fits(box, words)) return false;
  n = 0;
  if (!c.spend(count)) return true;
  u64 m = c.mark();
  if (sorts_whole(count, runs) || c.alloc<i32>(runs + 1)) {  // merge_runs' bounds
    u64* bits = c.alloc<u64>(words);
    if (bits && c.spend(later_pass_work(count, runs))) n = box_sort_unique(a, count, box, bits);
  }
  c.release(m);
  return true;
}

// Sorts a[0..n) canonically by comparisons and drops duplicates; returns the
// new length. Canonical order is total, so every sort gives this one result;
// the input often has long ascending runs (a set rebuilt in order is one
// run, a merge of k sets is k runs), which are merged as they are instead of
// sorted again. `runs` is the count of a's ascending runs (sort_unique's).
template <class T>
DSL_FN i32 comparison_sort_unique(Ctx& c, T* a, i32 n, i32 runs) {
  CanonLess<T> less;
  if (runs > 1 && sorts_whole(n, runs)) {
    stable_sort(c, a, n, less);  // short, or runs too short to pay
  } else if (runs > 1) {
    if (!c.spend(n)) return 0;
    u64 m = c.mark();
    i32* bounds = c.alloc<i32>(runs + 1);
    if (!bounds) return 0;
    i32 r = 0;
    bounds[r++] = 0;
    for (i32 i = 1; i < n; ++i)
      if (less(a[i], a[i - 1])) bounds[r++] = i;
    bounds[runs] = n;
    n = merge_runs(c, a, n, bounds, runs, less);
    c.release(m);
  } else if (!c.spend(n)) {
    return 0;
  }
  if (c.failed() || n == 0) return 0;
  i32 k = 1;
  for (i32 i = 1; i < n; ++i)
    if (cmp(a[i], a[k - 1]) != 0) a[k++] = a[i];
  return k;
}

// What comparison_sort_unique charges for n distinct elements in `runs`
// ascending runs, for a caller that built them in canonical order by
// construction (product of two sets): the same work units and the same
// arena allocations and releases, in the same order, without the sort, so
// every budget and every failure stays the sort's. False when a charge
// failed (the status is set), where the sort would have returned 0.
template <class T>
DSL_FN bool charge_comparison_sort(Ctx& c, i32 n, i32 runs) {
  if (runs <= 1) return c.spend(n);
  if (!c.spend(n)) return false;  // the first pass of either sort
  const u64 m = c.mark();
  if (sorts_whole(n, runs)) {  // stable_sort
    if (n < kCPythonMinMerge) return true;
    if (!c.alloc<T>(n)) return false;
    for (i32 width = 16; width < n; width *= 2)
      if (!c.spend(n)) break;
  } else {  // the bounds, then merge_runs' buffer and halvings
    if (!c.alloc<i32>(runs + 1)) return false;
    if (c.alloc<T>(n))
      for (i32 r = runs; r > 1; r = (r + 1) / 2)
        if (!c.spend(n)) break;
  }
  c.release(m);
  return !c.failed();
}

// Sorts a[0..n) canonically and drops duplicates; returns the new length.
// Points and cells in a small box sort through a bitmap (box_sort.h), the
// rest by comparisons, at the same cost in work units and arena bytes.
template <class T>
DSL_FN i32 sort_unique(Ctx& c, T* a, i32 n) {
  CanonLess<T> less;
  i32 runs = 1;
  for (i32 i = 1; i < n; ++i) runs += less(a[i], a[i - 1]);
  if constexpr (kBoxSortable<T>) {
    if (runs > 1 && box_sort_charged(c, a, n, runs)) return c.failed() ? 0 : n;
  }
  return comparison_sort_unique(c, a, n, runs);
}

// Python's < between two values of one type, which max, min and sorted use
// (canonical order only decides how sets iterate): numbers as numbers,
// tuples at their first unequal element, frozensets by proper inclusion (a
// partial order), callables never (Python raises; treated as unordered).
template <class T>
DSL_FN bool py_lt(const T& x, const T& y);

template <class T>
DSL_FN bool py_lt_run(const T* x, i32 nx, const T* y, i32 ny) {
  i32 n = nx < ny ? nx : ny;
  for (i32 i = 0; i < n; ++i)
    if (!eq(x[i], y[i])) return py_lt(x[i], y[i]);
  return nx < ny;
}

template <class T>
DSL_FN bool set_contains(const FSet<T>& s, const T& v);

template <class T>
DSL_FN bool py_lt(const T& x, const T& y) {
  if constexpr (is_same_v<T, Int> || is_same_v<T, Bool>) {
    return x < y;
  } else if constexpr (is_pair_v<T>) {
    if (!eq(x.a, y.a)) return py_lt(x.a, y.a);
    return !eq(x.b, y.b) && py_lt(x.b, y.b);
  } else if constexpr (is_triple_v<T>) {
    if (!eq(x.a, y.a)) return py_lt(x.a, y.a);
    if (!eq(x.b, y.b)) return py_lt(x.b, y.b);
    return !eq(x.c, y.c) && py_lt(x.c, y.c);
  } else if constexpr (is_tuple_v<T>) {
    return py_lt_run(x.p, x.n, y.p, y.n);
  } else if constexpr (is_same_v<T, Grid>) {
    i32 n = x.h < y.h ? x.h : y.h;
    for (i32 i = 0; i < n; ++i) {
      Tuple<Int> a{x.rptr(i), x.rlen(i)}, b{y.rptr(i), y.rlen(i)};
      if (!eq(a, b)) return py_lt(a, b);
    }
    return x.h < y.h;
  } else if constexpr (is_fset_v<T>) {
    if (x.n >= y.n) return false;
    for (i32 i = 0; i < x.n; ++i)
      if (!set_contains(y, x.p[i])) return false;
    return true;
  } else {
    return false;
  }
}

// Binary search in a canonical set.
template <class T>
DSL_FN bool set_contains(const FSet<T>& s, const T& v) {
  i32 lo = 0, hi = s.n;
  while (lo < hi) {
    i32 mid = lo + (hi - lo) / 2;
    int r = cmp(s.p[mid], v);
    if (r == 0) return true;
    if (r < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return false;
}

}  // namespace battc::dsl
