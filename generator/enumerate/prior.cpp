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

// Whether a call's argument is a leaf the prior prices: a constant or a
// primitive passed as a value.
bool is_leaf(const Arg& a) { return !a.is_int && (find_constant(a.name) || is_primitive(a.name)); }

// log2(1 / share) in 1/per_bit of a bit, rounded, within [kMinBits,
// kMaxBits] bits.
int units(double inverse_share, int per_bit) {
  return std::clamp(static_cast<int>(std::lround(std::log2(inverse_share) * per_bit)), kMinBits * per_bit,
                    kMaxBits * per_bit);
}

// Each name's count's share, add-one smoothed over `kinds` names.
std::map<std::string, int> bits(const std::map<std::string, long>& counts, long total, long kinds, int per_bit) {
  std::map<std::string, int> out;
  for (const auto& [name, n] : counts) out[name] = units(double(total + kinds) / double(n + 1), per_bit);
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

ExpressionCosts seed_prior(const std::vector<Program>& seeds, int units_per_bit) {
  ExpressionCosts c;
  c.default_call *= units_per_bit;
  c.default_leaf *= units_per_bit;
  std::map<std::string, long> calls, leaves;
  long n_calls = 0, n_leaves = 0;
  for (const Program& p : seeds)
    for (const Stmt& s : p.body) {
      if (is_primitive(s.call.callee)) ++calls[s.call.callee], ++n_calls;
      for (const Arg& a : s.call.args)
        if (is_leaf(a)) ++leaves[a.name], ++n_leaves;
    }
  if (n_calls == 0) return c;
  // A name the seeds never use costs what one seen once would cost, and a
  // little more: the smoothing's share of a single unseen name.
  long prim_kinds = static_cast<long>(primitive_table().size());
  long leaf_kinds = prim_kinds + 64;  // the primitives as values and the constants
  c.call = bits(calls, n_calls, prim_kinds, units_per_bit);
  c.leaf = bits(leaves, n_leaves, leaf_kinds, units_per_bit);
  c.default_call = units(double(n_calls + prim_kinds), units_per_bit);
  c.default_leaf = units(double(n_leaves + leaf_kinds), units_per_bit);
  return c;
}

long program_cost(const Program& p, const ExpressionCosts& costs) {
  long total = 0;
  for (const Stmt& s : p.body) {
    total += costs.call_cost(s.call.callee);
    for (const Arg& a : s.call.args)
      if (is_leaf(a)) total += costs.leaf_cost(a.name);
  }
  return total;
}

}  // namespace battc::generator
