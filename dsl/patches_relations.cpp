// dsl/patches_relations.cpp: relations between two patches (hmatching,
// vmatching, manhattan, adjacent, position, gravitate) and bordering, with the
// L1 distance transform they share. Split from patches.cpp by topic; the
// shared helpers are in patches_internal.h.
#include "dsl/patches.h"
#include "dsl/patches_internal.h"

namespace battc::dsl {

using namespace detail::patches_internal;

namespace {

// ---- relations between patches ------------------------------------------------

// The coordinates along one axis in ascending order (repeats kept), in a
// temporary buffer.
template <class P>
DSL_FN Int* sorted_coords(Ctx& c, const FSet<P>& s, int axis) {
  if (!c.spend(s.n)) return nullptr;
  Int* buf = c.alloc<Int>(s.n);
  if (!buf) return nullptr;
  bool sorted = true;
  for (i32 k = 0; k < s.n; ++k) {
    buf[k] = axis_of(pt_of(s.p[k]), axis);
    if (k > 0 && buf[k] < buf[k - 1]) sorted = false;
  }
  if (!sorted) stable_sort(c, buf, s.n, CanonLess<Int>{});
  return c.ok() ? buf : nullptr;
}

// hmatching (axis 0) / vmatching (axis 1): a shared row (column). Equality
// only, as Python's set intersection, so None is an ordinary value here.
template <class A, class B>
DSL_FN Bool matching_impl(Ctx& c, const FSet<A>& a, const FSet<B>& b, int axis) {
  if (a.n <= 0 || b.n <= 0) return false;
  u64 m = c.mark();
  Int* ka = sorted_coords(c, a, axis);
  Int* kb = ka ? sorted_coords(c, b, axis) : nullptr;
  bool hit = false;
  if (kb) {
    i32 i = 0, j = 0;
    while (i < a.n && j < b.n && !hit) {
      if (ka[i] == kb[j])
        hit = true;
      else if (ka[i] < kb[j])
        ++i;
      else
        ++j;
    }
  }
  c.release(m);
  return hit;
}

// The bounding box of a patch without None in it (for distances, where
// Python's subtraction fails on None).
struct Box64 {
  i64 r0, r1, c0, c1;
};
template <class P>
DSL_FN bool int_box(Ctx& c, const FSet<P>& s, Box64& b) {
  if (s.n <= 0 || s.p == nullptr) {
    c.fail(Why::Empty);
    return false;
  }
  if (!c.spend(s.n)) return false;
  Pt q = pt_of(s.p[0]);
  b = Box64{q.a, q.a, q.b, q.b};
  for (i32 k = 0; k < s.n; ++k) {
    q = pt_of(s.p[k]);
    if (q.a == kNone || q.b == kNone) {
      c.fail(Why::Type);
      return false;
    }
    if (q.a < b.r0) b.r0 = q.a;
    if (q.a > b.r1) b.r1 = q.a;
    if (q.b < b.c0) b.c0 = q.b;
    if (q.b > b.c1) b.c1 = q.b;
  }
  return true;
}

DSL_FN i64 abs64(i64 a) { return a < 0 ? -a : a; }

// Manhattan distances to the points of b, for a (shifted by up to `steps`
// times (di, dj)). When cheaper than comparing every pair, an L1 distance
// transform of b over the rectangle spanning everything: two raster passes
// of a 4-neighbour chamfer give the exact L1 distance in a rectangle.
struct L1Field {
  i32* f = nullptr;
  i64 r0 = 0, c0 = 0, w = 0;
};

template <class A, class B>
DSL_FN L1Field l1_field(Ctx& c, const FSet<A>& a, const FSet<B>& b, const Box64& ba, const Box64& bb, i64 di,
                        i64 dj, i64 steps) {
  L1Field out;
  i64 r0 = min64(min64(ba.r0, ba.r0 + steps * di), bb.r0);
  i64 r1 = max64(max64(ba.r1, ba.r1 + steps * di), bb.r1);
  i64 c0 = min64(min64(ba.c0, ba.c0 + steps * dj), bb.c0);
  i64 c1 = max64(max64(ba.c1, ba.c1 + steps * dj), bb.c1);
  i64 h = r1 - r0 + 1, w = c1 - c0 + 1;
  constexpr i64 kMaxArea = i64(1) << 22;
  if (h > kMaxArea || w > kMaxArea || h * w > kMaxArea) return out;
  i64 area = h * w;
  i64 pairwise = (steps + 1) * i64(a.n) * b.n;
  if (3 * area + (steps + 1) * a.n >= pairwise) return out;
  if (!c.spend(3 * area)) return out;
  i32* f = c.alloc<i32>(area);
  if (!f) return out;
  const i32 inf = kInt32Max / 4;
  for (i64 k = 0; k < area; ++k) f[k] = inf;
  for (i32 k = 0; k < b.n; ++k) {
    Pt q = pt_of(b.p[k]);
    f[(q.a - r0) * w + (q.b - c0)] = 0;
  }
  for (i64 i = 0; i < h; ++i)
    for (i64 j = 0; j < w; ++j) {
      i32& v = f[i * w + j];
      if (i > 0 && f[(i - 1) * w + j] + 1 < v) v = f[(i - 1) * w + j] + 1;
      if (j > 0 && f[i * w + j - 1] + 1 < v) v = f[i * w + j - 1] + 1;
    }
  for (i64 i = h - 1; i >= 0; --i)
    for (i64 j = w - 1; j >= 0; --j) {
      i32& v = f[i * w + j];
      if (i + 1 < h && f[(i + 1) * w + j] + 1 < v) v = f[(i + 1) * w + j] + 1;
      if (j + 1 < w && f[i * w + j + 1] + 1 < v) v = f[i * w + j + 1] + 1;
    }
  out.f = f;
  out.r0 = r0;
  out.c0 = c0;
  out.w = w;
  return out;
}

// min |p + (di, dj) - q|_1 over p in a, q in b (both non-empty, None-free).
template <class A, class B>
DSL_FN i64 min_l1(Ctx& c, const FSet<A>& a, const FSet<B>& b, i64 di, i64 dj, const L1Field& fd) {
  i64 best = -1;
  if (fd.f) {
    if (!c.spend(a.n)) return -1;
    for (i32 k = 0; k < a.n; ++k) {
      Pt p = pt_of(a.p[k]);
      i64 v = fd.f[(p.a + di - fd.r0) * fd.w + (p.b + dj - fd.c0)];
      if (best < 0 || v < best) best = v;
    }
    return best;
  }
  if (!c.spend(i64(a.n) * b.n)) return -1;
  for (i32 k = 0; k < a.n && best != 0; ++k) {
    Pt p = pt_of(a.p[k]);
    i64 pi = p.a + di, pj = p.b + dj;
    for (i32 l = 0; l < b.n; ++l) {
      Pt q = pt_of(b.p[l]);
      i64 v = abs64(pi - q.a) + abs64(pj - q.b);
      if (best < 0 || v < best) best = v;
    }
  }
  return best;
}

// The minimum distance, or -1 after a failure.
template <class A, class B>
DSL_FN i64 manhattan64(Ctx& c, const FSet<A>& a, const FSet<B>& b) {
  Box64 ba, bb;
  if (!int_box(c, a, ba) || !int_box(c, b, bb)) return -1;
  u64 m = c.mark();
  L1Field fd = l1_field(c, a, b, ba, bb, 0, 0, 0);
  i64 d = c.ok() ? min_l1(c, a, b, 0, 0, fd) : -1;
  c.release(m);
  return c.ok() ? d : -1;
}

template <class A, class B>
DSL_FN Int manhattan_impl(Ctx& c, const FSet<A>& a, const FSet<B>& b) {
  i64 d = manhattan64(c, a, b);
  if (d < 0) return 0;
  return checked(c, d);
}

template <class A, class B>
DSL_FN Bool adjacent_impl(Ctx& c, const FSet<A>& a, const FSet<B>& b) {
  return manhattan64(c, a, b) == 1;
}

template <class A, class B>
DSL_FN Pt position_impl(Ctx& c, const FSet<A>& a, const FSet<B>& b) {
  Pt p = center_impl(c, a);
  if (c.failed()) return {};
  Pt q = center_impl(c, b);
  if (c.failed()) return {};
  Int dj = p.b < q.b ? 1 : -1;
  if (p.a == q.a) return Pt{0, dj};
  if (p.b == q.b) return Pt{p.a < q.a ? 1 : -1, 0};
  return Pt{p.a < q.a ? 1 : -1, dj};
}

// Steps of one cell toward destination (along the rows when the patches share
// a column, else along the columns) until adjacent, at most 42; the source is
// shifted virtually, by offsets, rather than rebuilt.
template <class A, class B>
DSL_FN Pt gravitate_impl(Ctx& c, const FSet<A>& source, const FSet<B>& destination) {
  Pt s = center_impl(c, source);
  if (c.failed()) return {};
  Pt d = center_impl(c, destination);
  if (c.failed()) return {};
  i64 i = 0, j = 0;
  if (matching_impl(c, source, destination, 1))
    i = s.a < d.a ? 1 : -1;
  else
    j = s.b < d.b ? 1 : -1;
  if (c.failed()) return {};
  Box64 ba, bb;
  if (!int_box(c, source, ba) || !int_box(c, destination, bb)) return {};
  constexpr i64 kSteps = 42;
  u64 m = c.mark();
  L1Field fd = l1_field(c, source, destination, ba, bb, i, j, kSteps);
  i64 k = 0;
  while (c.ok() && min_l1(c, source, destination, k * i, k * j, fd) != 1 && k < kSteps) ++k;
  c.release(m);
  if (c.failed()) return {};
  return Pt{Int(k * i), Int(k * j)};
}

// uppermost == 0 or leftmost == 0 or lowermost == len(grid) - 1 or
// rightmost == len(grid[0]) - 1, in that order.
template <class P>
DSL_FN Bool bordering_impl(Ctx& c, const FSet<P>& patch, const Grid& grid) {
  Range r, cl;
  if (!axis_range(c, patch, 0, r)) return false;
  if (r.lo == 0) return true;
  if (!axis_range(c, patch, 1, cl)) return false;
  if (cl.lo == 0) return true;
  if (r.hi == grid.h - 1) return true;
  if (grid.h <= 0) {
    c.fail(Why::Empty);  // grid[0] of ()
    return false;
  }
  return cl.hi == grid.w - 1;
}

template <class A, class B>
DSL_FN Bool hmatching_impl(Ctx& c, const FSet<A>& a, const FSet<B>& b) { return matching_impl(c, a, b, 0); }
template <class A, class B>
DSL_FN Bool vmatching_impl(Ctx& c, const FSet<A>& a, const FSet<B>& b) { return matching_impl(c, a, b, 1); }
}  // namespace

// ---- the primitives ----------------------------------------------------------------

BATTC_TWO_PATCH_FN(Pt, position, position_impl)

BATTC_TWO_PATCH_FN(Bool, hmatching, hmatching_impl)
BATTC_TWO_PATCH_FN(Bool, vmatching, vmatching_impl)
BATTC_TWO_PATCH_FN(Int, manhattan, manhattan_impl)
BATTC_TWO_PATCH_FN(Bool, adjacent, adjacent_impl)
BATTC_TWO_PATCH_FN(Pt, gravitate, gravitate_impl)

DSL_HD Bool bordering(Ctx& c, const Indices& patch, const Grid& grid) { return bordering_impl(c, patch, grid); }
DSL_HD Bool bordering(Ctx& c, const Object& patch, const Grid& grid) { return bordering_impl(c, patch, grid); }

}  // namespace battc::dsl
