// generator/enumerate/prior.h: what an enumerated expression costs, its
// description length in bits under a prior (docs/search.md "Enumeration").
// With no seed programs every call costs 2 and every constant or function
// value 1 (I nothing): the shortest expressions first. With seeds, a
// primitive called often in them, or a constant or function value passed
// often, costs less: -log2 of its smoothed frequency, so a level's bound
// keeps the calls that programs like the seeds make (objects(I, T, F, T)
// before objects(I, F, F, F)) instead of a blind slice of equal-sized ones.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "generator/parse/ast.h"

namespace battc::generator {

struct ExpressionCosts {
  std::map<std::string, int> call;  // per primitive called
  std::map<std::string, int> leaf;  // per constant or primitive passed as a value
  int default_call = 2, default_leaf = 1;
  int call_cost(const std::string& prim) const;
  int leaf_cost(const std::string& name) const;
};

// The flat costs with no seeds; else each primitive's and leaf's cost from
// its count in `seeds` (calls by callee, leaves by argument name), at least
// 1 and at most 16 bits. Costs are in 1/units_per_bit of a bit, rounded:
// enumeration's levels take whole bits; the search's ranking takes
// sixteenths (kRankingUnits), where whole bits would tie most programs.
ExpressionCosts seed_prior(const std::vector<Program>& seeds, int units_per_bit = 1);

constexpr int kRankingUnits = 16;

// A whole program's description length under `costs`: every call's cost and
// every constant or primitive passed as a value (variables, I and integer
// literals cost nothing). Among programs of equal length the search ranks
// the cheaper first (runtime/search/ranking.h): the one more like the seeds.
long program_cost(const Program& p, const ExpressionCosts& costs);

}  // namespace battc::generator
