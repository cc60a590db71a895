// tests/dsl/golden_primitives_test.cpp: every arc-dsl primitive against the
// reference. tests/golden/primitives/cases.jsonl holds argument lists and
// expected.jsonl what arc-dsl (canonical set order, shared/reference/
// canonical_ref.py) made of them; tools/golden/make_primitive_golden.py
// writes both (tests/golden/README.md). Each case runs through the invoker
// registered for its key (golden_registry.h; the registrations are in the
// golden_reg_*_test.cpp files): a reference value must be ours too, and a
// reference error or timeout must make ours fail. A case marked "divergence"
// (a difference docs/semantics.md records) must make ours fail.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/dsl/golden_replay.h"

namespace {

using namespace battc::test::golden;

const std::string kDir = std::string(BATTC_SOURCE_DIR) + "/tests/golden/primitives/";

}  // namespace

TEST_CASE("golden: every primitive matches arc-dsl on the golden cases", "[dsl][golden]") {
  CHECK(registry().duplicates.empty());
  for (const std::string& k : registry().duplicates) FAIL_CHECK("invoker registered twice: " << k);
  CHECK(replay_golden_cases(kDir) == 0);
}

TEST_CASE("golden: the cases cover every primitive", "[dsl][golden]") {
  std::set<std::string> covered;
  for (const json& c : read_jsonl(kDir + "cases.jsonl")) covered.insert(c["prim"].get<std::string>());
  std::vector<std::string> missing;
#define BATTC_PRIM(N, CXX, PARAMS, RET) \
  if (!covered.count(#N)) missing.push_back(#N);
#include "dsl/primitives.def"
#undef BATTC_PRIM
  for (const std::string& m : missing) FAIL_CHECK("no golden case for " << m);
  CHECK(covered.size() >= 160);
}
