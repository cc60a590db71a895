// dsl/functors.h: fn_<name>, the value form of every primitive, so a primitive
// can be passed where a callable is expected; generated code calls every
// primitive through these. Primitives with fixed signatures (is_coercing)
// convert their arguments first (coerce.h); generic ones take them as they are.
#pragma once

#include "dsl/coerce.h"
#include "dsl/ctx.h"

namespace battc::dsl {

DSL_FN constexpr bool names_equal(const char* a, const char* b) {
  while (*a != 0 && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}

// The primitives whose typing rule is a fixed overload list in generator/types
// (rules_arith.cpp, rules_grids.cpp, interval). Keep the two in step: a test
// (tests/generator/signatures_test.cpp) checks they agree.
DSL_FN constexpr bool is_coercing(const char* name) {
  constexpr const char* kList[] = {
      "add", "subtract", "multiply", "divide", "invert", "double", "halve", "increment", "decrement", "crement",
      "sign", "even", "positive", "flip", "greater", "toivec", "tojvec", "both", "either", "interval",
      "mostcolor", "leastcolor", "numcolors", "palette", "colorcount", "height", "width", "shape", "portrait",
      "square", "vline", "hline", "toindices", "recolor", "shift", "normalize", "dneighbors", "ineighbors",
      "neighbors", "vfrontier", "hfrontier", "ulcorner", "urcorner", "llcorner", "lrcorner", "centerofmass",
      "center", "uppermost", "lowermost", "leftmost", "rightmost", "hmatching", "vmatching", "adjacent",
      "manhattan", "position", "gravitate", "bordering", "color", "colorfilter", "corners", "backdrop", "delta",
      "inbox", "outbox", "box", "connect", "shoot", "hperiod", "vperiod", "hmirror", "vmirror", "dmirror",
      "cmirror", "asindices", "ofcolor", "asobject", "toobject", "crop", "subgrid", "rot90", "rot180", "rot270",
      "trim", "tophalf", "bottomhalf", "lefthalf", "righthalf", "compress", "fill", "underfill", "cover", "move", "hupscale", "vupscale", "downscale", "upscale", "hconcat", "vconcat",
      "hsplit", "vsplit", "cellwise", "replace", "switch", "index", "canvas", "frontiers", "occurrences",
      "objects", "partition", "fgpartition"};
  // tokpidjin's own primitives (internal names), one list per rules file
  // (generator/types/rules_tk_*.cpp); "" matches no name.
  constexpr const char* kTkContainers[] = {"tk_add", "tk_subtract", "tk_multiply", "tk_divide"};
  constexpr const char* kTkGrids[] = {"mostcolor_t", "leastcolor_t", "numcolors_t", "palette_t", "colorcount_t",
                                      "square_t", "hmirror_t", "vmirror_t", "dmirror_t", "cmirror_t", "upscale_t",
                                      "p_g", "mir_rot_t", "get_color_rank_t", "tk_crop", "tk_hsplit", "tk_vsplit",
                                      "tk_cellwise", "tk_index"};
  constexpr const char* kTkPatches[] = {
      "tk_toindices", "toindices_i", "toindices_o", "recolor_i", "recolor_o", "tk_shift", "tk_normalize",
      "normalize_i", "normalize_o", "tk_objects", "o_g", "tk_partition", "tk_fgpartition", "f_ofcolor",
      "tk_asobject", "tk_toobject", "tk_occurrences", "tk_fill", "tk_underfill", "tk_cover", "tk_move", "tk_subgrid", "tk_color", "tk_colorfilter", "colorcount_f", "palette_f",
      "p_f", "p_o", "numcolors_f", "mostcolor_f", "leastcolor_f", "get_color_rank_f", "tk_uppermost",
      "tk_lowermost", "tk_leftmost", "tk_rightmost", "height_f", "width_f", "uppermost_i", "lowermost_i",
      "leftmost_i", "rightmost_i", "height_i", "width_i", "uppermost_o", "lowermost_o", "leftmost_o",
      "rightmost_o", "height_o", "width_o", "col_row", "tk_ulcorner", "tk_urcorner", "tk_llcorner",
      "tk_lrcorner", "tk_center", "tk_centerofmass", "shape_f", "ulcorner_i", "urcorner_i", "llcorner_i",
      "lrcorner_i", "ulcorner_o", "urcorner_o", "llcorner_o", "lrcorner_o", "corner", "tk_corners",
      "portrait_f", "square_f", "vline_i", "hline_i", "vline_o", "hline_o", "tk_backdrop", "tk_delta",
      "tk_inbox", "tk_outbox", "tk_box", "tk_connect", "tk_shoot", "tk_hfrontier", "tk_dneighbors",
      "tk_ineighbors", "tk_neighbors", "tk_hmatching", "tk_vmatching", "tk_adjacent", "tk_manhattan",
      "tk_position", "tk_gravitate", "tk_bordering", "hmirror_f", "vmirror_f", "dmirror_f", "cmirror_f",
      "mir_rot_f", "upscale_f", "astriple", "tk_hperiod", "tk_vperiod", "tk_frontiers", "objects_t", "o_g_t", "hmirror_i", "vmirror_i", "dmirror_i", "hmirror_o", "vmirror_o", "dmirror_o",
      "cmirror_i", "cmirror_o"};
  for (const char* n : kList)
    if (names_equal(n, name)) return true;
  for (const char* n : kTkContainers)
    if (names_equal(n, name)) return true;
  for (const char* n : kTkGrids)
    if (names_equal(n, name)) return true;
  for (const char* n : kTkPatches)
    if (names_equal(n, name)) return true;
  return false;
}

// Calls f.direct with every VUnion argument replaced by its active member
// (arity up to 4, all primitives have). The type checker has made sure every
// choice gives one result type.
template <class F, class A>
DSL_FN auto vcall(const F& f, Ctx& c, const A& a) {
  if constexpr (is_vunion_v<A>)
    return a.which == 0 ? vcall(f, c, a.a) : vcall(f, c, a.b);
  else
    return f.direct(c, a);
}
template <class F, class A, class B>
DSL_FN auto vcall(const F& f, Ctx& c, const A& a, const B& b) {
  if constexpr (is_vunion_v<A>)
    return a.which == 0 ? vcall(f, c, a.a, b) : vcall(f, c, a.b, b);
  else if constexpr (is_vunion_v<B>)
    return b.which == 0 ? vcall(f, c, a, b.a) : vcall(f, c, a, b.b);
  else
    return f.direct(c, a, b);
}
template <class F, class A, class B, class C>
DSL_FN auto vcall(const F& f, Ctx& c, const A& a, const B& b, const C& x) {
  if constexpr (is_vunion_v<A>)
    return a.which == 0 ? vcall(f, c, a.a, b, x) : vcall(f, c, a.b, b, x);
  else if constexpr (is_vunion_v<B>)
    return b.which == 0 ? vcall(f, c, a, b.a, x) : vcall(f, c, a, b.b, x);
  else if constexpr (is_vunion_v<C>)
    return x.which == 0 ? vcall(f, c, a, b, x.a) : vcall(f, c, a, b, x.b);
  else
    return f.direct(c, a, b, x);
}
template <class F, class A, class B, class C, class D>
DSL_FN auto vcall(const F& f, Ctx& c, const A& a, const B& b, const C& x, const D& y) {
  if constexpr (is_vunion_v<A>)
    return a.which == 0 ? vcall(f, c, a.a, b, x, y) : vcall(f, c, a.b, b, x, y);
  else if constexpr (is_vunion_v<B>)
    return b.which == 0 ? vcall(f, c, a, b.a, x, y) : vcall(f, c, a, b.b, x, y);
  else if constexpr (is_vunion_v<C>)
    return x.which == 0 ? vcall(f, c, a, b, x.a, y) : vcall(f, c, a, b, x.b, y);
  else if constexpr (is_vunion_v<D>)
    return y.which == 0 ? vcall(f, c, a, b, x, y.a) : vcall(f, c, a, b, x, y.b);
  else
    return f.direct(c, a, b, x, y);
}

// The functor of one primitive: ID names it in battc (fn_<ID>), CXX is the
// C++ function it calls, NAME what Python's __name__ gives (the dump's
// {"fn": NAME}).
#define BATTC_FUNCTOR(ID, CXX, NAME)                                     \
  struct fn_##ID {                                                       \
    static constexpr bool kCoercing = is_coercing(#ID);                  \
    DSL_FN const char* name() const { return NAME; }                     \
    template <class... A>                                                \
    DSL_FN auto operator()(Ctx& c, const A&... a) const {                \
      if constexpr ((is_vunion_v<A> || ...))                             \
        return vcall(*this, c, a...);                                    \
      else                                                               \
        return direct(c, a...);                                          \
    }                                                                    \
    template <class... A>                                                \
    DSL_FN auto direct(Ctx& c, const A&... a) const {                    \
      if constexpr (kCoercing)                                           \
        return CXX(c, coerce(c, a)...);                                  \
      else                                                               \
        return CXX(c, a...);                                             \
    }                                                                    \
  };                                                                     \
  DSL_FN int cmp(const fn_##ID&, const fn_##ID&) { return 0; }

#define BATTC_PRIM(N, CXX, PARAMS, RET) BATTC_FUNCTOR(N, CXX, #N)
#include "dsl/primitives.def"
#undef BATTC_PRIM

// tokpidjin's own primitives (its unchanged arc-dsl ones use the functors
// above). A functor whose C++ function is not written yet compiles as long as
// nothing calls it: the call is resolved when the template is instantiated.
#define BATTC_TK_SAME(N)
#define BATTC_TK_PRIM(N, INTERNAL, PARAMS, RET) BATTC_FUNCTOR(INTERNAL, INTERNAL, #N)
#define BATTC_TK_ALIAS(N, TARGET)
#include "dsl/primitives_tokpidjin.def"
#undef BATTC_TK_SAME
#undef BATTC_TK_PRIM
#undef BATTC_TK_ALIAS

// Internal primitives the generator's passes introduce (no dialect names
// them): the fused object extraction (tk_objects_fused.h). Its value prints
// as o_g's, the function it stands for.
BATTC_FUNCTOR(o_g_fused, o_g_fused, "o_g")
BATTC_FUNCTOR(o_g_pick, o_g_pick, "o_g")
BATTC_FUNCTOR(get_nth_f_r0, get_nth_f_r0, "<lambda>")
BATTC_FUNCTOR(get_nth_f_r1, get_nth_f_r1, "<lambda>")
BATTC_FUNCTOR(get_nth_f_rm1, get_nth_f_rm1, "<lambda>")
BATTC_FUNCTOR(get_nth_f_rm2, get_nth_f_rm2, "<lambda>")
BATTC_FUNCTOR(get_nth_t_r0, get_nth_t_r0, "<lambda>")
BATTC_FUNCTOR(get_nth_t_r1, get_nth_t_r1, "<lambda>")
BATTC_FUNCTOR(get_nth_t_rm1, get_nth_t_rm1, "<lambda>")
BATTC_FUNCTOR(get_nth_t_rm2, get_nth_t_rm2, "<lambda>")
#undef BATTC_FUNCTOR

}  // namespace battc::dsl
