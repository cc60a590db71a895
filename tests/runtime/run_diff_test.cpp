// tests/runtime/run_diff_test.cpp: battc diff's comparison (runtime/score/
// run_diff.h): equal runs, a changed value with its first differing cell, a
// status change, newly and no longer solved tasks, evaluations on one side
// only, the reference rule (--failures-equal), and the loaders' errors.
#include <catch2/catch.hpp>

#include <fstream>

#include "runtime/score/run_diff.h"
#include "tests/test_support.h"

using namespace battc::runtime;
using nlohmann::json;

namespace {

json results(const json& solved_mirror_rows) {
  return json::parse(R"({"format":"battc-results/1","summary":{},"tasks":{
    "t1":{"samples":["train/0","test/0"],"solved_by":["solve_a"],
          "programs":{"solve_a":{"status":["ok","ok"],"match":[1,1]},"solve_b":{"status":["ok","error"],"match":[0,null]}}},
    "t2":{"samples":["train/0"],"solved_by":)" + solved_mirror_rows.dump() + R"(,
          "programs":{"solve_a":{"status":["ok"],"match":[1]}}}}})");
}

std::vector<std::string> dump(const std::string& t1_test_value, const std::string& b_status) {
  return {
      R"({"task":"t1","sample":"train/0","program":"solve_a","status":"ok","value":[[1,2],[3,4]]})",
      R"({"task":"t1","sample":"test/0","program":"solve_a","status":"ok","value":)" + t1_test_value + "}",
      R"({"task":"t1","sample":"test/0","program":"solve_b","status":")" + b_status + R"("})",
  };
}

}  // namespace

TEST_CASE("diff: a run against itself is equal", "[diff]") {
  auto a = run_records(results(json::array({"solve_a"})), dump("[[5,6]]", "error"), "A");
  RunDiff d = diff_runs(a, a);
  CHECK(d.equal());
  CHECK(d.compared == 5);  // the dump's three keys and two more from results.json
  CHECK_THAT(render_diff(d), Catch::Contains("equal: 5 evaluations compared, the same tasks solved"));
  CHECK(diff_json(d)["equal"] == true);
}

TEST_CASE("diff: a changed value names its program, task, sample and first differing cell", "[diff]") {
  auto a = run_records(results(json::array({"solve_a"})), dump("[[5,6]]", "error"), "A");
  auto b = run_records(results(json::array()), dump("[[5,7]]", "budget"), "B");
  RunDiff d = diff_runs(a, b);
  CHECK_FALSE(d.equal());
  REQUIRE(d.no_longer_solved.size() == 1);
  CHECK(d.no_longer_solved[0].first == "t2");
  CHECK(d.newly_solved.empty());
  REQUIRE(d.changes.size() == 2);
  CHECK(d.changes[0].program == "solve_a");
  CHECK(d.changes[0].task == "t1");
  CHECK(d.changes[0].sample == "test/0");
  CHECK(d.changes[0].kind == "value");
  CHECK(d.changes[0].detail == "cell (0,1) 6 -> 7");
  CHECK(d.changes[1].kind == "status");
  CHECK(d.changes[1].a == "error");
  CHECK(d.changes[1].b == "budget");
  std::string text = render_diff(d);
  CHECK_THAT(text, Catch::Contains("no longer solved (in A, not in B): 1 task\n  t2: solve_a\n"));
  CHECK_THAT(text, Catch::Contains("    t1 test/0: value: cell (0,1) 6 -> 7\n"));
  CHECK_THAT(text, Catch::Contains("different:"));

  // The reference rule: error and budget are one status.
  RunDiff lenient = diff_runs(a, b, DiffOptions{true});
  REQUIRE(lenient.changes.size() == 1);
  CHECK(lenient.changes[0].kind == "value");
}

TEST_CASE("diff: shapes, evaluations on one side, and results without values", "[diff]") {
  auto a = run_records(results(json::array({"solve_a"})), dump("[[5,6]]", "error"), "A");
  auto b = run_records(results(json::array({"solve_a"})), {}, "B");  // no dump: compared by match
  RunDiff d = diff_runs(a, b);
  CHECK(d.equal());  // same statuses; values are compared only where both have them
  auto c = run_records(results(json::array({"solve_a"})), dump("[[5],[6]]", "error"), "C");
  RunDiff shape = diff_runs(a, c);
  REQUIRE(shape.changes.size() == 1);
  CHECK(shape.changes[0].detail == "shape 1x2 -> 2x1");
  auto fewer = a;
  fewer.evals.erase({"t1", "test/0", "solve_b"});
  RunDiff one_side = diff_runs(a, fewer);
  REQUIRE(one_side.changes.size() == 1);
  CHECK(one_side.changes[0].kind == "only in A");
}

TEST_CASE("diff: loads folders, results.json and dumps, and says what a wrong path is", "[diff]") {
  battc::test::TempDir dir;
  {
    std::ofstream(dir.path + "/results.json") << results(json::array({"solve_a"})).dump();
    std::ofstream d(dir.path + "/dump.jsonl");
    for (const auto& line : dump("[[5,6]]", "error")) d << line << "\n";
    std::ofstream(dir.path + "/other.json") << R"({"something": 1})";
  }
  RunRecords folder = load_run_records(dir.path);
  CHECK(folder.has_results);
  CHECK(folder.has_values);
  RunRecords dump_only = load_run_records(dir.path + "/dump.jsonl");
  CHECK_FALSE(dump_only.has_results);
  CHECK(dump_only.evals.size() == 3);
  RunRecords res = load_run_records(dir.path + "/results.json");
  CHECK(res.has_results);
  CHECK_FALSE(res.has_values);
  CHECK_THROWS_WITH(load_run_records(dir.path + "/other.json"), Catch::Contains("not a battc results.json"));
  CHECK_THROWS_WITH(load_run_records(dir.path + "/missing"), Catch::Contains("cannot read"));
}
