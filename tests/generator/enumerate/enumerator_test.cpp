// tests/generator/enumerate/enumerator_test.cpp: enumeration's typing side:
// the leaves, a level's calls (well typed, each with a fresh argument,
// smallest first, bounded the same way twice), a last level of grids only,
// and a pooled value's program by its back-pointers.
#include <catch2/catch.hpp>

#include <algorithm>
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
  CHECK(index_of(leaves, "hconcat") < 0); // two arguments: not a function value
  CHECK(leaves[std::size_t(index_of(leaves, "size"))].type->callable());
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
