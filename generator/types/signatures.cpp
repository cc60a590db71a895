// generator/types/signatures.cpp: the table, calls of closures, constants.
#include "generator/types/signatures.h"

#include <fmt/core.h>

#include "generator/diag/internal_error.h"
#include "generator/types/constants.h"
#include "generator/types/rule_builder.h"

namespace battc::generator {

Signatures::Signatures(TypeTable& tt) : tt_(tt) {
  RuleBuilder b(*this, tt);
  add_arith_rules(b);
  add_container_rules(b);
  add_closure_rules(b);
  add_grid_rules(b);
  add_tk_containers_rules(b);
  add_tk_grids_rules(b);
  add_tk_patches_rules(b);
}

int Signatures::arity(const std::string& prim) const {
  auto it = rules_.find(prim);
  return it == rules_.end() ? -1 : it->second.arity;
}

bool Signatures::coercing(const std::string& prim) const {
  auto it = rules_.find(prim);
  return it != rules_.end() && it->second.coercing;
}

std::vector<std::string> Signatures::names() const {
  std::vector<std::string> out;
  for (const auto& [name, entry] : rules_) out.push_back(name);
  return out;
}

CallType Signatures::call_prim(const std::string& prim, const std::vector<TypeRef>& args) const {
  // An argument that is one of two types: the call is typed for each, and
  // both must give one result type (dsl functors dispatch on it: vcall).
  for (size_t i = 0; i < args.size(); ++i) {
    if (!args[i]->is(TypeKind::VUnion)) continue;
    std::vector<TypeRef> a = args, b = args;
    a[i] = args[i]->parts[0];
    b[i] = args[i]->parts[1];
    CallType x = call_prim(prim, a);
    if (!x.ok()) return x;
    CallType y = call_prim(prim, b);
    if (!y.ok()) return y;
    if (x.result != y.result)
      return CallType{nullptr, fmt::format("{} gives {} or {} depending on which value a branch chose", prim,
                                           type_name(x.result), type_name(y.result)), {}};
    return CallType{x.result, "", {}};
  }
  auto it = rules_.find(prim);
  if (it == rules_.end()) return CallType{nullptr, fmt::format("unknown primitive '{}'", prim)};
  if (static_cast<int>(args.size()) != it->second.arity)
    return CallType{nullptr, fmt::format("{} takes {} argument{}, not {}", prim, it->second.arity,
                                         it->second.arity == 1 ? "" : "s", args.size())};
  return it->second.rule(args);
}

CallType Signatures::call(TypeRef callee, const std::vector<TypeRef>& args) const {
  return call_depth(callee, args, 0);
}

namespace {

CallType one_arg(const char* what, std::size_t given) {
  return CallType{nullptr, fmt::format("a {} closure takes 1 argument, not {}", what, given)};
}

// Each helper calls the closure's parts through `inner`, one level deeper
// (Signatures::call_depth at depth + 1).

// Closures that pass values along: compose, chain, matcher, fork, the two
// binds and power with a constant count.
template <class Inner>
CallType call_pipeline(const Type& f, const std::vector<TypeRef>& args, const Inner& inner, TypeTable& tt) {
  const auto& p = f.parts;
  switch (f.closure) {
    case ClosureKind::Compose: {
      if (args.size() != 1) return one_arg("compose", args.size());
      CallType y = inner(p[1], args);
      return y.ok() ? inner(p[0], {y.result}) : y;
    }
    case ClosureKind::Chain: {
      if (args.size() != 1) return one_arg("chain", args.size());
      CallType y = inner(p[2], args);
      if (!y.ok()) return y;
      CallType z = inner(p[1], {y.result});
      return z.ok() ? inner(p[0], {z.result}) : z;
    }
    case ClosureKind::Matcher: {
      if (args.size() != 1) return one_arg("matcher", args.size());
      CallType y = inner(p[0], args);
      return y.ok() ? CallType{tt.boolean(), ""} : y;
    }
    case ClosureKind::Fork: {
      if (args.size() != 1) return one_arg("fork", args.size());
      CallType u = inner(p[1], args);
      if (!u.ok()) return u;
      CallType v = inner(p[2], args);
      return v.ok() ? inner(p[0], {u.result, v.result}) : v;
    }
    case ClosureKind::RBind: {
      std::vector<TypeRef> all = args;
      all.push_back(p[1]);
      return inner(p[0], all);
    }
    case ClosureKind::LBind: {
      std::vector<TypeRef> all = {p[1]};
      all.insert(all.end(), args.begin(), args.end());
      return inner(p[0], all);
    }
    case ClosureKind::PowerN: {
      if (args.size() != 1) return one_arg("power", args.size());
      CallType y{args[0], "", {}};
      for (int k = 0; k < f.count && y.ok(); ++k) y = inner(p[0], {y.result});
      return y;
    }
    default: BATTC_ASSERT(false, "call_pipeline: not a pipeline closure");
  }
  return CallType{nullptr, "unknown closure"};
}

// branch() between two functions: both must take the arguments; the value
// is one of their results (a VUnion when the types differ).
template <class Inner>
CallType call_choice(const Type& f, const std::vector<TypeRef>& args, const Inner& inner, TypeTable& tt) {
  CallType x = inner(f.parts[0], args);
  if (!x.ok()) return x;
  CallType y = inner(f.parts[1], args);
  if (!y.ok()) return y;
  if (x.result != y.result) {
    if (x.result->callable() || y.result->callable())
      return CallType{nullptr, fmt::format("the two functions branch() chose between return {} and {}",
                                           type_name(x.result), type_name(y.result)), {}};
    return CallType{tt.vunion(x.result, y.result), "", {}};  // whichever was chosen
  }
  return x;
}

// One of several functions (a container of them): all give one type.
template <class Inner>
CallType call_union(const Type& f, const std::vector<TypeRef>& args, const Inner& inner) {
  const auto& p = f.parts;
  CallType first = inner(p[0], args);
  if (!first.ok()) return first;
  for (size_t k = 1; k < p.size(); ++k) {
    CallType r = inner(p[k], args);
    if (!r.ok()) return r;
    if (r.result != first.result)
      return CallType{nullptr, fmt::format("the functions in one container return {} and {}",
                                           type_name(first.result), type_name(r.result)), {}};
  }
  return first;
}

// power() with a computed count: f once, then f again on its own result:
// the second step must keep the type (f: X -> Y with f: Y -> Y), whatever
// the count.
template <class Inner>
CallType call_power(const Type& f, const std::vector<TypeRef>& args, const Inner& inner) {
  if (args.size() != 1) return one_arg("power", args.size());
  CallType y = inner(f.parts[0], args);
  if (!y.ok()) return y;
  CallType z = inner(f.parts[0], {y.result});
  if (!z.ok() || z.result != y.result)
    return CallType{nullptr, fmt::format("power: the function maps {} to {}, so it cannot be repeated a computed "
                                         "number of times",
                                         type_name(y.result), z.ok() ? type_name(z.result) : "nothing")};
  return y;
}

}  // namespace

// Closures nest (a closure may hold closures); the depth bound keeps a
// hostile program from recursing without end through the checker.
CallType Signatures::call_depth(TypeRef f, const std::vector<TypeRef>& args, int depth) const {
  constexpr int kMaxDepth = 64;
  if (depth > kMaxDepth) return CallType{nullptr, "closures nested too deeply"};
  if (f->is(TypeKind::Prim)) return call_prim(f->prim, args);
  if (!f->is(TypeKind::Closure)) return CallType{nullptr, fmt::format("{} is not callable", type_name(f))};
  auto inner = [&](TypeRef g, const std::vector<TypeRef>& a) { return call_depth(g, a, depth + 1); };
  switch (f->closure) {
    case ClosureKind::Compose:
    case ClosureKind::Chain:
    case ClosureKind::Matcher:
    case ClosureKind::Fork:
    case ClosureKind::RBind:
    case ClosureKind::LBind:
    case ClosureKind::PowerN: return call_pipeline(*f, args, inner, tt_);
    case ClosureKind::Choice: return call_choice(*f, args, inner, tt_);
    case ClosureKind::Union: return call_union(*f, args, inner);
    case ClosureKind::Power: return call_power(*f, args, inner);
  }
  return CallType{nullptr, "unknown closure"};
}

TypeRef Signatures::constant_type(const ConstantValue& c) const {
  switch (c.kind) {
    case ConstantValue::Kind::Int: return tt_.integer();
    case ConstantValue::Kind::Bool: return tt_.boolean();
    case ConstantValue::Kind::Point: return tt_.point();
  }
  return nullptr;
}

}  // namespace battc::generator
