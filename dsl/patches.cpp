// dsl/patches.cpp: the patch primitives. Each one is a template over the
// patch's element type (Pt for Indices, Cell for Object) in the anonymous
// namespace, called by the overloads at the end of the file.
//
// Sets are sorted arrays, which most primitives exploit: Indices ascend row by
// row, an Object ascends by color and then by point, a translation keeps
// either order, and a mirror only reverses blocks of it. Only the transposing
// mirrors and a many-colored toindices sort.
//
// Coordinates take Python's path: min()/max() of one element return it even
// when it is None (kNone), of several fail on None; arithmetic on None fails.
#include "dsl/patches.h"

namespace battc::dsl {
namespace {

// ---- reading patches -----------------------------------------------------------

DSL_FN Pt pt_of(const Pt& p) { return p; }
DSL_FN Pt pt_of(const Cell& x) { return x.b; }
DSL_FN Pt with_pt(const Pt&, Pt q) { return q; }
DSL_FN Cell with_pt(const Cell& x, Pt q) { return Cell{x.a, q}; }
// Elements of one color (all of Indices) form a group, ascending by point.
DSL_FN bool same_group(const Pt&, const Pt&) { return true; }
DSL_FN bool same_group(const Cell& x, const Cell& y) { return x.a == y.a; }
DSL_FN Int axis_of(Pt p, int axis) { return axis == 0 ? p.a : p.b; }

DSL_FN bool is_int(i64 v) { return v > i64(kInt32Min) && v <= i64(kInt32Max); }

// min and max of one coordinate (0 rows, 1 columns) over the patch, as
// Python's min()/max() over the generator: the empty patch fails, and so does
// None among several values.
struct Range {
  Int lo;
  Int hi;
};

template <class P>
DSL_FN bool axis_range(Ctx& c, const FSet<P>& s, int axis, Range& r) {
  if (s.n <= 0 || s.p == nullptr) {
    c.fail();
    return false;
  }
  if constexpr (is_same_v<P, Pt>) {
    if (axis == 0) {  // Indices ascend by row: the ends are the extremes
      r = Range{s.p[0].a, s.p[s.n - 1].a};
      if (s.n > 1 && r.lo == kNone) {
        c.fail();
        return false;
      }
      return true;
    }
  }
  if (!c.spend(s.n)) return false;
  Int lo = axis_of(pt_of(s.p[0]), axis), hi = lo;
  bool none = lo == kNone;
  for (i32 k = 1; k < s.n; ++k) {
    Int v = axis_of(pt_of(s.p[k]), axis);
    none = none || v == kNone;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (none && s.n > 1) {
    c.fail();
    return false;
  }
  r = Range{lo, hi};
  return true;
}

// ulcorner and lrcorner together: both axes.
struct Box {
  Range r;
  Range c;
};
template <class P>
DSL_FN bool bbox(Ctx& c, const FSet<P>& s, Box& b) {
  return axis_range(c, s, 0, b.r) && axis_range(c, s, 1, b.c);
}
// A box whose bounds Python goes on to do arithmetic with: None fails.
DSL_FN bool box_is_int(Ctx& c, const Box& b) {
  if (b.r.lo == kNone || b.r.hi == kNone || b.c.lo == kNone || b.c.hi == kNone) {
    c.fail();
    return false;
  }
  return true;
}

// ---- building index sets ------------------------------------------------------

// Points given in canonical order, copied into the arena.
DSL_FN Indices copy_points(Ctx& c, const Pt* pts, i32 n) {
  if (c.failed()) return {};
  Pt* buf = c.alloc<Pt>(n);
  if (!buf) return {};
  for (i32 k = 0; k < n; ++k) buf[k] = pts[k];
  return sorted_set(buf, n);
}

// The points (i0 + k*di, j0 + k*dj) for k < n, with di in {0, 1} and dj = 1
// when di == 0, so they ascend. Points outside battc's Int range fail.
DSL_FN Indices line(Ctx& c, i64 n, i64 i0, i64 di, i64 j0, i64 dj) {
  if (c.failed()) return {};
  if (n <= 0) return copy_points(c, nullptr, 0);
  if (n > kInt32Max) {
    c.fail(Status::Budget);
    return {};
  }
  if (!is_int(i0) || !is_int(j0) || !is_int(i0 + (n - 1) * di) || !is_int(j0 + (n - 1) * dj)) {
    c.fail();
    return {};
  }
  if (!c.spend(n)) return {};
  Pt* buf = c.alloc<Pt>(n);
  if (!buf) return {};
  for (i64 k = 0; k < n; ++k) buf[k] = Pt{Int(i0 + k * di), Int(j0 + k * dj)};
  return sorted_set(buf, i32(n));
}

// Every point of the rectangle [r0, r1] x [c0, c1], row-major (ascending).
DSL_FN Indices rect_points(Ctx& c, i64 r0, i64 r1, i64 c0, i64 c1) {
  if (c.failed()) return {};
  if (r1 < r0 || c1 < c0) return copy_points(c, nullptr, 0);
  if (!is_int(r0) || !is_int(r1) || !is_int(c0) || !is_int(c1)) {
    c.fail();
    return {};
  }
  i64 h = r1 - r0 + 1, w = c1 - c0 + 1;
  if (h > kInt32Max || w > kInt32Max || h * w > kInt32Max) {
    c.fail(Status::Budget);
    return {};
  }
  if (!c.spend(h * w)) return {};
  Pt* buf = c.alloc<Pt>(h * w);
  if (!buf) return {};
  i64 k = 0;
  for (i64 i = r0; i <= r1; ++i)
    for (i64 j = c0; j <= c1; ++j) buf[k++] = Pt{Int(i), Int(j)};
  return sorted_set(buf, i32(k));
}

// The outline of the rectangle [si, ei] x [sj, ej] (si <= ei, sj <= ej): the
// union of its two columns and two rows, row-major.
DSL_FN Indices outline(Ctx& c, i64 si, i64 sj, i64 ei, i64 ej) {
  if (c.failed()) return {};
  if (!is_int(si) || !is_int(ei) || !is_int(sj) || !is_int(ej)) {
    c.fail();
    return {};
  }
  i64 h = ei - si + 1, w = ej - sj + 1;
  i64 n = h == 1 ? w : 2 * w + (h - 2) * (w == 1 ? 1 : 2);
  if (n > kInt32Max) {
    c.fail(Status::Budget);
    return {};
  }
  if (!c.spend(n)) return {};
  Pt* buf = c.alloc<Pt>(n);
  if (!buf) return {};
  i64 k = 0;
  for (i64 j = sj; j <= ej; ++j) buf[k++] = Pt{Int(si), Int(j)};
  for (i64 i = si + 1; i < ei; ++i) {
    buf[k++] = Pt{Int(i), Int(sj)};
    if (w > 1) buf[k++] = Pt{Int(i), Int(ej)};
  }
  if (h > 1)
    for (i64 j = sj; j <= ej; ++j) buf[k++] = Pt{Int(ei), Int(j)};
  return sorted_set(buf, i32(k));
}

// ---- conversion and movement ---------------------------------------------------

DSL_FN Indices indices_of(Ctx&, const Indices& patch) { return patch; }
DSL_FN Indices indices_of(Ctx& c, const Object& obj) {
  if (obj.n <= 0 || obj.p == nullptr) return copy_points(c, nullptr, 0);
  if (!c.spend(obj.n)) return {};
  Pt* buf = c.alloc<Pt>(obj.n);
  if (!buf) return {};
  for (i32 k = 0; k < obj.n; ++k) buf[k] = obj.p[k].b;
  // Cells of a single color already ascend by point, without repeats.
  if (obj.p[0].a == obj.p[obj.n - 1].a) return sorted_set(buf, obj.n);
  return make_set(c, buf, obj.n);
}

template <class P>
DSL_FN Object recolor_impl(Ctx& c, Int value, const FSet<P>& patch) {
  Indices idx = indices_of(c, patch);
  if (c.failed()) return {};
  if (!c.spend(idx.n)) return {};
  Cell* buf = c.alloc<Cell>(idx.n);
  if (!buf) return {};
  for (i32 k = 0; k < idx.n; ++k) buf[k] = Cell{value, idx.p[k]};  // one color: ascending by point
  return sorted_set(buf, idx.n);
}

// A translation keeps the canonical order of Indices and of Objects.
template <class P>
DSL_FN FSet<P> shift_impl(Ctx& c, const FSet<P>& patch, Pt d) {
  if (patch.n <= 0) return patch;
  if (!c.spend(patch.n)) return {};
  P* buf = c.alloc<P>(patch.n);
  if (!buf) return {};
  for (i32 k = 0; k < patch.n && c.ok(); ++k) {
    Pt q = pt_of(patch.p[k]);
    buf[k] = with_pt(patch.p[k], Pt{py_add(c, q.a, d.a), py_add(c, q.b, d.b)});
  }
  if (c.failed()) return {};
  return sorted_set(buf, patch.n);
}

template <class P>
DSL_FN FSet<P> normalize_impl(Ctx& c, const FSet<P>& patch) {
  if (patch.n <= 0) return patch;
  Range r, cl;
  if (!axis_range(c, patch, 0, r)) return {};
  Int di = py_neg(c, r.lo);
  if (!axis_range(c, patch, 1, cl)) return {};
  Int dj = py_neg(c, cl.lo);
  if (c.failed()) return {};
  return shift_impl(c, patch, Pt{di, dj});
}

// ---- dimensions -----------------------------------------------------------------

// height/width of a non-tuple piece: 0 when empty, else max - min + 1.
template <class P>
DSL_FN Int extent(Ctx& c, const FSet<P>& patch, int axis) {
  if (patch.n <= 0) return 0;
  Range r;
  if (!axis_range(c, patch, axis, r)) return 0;
  return py_add(c, py_sub(c, r.hi, r.lo), 1);
}

template <class P>
DSL_FN Pt center_impl(Ctx& c, const FSet<P>& patch) {
  Range r, cl;
  if (!axis_range(c, patch, 0, r)) return {};
  Int i = py_add(c, r.lo, py_floordiv(c, extent(c, patch, 0), 2));
  if (c.failed() || !axis_range(c, patch, 1, cl)) return {};
  Int j = py_add(c, cl.lo, py_floordiv(c, extent(c, patch, 1), 2));
  if (c.failed()) return {};
  return Pt{i, j};
}

// Floor division by a positive divisor.
DSL_FN i64 floordiv_pos(i64 a, i64 b) {
  i64 q = a / b;
  if (a % b != 0 && a < 0) --q;
  return q;
}

template <class P>
DSL_FN Pt centerofmass_impl(Ctx& c, const FSet<P>& patch) {
  if (patch.n <= 0) return kEmptyPt;  // Python's ()
  u64 m = c.mark();
  Indices idx = indices_of(c, patch);  // sums run over distinct points,
  if (c.failed()) return {};
  i64 si = 0, sj = 0;
  for (i32 k = 0; k < idx.n; ++k) {
    if (idx.p[k].a == kNone || idx.p[k].b == kNone) {
      c.fail();
      return {};
    }
    si += idx.p[k].a;
    sj += idx.p[k].b;
  }
  c.release(m);
  i64 n = patch.n;  // but divide by the number of cells
  return Pt{checked(c, floordiv_pos(si, n)), checked(c, floordiv_pos(sj, n))};
}

template <class P>
DSL_FN Bool square_impl(Ctx& c, const FSet<P>& piece) {
  Int h = extent(c, piece, 0);
  Int w = extent(c, piece, 1);
  if (c.failed()) return false;
  return i64(h) * w == piece.n && h == w;
}

// vline (axis 0) / hline (axis 1): the extent along the axis is the size and
// the other extent is 1, evaluated left to right.
template <class P>
DSL_FN Bool line_impl(Ctx& c, const FSet<P>& patch, int axis) {
  Int along = extent(c, patch, axis);
  if (c.failed() || along != patch.n) return false;
  Int across = extent(c, patch, 1 - axis);
  return c.ok() && across == 1;
}

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
    c.fail();
    return false;
  }
  if (!c.spend(s.n)) return false;
  Pt q = pt_of(s.p[0]);
  b = Box64{q.a, q.a, q.b, q.b};
  for (i32 k = 0; k < s.n; ++k) {
    q = pt_of(s.p[k]);
    if (q.a == kNone || q.b == kNone) {
      c.fail();
      return false;
    }
    if (q.a < b.r0) b.r0 = q.a;
    if (q.a > b.r1) b.r1 = q.a;
    if (q.b < b.c0) b.c0 = q.b;
    if (q.b > b.c1) b.c1 = q.b;
  }
  return true;
}

DSL_FN i64 min64(i64 a, i64 b) { return a < b ? a : b; }
DSL_FN i64 max64(i64 a, i64 b) { return a > b ? a : b; }
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
    c.fail();  // grid[0] of ()
    return false;
  }
  return cl.hi == grid.w - 1;
}

