// dsl/tk_grids.h: tokpidjin's own grid primitives (dsl/primitives_tokpidjin.def)
// that involve no cells: the _t variants on grids, mir_rot_t, a_mr, p_g,
// get_color_rank_t and the strict crop with the splits built on it. As in
// tk_containers.h, a math.nan or -math.inf result fails (docs/semantics.md,
// "tokpidjin dialect").
#pragma once

#include "dsl/grids.h"
#include "dsl/tk_containers.h"

namespace battc::dsl {

// tuple(set of every value): the distinct colours, ascending, as a tuple.
DSL_HD Tuple<Int> p_g(Ctx& c, const Grid& g);
// 0 hmirror, 1 dmirror, 2 vmirror, 3 cmirror, 4 rot90, 5 rot180, 6 rot270;
// anything else: the grid itself.
DSL_HD Grid mir_rot_t(Ctx& c, const Grid& g, Int type);
// Colours by count, descending, ties in first-occurrence (row-major) order:
// the one at rank; () out of range, which an Int cannot hold (fails).
DSL_HD Int get_color_rank_t(Ctx& c, const Grid& g, Int rank);
// crop that returns () unless the whole box lies inside the grid.
DSL_HD Grid tk_crop(Ctx& c, const Grid& g, Pt start, Pt dims);
DSL_HD Tuple<Grid> tk_hsplit(Ctx& c, const Grid& g, Int n);
DSL_HD Tuple<Grid> tk_vsplit(Ctx& c, const Grid& g, Int n);
// a's cells where b (read through tk_index, which is -inf outside b) agrees,
// fallback elsewhere.
DSL_HD Grid tk_cellwise(Ctx& c, const Grid& a, const Grid& b, Int fallback);
// grid[i][j]; -inf (a failure here) for loc () or outside the grid.
DSL_HD Int tk_index(Ctx& c, const Grid& g, Pt loc);

// The grid forms of arc-dsl's polymorphic ones. mostcolor_t and leastcolor_t
// of a grid without cells are math.nan (fail), as arc-dsl's raise.
DSL_FN Int mostcolor_t(Ctx& c, const Grid& g) { return mostcolor(c, g); }
DSL_FN Int leastcolor_t(Ctx& c, const Grid& g) { return leastcolor(c, g); }
DSL_FN IntSet palette_t(Ctx& c, const Grid& g) { return palette(c, g); }
DSL_FN Int numcolors_t(Ctx& c, const Grid& g) { return numcolors(c, g); }
DSL_FN Int colorcount_t(Ctx& c, const Grid& g, Int value) { return colorcount(c, g, value); }
DSL_FN Grid hmirror_t(Ctx& c, const Grid& g) { return hmirror(c, g); }
DSL_FN Grid vmirror_t(Ctx& c, const Grid& g) { return vmirror(c, g); }
DSL_FN Grid dmirror_t(Ctx& c, const Grid& g) { return dmirror(c, g); }
DSL_FN Grid cmirror_t(Ctx& c, const Grid& g) { return cmirror(c, g); }
DSL_FN Grid upscale_t(Ctx& c, const Grid& g, Int factor) { return upscale(c, g, factor); }
// len(grid) == len(grid[0]): () raises.
DSL_FN Bool square_t(Ctx& c, const Grid& g) {
  if (g.h <= 0) {
    c.fail(Why::Empty);
    return false;
  }
  return g.h == g.rlen(0);
}

// ---- on any tuple (a grid is one) -------------------------------------------------

namespace detail {
// Python's len(x), failing for a value without one (an int).
template <class T>
DSL_FN Int py_len(Ctx& c, const T& x) {
  if constexpr (is_tuple_v<T> || is_fset_v<T> || is_same_v<T, Grid>) {
    return Container<T>::size(x);
  } else if constexpr (is_pair_v<T>) {
    return 2;
  } else {
    c.fail(Why::Type);  // object of type 'int' has no len()
    return 0;
  }
}
}  // namespace detail

// len(piece)
template <class C>
DSL_FN Int height_t(Ctx& c, const C& piece) {
  return detail::py_len(c, piece);
}
// len(piece[0]) if piece else 0: a non-empty frozenset is not subscriptable.
template <class C>
DSL_FN Int width_t(Ctx& c, const C& piece) {
  if constexpr (is_pair_v<C>) {
    return detail::py_len(c, piece.a);
  } else {
    if (Container<C>::size(piece) == 0) return 0;
    if constexpr (Container<C>::is_set) {
      c.fail(Why::Type);
      return 0;
    } else {
      return detail::py_len(c, Container<C>::get(piece, 0));
    }
  }
}
template <class C>
DSL_FN Pt shape_t(Ctx& c, const C& piece) {
  Int h = height_t(c, piece);
  return Pt{h, width_t(c, piece)};
}
template <class C>
DSL_FN Bool portrait_t(Ctx& c, const C& piece) {
  Int h = height_t(c, piece);
  return h > width_t(c, piece);
}
// the piece itself
template <class T>
DSL_FN T normalize_t(Ctx&, const T& piece) {
  return piece;
}

// The smallest a in 0..7 with mir_rot_t(input, a) == output for every
// sample (0 for no samples), or None.
template <class S>
DSL_FN Int a_mr(Ctx& c, const S& samples) {
  using P = elem_of<S>;
  static_assert(is_same_v<P, Pair<Grid, Grid>>, "a_mr takes (input, output) grid pairs");
  i32 n = Container<S>::size(samples);
  for (Int a = 0; a < 8; ++a) {
    bool all = true;
    for (i32 i = 0; i < n && all; ++i) {
      P p = Container<S>::get(samples, i);
      u64 m = c.mark();
      Grid t = mir_rot_t(c, p.a, a);
      if (c.failed()) return 0;
      all = py_equal(p.b, t);
      c.release(m);
    }
    if (all) return a;
  }
  return kNone;
}

}  // namespace battc::dsl
