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
  for (const char* n : kList)
    if (names_equal(n, name)) return true;
  return false;
}

#define BATTC_PRIM(N, CXX, PARAMS, RET)                                  \
  struct fn_##N {                                                        \
    static constexpr bool kCoercing = is_coercing(#N);                   \
    DSL_FN const char* name() const { return #N; }                       \
    template <class... A>                                                \
    DSL_FN auto operator()(Ctx& c, const A&... a) const {                \
      if constexpr (kCoercing)                                           \
        return CXX(c, coerce(c, a)...);                                  \
      else                                                               \
        return CXX(c, a...);                                             \
    }                                                                    \
  };                                                                     \
  DSL_FN int cmp(const fn_##N&, const fn_##N&) { return 0; }
#include "dsl/primitives.def"
#undef BATTC_PRIM

}  // namespace battc::dsl
