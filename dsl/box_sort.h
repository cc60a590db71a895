// dsl/box_sort.h: canonical sort of points and cells through a bitmap of
// their bounding box. Patches live on grids of at most 30x30, so a set of
// points or cells nearly always spans a box of a few hundred to a few
// thousand positions: one pass sets a bit per element, a second reads the
// bits back in canonical order, duplicates falling out on the way. That
// replaces the comparison sorts and run merges that were a sixth of the
// cross product's time (docs/runtime.md). The caller (sort_unique) charges
// the work units and arena bytes of the comparison sort it stands in for, so
// budgets and results stay byte for byte those of the sort it replaces.
#pragma once

#include "dsl/values.h"

namespace battc::dsl {

template <class T>
inline constexpr bool kBoxSortable = is_same_v<T, Pt> || is_same_v<T, Cell>;

// A point as (0, i, j), a cell as (colour, i, j): the canonical order of
// either is the lexicographic order of these triples.
DSL_FN void box_coords(const Pt& p, i64& c, i64& i, i64& j) {
  c = 0;
  i = p.a;
  j = p.b;
}
DSL_FN void box_coords(const Cell& x, i64& c, i64& i, i64& j) {
  c = x.a;
  i = x.b.a;
  j = x.b.b;
}
DSL_FN void box_value(Pt& p, i64, i64 i, i64 j) { p = Pt{Int(i), Int(j)}; }
DSL_FN void box_value(Cell& x, i64 c, i64 i, i64 j) { x = Cell{Int(c), Pt{Int(i), Int(j)}}; }

// The bounding box of a[0..n): its corner and extents (colours, rows,
// columns); a position's bit is ((c - c0) * h + (i - i0)) * w + (j - j0),
// which ascends with canonical order.
struct PointBox {
  i64 c0 = 0, i0 = 0, j0 = 0;
  i64 nc = 0, h = 0, w = 0;
  DSL_FN i64 bits() const { return nc * h * w; }  // only once box_fits
};

template <class T>
DSL_FN PointBox point_box(const T* a, i32 n) {
  PointBox b;
  if (n == 0) return b;
  i64 c1, i1, j1;
  box_coords(a[0], b.c0, b.i0, b.j0);
  c1 = b.c0, i1 = b.i0, j1 = b.j0;
  for (i32 k = 1; k < n; ++k) {
    i64 c, i, j;
    box_coords(a[k], c, i, j);
    b.c0 = c < b.c0 ? c : b.c0;
    c1 = c > c1 ? c : c1;
    b.i0 = i < b.i0 ? i : b.i0;
    i1 = i > i1 ? i : i1;
    b.j0 = j < b.j0 ? j : b.j0;
    j1 = j > j1 ? j : j1;
  }
  b.nc = c1 - b.c0 + 1;
  b.h = i1 - b.i0 + 1;
  b.w = j1 - b.j0 + 1;
  return b;
}

// Whether the box fits `words` 64-bit words (and 2^26 bits, so that a bit's
// index fits 32 bits). Each extent is below 2^33, so the product is tested
// stepwise against the limit, never overflowing.
constexpr i64 kBoxMaxWords = i64(1) << 20;
DSL_FN bool box_fits(const PointBox& b, i64 words) {
  i64 limit = (words < kBoxMaxWords ? words : kBoxMaxWords) * 64;
  if (b.nc > limit || b.h > limit || b.w > limit) return false;
  return b.nc * b.h <= limit / b.w;
}

// Sorts a[0..n) canonically and drops duplicates through `bits`, room for
// the box (box_fits); returns the new length.
template <class T>
DSL_FN i32 box_sort_unique(T* a, i32 n, const PointBox& b, u64* bits) {
  i64 words = (b.bits() + 63) / 64;
  for (i64 k = 0; k < words; ++k) bits[k] = 0;
  for (i32 k = 0; k < n; ++k) {
    i64 c, i, j;
    box_coords(a[k], c, i, j);
    i64 bit = ((c - b.c0) * b.h + (i - b.i0)) * b.w + (j - b.j0);
    bits[bit >> 6] |= u64(1) << (bit & 63);
  }
  i32 out = 0;
  u32 h = u32(b.h), w = u32(b.w);  // box_fits: every index below 2^26
  for (i64 k = 0; k < words; ++k) {
    for (u64 x = bits[k]; x != 0; x &= x - 1) {
      u32 bit = u32(k * 64 + lowest_bit(x));
      u32 row = bit / w;  // (c - c0) * h + (i - i0)
      box_value(a[out++], b.c0 + row / h, b.i0 + row % h, b.j0 + bit % w);
    }
  }
  return out;
}

}  // namespace battc::dsl
