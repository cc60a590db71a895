// tests/dsl/golden_tk_primitives_test.cpp: tokpidjin's cell-free primitives
// (dsl/tk_containers.h, dsl/tk_grids.h) against tokpidjin's dsl.py run with
// canonical sets. tests/golden/tk_primitives/ holds the cases and outcomes
// tools/golden/make_tk_primitive_golden.py writes; the invokers are in
// golden_reg_tk_test.cpp. The replay is golden_replay.h.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/dsl/golden_replay.h"

namespace {

using namespace battc::test::golden;

const std::string kDir = std::string(BATTC_SOURCE_DIR) + "/tests/golden/tk_primitives/";

}  // namespace

TEST_CASE("golden: tokpidjin's cell-free primitives match its dsl.py", "[dsl][golden]") {
  CHECK(replay_golden_cases(kDir) == 0);
}
