// tests/generator/enumerate/library_test.cpp: the seeds' statements as
// enumeration's fragments: hash-consed across programs, what is
// left out (a variable called, a literal integer, what depends on them),
// constants apart from values derived from I, and the fragments in a pool:
// operands the levels leave alone, whose programs are the statements they
// need.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "generator/enumerate/library.h"
#include "generator/mutate/program_text.h"
#include "generator/mutate/typed_program.h"
#include "tests/typed_programs.h"

using namespace battc::generator;

namespace {

const char* kSeeds = R"PY(
def solve_a(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    O = subgrid(x2, I)
    return O


def solve_b(I):
    x1 = objects(I, T, F, T)
    x2 = rbind(colorcount, ONE)
    x3 = argmax(x1, x2)
    x4 = branch(T, vmirror, hmirror)
    x5 = x4(I)
    x6 = fill(x5, TWO, x3)
    O = paint(I, x3)
    return O
)PY";

struct Seeds {
  TypeTable tt;
  Signatures sig{tt};
  std::vector<TypedProgram> typed = battc::test::typed_programs(kSeeds, Dialect::ArcDsl, sig);
};

std::string text(const Library& lib, int i) {
  const Fragment& f = lib.fragments[std::size_t(i)];
  std::string s = f.prim + "(";
  for (std::size_t k = 0; k < f.args.size(); ++k)
    s += (k ? ", " : "") + (f.args[k].fragment >= 0 ? text(lib, f.args[k].fragment) : f.args[k].leaf);
  return s + ")";
}

}  // namespace

TEST_CASE("library: seed statements hash-consed, and what a pool cannot hold left out", "[enumerate]") {
  Seeds s;
  Library lib = seed_library(s.typed, s.sig);
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < lib.fragments.size(); ++i) texts.push_back(text(lib, int(i)));
  CHECK(texts == std::vector<std::string>{
                     "objects(I, T, F, T)",
                     "argmax(objects(I, T, F, T), size)",
                     "subgrid(argmax(objects(I, T, F, T), size), I)",
                     "rbind(colorcount, ONE)",
                     "argmax(objects(I, T, F, T), rbind(colorcount, ONE))",
                     "branch(T, vmirror, hmirror)",
                     "paint(I, argmax(objects(I, T, F, T), rbind(colorcount, ONE)))",
                 });
  // x4(I) calls a variable, and fill(x5, ...) needs it: neither is a fragment.
  // Both seeds compute objects(I, T, F, T): one fragment (the list above).
  CHECK(lib.fragments[0].from_input);
  CHECK_FALSE(lib.fragments[3].from_input);  // rbind(colorcount, ONE): a constant
  CHECK_FALSE(lib.fragments[5].from_input);
  CHECK(lib.fragments[3].type->callable());
  CHECK(lib.fragments[0].type == s.typed[0].stmt_types[0]);
}

TEST_CASE("library: fragments in a pool are operands of level 0 whose programs are their statements", "[enumerate]") {
  Seeds s;
  Enumerator en(s.sig);
  Library lib = seed_library(s.typed, s.sig);
  std::vector<PoolValue> pool = en.leaves({1, 2});
  const std::size_t leaves = pool.size();
  std::vector<int> at = add_fragments(pool, lib);
  REQUIRE(at.size() == lib.fragments.size());
  for (std::size_t i = 0; i < at.size(); ++i) {
    const PoolValue& v = pool[std::size_t(at[i])];
    CHECK(std::size_t(at[i]) >= leaves);
    CHECK(v.level == 0);
    CHECK(v.constant == !lib.fragments[i].from_input);
    CHECK(v.operand_only);  // completions take them; the levels do not build on them
  }
  // So a level over the pool calls what it would without them.
  std::vector<PoolValue> plain = en.leaves({1, 2});
  Expansion with = en.expand(pool, 1, 500, 3), without = en.expand(plain, 1, 500, 3);
  CHECK(with.typed == without.typed);
  REQUIRE(with.calls.size() == without.calls.size());
  for (std::size_t i = 0; i < with.calls.size(); ++i) {
    CHECK(with.calls[i].prim == without.calls[i].prim);
    CHECK(with.calls[i].args == without.calls[i].args);
  }
  // branch's operands hmirror and vmirror are leaves already; none is added
  // for the fragments besides what the pool lacks.
  for (std::size_t i = leaves; i < pool.size(); ++i)
    if (pool[i].leaf()) CHECK(pool[i].operand_only);
  // A fragment's program: the statements it needs, then its own.
  const PoolValue& painted = pool[std::size_t(at[6])];
  Program p = en.program(pool, painted);
  CHECK(program_text(canonical_program(p), "solve_x") ==
        "def solve_x(I):\n"
        "    x1 = objects(I, T, F, T)\n"
        "    x2 = rbind(colorcount, ONE)\n"
        "    x3 = argmax(x1, x2)\n"
        "    O = paint(I, x3)\n"
        "    return O\n");
  CHECK(type_program(p, Dialect::ArcDsl, s.sig));
}
