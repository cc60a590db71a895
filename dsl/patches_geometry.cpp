// dsl/patches_geometry.cpp: where a patch is and how big: conversion and
// movement (toindices, recolor, shift, normalize), neighbourhoods, extremes
// and corners, centers and dimensions. Split from patches.cpp by topic; the
// shared helpers are in patches_internal.h.
#include "dsl/patches.h"
#include "dsl/patches_internal.h"

namespace battc::dsl {

using namespace detail::patches_internal;

namespace {

// ---- conversion and movement ---------------------------------------------------

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

// ---- dimensions -----------------------------------------------------------------

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
      c.fail(Why::Type);
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
}  // namespace

// ---- the primitives ----------------------------------------------------------------

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

BATTC_PATCH_FN(Int, height, height_impl)
BATTC_PATCH_FN(Int, width, width_impl)
BATTC_PATCH_FN(Pt, shape, shape_impl)
BATTC_PATCH_FN(Bool, portrait, portrait_impl)
BATTC_PATCH_FN(Bool, square, square_impl)
BATTC_PATCH_FN(Bool, vline, vline_impl)
BATTC_PATCH_FN(Bool, hline, hline_impl)

}  // namespace battc::dsl
