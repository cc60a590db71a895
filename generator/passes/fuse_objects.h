// generator/passes/fuse_objects.h: several object extractions of one grid
// become one. Where the batt calls o_g(G, k) (or tokpidjin's objects(G, u,
// d, b)) with two or more different constant variants on the same grid
// value G, those calls are replaced by o_g_pick(F, k) over one new value
// F = o_g_fused(G, mask) (dsl/tk_objects_fused.h), placed before the first
// of them. Each pick fails exactly when its original call would (F fails
// only where a requested variant fails, and every variant fails alike: on a
// grid that is not rectangular, or on the work budget).
#pragma once

#include "generator/ir/batt.h"

namespace battc::generator {

// Returns the number of fused groups (grids whose extractions were merged).
int fuse_objects(Batt& batt, TypeTable& tt);

}  // namespace battc::generator
