// dsl/patches_colors.cpp: what a patch's colors say: color, colorfilter, and
// the periods hperiod/vperiod (the least shift that maps the object's cells
// onto cells of the same color). Split from patches.cpp by topic; the shared
// helpers are in patches_internal.h.
#include "dsl/patches.h"
#include "dsl/patches_internal.h"

namespace battc::dsl {

using namespace detail::patches_internal;

namespace {

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
      c.fail(Why::Empty);  // next() of an empty set
      return {};
    }
    if (o.p[0].a == value) buf[k++] = o;
  }
  return sorted_set(buf, k);  // a subset keeps the order
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
  c.fail(Why::Type);  // a point does not unpack as (color, (i, j))
  return 0;
}

}  // namespace

// ---- the primitives ----------------------------------------------------------------

DSL_HD Int color(Ctx& c, const Object& obj) {
  if (obj.n <= 0 || obj.p == nullptr) {
    c.fail(Why::Empty);  // next() of an empty set
    return 0;
  }
  return obj.p[0].a;
}
DSL_HD Int color(Ctx& c, const Indices& obj) {
  if (obj.n <= 0 || obj.p == nullptr) {
    c.fail(Why::Empty);
    return 0;
  }
  return obj.p[0].a;
}
DSL_HD Objects colorfilter(Ctx& c, const Objects& objs, Int value) { return colorfilter_impl(c, objs, value); }
DSL_HD IndicesSet colorfilter(Ctx& c, const IndicesSet& objs, Int value) {
  return colorfilter_impl(c, objs, value);
}

DSL_HD Int hperiod(Ctx& c, const Object& obj) { return period_impl(c, obj, 1); }
DSL_HD Int hperiod(Ctx& c, const Indices& obj) { return period_impl(c, obj, 1); }
DSL_HD Int vperiod(Ctx& c, const Object& obj) { return period_impl(c, obj, 0); }
DSL_HD Int vperiod(Ctx& c, const Indices& obj) { return period_impl(c, obj, 0); }

}  // namespace battc::dsl