// ---- colors ----------------------------------------------------------------------

template <class P>
DSL_FN FSet<FSet<P>> colorfilter_impl(Ctx& c, const FSet<FSet<P>>& objs, Int value) {
  if (!c.spend(objs.n)) return {};
  FSet<P>* buf = c.alloc<FSet<P>>(objs.n);
  if (!buf) return {};
  i32 k = 0;
  for (i32 i = 0; i < objs.n; ++i) {
    const FSet<P>& o = objs.p[i];
    if (o.n <= 0 || o.p == nullptr) {
      c.fail();  // next() of an empty set
      return {};
    }
    if (o.p[0].a == value) buf[k++] = o;
  }
  return sorted_set(buf, k);  // a subset keeps the order
}

// ---- boxes -------------------------------------------------------------------------

template <class P>
DSL_FN Indices corners_impl(Ctx& c, const FSet<P>& patch) {
  if (patch.n <= 0) {  // Python: frozenset({()})
    Pt* one = c.alloc<Pt>(1);
    if (!one) return {};
    one[0] = kEmptyPt;
    return FSet<Pt>{one, 1};
  }
  Box b;
  if (!bbox(c, patch, b)) return {};
  Pt* buf = c.alloc<Pt>(4);
  if (!buf) return {};
  buf[0] = Pt{b.r.lo, b.c.lo};
  buf[1] = Pt{b.r.lo, b.c.hi};
  buf[2] = Pt{b.r.hi, b.c.lo};
  buf[3] = Pt{b.r.hi, b.c.hi};
  return make_set(c, buf, 4);
}

