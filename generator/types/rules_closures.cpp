// generator/types/rules_closures.cpp: the primitives that build closures
// (dsl/closures.h). Building only checks that the parts are callable; each
// call of the closure is typed where it happens (Signatures::call).
#include "generator/types/rule_builder.h"

namespace battc::generator {
namespace {

using A = std::vector<TypeRef>;

CallType need_callable(const char* prim, TypeRef t) {
  if (t->callable()) return RuleBuilder::ok(t);
  return RuleBuilder::bad(fmt::format("{}: {} is not callable", prim, type_name(t)));
}

}  // namespace

void add_closure_rules(RuleBuilder& b) {
  TypeTable& tt = b.tt;
  b.add("compose", 2, [&tt](const A& a) {
    for (TypeRef t : a)
      if (!t->callable()) return need_callable("compose", t);
    return RuleBuilder::ok(tt.closure(ClosureKind::Compose, a));
  });
  b.add("chain", 3, [&tt](const A& a) {
    for (TypeRef t : a)
      if (!t->callable()) return need_callable("chain", t);
    return RuleBuilder::ok(tt.closure(ClosureKind::Chain, a));
  });
  b.add("fork", 3, [&tt](const A& a) {
    for (TypeRef t : a)
      if (!t->callable()) return need_callable("fork", t);
    return RuleBuilder::ok(tt.closure(ClosureKind::Fork, a));
  });
  b.add("matcher", 2, [&tt](const A& a) {
    if (!a[0]->callable()) return need_callable("matcher", a[0]);
    return RuleBuilder::ok(tt.closure(ClosureKind::Matcher, a));
  });
  b.add("rbind", 2, [&tt](const A& a) {
    if (!a[0]->callable()) return need_callable("rbind", a[0]);
    return RuleBuilder::ok(tt.closure(ClosureKind::RBind, a));
  });
  b.add("lbind", 2, [&tt](const A& a) {
    if (!a[0]->callable()) return need_callable("lbind", a[0]);
    return RuleBuilder::ok(tt.closure(ClosureKind::LBind, a));
  });
  b.add("power", 2, [&tt](const A& a) {
    if (!a[0]->callable()) return need_callable("power", a[0]);
    if (a[1] != tt.integer() && a[1] != tt.boolean()) return RuleBuilder::no_overload("power", a);
    return RuleBuilder::ok(tt.closure(ClosureKind::Power, {a[0]}));
  });
}

}  // namespace battc::generator
