// tests/generator/enumerate/enumerator_test.cpp: enumeration's typing side:
// the leaves, a level's calls (well typed, each with a fresh argument,
// smallest first, bounded the same way twice), a last level of grids only,
// and a pooled value's program by its back-pointers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "generator/enumerate/enumerator.h"
#include "generator/mutate/program_text.h"
#include "generator/mutate/typed_program.h"

using namespace battc::generator;

namespace {

std::string call_text(const std::vector<PoolValue>& pool, const PoolValue& v) {
  std::string s = v.prim + "(";
  for (std::size_t i = 0; i < v.args.size(); ++i) {
    const PoolValue& a = pool[std::size_t(v.args[i])];
    s += (i ? ", " : "") + (a.leaf() ? a.name : "#" + std::to_string(v.args[i]));
  }
  return s + ")";
}

int index_of(const std::vector<PoolValue>& pool, const std::string& name) {
  for (std::size_t i = 0; i < pool.size(); ++i)
    if (pool[i].name == name) return static_cast<int>(i);
  return -1;
}

}  // namespace

TEST_CASE("enumeration: leaves are I, the colours, small integers, booleans, points and function values", "[enumerate]") {
  TypeTable tt;
  Signatures sig(tt);
  Enumerator en(sig);
  auto leaves = en.leaves({7, 2});
  REQUIRE(leaves.front().name == "I");
  CHECK(leaves.front().type == tt.grid());
  CHECK_FALSE(leaves.front().constant);
  for (const char* name : {"ZERO", "FOUR", "SEVEN", "T", "F", "DOWN", "ORIGIN", "vmirror", "size"})
    CHECK(index_of(leaves, name) >= 0);
  CHECK(index_of(leaves, "EIGHT") < 0);   // neither a colour given nor small
  CHECK(index_of(leaves, "rbind") < 0);   // builds functions: not enumerated
  CHECK(leaves[std::size_t(index_of(leaves, "size"))].type->callable());
  // A primitive of two arguments is pooled only to be bound.
  REQUIRE(index_of(leaves, "colorcount") >= 0);
  CHECK(leaves[std::size_t(index_of(leaves, "colorcount"))].operand_only);
  CHECK_FALSE(leaves[std::size_t(index_of(leaves, "size"))].operand_only);
}

TEST_CASE("enumeration: function values of one binding: rbind, lbind and matcher to a constant", "[enumerate]") {
  TypeTable tt;
  Signatures sig(tt);
  Enumerator en(sig);
  auto pool = en.leaves({7});
  std::set<std::string> bound;
  for (const PoolValue& v : pool) {
    if (v.leaf()) continue;
    CHECK(v.level == 0);
    CHECK(v.constant);
    CHECK(v.type->callable());
    bound.insert(call_text(pool, v));
  }
  for (const char* t : {"rbind(colorcount, SEVEN)", "rbind(shoot, DOWN)", "matcher(size, ONE)", "matcher(color, SEVEN)",
                        "lbind(colorcount, I)"})
    CHECK(bound.count(t) == (std::string(t) == "lbind(colorcount, I)" ? 0u : 1u));  // I is no constant
  CHECK(bound.count("rbind(colorcount, DOWN)") == 0);  // colorcount's annotation takes an Integer

  // Where a call of one types, it is an argument: the object with most cells of colour 7.
  for (const PoolValue& v : en.expand(pool, 1, 1000000, 1).calls)
    if (v.prim == "objects" && call_text(pool, v) == "objects(I, T, F, T)") pool.push_back(v);
  REQUIRE(pool.back().prim == "objects");
  const PoolValue* pick = nullptr;
  Expansion l2 = en.expand(pool, 2, 10000000, 1);
  for (const PoolValue& v : l2.calls)
    if (v.prim == "argmax" && pool[std::size_t(v.args[1])].prim == "rbind" &&
        call_text(pool, pool[std::size_t(v.args[1])]) == "rbind(colorcount, SEVEN)")
      pick = &v;
  REQUIRE(pick != nullptr);
  for (const PoolValue& v : l2.calls)
    for (int a : v.args) CHECK_FALSE(pool[std::size_t(a)].operand_only);
  Program p = en.program(pool, *pick);
  CHECK(program_text(canonical_program(p), "solve_x") ==
        "def solve_x(I):\n    x1 = rbind(colorcount, SEVEN)\n    x2 = objects(I, T, F, T)\n"
        "    O = argmax(x2, x1)\n    return O\n");
  CHECK(type_program(p, Dialect::ArcDsl, sig).has_value());
}

