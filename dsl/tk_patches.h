// dsl/tk_patches.h: the tokpidjin dialect's primitives on cells, patches and
// objects. tokpidjin writes a cell as (i, j, c) (TCell), so its objects
// (TObject) iterate row-major where arc-dsl's iterate by color first; a patch
// is Indices or a TObject. Most of these compute what the arc-dsl primitive
// computes on the same cells, so they convert and reuse it (tk_to_arc and
// tk_from_arc); the differences tokpidjin made are all at the edges: an empty
// patch or the empty tuple () as a point gives frozenset() or () instead of
// failing, and "first cell" means the top-left one. Where tokpidjin returns a
// float (nan from the extremes of an empty patch, -inf from color of an empty
// object, inf from manhattan) battc fails: it has no floats
// (docs/semantics.md, "tokpidjin dialect").
//
// Names: tk_<name> where arc-dsl has the name too (dsl/primitives_tokpidjin.def).
#pragma once

#include "dsl/grids.h"
#include "dsl/objects.h"
#include "dsl/patches.h"

namespace battc::dsl {

// ---- representation --------------------------------------------------------

DSL_HD Object tk_to_arc(Ctx& c, const TObject& obj);
DSL_HD TObject tk_from_arc(Ctx& c, const Object& obj);
DSL_HD TObjects tk_from_arc(Ctx& c, const Objects& objs);

// Declares f for both patch kinds.
#define BATTC_TK_PATCH1(R, f) \
  DSL_HD R f(Ctx& c, const Indices& p); \
  DSL_HD R f(Ctx& c, const TObject& p);

// ---- conversion and movement -------------------------------------------------

BATTC_TK_PATCH1(Indices, tk_toindices)
DSL_HD Indices toindices_i(Ctx& c, const Indices& p);
DSL_HD Indices toindices_o(Ctx& c, const TObject& p);
DSL_HD TObject recolor_i(Ctx& c, Int color, const Indices& p);
DSL_HD TObject recolor_o(Ctx& c, Int color, const TObject& p);
DSL_HD Indices tk_shift(Ctx& c, const Indices& p, Pt d);
DSL_HD TObject tk_shift(Ctx& c, const TObject& p, Pt d);
DSL_HD Indices tk_normalize(Ctx& c, const Indices& p);
DSL_HD TObject tk_normalize(Ctx& c, const TObject& p);
DSL_HD Indices normalize_i(Ctx& c, const Indices& p);
DSL_HD TObject normalize_o(Ctx& c, const TObject& p);

// ---- objects from grids ----------------------------------------------------------

DSL_HD TObjects tk_objects(Ctx& c, const Grid& g, Bool univalued, Bool diagonal, Bool without_bg);
// objects() with the three flags as the bits of `type` (R0..R7: univalued 4,
// diagonal 2, without_bg 1).
DSL_HD TObjects o_g(Ctx& c, const Grid& g, Int type);
DSL_HD TObjects tk_partition(Ctx& c, const Grid& g);
DSL_HD TObjects tk_fgpartition(Ctx& c, const Grid& g);
DSL_HD Indices f_ofcolor(Ctx& c, const Grid& g, Int color);
DSL_HD TObject tk_asobject(Ctx& c, const Grid& g);
DSL_HD TObject tk_toobject(Ctx& c, const Indices& p, const Grid& g);
DSL_HD TObject tk_toobject(Ctx& c, const TObject& p, const Grid& g);
DSL_HD Indices tk_occurrences(Ctx& c, const Grid& g, const TObject& obj);

// ---- painting ----------------------------------------------------------------------

DSL_HD Grid tk_fill(Ctx& c, const Grid& g, Int color, const Indices& p);
DSL_HD Grid tk_fill(Ctx& c, const Grid& g, Int color, const TObject& p);
DSL_HD Grid tk_underfill(Ctx& c, const Grid& g, Int color, const Indices& p);
DSL_HD Grid tk_underfill(Ctx& c, const Grid& g, Int color, const TObject& p);
DSL_HD Grid tk_cover(Ctx& c, const Grid& g, const Indices& p);
DSL_HD Grid tk_cover(Ctx& c, const Grid& g, const TObject& p);
DSL_HD Grid tk_paint(Ctx& c, const Grid& g, const TObject& obj);
DSL_HD Grid tk_underpaint(Ctx& c, const Grid& g, const TObject& obj);
// A tuple of cells paints in its own order (a later cell on the same (i, j) wins).
DSL_HD Grid tk_paint(Ctx& c, const Grid& g, const Tuple<TCell>& cells);
DSL_HD Grid tk_underpaint(Ctx& c, const Grid& g, const Tuple<TCell>& cells);
DSL_HD Grid tk_paint(Ctx& c, const Grid& g, const Pair<TCell, TCell>& cells);
DSL_HD Grid tk_underpaint(Ctx& c, const Grid& g, const Pair<TCell, TCell>& cells);
DSL_HD Grid tk_move(Ctx& c, const Grid& g, const TObject& obj, Pt offset);
DSL_HD Grid tk_subgrid(Ctx& c, const Indices& p, const Grid& g);
DSL_HD Grid tk_subgrid(Ctx& c, const TObject& p, const Grid& g);

// ---- colors of an object -------------------------------------------------------------

DSL_HD Int tk_color(Ctx& c, const TObject& obj);  // the top-left cell's
DSL_HD TObjects tk_colorfilter(Ctx& c, const TObjects& objs, Int color);
DSL_HD Int colorcount_f(Ctx& c, const TObject& obj, Int color);
DSL_HD IntSet palette_f(Ctx& c, const TObject& obj);
DSL_HD IntSet p_f(Ctx& c, const TObject& obj);
DSL_HD Tuple<Int> p_o(Ctx& c, const TObject& obj);
DSL_HD Int numcolors_f(Ctx& c, const TObject& obj);
// palette_t of an object: its cells are the "rows", so every i, j and c
DSL_HD IntSet palette_t(Ctx& c, const TObject& obj);
DSL_HD Int mostcolor_f(Ctx& c, const TObject& obj);
DSL_HD Int leastcolor_f(Ctx& c, const TObject& obj);
// Counter(colors).most_common()[rank]: count descending, ties in the order
// the colors first appear (row-major).
DSL_HD Int get_color_rank_f(Ctx& c, const TObject& obj, Int rank);

// ---- extremes, corners and sizes ---------------------------------------------------

BATTC_TK_PATCH1(Int, tk_uppermost)
BATTC_TK_PATCH1(Int, tk_lowermost)
BATTC_TK_PATCH1(Int, tk_leftmost)
BATTC_TK_PATCH1(Int, tk_rightmost)
DSL_HD Int uppermost_i(Ctx& c, const Indices& p);
DSL_HD Int lowermost_i(Ctx& c, const Indices& p);
DSL_HD Int leftmost_i(Ctx& c, const Indices& p);
DSL_HD Int rightmost_i(Ctx& c, const Indices& p);
DSL_HD Int uppermost_o(Ctx& c, const TObject& p);
DSL_HD Int lowermost_o(Ctx& c, const TObject& p);
DSL_HD Int leftmost_o(Ctx& c, const TObject& p);
DSL_HD Int rightmost_o(Ctx& c, const TObject& p);
// 0 lowermost, 1 uppermost, 2 leftmost, 3 rightmost; another type gives None.
DSL_HD Int col_row(Ctx& c, const Indices& p, Int type);
DSL_HD Int col_row(Ctx& c, const TObject& p, Int type);
BATTC_TK_PATCH1(Pt, tk_ulcorner)
BATTC_TK_PATCH1(Pt, tk_urcorner)
BATTC_TK_PATCH1(Pt, tk_llcorner)
BATTC_TK_PATCH1(Pt, tk_lrcorner)
DSL_HD Pt ulcorner_i(Ctx& c, const Indices& p);
DSL_HD Pt urcorner_i(Ctx& c, const Indices& p);
DSL_HD Pt llcorner_i(Ctx& c, const Indices& p);
DSL_HD Pt lrcorner_i(Ctx& c, const Indices& p);
DSL_HD Pt ulcorner_o(Ctx& c, const TObject& p);
DSL_HD Pt urcorner_o(Ctx& c, const TObject& p);
DSL_HD Pt llcorner_o(Ctx& c, const TObject& p);
DSL_HD Pt lrcorner_o(Ctx& c, const TObject& p);
// 0 ul, 1 ur, 2 ll, 3 lr; another type gives ulcorner.
DSL_HD Pt corner(Ctx& c, const Indices& p, Int type);
DSL_HD Pt corner(Ctx& c, const TObject& p, Int type);
BATTC_TK_PATCH1(Pt, tk_center)
BATTC_TK_PATCH1(Pt, tk_centerofmass)
BATTC_TK_PATCH1(Indices, tk_corners)
BATTC_TK_PATCH1(Int, height_f)
BATTC_TK_PATCH1(Int, width_f)
BATTC_TK_PATCH1(Pt, shape_f)
BATTC_TK_PATCH1(Bool, portrait_f)
BATTC_TK_PATCH1(Bool, square_f)
DSL_HD Int height_i(Ctx& c, const Indices& p);
DSL_HD Int width_i(Ctx& c, const Indices& p);
DSL_HD Int height_o(Ctx& c, const TObject& p);
DSL_HD Int width_o(Ctx& c, const TObject& p);
DSL_HD Bool vline_i(Ctx& c, const Indices& p);
DSL_HD Bool hline_i(Ctx& c, const Indices& p);
DSL_HD Bool vline_o(Ctx& c, const TObject& p);
DSL_HD Bool hline_o(Ctx& c, const TObject& p);

// ---- boxes and lines ---------------------------------------------------------------------

BATTC_TK_PATCH1(Indices, tk_backdrop)
BATTC_TK_PATCH1(Indices, tk_delta)
BATTC_TK_PATCH1(Indices, tk_inbox)
BATTC_TK_PATCH1(Indices, tk_outbox)
BATTC_TK_PATCH1(Indices, tk_box)
DSL_HD Indices tk_connect(Ctx& c, Pt a, Pt b);
DSL_HD Indices tk_shoot(Ctx& c, Pt start, Pt direction);
DSL_HD Indices tk_hfrontier(Ctx& c, Pt loc);
DSL_HD Indices tk_dneighbors(Ctx& c, Pt loc);
DSL_HD Indices tk_ineighbors(Ctx& c, Pt loc);
DSL_HD Indices tk_neighbors(Ctx& c, Pt loc);
// Python indexes loc[0] and loc[1], so a cell (i, j, c) works as its (i, j).
DSL_FN Indices tk_dneighbors(Ctx& c, const TCell& x) { return tk_dneighbors(c, Pt{x.a, x.b}); }
DSL_FN Indices tk_ineighbors(Ctx& c, const TCell& x) { return tk_ineighbors(c, Pt{x.a, x.b}); }
DSL_FN Indices tk_neighbors(Ctx& c, const TCell& x) { return tk_neighbors(c, Pt{x.a, x.b}); }
// Of anything but a tuple (an int: chain(ineighbors, ...) over a cell's
// colour) Python returns frozenset().
DSL_FN Indices tk_dneighbors(Ctx&, Int) { return Indices{}; }
DSL_FN Indices tk_ineighbors(Ctx&, Int) { return Indices{}; }
DSL_FN Indices tk_neighbors(Ctx&, Int) { return Indices{}; }

// ---- relations between two patches ----------------------------------------------------------

#define BATTC_TK_PATCH2(R, f)                                 \
  DSL_HD R f(Ctx& c, const Indices& a, const Indices& b);    \
  DSL_HD R f(Ctx& c, const Indices& a, const TObject& b);    \
  DSL_HD R f(Ctx& c, const TObject& a, const Indices& b);    \
  DSL_HD R f(Ctx& c, const TObject& a, const TObject& b);
BATTC_TK_PATCH2(Bool, tk_hmatching)
BATTC_TK_PATCH2(Bool, tk_vmatching)
BATTC_TK_PATCH2(Int, tk_manhattan)
BATTC_TK_PATCH2(Bool, tk_adjacent)
BATTC_TK_PATCH2(Pt, tk_position)
BATTC_TK_PATCH2(Pt, tk_gravitate)
#undef BATTC_TK_PATCH2
DSL_HD Bool tk_bordering(Ctx& c, const Indices& p, const Grid& g);
DSL_HD Bool tk_bordering(Ctx& c, const TObject& p, const Grid& g);

// ---- mirrors and scaling ---------------------------------------------------------------------

DSL_HD Indices hmirror_f(Ctx& c, const Indices& p);
DSL_HD TObject hmirror_f(Ctx& c, const TObject& p);
DSL_HD Indices vmirror_f(Ctx& c, const Indices& p);
DSL_HD TObject vmirror_f(Ctx& c, const TObject& p);
DSL_HD Indices dmirror_f(Ctx& c, const Indices& p);
DSL_HD TObject dmirror_f(Ctx& c, const TObject& p);
DSL_HD Indices cmirror_f(Ctx& c, const Indices& p);
DSL_HD TObject cmirror_f(Ctx& c, const TObject& p);
// 0 hmirror, 1 dmirror, 2 vmirror, 3 cmirror; another type: the patch.
DSL_HD Indices mir_rot_f(Ctx& c, const Indices& p, Int type);
DSL_HD TObject mir_rot_f(Ctx& c, const TObject& p, Int type);
// Of a grid, another type gives the grid; types 0..3 fail. (Python's
// hmirror_f/dmirror_f/vmirror_f read a grid's rows as points or cells and
// return a set, or raise, depending on its width; cmirror_f calls vmirror,
// which tokpidjin does not define. No program uses such a set as one:
// docs/semantics.md.)
DSL_FN Grid mir_rot_f(Ctx& c, const Grid& g, Int type) {
  if (type >= 0 && type <= 3) c.fail(Why::Type);
  return g;
}
DSL_HD TObject upscale_f(Ctx& c, const TObject& obj, Int factor);
// The _i (Indices) and _o (objects) forms: no guard for the empty patch, so
// the mirrors of an empty one fail (Python raises), vmirror's too.
DSL_HD Indices hmirror_i(Ctx& c, const Indices& p);
DSL_HD TObject hmirror_o(Ctx& c, const TObject& p);
DSL_HD Indices vmirror_i(Ctx& c, const Indices& p);
DSL_HD TObject vmirror_o(Ctx& c, const TObject& p);
DSL_HD Indices dmirror_i(Ctx& c, const Indices& p);
DSL_HD TObject dmirror_o(Ctx& c, const TObject& p);
// cmirror_i and cmirror_o are cmirror_f's composition, on either kind.
DSL_HD Indices cmirror_i(Ctx& c, const Indices& p);
DSL_HD TObject cmirror_i(Ctx& c, const TObject& p);
DSL_HD Indices cmirror_o(Ctx& c, const Indices& p);
DSL_HD TObject cmirror_o(Ctx& c, const TObject& p);

// ---- is_no_grid ----------------------------------------------------------------------------

namespace detail {
// A value Python sees as a tuple of ints (None is not an int).
template <class T>
DSL_FN bool tuple_of_ints(const T& x) {
  if constexpr (is_same_v<T, Tuple<Int>>) {
    for (Int v : x)
      if (v == kNone) return false;
    return true;
  } else if constexpr (is_pair_v<T>) {
    if constexpr ((is_same_v<decltype(x.a), Int> || is_same_v<decltype(x.a), Bool>) &&
                  (is_same_v<decltype(x.b), Int> || is_same_v<decltype(x.b), Bool>))
      return (is_same_v<T, Pt> && is_empty_pt(x)) || (Int(x.a) != kNone && Int(x.b) != kNone);  // () holds no non-int
    else
      return false;
  } else if constexpr (is_same_v<T, TCell>) {
    return x.a != kNone && x.b != kNone && x.c != kNone;
  } else {
    return false;
  }
}
}  // namespace detail

// True unless x is a tuple of tuples of ints (a grid): tokpidjin's test.
template <class T>
DSL_FN Bool is_no_grid(Ctx&, const T& x) {
  if constexpr (is_same_v<T, Grid>) {
    for (i32 i = 0; i < x.h; ++i) {
      const Int* r = x.rptr(i);
      for (i32 j = 0; j < x.rlen(i); ++j)
        if (r[j] == kNone) return true;
    }
    return false;
  } else if constexpr (is_tuple_v<T>) {
    for (const auto& e : x)
      if (!detail::tuple_of_ints(e)) return true;
    return false;
  } else if constexpr (is_pair_v<T>) {
    return !(detail::tuple_of_ints(x.a) && detail::tuple_of_ints(x.b));
  } else {
    return true;  // not a tuple
  }
}

// ---- building cells ------------------------------------------------------------------------

DSL_FN TCell ascell(Ctx&, Pt ij, Int color) { return TCell{ij.a, ij.b, color}; }
// Python builds (ij[0], ij[1], c) of whatever ij holds: of a tuple, its first
// two elements (IndexError when it has fewer).
template <class T, class C>
DSL_FN Triple<T, T, C> ascell(Ctx& c, const Tuple<T>& ij, const C& color) {
  if (ij.n < 2) {
    c.fail(Why::Index);
    return Triple<T, T, C>{};
  }
  return Triple<T, T, C>{ij.p[0], ij.p[1], color};
}
DSL_FN TCell astriple(Ctx&, Int i, Int j, Int color) { return TCell{i, j, color}; }
DSL_FN Pt toij(Ctx&, const TCell& x) { return Pt{x.a, x.b}; }
// zip(a, b) into (i, j, c) cells, up to the shorter length
DSL_HD Tuple<TCell> celltuple(Ctx& c, const Tuple<Pt>& a, const Tuple<Int>& b);

// ---- periods and frontiers (arc-dsl's, on (i, j, c) cells) --------------------------------

DSL_HD Int tk_hperiod(Ctx& c, const TObject& obj);
DSL_HD Int tk_vperiod(Ctx& c, const TObject& obj);
DSL_HD TObjects tk_frontiers(Ctx& c, const Grid& g);

#undef BATTC_TK_PATCH1

}  // namespace battc::dsl
