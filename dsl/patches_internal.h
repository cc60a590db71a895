// dsl/patches_internal.h: helpers shared by the patch primitives, which
// dsl/patches_*.cpp split by topic (as Halide's Simplify_*.cpp share
// Simplify_Internal.h). Only those files include it; each opens the namespace
// with a using-directive, so the helpers read as the file-local ones they were.
//
// Each primitive is a template over the patch's element type (Pt for Indices,
// Cell for Object), called by the overloads that BATTC_PATCH_FN and
// BATTC_TWO_PATCH_FN write.
//
// Sets are sorted arrays, which most primitives exploit: Indices ascend row by
// row, an Object ascends by color and then by point, a translation keeps
// either order, and a mirror only reverses blocks of it. Only the transposing
// mirrors and a many-colored toindices sort.
//
// Coordinates take Python's path: min()/max() of one element return it even
// when it is None (kNone), of several fail on None; arithmetic on None fails.
#pragma once

#include "dsl/patches.h"

namespace battc::dsl::detail::patches_internal {

// ---- reading patches -----------------------------------------------------------

DSL_FN Pt pt_of(const Pt& p) { return p; }
DSL_FN Pt pt_of(const Cell& x) { return x.b; }
DSL_FN Pt with_pt(const Pt&, Pt q) { return q; }
DSL_FN Cell with_pt(const Cell& x, Pt q) { return Cell{x.a, q}; }
DSL_FN Int axis_of(Pt p, int axis) { return axis == 0 ? p.a : p.b; }

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
    c.fail(Why::Empty);
    return false;
  }
  if constexpr (is_same_v<P, Pt>) {
    if (axis == 0) {  // Indices ascend by row: the ends are the extremes
      r = Range{s.p[0].a, s.p[s.n - 1].a};
      if (s.n > 1 && r.lo == kNone) {
        c.fail(Why::Type);
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
    c.fail(Why::Type);
    return false;
  }
  r = Range{lo, hi};
  return true;
}

// ulcorner and lrcorner together: both axes in one pass (the profile's
// hottest patch code was center's four scans). Fails and spends, in order, as
// axis_range(0) then axis_range(1) would.
struct Box {
  Range r;
  Range c;
};
template <class P>
DSL_FN bool bbox(Ctx& c, const FSet<P>& s, Box& b) {
  if (s.n <= 0 || s.p == nullptr) {
    c.fail(Why::Empty);
    return false;
  }
  constexpr bool kIndices = is_same_v<P, Pt>;  // rows from the ends, as axis_range
  Pt first = pt_of(s.p[0]);
  if constexpr (!kIndices) {
    // An object of one color ascends by point: its rows come from the ends,
    // and only the columns need the scan.
    if (s.p[0].a == s.p[s.n - 1].a) {
      Int c_lo = first.b, c_hi = first.b;
      bool c_none = first.b == kNone;
      for (i32 k = 1; k < s.n; ++k) {
        Int v = s.p[k].b.b;
        c_none = c_none || v == kNone;
        if (v < c_lo) c_lo = v;
        if (v > c_hi) c_hi = v;
      }
      if (!c.spend(s.n)) return false;  // the row scan
      if (s.n > 1 && first.a == kNone) {
        c.fail(Why::Type);
        return false;
      }
      if (!c.spend(s.n)) return false;  // the column scan
      if (s.n > 1 && c_none) {
        c.fail(Why::Type);
        return false;
      }
      b = Box{Range{first.a, s.p[s.n - 1].b.a}, Range{c_lo, c_hi}};
      return true;
    }
  }
  Int r_lo = first.a, r_hi = first.a, c_lo = first.b, c_hi = first.b;
  bool r_none = first.a == kNone, c_none = first.b == kNone;
  for (i32 k = 1; k < s.n; ++k) {
    Pt q = pt_of(s.p[k]);
    r_none = r_none || q.a == kNone;
    c_none = c_none || q.b == kNone;
    if (q.a < r_lo) r_lo = q.a;
    if (q.a > r_hi) r_hi = q.a;
    if (q.b < c_lo) c_lo = q.b;
    if (q.b > c_hi) c_hi = q.b;
  }
  if constexpr (kIndices) {
    r_lo = s.p[0].a, r_hi = s.p[s.n - 1].a;
    r_none = r_lo == kNone;
  } else if (!c.spend(s.n)) {  // the row scan
    return false;
  }
  if (s.n > 1 && r_none) {
    c.fail(Why::Type);
    return false;
  }
  if (!c.spend(s.n)) return false;  // the column scan
  if (s.n > 1 && c_none) {
    c.fail(Why::Type);
    return false;
  }
  b = Box{Range{r_lo, r_hi}, Range{c_lo, c_hi}};
  return true;
}
// A box whose bounds Python goes on to do arithmetic with: None fails.
DSL_FN bool box_is_int(Ctx& c, const Box& b) {
  if (b.r.lo == kNone || b.r.hi == kNone || b.c.lo == kNone || b.c.hi == kNone) {
    c.fail(Why::Type);
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

// A translation keeps the canonical order of Indices and of Objects.
template <class P>
DSL_FN FSet<P> shift_impl(Ctx& c, const FSet<P>& patch, Pt d) {
  if (patch.n <= 0) return patch;
  if (!c.spend(patch.n)) return {};
  P* buf = c.alloc<P>(patch.n);
  if (!buf) return {};
  if (d.a != kNone && d.b != kNone) {
    // One pass without a branch per cell, noting whether any coordinate was
    // None or any sum leaves checked()'s range; when none did (always, on ARC
    // grids) py_add would have failed nowhere and made these very cells.
    bool bad = false;
    for (i32 k = 0; k < patch.n; ++k) {
      Pt q = pt_of(patch.p[k]);
      i64 i = i64(q.a) + d.a, j = i64(q.b) + d.b;
      bad |= (q.a == kNone) | (q.b == kNone) | (i <= i64(kInt32Min)) | (i > i64(kInt32Max)) |
             (j <= i64(kInt32Min)) | (j > i64(kInt32Max));
      buf[k] = with_pt(patch.p[k], Pt{Int(i), Int(j)});
    }
    if (!bad) return sorted_set(buf, patch.n);
  }
  for (i32 k = 0; k < patch.n && c.ok(); ++k) {  // the checked way, failing where Python would
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

// Python's formula scans the patch four times (uppermost, height, leftmost,
// width): one bbox, charged as those four scans. The result is kept in the
// Ctx's memo; a hit spends what bbox and the formula would, in the same steps
// (a patch that once succeeded cannot fail but for the budget).
template <class P>
DSL_FN Pt center_impl(Ctx& c, const FSet<P>& patch) {
  constexpr bool kIndices = is_same_v<P, Pt>;
  constexpr i32 kTag = 1 << 8 | i32(sizeof(P));
  i64 kept;
  if (patch.n > 0 && c.memo_find(patch.p, patch.n, kTag, kept)) {
    if (!kIndices && !c.spend(patch.n)) return {};  // bbox's row scan
    if (!c.spend(patch.n)) return {};                // its column scan
    if (!c.spend(kIndices ? patch.n : 2 * i64(patch.n))) return {};
    return Pt{Int(kept >> 32), Int(u64(kept) & 0xffffffffu)};
  }
  Box b;
  if (!bbox(c, patch, b)) return {};
  if (!c.spend(kIndices ? patch.n : 2 * i64(patch.n))) return {};
  // h and w are at least 1 (or 0 after a failure, which the check below
  // catches), so Python's // 2 is the plain one, without a division.
  Int h = py_add(c, py_sub(c, b.r.hi, b.r.lo), 1);
  Int i = py_add(c, b.r.lo, h / 2);
  Int w = py_add(c, py_sub(c, b.c.hi, b.c.lo), 1);
  Int j = py_add(c, b.c.lo, w / 2);
  if (c.failed()) return {};
  c.memo_keep(patch.p, patch.n, kTag, i64(u64(u32(i)) << 32 | u32(j)));
  return Pt{i, j};
}

// ---- arithmetic ------------------------------------------------------------------

DSL_FN i64 min64(i64 a, i64 b) { return a < b ? a : b; }
DSL_FN i64 max64(i64 a, i64 b) { return a > b ? a : b; }

}  // namespace battc::dsl::detail::patches_internal

// The Indices and Object overloads of a primitive (all four pairs for two
// patches), each calling the template IMPL.
#define BATTC_PATCH_FN(R, NAME, IMPL)                                  \
  DSL_HD R NAME(Ctx& c, const Indices& patch) { return IMPL(c, patch); } \
  DSL_HD R NAME(Ctx& c, const Object& patch) { return IMPL(c, patch); }
#define BATTC_TWO_PATCH_FN(R, NAME, IMPL)                                                        \
  DSL_HD R NAME(Ctx& c, const Indices& a, const Indices& b) { return IMPL(c, a, b); }           \
  DSL_HD R NAME(Ctx& c, const Indices& a, const Object& b) { return IMPL(c, a, b); }            \
  DSL_HD R NAME(Ctx& c, const Object& a, const Indices& b) { return IMPL(c, a, b); }            \
  DSL_HD R NAME(Ctx& c, const Object& a, const Object& b) { return IMPL(c, a, b); }
