// generator/types/rules_tk_patches.cpp: typing rules of the tokpidjin
// dialect's own primitives: cells, patches and objects, where cells are (i, j, c) triples.
// Internal names (tk_* for the ones arc-dsl also has) as in
// dsl/primitives_tokpidjin.def.
#include "generator/types/rule_builder.h"

namespace battc::generator {

void add_tk_patches_rules(RuleBuilder& b) {
  (void)b;
}

}  // namespace battc::generator