DSL_FN Indices connect64(Ctx& c, i64 ai, i64 aj, i64 bi, i64 bj) {
  i64 si = min64(ai, bi), ei = max64(ai, bi) + 1;
  i64 sj = min64(aj, bj), ej = max64(aj, bj) + 1;
  if (ai == bi) return line(c, ej - sj, ai, 0, sj, 1);
  if (aj == bj) return line(c, ei - si, si, 1, aj, 0);
  if (bi - ai == bj - aj) return line(c, ei - si, si, 1, sj, 1);
  if (bi - ai == aj - bj) return line(c, ei - si, si, 1, ej - 1, -1);
  return copy_points(c, nullptr, 0);
}

template <class P>
DSL_FN Indices backdrop_impl(Ctx& c, const FSet<P>& patch) {
  if (patch.n <= 0) return copy_points(c, nullptr, 0);
  Box b;
  if (!bbox(c, patch, b) || !box_is_int(c, b)) return {};
  return rect_points(c, b.r.lo, b.r.hi, b.c.lo, b.c.hi);
}

// The box minus the patch: one merge of the rectangle with the sorted points.
template <class P>
DSL_FN Indices delta_impl(Ctx& c, const FSet<P>& patch) {
  if (patch.n <= 0) return copy_points(c, nullptr, 0);
  Box b;
  if (!bbox(c, patch, b) || !box_is_int(c, b)) return {};
  Indices idx = indices_of(c, patch);
  if (c.failed()) return {};
  i64 h = i64(b.r.hi) - b.r.lo + 1, w = i64(b.c.hi) - b.c.lo + 1;
  if (h * w > kInt32Max) {
    c.fail(Status::Budget);
    return {};
  }
  i64 n = h * w - idx.n;
  if (!c.spend(h * w)) return {};
  Pt* buf = c.alloc<Pt>(n);
  if (!buf) return {};
  i32 k = 0, at = 0;
  for (i64 i = b.r.lo; i <= b.r.hi; ++i)
    for (i64 j = b.c.lo; j <= b.c.hi; ++j) {
      if (at < idx.n && idx.p[at].a == i && idx.p[at].b == j) {
        ++at;
      } else if (k < n) {
        buf[k++] = Pt{Int(i), Int(j)};
      }
    }
  return sorted_set(buf, k);
}

