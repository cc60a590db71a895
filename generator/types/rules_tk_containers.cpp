// generator/types/rules_tk_containers.cpp: typing rules of the tokpidjin
// dialect's own primitives: containers, ranks, arithmetic and sample helpers (no cells involved).
// Internal names (tk_* for the ones arc-dsl also has) as in
// dsl/primitives_tokpidjin.def.
#include "generator/types/rule_builder.h"

namespace battc::generator {

void add_tk_containers_rules(RuleBuilder& b) {
  (void)b;
}

}  // namespace battc::generator
