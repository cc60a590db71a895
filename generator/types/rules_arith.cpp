// generator/types/rules_arith.cpp: numeric and logic primitives (dsl/arith.h).
#include "generator/types/rule_builder.h"

namespace battc::generator {

void add_arith_rules(RuleBuilder& b) {
  TypeTable& tt = b.tt;
  TypeRef I = tt.integer(), B = tt.boolean(), P = tt.point();
  using O = RuleBuilder::Overload;

  b.same({"add", "subtract", "multiply", "divide"},
         {O{{Pat::Num, Pat::Num}, I}, O{{Pat::Pt, Pat::Pt}, P}, O{{Pat::Num, Pat::Pt}, P}, O{{Pat::Pt, Pat::Num}, P}});
  b.same({"invert", "double", "halve", "increment", "decrement", "crement", "sign"}, {O{{Pat::Num}, I}, O{{Pat::Pt}, P}});
  b.same({"even", "positive"}, {O{{Pat::Num}, B}});
  b.overloads("flip", {O{{Pat::Num}, B}});
  b.overloads("greater", {O{{Pat::Num, Pat::Num}, B}});
  b.same({"toivec", "tojvec"}, {O{{Pat::Num}, P}});
  b.same({"both", "either"}, {O{{Pat::Num, Pat::Num}, B}});

  b.add("astuple", 2, [&tt](const std::vector<TypeRef>& a) {
    return RuleBuilder::ok(tt.pair(a[0], a[1]));
  });
  b.add("identity", 1, [](const std::vector<TypeRef>& a) { return RuleBuilder::ok(a[0]); });
  b.add("equality", 2, [&tt](const std::vector<TypeRef>&) { return RuleBuilder::ok(tt.boolean()); });
  b.add("branch", 3, [&tt](const std::vector<TypeRef>& a) {
    if (a[0] != tt.boolean() && a[0] != tt.integer())
      return RuleBuilder::bad(fmt::format("branch: the condition is {}, not Boolean", type_name(a[0])));
    if (a[1] != a[2] && a[1]->callable() && a[2]->callable())
      return RuleBuilder::ok(tt.closure(ClosureKind::Choice, {a[1], a[2]}));
    // a tuple of points (cells) against Indices (an Object): the set, as
    // dsl/arith.h's branch overloads convert it
    for (int k = 1; k <= 2; ++k) {
      TypeRef t = a[k], other = a[3 - k];
      if ((t == tt.raw_tuple(tt.point()) && other == tt.indices()) || (t == tt.raw_tuple(tt.cell()) && other == tt.object()))
        return RuleBuilder::ok(other);
    }
    if (a[1] == a[2]) return RuleBuilder::ok(a[1]);
    // two values of different types: Python returns whichever the condition
    // picks, so the result is one of the two, and each later call must
    // type for both (Signatures::call_prim); dsl/arith.h's branch makes it
    if (!a[1]->callable() && !a[2]->callable()) return RuleBuilder::ok(tt.vunion(a[1], a[2]));
    return RuleBuilder::bad(fmt::format("branch between a function and a value ({} and {}) is not supported",
                                        type_name(a[1]), type_name(a[2])));
  });
}

}  // namespace battc::generator