TEST_CASE("enumeration: the seeds' prior orders a level by what they use", "[enumerate]") {
  ExpressionCosts flat = seed_prior({});
  CHECK(flat.call_cost("objects") == 2);
  CHECK(flat.leaf_cost("ONE") == 1);
  Program seed;
  seed.name = "solve_x";
  seed.params = {"I"};
  for (int i = 0; i < 20; ++i) {
    Stmt s;
    s.target = "x" + std::to_string(i + 1);
    s.call.callee = i % 2 ? "vmirror" : "replace";
    Arg a;
    a.name = "I";
    s.call.args.push_back(a);
    if (i % 2 == 0)
      for (const char* k : {"ONE", "TWO"}) {
        Arg c;
        c.name = k;
        s.call.args.push_back(c);
      }
    seed.body.push_back(s);
  }
  ExpressionCosts costs = seed_prior({seed});
  CHECK(costs.call_cost("vmirror") < costs.call_cost("rot90"));  // seen against never seen
  CHECK(costs.call_cost("rot90") == costs.default_call);
  CHECK(costs.leaf_cost("ONE") < costs.leaf_cost("NINE"));
  CHECK(costs.call_cost("vmirror") >= 1);
  // In sixteenths of a bit (the search's ranking): the same costs, finer.
  ExpressionCosts fine = seed_prior({seed}, kRankingUnits);
  CHECK(std::abs(fine.call_cost("vmirror") - kRankingUnits * costs.call_cost("vmirror")) <= kRankingUnits / 2);
  CHECK(fine.call_cost("rot90") == fine.default_call);
  CHECK(seed_prior({}, kRankingUnits).call_cost("rot90") == 2 * kRankingUnits);
  // A program's cost: its calls and its constants; I and variables nothing.
  Program p;
  p.body = {seed.body[0], seed.body[1]};  // replace(I, ONE, TWO), vmirror(I)
  CHECK(program_cost(p, costs) == costs.call_cost("replace") + costs.leaf_cost("ONE") + costs.leaf_cost("TWO") +
                                      costs.call_cost("vmirror"));
  CHECK(program_cost(Program{}, costs) == 0);

  TypeTable tt;
  Signatures sig(tt);
  Enumerator en(sig);
  en.set_costs(costs);
  auto pool = en.leaves({1, 2});
  Expansion l1 = en.expand(pool, 1, 1000000, 3);
  auto first_of = [&](const std::string& text) {
    for (std::size_t i = 0; i < l1.calls.size(); ++i)
      if (call_text(pool, l1.calls[i]) == text) return static_cast<long>(i);
    return -1L;
  };
  REQUIRE(first_of("vmirror(I)") >= 0);
  REQUIRE(first_of("rot90(I)") >= 0);
  CHECK(first_of("vmirror(I)") < first_of("rot90(I)"));
  REQUIRE(first_of("replace(I, THREE, FOUR)") >= 0);
  CHECK(first_of("replace(I, ONE, TWO)") < first_of("replace(I, THREE, FOUR)"));  // the seen constants first
  for (std::size_t i = 1; i < l1.calls.size(); ++i) CHECK(l1.calls[i - 1].size <= l1.calls[i].size);
}

TEST_CASE("enumeration: a level's calls are typed, have a fresh argument and come smallest first", "[enumerate]") {
  TypeTable tt;
  Signatures sig(tt);
  Enumerator en(sig);
  auto pool = en.leaves({1, 2});
  Expansion l1 = en.expand(pool, 1, 100000, 7);
  REQUIRE_FALSE(l1.cut());
  std::set<std::string> texts;
  for (const PoolValue& v : l1.calls) {
    texts.insert(call_text(pool, v));
    CHECK(v.level == 1);
    CHECK(v.type != nullptr);
    bool uses_input = std::find(v.args.begin(), v.args.end(), 0) != v.args.end();
    CHECK(uses_input);  // level 1's only fresh value is I
  }
  for (const char* t : {"vmirror(I)", "rot90(I)", "objects(I, T, F, T)", "replace(I, ONE, TWO)", "upscale(I, TWO)",
                        "ofcolor(I, ONE)", "hconcat(I, I)"})
    CHECK(texts.count(t) == 1);
  CHECK(texts.count("add(ONE, TWO)") == 0);  // no fresh argument
  for (std::size_t i = 1; i < l1.calls.size(); ++i) CHECK(l1.calls[i - 1].size <= l1.calls[i].size);

  // Bounded: the smallest calls, the same ones for the same seed.
  Expansion a = en.expand(pool, 1, 20, 7), b = en.expand(pool, 1, 20, 7);
  CHECK(a.cut());
  REQUIRE(a.calls.size() == 20);
  CHECK(a.typed == l1.calls.size());
  for (std::size_t i = 0; i < a.calls.size(); ++i) {
    CHECK(call_text(pool, a.calls[i]) == call_text(pool, b.calls[i]));
    CHECK(a.calls[i].size <= l1.calls[20].size);
  }

  // A last level: grids only.
  for (const PoolValue& v : en.expand(pool, 1, 100000, 7, true).calls) CHECK(v.type == tt.grid());
}

TEST_CASE("enumeration: a pooled value's program is its calls in pool order, and it type-checks", "[enumerate]") {
  TypeTable tt;
  Signatures sig(tt);
  Enumerator en(sig);
  auto pool = en.leaves({});
  for (const PoolValue& v : en.expand(pool, 1, 100000, 1).calls)
    if (v.prim == "vmirror") pool.push_back(v);
  REQUIRE(pool.back().prim == "vmirror");
  int mirrored = static_cast<int>(pool.size() - 1);
  Expansion l2 = en.expand(pool, 2, 1000000, 1);
  const PoolValue* concat = nullptr;
  for (const PoolValue& v : l2.calls) {
    CHECK(std::find(v.args.begin(), v.args.end(), mirrored) != v.args.end());  // the only fresh value
    if (v.prim == "hconcat" && v.args == std::vector<int>{0, mirrored}) concat = &v;
  }
  REQUIRE(concat != nullptr);
  Program p = en.program(pool, *concat);
  CHECK(program_text(canonical_program(p), "solve_x") ==
        "def solve_x(I):\n    x1 = vmirror(I)\n    O = hconcat(I, x1)\n    return O\n");
  CHECK(type_program(p, Dialect::ArcDsl, sig).has_value());
}
