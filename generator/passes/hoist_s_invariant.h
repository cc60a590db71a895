// generator/passes/hoist_s_invariant.h: marks every value that depends only
// on the train pairs S (and constants), so the emitted unit computes it once
// per task in the prologue instead of once per sample.
#pragma once

#include "generator/ir/batt.h"

namespace battc::generator {

// Returns the number of hoisted calls (constants and primitive values are
// hoisted too but not counted).
int hoist_s_invariant(Batt& batt);

}  // namespace battc::generator
