// dsl/grids_internal.h: helpers shared by the grid primitives, which
// dsl/grids_*.cpp split by topic (as Halide's Simplify_*.cpp share
// Simplify_Internal.h). Only those files include it; each opens the namespace
// with a using-directive, so the helpers read as the file-local ones they were.
#pragma once

#include "dsl/grids.h"

namespace battc::dsl::detail::grids_internal {

// Python's len(grid[0]): the empty grid () raises.
DSL_FN bool has_row(Ctx& c, const Grid& g) {
  if (!detail::readable(c, g)) return false;
  if (g.h == 0) {
    c.fail(Why::Empty);
    return false;
  }
  return true;
}

DSL_FN const Pt& pt_of(const Pt& p) { return p; }
DSL_FN const Pt& pt_of(const Cell& x) { return x.b; }

// Bounding box of a patch; false for an empty one.
template <class T>
DSL_FN bool bbox(const FSet<T>& s, i64& r0, i64& c0, i64& r1, i64& c1) {
  if (s.n <= 0 || s.p == nullptr) return false;
  r0 = r1 = pt_of(s.p[0]).a;
  c0 = c1 = pt_of(s.p[0]).b;
  for (i32 k = 1; k < s.n; ++k) {
    const Pt& p = pt_of(s.p[k]);
    if (p.a < r0) r0 = p.a;
    if (p.a > r1) r1 = p.a;
    if (p.b < c0) c0 = p.b;
    if (p.b > c1) c1 = p.b;
  }
  return true;
}

// A grid of h x w cells, or Grid{} with `budget` when it cannot be stored.
DSL_FN Grid make_grid(Ctx& c, i64 h, i64 w, Int*& cells) {
  cells = nullptr;
  if (h > kInt32Max || w > kInt32Max) {
    c.fail(Status::Budget, Why::Arena);
    return Grid{};
  }
  return new_grid(c, h, w, cells);
}

}  // namespace battc::dsl::detail::grids_internal