// inbox (grow -1) / outbox (grow +1): the outline of the box shrunk or grown by one.
template <class P>
DSL_FN Indices ring_impl(Ctx& c, const FSet<P>& patch, i64 grow) {
  Box b;
  if (!bbox(c, patch, b) || !box_is_int(c, b)) return {};
  i64 ai = i64(b.r.lo) - grow, aj = i64(b.c.lo) - grow;
  i64 bi = i64(b.r.hi) + grow, bj = i64(b.c.hi) + grow;
  return outline(c, min64(ai, bi), min64(aj, bj), max64(ai, bi), max64(aj, bj));
}

template <class P>
DSL_FN Indices box_impl(Ctx& c, const FSet<P>& patch) {
  if (patch.n <= 0) return copy_points(c, nullptr, 0);
  Box b;
  if (!bbox(c, patch, b) || !box_is_int(c, b)) return {};
  return outline(c, b.r.lo, b.c.lo, b.r.hi, b.c.hi);
}

// ---- periods -------------------------------------------------------------------------

// hperiod (axis 1) / vperiod (axis 0): the least p in [1, n) such that the
// normalized object shifted back by p along the axis, cut at 0, is a subset
// of itself; n (the width or height) when none is. Only p that map a cell at
// the far edge onto another cell of its color and line can pass, so those
// are the only ones tried.
DSL_FN Int period_impl(Ctx& c, const Object& obj, int axis) {
  Object nz = normalize_impl(c, obj);
  if (c.failed()) return 0;
  Int n = extent(c, nz, axis);
  if (c.failed() || n <= 1) return n;
  i32 anchor = -1;
  for (i32 k = 0; k < nz.n && anchor < 0; ++k)
    if (axis_of(nz.p[k].b, axis) == n - 1) anchor = k;
  if (anchor < 0) return n;  // unreachable: the far edge holds a cell
  const Cell& an = nz.p[anchor];
  u64 m = c.mark();
  if (!c.spend(nz.n)) return 0;
  Int* cand = c.alloc<Int>(nz.n);
  if (!cand) return 0;
  i32 nc = 0;
  for (i32 k = 0; k < nz.n; ++k) {
    const Cell& x = nz.p[k];
    if (x.a == an.a && axis_of(x.b, 1 - axis) == axis_of(an.b, 1 - axis) && axis_of(x.b, axis) < n - 1)
      cand[nc++] = n - 1 - axis_of(x.b, axis);
  }
  stable_sort(c, cand, nc, CanonLess<Int>{});
  Int result = n;
  for (i32 t = 0; t < nc && c.ok(); ++t) {
    Int p = cand[t];
    if (!c.spend(i64(nz.n) * 4)) break;
    bool subset = true;
    for (i32 k = 0; k < nz.n && subset; ++k) {
      const Cell& x = nz.p[k];
      Int v = axis_of(x.b, axis);
      if (v < p) continue;  // cut off
      Pt q = axis == 0 ? Pt{v - p, x.b.b} : Pt{x.b.a, v - p};
      subset = set_contains(nz, Cell{x.a, q});
    }
    if (subset) {
      result = p;
      break;
    }
  }
  c.release(m);
  return c.ok() ? result : 0;
}

