// dsl/functors.h: fn_<name>, the value form of every primitive, so a primitive
// can be passed where a callable is expected. Generated from primitives.def.
#pragma once

#include "dsl/ctx.h"

namespace battc::dsl {

#define BATTC_PRIM(N, CXX, PARAMS, RET)                            \
  struct fn_##N {                                                  \
    DSL_FN const char* name() const { return #N; }                 \
    template <class... A>                                          \
    DSL_FN auto operator()(Ctx& c, const A&... a) const {          \
      return CXX(c, a...);                                         \
    }                                                              \
  };                                                               \
  DSL_FN int cmp(const fn_##N&, const fn_##N&) { return 0; }
#include "dsl/primitives.def"
#undef BATTC_PRIM

}  // namespace battc::dsl
