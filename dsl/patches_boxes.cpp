// dsl/patches_boxes.cpp: lines and boxes as index sets: corners, connect,
// shoot, the frontiers, backdrop, delta, inbox, outbox and box. Split from
// patches.cpp by topic; the shared helpers are in patches_internal.h.
#include "dsl/patches.h"
#include "dsl/patches_internal.h"

namespace battc::dsl {

using namespace detail::patches_internal;

namespace {

DSL_FN bool is_int(i64 v) { return v > i64(kInt32Min) && v <= i64(kInt32Max); }

// ---- building index sets ------------------------------------------------------

// The points (i0 + k*di, j0 + k*dj) for k < n, with di in {0, 1} and dj = 1
// when di == 0, so they ascend. Points outside battc's Int range fail.
DSL_FN Indices line(Ctx& c, i64 n, i64 i0, i64 di, i64 j0, i64 dj) {
  if (c.failed()) return {};
  if (n <= 0) return copy_points(c, nullptr, 0);
  if (n > kInt32Max) {
    c.fail(Status::Budget, Why::Arena);
    return {};
  }
  if (!is_int(i0) || !is_int(j0) || !is_int(i0 + (n - 1) * di) || !is_int(j0 + (n - 1) * dj)) {
    c.fail(Why::Value);
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
    c.fail(Why::Value);
    return {};
  }
  i64 h = r1 - r0 + 1, w = c1 - c0 + 1;
  if (h > kInt32Max || w > kInt32Max || h * w > kInt32Max) {
    c.fail(Status::Budget, Why::Arena);
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
    c.fail(Why::Value);
    return {};
  }
  i64 h = ei - si + 1, w = ej - sj + 1;
  i64 n = h == 1 ? w : 2 * w + (h - 2) * (w == 1 ? 1 : 2);
  if (n > kInt32Max) {
    c.fail(Status::Budget, Why::Arena);
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
    c.fail(Status::Budget, Why::Arena);
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

template <class P>
DSL_FN Indices inbox_impl(Ctx& c, const FSet<P>& p) { return ring_impl(c, p, -1); }
template <class P>
DSL_FN Indices outbox_impl(Ctx& c, const FSet<P>& p) { return ring_impl(c, p, 1); }
}  // namespace

// ---- the primitives ----------------------------------------------------------------

BATTC_PATCH_FN(Indices, corners, corners_impl)

DSL_HD Indices connect(Ctx& c, Pt a, Pt b) {
  if (a.a == kNone || a.b == kNone || b.a == kNone || b.b == kNone) {
    c.fail(Why::Type);  // min() compares None
    return {};
  }
  return connect64(c, a.a, a.b, b.a, b.b);
}
DSL_HD Indices shoot(Ctx& c, Pt start, Pt direction) {
  if (start.a == kNone || start.b == kNone || direction.a == kNone || direction.b == kNone) {
    c.fail(Why::Type);
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

}  // namespace battc::dsl