DSL_FN Int period_impl(Ctx& c, const Indices& obj, int axis) {
  Indices nz = normalize_impl(c, obj);
  if (c.failed()) return 0;
  Int n = extent(c, nz, axis);
  if (c.failed() || n <= 1) return n;
  c.fail();  // a point does not unpack as (color, (i, j))
  return 0;
}

// ---- mirrors -------------------------------------------------------------------------

// (d - i, j) with d = top + bottom: within each color group the row blocks
// come out in reverse order, each still ascending by column.
template <class P>
DSL_FN FSet<P> hmirror_impl(Ctx& c, const FSet<P>& piece) {
  Box b;
  if (!bbox(c, piece, b)) return {};
  Int d = py_add(c, b.r.lo, b.r.hi);
  if (c.failed() || !c.spend(piece.n)) return {};
  P* buf = c.alloc<P>(piece.n);
  if (!buf) return {};
  i32 o = 0;
  for (i32 g0 = 0; g0 < piece.n;) {
    i32 g1 = g0 + 1;
    while (g1 < piece.n && same_group(piece.p[g1], piece.p[g0])) ++g1;
    for (i32 e = g1; e > g0;) {
      Int row = pt_of(piece.p[e - 1]).a;
      i32 s = e - 1;
      while (s > g0 && pt_of(piece.p[s - 1]).a == row) --s;
      Int nrow = py_sub(c, d, row);
      for (i32 k = s; k < e; ++k) buf[o++] = with_pt(piece.p[k], Pt{nrow, pt_of(piece.p[k]).b});
      e = s;
    }
    g0 = g1;
  }
  if (c.failed()) return {};
  return sorted_set(buf, piece.n);
}

// (i, d - j) with d = left + right: each row block of each color reversed.
template <class P>
DSL_FN FSet<P> vmirror_impl(Ctx& c, const FSet<P>& piece) {
  Box b;
  if (!bbox(c, piece, b)) return {};
  Int d = py_add(c, b.c.lo, b.c.hi);
  if (c.failed() || !c.spend(piece.n)) return {};
  P* buf = c.alloc<P>(piece.n);
  if (!buf) return {};
  i32 o = 0;
  for (i32 s = 0; s < piece.n;) {
    Int row = pt_of(piece.p[s]).a;
    i32 e = s + 1;
    while (e < piece.n && same_group(piece.p[e], piece.p[s]) && pt_of(piece.p[e]).a == row) ++e;
    for (i32 k = e - 1; k >= s; --k) buf[o++] = with_pt(piece.p[k], Pt{row, py_sub(c, d, pt_of(piece.p[k]).b)});
    s = e;
  }
  if (c.failed()) return {};
  return sorted_set(buf, piece.n);
}

