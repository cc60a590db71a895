// tests/runtime/symmetry_test.cpp: grids turned, mirrored and recoloured as
// the DSL would, tasks transformed without their test outputs, and the count
// of transforms a program's answers commute with, on programs run through
// the run API.
#include <catch2/catch.hpp>

#include <filesystem>

#include "runtime/api/run_batt.h"
#include "runtime/score/symmetry.h"
#include "tests/runtime/mini_batt_fixture.h"
#include "tests/test_support.h"

using namespace battc;
using namespace battc::runtime;
using battc::test::grid;

TEST_CASE("symmetry: turns and mirrors read the grid as arc-dsl's rot90, hmirror, dmirror and friends",
          "[score][symmetry]") {
  GridData g = grid({{1, 2, 3}, {4, 5, 6}});
  CHECK(transformed(g, Symmetry::Rot90) == grid({{4, 1}, {5, 2}, {6, 3}}));
  CHECK(transformed(g, Symmetry::Rot180) == grid({{6, 5, 4}, {3, 2, 1}}));
  CHECK(transformed(g, Symmetry::Rot270) == grid({{3, 6}, {2, 5}, {1, 4}}));
  CHECK(transformed(g, Symmetry::FlipRows) == grid({{4, 5, 6}, {1, 2, 3}}));
  CHECK(transformed(g, Symmetry::FlipColumns) == grid({{3, 2, 1}, {6, 5, 4}}));
  CHECK(transformed(g, Symmetry::Transpose) == grid({{1, 4}, {2, 5}, {3, 6}}));
  CHECK(transformed(g, Symmetry::AntiTranspose) == grid({{6, 3}, {5, 2}, {4, 1}}));
  // Four quarter turns are none; a mirror twice is none.
  GridData r = g;
  for (int i = 0; i < 4; ++i) r = transformed(r, Symmetry::Rot90);
  CHECK(r == g);
  CHECK(transformed(transformed(g, Symmetry::AntiTranspose), Symmetry::AntiTranspose) == g);
}

TEST_CASE("symmetry: the recolourings keep 0, the cycle moves every other colour, the reversal all but 5",
          "[score][symmetry]") {
  GridData g = grid({{0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}});
  CHECK(transformed(g, Symmetry::ColourCycle) == grid({{0, 2, 3, 4, 5}, {6, 7, 8, 9, 1}}));
  CHECK(transformed(g, Symmetry::ColourReverse) == grid({{0, 9, 8, 7, 6}, {5, 4, 3, 2, 1}}));
  GridData m = transformed(g, Symmetry::ColourCycle);
  for (std::size_t i = 1; i < g.cells.size(); ++i) CHECK(m.cells[i] != g.cells[i]);
}

TEST_CASE("symmetry: a transformed task has its inputs and train outputs moved and no test output",
          "[score][symmetry]") {
  Task t;
  t.id = "t";
  t.train.push_back(Sample{grid({{1, 2}}), grid({{2, 1}})});
  t.test.push_back(Sample{grid({{3, 4}}), grid({{4, 3}})});
  Task m = transformed(t, Symmetry::Rot90);
  CHECK(m.id == "t");
  CHECK(m.train[0].input == grid({{1}, {2}}));
  CHECK(*m.train[0].output == grid({{2}, {1}}));
  CHECK(m.test[0].input == grid({{3}, {4}}));
  CHECK_FALSE(m.test[0].output.has_value());
}

namespace {

// Runs `programs` by name on `task` and on each of its transforms; returns
// the counts for the task's programs, in the run's program order.
std::vector<int> counts_for(const Task& task, const std::string& programs, std::vector<std::string>& names) {
  test::TempDir dir("battc-symmetry");
  auto run = [&](Task t) {
    api::RunRequest req;
    req.tasks = {std::move(t)};
    req.programs.texts.push_back({"p.py", programs});
    req.engine = api::Engine::Specs;
    req.exec.pairing = Pairing::ByName;
    req.evaluation = Evaluation::All;
    req.jit.cache_dir = dir.path + "/cache";
    auto out = api::run_batt(std::move(req));
    if (!out.ok()) FAIL(out.error().message);
    return std::move(out->result);
  };
  Task hidden = task;
  for (Sample& s : hidden.test) s.output.reset();
  RunResult base = run(hidden);
  std::vector<RunResult> runs;
  for (Symmetry s : kSymmetries) runs.push_back(run(transformed(task, s)));
  names = base.programs;
  return symmetry_counts(base, runs).at(0);
}

}  // namespace

TEST_CASE("symmetry: the rule commutes with more transforms than a fit that leans on a corner or a colour",
          "[score][symmetry]") {
  // Every output is the input mirrored left to right, and every train
  // output's top-left cell is 0 (the test's is not): vmirror is the rule;
  // the other two fit the train pairs by accident.
  Task t;
  t.id = "abcd1234";
  t.train.push_back(Sample{grid({{1, 0, 0}, {2, 3, 0}, {0, 4, 5}}), grid({{0, 0, 1}, {0, 3, 2}, {5, 4, 0}})});
  t.train.push_back(Sample{grid({{6, 2, 0}, {0, 0, 7}, {1, 0, 0}}), grid({{0, 2, 6}, {7, 0, 0}, {0, 0, 1}})});
  t.test.push_back(Sample{grid({{2, 2, 1}, {0, 3, 0}, {4, 0, 0}}), std::nullopt});
  std::string programs =
      "def solve_abcd1234(I):\n"
      "    O = vmirror(I)\n"
      "    return O\n"
      "\n"
      "def solve_abcd1234_1(I):\n"  // the top-left corner set to 0
      "    x1 = vmirror(I)\n"
      "    x2 = initset(ORIGIN)\n"
      "    O = fill(x1, ZERO, x2)\n"
      "    return O\n"
      "\n"
      "def solve_abcd1234_2(I):\n"  // 8 never appears on the train pairs: a recolouring brings it
      "    x1 = vmirror(I)\n"
      "    O = replace(x1, EIGHT, ZERO)\n"
      "    return O\n"
      "\n"
      "def solve_abcd1234_3(I):\n"  // no grid for the test input
      "    O = ofcolor(I, ONE)\n"
      "    return O\n";
  std::vector<std::string> names;
  std::vector<int> n = counts_for(t, programs, names);
  REQUIRE(names.size() == 4);
  REQUIRE(names[0] == "solve_abcd1234");
  // vmirror commutes with the half turn, both mirrors along the axes and
  // both recolourings, not with the quarter turns or the diagonals.
  CHECK(n[0] == 5);
  CHECK(n[1] < n[0]);
  CHECK(n[2] < n[0]);
  CHECK(n[3] == 0);
}
