// generator/enumerate/prior.cpp
#include "generator/enumerate/prior.h"

#include <algorithm>
#include <cmath>

#include "generator/types/constants.h"
#include "generator/types/primitive_table.h"

namespace battc::generator {
namespace {

constexpr int kMinBits = 1, kMaxBits = 16;

bool is_primitive(const std::string& name) {
  static const std::map<std::string, bool> prims = [] {
    std::map<std::string, bool> m;
    for (const PrimitiveInfo& p : primitive_table()) m[p.name] = true;
    return m;
  }();
  return prims.count(name) > 0;
}

// -log2 of a count's share, add-one smoothed over `kinds` names, in whole
// bits within [kMinBits, kMaxBits].
std::map<std::string, int> bits(const std::map<std::string, long>& counts, long total, long kinds) {
  std::map<std::string, int> out;
  for (const auto& [name, n] : counts) {
    double b = std::log2(double(total + kinds) / double(n + 1));
    out[name] = std::clamp(static_cast<int>(std::lround(b)), kMinBits, kMaxBits);
  }
  return out;
}

}  // namespace

int ExpressionCosts::call_cost(const std::string& prim) const {
  auto it = call.find(prim);
  return it == call.end() ? default_call : it->second;
}

int ExpressionCosts::leaf_cost(const std::string& name) const {
  auto it = leaf.find(name);
  return it == leaf.end() ? default_leaf : it->second;
}

ExpressionCosts seed_prior(const std::vector<Program>& seeds) {
  ExpressionCosts c;
  std::map<std::string, long> calls, leaves;
  long n_calls = 0, n_leaves = 0;
  for (const Program& p : seeds)
    for (const Stmt& s : p.body) {
      if (is_primitive(s.call.callee)) ++calls[s.call.callee], ++n_calls;
      for (const Arg& a : s.call.args)
        if (!a.is_int && (find_constant(a.name) || is_primitive(a.name))) ++leaves[a.name], ++n_leaves;
    }
  if (n_calls == 0) return c;
  // A name the seeds never use costs what one seen once would cost, and a
  // little more: the smoothing's share of a single unseen name.
  long prim_kinds = static_cast<long>(primitive_table().size());
  long leaf_kinds = prim_kinds + 64;  // the primitives as values and the constants
  c.call = bits(calls, n_calls, prim_kinds);
  c.leaf = bits(leaves, n_leaves, leaf_kinds);
  c.default_call = std::clamp(static_cast<int>(std::lround(std::log2(double(n_calls + prim_kinds)))), kMinBits, kMaxBits);
  c.default_leaf = std::clamp(static_cast<int>(std::lround(std::log2(double(n_leaves + leaf_kinds)))), kMinBits, kMaxBits);
  return c;
}

}  // namespace battc::generator