// (j - left + top, i - top + left): a transpose about the upper left corner.
template <class P>
DSL_FN FSet<P> dmirror_impl(Ctx& c, const FSet<P>& piece) {
  Box b;
  if (!bbox(c, piece, b)) return {};
  Int a0 = b.r.lo, b0 = b.c.lo;
  if (!c.spend(piece.n)) return {};
  P* buf = c.alloc<P>(piece.n);
  if (!buf) return {};
  for (i32 k = 0; k < piece.n && c.ok(); ++k) {
    Pt q = pt_of(piece.p[k]);
    buf[k] = with_pt(piece.p[k], Pt{py_add(c, py_sub(c, q.b, b0), a0), py_add(c, py_sub(c, q.a, a0), b0)});
  }
  return make_set(c, buf, piece.n);
}

// vmirror(dmirror(vmirror(piece))) in one step: with the box [r0, r1] x
// [c0, c1], (i, j) goes to (r0 + c1 - j, c0 + r1 - i).
template <class P>
DSL_FN FSet<P> cmirror_impl(Ctx& c, const FSet<P>& piece) {
  Box b;
  if (!bbox(c, piece, b) || !box_is_int(c, b)) return {};
  if (!c.spend(piece.n)) return {};
  P* buf = c.alloc<P>(piece.n);
  if (!buf) return {};
  for (i32 k = 0; k < piece.n && c.ok(); ++k) {
    Pt q = pt_of(piece.p[k]);
    i64 i = i64(b.r.lo) + b.c.hi - q.b, j = i64(b.c.lo) + b.r.hi - q.a;
    buf[k] = with_pt(piece.p[k], Pt{checked(c, i), checked(c, j)});
  }
  return make_set(c, buf, piece.n);
}

}  // namespace

// ---- the primitives ----------------------------------------------------------------

#define BATTC_PATCH_FN(R, NAME, IMPL)                                  \
  DSL_HD R NAME(Ctx& c, const Indices& patch) { return IMPL(c, patch); } \
  DSL_HD R NAME(Ctx& c, const Object& patch) { return IMPL(c, patch); }
#define BATTC_TWO_PATCH_FN(R, NAME, IMPL)                                                        \
  DSL_HD R NAME(Ctx& c, const Indices& a, const Indices& b) { return IMPL(c, a, b); }           \
  DSL_HD R NAME(Ctx& c, const Indices& a, const Object& b) { return IMPL(c, a, b); }            \
  DSL_HD R NAME(Ctx& c, const Object& a, const Indices& b) { return IMPL(c, a, b); }            \
  DSL_HD R NAME(Ctx& c, const Object& a, const Object& b) { return IMPL(c, a, b); }

DSL_HD Indices toindices(Ctx&, const Indices& patch) { return patch; }
DSL_HD Indices toindices(Ctx& c, const Object& patch) { return indices_of(c, patch); }
DSL_HD Object recolor(Ctx& c, Int value, const Indices& patch) { return recolor_impl(c, value, patch); }
DSL_HD Object recolor(Ctx& c, Int value, const Object& patch) { return recolor_impl(c, value, patch); }
DSL_HD Indices shift(Ctx& c, const Indices& patch, Pt directions) { return shift_impl(c, patch, directions); }
DSL_HD Object shift(Ctx& c, const Object& patch, Pt directions) { return shift_impl(c, patch, directions); }
DSL_HD Indices normalize(Ctx& c, const Indices& patch) { return normalize_impl(c, patch); }
DSL_HD Object normalize(Ctx& c, const Object& patch) { return normalize_impl(c, patch); }

DSL_HD Indices dneighbors(Ctx& c, Pt loc) {
  Int up = py_sub(c, loc.a, 1), down = py_add(c, loc.a, 1);
  Int left = py_sub(c, loc.b, 1), right = py_add(c, loc.b, 1);
  Pt pts[4] = {{up, loc.b}, {loc.a, left}, {loc.a, right}, {down, loc.b}};
  return copy_points(c, pts, 4);
}
DSL_HD Indices ineighbors(Ctx& c, Pt loc) {
  Int up = py_sub(c, loc.a, 1), down = py_add(c, loc.a, 1);
  Int left = py_sub(c, loc.b, 1), right = py_add(c, loc.b, 1);
  Pt pts[4] = {{up, left}, {up, right}, {down, left}, {down, right}};
  return copy_points(c, pts, 4);
}
DSL_HD Indices neighbors(Ctx& c, Pt loc) {
  Int up = py_sub(c, loc.a, 1), down = py_add(c, loc.a, 1);
  Int left = py_sub(c, loc.b, 1), right = py_add(c, loc.b, 1);
  Pt pts[8] = {{up, left},      {up, loc.b},  {up, right},    {loc.a, left},
               {loc.a, right}, {down, left}, {down, loc.b}, {down, right}};
  return copy_points(c, pts, 8);
}

