// generator/types/rules_tk_grids.cpp: typing rules of the tokpidjin
// dialect's own primitives: grid-only primitives (the _t variants on grids, mir_rot_t, crop, ...).
// Internal names (tk_* for the ones arc-dsl also has) as in
// dsl/primitives_tokpidjin.def.
#include "generator/types/rule_builder.h"

namespace battc::generator {

void add_tk_grids_rules(RuleBuilder& b) {
  (void)b;
}

}  // namespace battc::generator
