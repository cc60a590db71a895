// dsl/tk_objects_fused.h: several object extractions of one grid from one
// sweep. Solvers call o_g on the same grid with several variants (R0..R7:
// univalued, diagonal, without_bg as bits 4, 2, 1); the generator's
// fuse_objects pass replaces those calls by one o_g_fused, which shares the
// scan, the background color and the neighbour walk among the variants (a
// union-find each), and builds every object already in canonical (i, j, c)
// order, and one o_g_pick per original call. Internal primitives: programs
// cannot name them.
#pragma once

#include "dsl/tk_patches.h"

namespace battc::dsl {

// Element k of the result is o_g(g, k) when bit k of `mask` is set, else
// empty. Fails exactly where o_g fails for one of the requested variants.
DSL_HD Tuple<TObjects> o_g_fused(Ctx& c, const Grid& g, Int mask);
DSL_FN TObjects o_g_pick(Ctx& c, const Tuple<TObjects>& all, Int type) {
  if (type < 0 || type >= all.n) {
    c.fail();
    return {};
  }
  return all[type];
}

// objects() as tuples (objects_t, o_g_t): the objects in the order of their
// seeds (row-major), each object's cells in the order Python's search adds
// them: by distance from the seed, then row-major.
DSL_HD Tuple<Tuple<TCell>> objects_t(Ctx& c, const Grid& g, Bool univalued, Bool diagonal, Bool without_bg);
DSL_HD Tuple<Tuple<TCell>> o_g_t(Ctx& c, const Grid& g, Int type);
// The objects whose first cell has `color` (an empty object fails).
DSL_HD Tuple<Tuple<TCell>> colorfilter_t(Ctx& c, const Tuple<Tuple<TCell>>& objs, Int color);

}  // namespace battc::dsl