namespace {
template <class P>
DSL_FN Int axis_end(Ctx& c, const FSet<P>& patch, int axis, bool hi) {
  Range r;
  if (!axis_range(c, patch, axis, r)) return 0;
  return hi ? r.hi : r.lo;
}
// A corner: rows' low or high end, then columns'; Python's () for the empty
// patch.
template <class P>
DSL_FN Pt corner(Ctx& c, const FSet<P>& patch, bool row_hi, bool col_hi) {
  if (patch.n <= 0) return kEmptyPt;
  Box b;
  if (!bbox(c, patch, b)) return {};
  return Pt{row_hi ? b.r.hi : b.r.lo, col_hi ? b.c.hi : b.c.lo};
}
template <class P>
DSL_FN Int uppermost_impl(Ctx& c, const FSet<P>& p) { return axis_end(c, p, 0, false); }
template <class P>
DSL_FN Int lowermost_impl(Ctx& c, const FSet<P>& p) { return axis_end(c, p, 0, true); }
template <class P>
DSL_FN Int leftmost_impl(Ctx& c, const FSet<P>& p) { return axis_end(c, p, 1, false); }
template <class P>
DSL_FN Int rightmost_impl(Ctx& c, const FSet<P>& p) { return axis_end(c, p, 1, true); }
template <class P>
DSL_FN Pt ulcorner_impl(Ctx& c, const FSet<P>& p) { return corner(c, p, false, false); }
template <class P>
DSL_FN Pt urcorner_impl(Ctx& c, const FSet<P>& p) { return corner(c, p, false, true); }
template <class P>
DSL_FN Pt llcorner_impl(Ctx& c, const FSet<P>& p) { return corner(c, p, true, false); }
template <class P>
DSL_FN Pt lrcorner_impl(Ctx& c, const FSet<P>& p) { return corner(c, p, true, true); }
template <class P>
DSL_FN Int height_impl(Ctx& c, const FSet<P>& p) { return extent(c, p, 0); }
template <class P>
DSL_FN Int width_impl(Ctx& c, const FSet<P>& p) { return extent(c, p, 1); }
template <class P>
DSL_FN Pt shape_impl(Ctx& c, const FSet<P>& p) {
  Int h = extent(c, p, 0);
  return Pt{h, extent(c, p, 1)};
}
template <class P>
DSL_FN Bool portrait_impl(Ctx& c, const FSet<P>& p) {
  Int h = extent(c, p, 0), w = extent(c, p, 1);
  return c.ok() && h > w;
}
template <class P>
DSL_FN Bool vline_impl(Ctx& c, const FSet<P>& p) { return line_impl(c, p, 0); }
template <class P>
DSL_FN Bool hline_impl(Ctx& c, const FSet<P>& p) { return line_impl(c, p, 1); }
template <class A, class B>
DSL_FN Bool hmatching_impl(Ctx& c, const FSet<A>& a, const FSet<B>& b) { return matching_impl(c, a, b, 0); }
template <class A, class B>
DSL_FN Bool vmatching_impl(Ctx& c, const FSet<A>& a, const FSet<B>& b) { return matching_impl(c, a, b, 1); }
template <class P>
DSL_FN Indices inbox_impl(Ctx& c, const FSet<P>& p) { return ring_impl(c, p, -1); }
template <class P>
DSL_FN Indices outbox_impl(Ctx& c, const FSet<P>& p) { return ring_impl(c, p, 1); }
}  // namespace

BATTC_PATCH_FN(Int, uppermost, uppermost_impl)
BATTC_PATCH_FN(Int, lowermost, lowermost_impl)
BATTC_PATCH_FN(Int, leftmost, leftmost_impl)
BATTC_PATCH_FN(Int, rightmost, rightmost_impl)
BATTC_PATCH_FN(Pt, ulcorner, ulcorner_impl)
BATTC_PATCH_FN(Pt, urcorner, urcorner_impl)
BATTC_PATCH_FN(Pt, llcorner, llcorner_impl)
BATTC_PATCH_FN(Pt, lrcorner, lrcorner_impl)
BATTC_PATCH_FN(Pt, centerofmass, centerofmass_impl)
BATTC_PATCH_FN(Pt, center, center_impl)
BATTC_TWO_PATCH_FN(Pt, position, position_impl)

