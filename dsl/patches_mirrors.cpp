// dsl/patches_mirrors.cpp: the mirrors of patches (hmirror, vmirror, dmirror,
// cmirror); the Grid overloads are in grids_shape.cpp. Split from patches.cpp
// by topic; the shared helpers are in patches_internal.h.
#include "dsl/patches.h"
#include "dsl/patches_internal.h"

namespace battc::dsl {

using namespace detail::patches_internal;

namespace {

// Elements of one color (all of Indices) form a group, ascending by point.
DSL_FN bool same_group(const Pt&, const Pt&) { return true; }
DSL_FN bool same_group(const Cell& x, const Cell& y) { return x.a == y.a; }

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

#define BATTC_SAME_KIND_FN(NAME, IMPL)                                        \
  DSL_HD Indices NAME(Ctx& c, const Indices& piece) { return IMPL(c, piece); } \
  DSL_HD Object NAME(Ctx& c, const Object& piece) { return IMPL(c, piece); }
BATTC_SAME_KIND_FN(hmirror, hmirror_impl)
BATTC_SAME_KIND_FN(vmirror, vmirror_impl)
BATTC_SAME_KIND_FN(dmirror, dmirror_impl)
BATTC_SAME_KIND_FN(cmirror, cmirror_impl)

#undef BATTC_SAME_KIND_FN

}  // namespace battc::dsl