BATTC_PATCH_FN(Int, height, height_impl)
BATTC_PATCH_FN(Int, width, width_impl)
BATTC_PATCH_FN(Pt, shape, shape_impl)
BATTC_PATCH_FN(Bool, portrait, portrait_impl)
BATTC_PATCH_FN(Bool, square, square_impl)
BATTC_PATCH_FN(Bool, vline, vline_impl)
BATTC_PATCH_FN(Bool, hline, hline_impl)

BATTC_TWO_PATCH_FN(Bool, hmatching, hmatching_impl)
BATTC_TWO_PATCH_FN(Bool, vmatching, vmatching_impl)
BATTC_TWO_PATCH_FN(Int, manhattan, manhattan_impl)
BATTC_TWO_PATCH_FN(Bool, adjacent, adjacent_impl)
BATTC_TWO_PATCH_FN(Pt, gravitate, gravitate_impl)

DSL_HD Bool bordering(Ctx& c, const Indices& patch, const Grid& grid) { return bordering_impl(c, patch, grid); }
DSL_HD Bool bordering(Ctx& c, const Object& patch, const Grid& grid) { return bordering_impl(c, patch, grid); }

DSL_HD Int color(Ctx& c, const Object& obj) {
  if (obj.n <= 0 || obj.p == nullptr) {
    c.fail();  // next() of an empty set
    return 0;
  }
  return obj.p[0].a;
}
DSL_HD Int color(Ctx& c, const Indices& obj) {
  if (obj.n <= 0 || obj.p == nullptr) {
    c.fail();
    return 0;
  }
  return obj.p[0].a;
}
DSL_HD Objects colorfilter(Ctx& c, const Objects& objs, Int value) { return colorfilter_impl(c, objs, value); }
DSL_HD IndicesSet colorfilter(Ctx& c, const IndicesSet& objs, Int value) {
  return colorfilter_impl(c, objs, value);
}

BATTC_PATCH_FN(Indices, corners, corners_impl)

DSL_HD Indices connect(Ctx& c, Pt a, Pt b) {
  if (a.a == kNone || a.b == kNone || b.a == kNone || b.b == kNone) {
    c.fail();  // min() compares None
    return {};
  }
  return connect64(c, a.a, a.b, b.a, b.b);
}
DSL_HD Indices shoot(Ctx& c, Pt start, Pt direction) {
  if (start.a == kNone || start.b == kNone || direction.a == kNone || direction.b == kNone) {
    c.fail();
    return {};
  }
  return connect64(c, start.a, start.b, start.a + 42 * i64(direction.a), start.b + 42 * i64(direction.b));
}
DSL_HD Indices vfrontier(Ctx& c, Pt location) {
  Pt pts[30];
  for (i32 i = 0; i < 30; ++i) pts[i] = Pt{i, location.b};
  return copy_points(c, pts, 30);
}
DSL_HD Indices hfrontier(Ctx& c, Pt location) {
  Pt pts[30];
  for (i32 j = 0; j < 30; ++j) pts[j] = Pt{location.a, j};
  return copy_points(c, pts, 30);
}

BATTC_PATCH_FN(Indices, backdrop, backdrop_impl)
BATTC_PATCH_FN(Indices, delta, delta_impl)
BATTC_PATCH_FN(Indices, inbox, inbox_impl)
BATTC_PATCH_FN(Indices, outbox, outbox_impl)
BATTC_PATCH_FN(Indices, box, box_impl)

DSL_HD Int hperiod(Ctx& c, const Object& obj) { return period_impl(c, obj, 1); }
DSL_HD Int hperiod(Ctx& c, const Indices& obj) { return period_impl(c, obj, 1); }
DSL_HD Int vperiod(Ctx& c, const Object& obj) { return period_impl(c, obj, 0); }
DSL_HD Int vperiod(Ctx& c, const Indices& obj) { return period_impl(c, obj, 0); }

#define BATTC_SAME_KIND_FN(NAME, IMPL)                                        \
  DSL_HD Indices NAME(Ctx& c, const Indices& piece) { return IMPL(c, piece); } \
  DSL_HD Object NAME(Ctx& c, const Object& piece) { return IMPL(c, piece); }
BATTC_SAME_KIND_FN(hmirror, hmirror_impl)
BATTC_SAME_KIND_FN(vmirror, vmirror_impl)
BATTC_SAME_KIND_FN(dmirror, dmirror_impl)
BATTC_SAME_KIND_FN(cmirror, cmirror_impl)

#undef BATTC_PATCH_FN
#undef BATTC_TWO_PATCH_FN
#undef BATTC_SAME_KIND_FN

}  // namespace battc::dsl
