// tests/runtime/run_outputs_cmd_test.cpp: the commands around a run's
// outputs, as a user meets them (the battc binary as a child process on the
// demo): --task/--task-file/--program filters, battc diff and run --expect
// (exit 0 equal, 1 different naming the program, tasks and samples, 2 on a
// path that is no run), and battc report / run --html writing one HTML file
// that holds its data.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/test_support.h"

namespace fs = std::filesystem;
using battc::test::Child;
using battc::test::run_battc;
using battc::test::slurp;
using battc::test::TempDir;

namespace {

const std::string kDemo = std::string(BATTC_SOURCE_DIR) + "/tasks/demo";

// The demo's programs with solve_mirror_rows made wrong.
std::string changed_programs(const TempDir& dir) {
  std::string src = slurp(kDemo + "/programs.py");
  auto at = src.find("O = vmirror(I)");
  REQUIRE(at != std::string::npos);
  src.replace(at, 14, "O = hmirror(I)");
  std::string path = dir.path + "/changed.py";
  std::ofstream(path) << src;
  return path;
}

std::string demo_run(const std::string& programs, const std::string& out) {
  return "run --quiet --tasks '" + kDemo + "' --programs '" + programs + "' --out '" + out + "'";
}

}  // namespace

TEST_CASE("run --task, --task-file and --program run a subset without copying", "[cli][filters]") {
  TempDir dir("battc-filters");
  std::ofstream(dir.path + "/tasks.txt") << "# two tasks\ngravity\n\ncrop_bbox  # the other\n";
  Child c = run_battc(dir, "f", demo_run(kDemo + "/programs.py", dir.path + "/out") + " --task-file '" + dir.path +
                                    "/tasks.txt' --program 'solve_g*'");
  REQUIRE(c.exit_code == 0);
  auto j = nlohmann::json::parse(slurp(dir.path + "/out/results.json"));
  CHECK(j["tasks"].size() == 2);
  CHECK(j["tasks"].contains("gravity"));
  CHECK(j["tasks"]["gravity"]["programs"].size() == 1);
  CHECK(j["tasks"]["gravity"]["solved_by"] == nlohmann::json::array({"solve_gravity"}));

  Child bad = run_battc(dir, "bad", demo_run(kDemo + "/programs.py", dir.path + "/out2") + " --task nosuch");
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Catch::Contains("--task: no task nosuch among the 5 tasks loaded"));

  Child check = run_battc(dir, "check", "check --programs '" + kDemo + "/programs.py' --program 'solve_c*'");
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::Contains("1 programs accepted, 0 rejected, 4 left out by --program"));
}

TEST_CASE("diff and run --expect: equal runs exit 0, a changed program exits 1 naming what changed", "[cli][diff]") {
  TempDir dir("battc-expect");
  std::string golden = dir.path + "/golden";
  REQUIRE(run_battc(dir, "golden", demo_run(kDemo + "/programs.py", golden) + " --dump-outputs '" + golden +
                                       "/dump.jsonl'")
              .exit_code == 0);
  Child same = run_battc(dir, "same", demo_run(kDemo + "/programs.py", dir.path + "/same") + " --expect '" + golden + "'");
  CHECK(same.exit_code == 0);
  CHECK_THAT(same.out, Catch::Contains("equal: 100 evaluations compared, the same tasks solved"));
  Child self = run_battc(dir, "self", "diff '" + golden + "' '" + golden + "'");
  CHECK(self.exit_code == 0);

  std::string changed = changed_programs(dir);
  Child exp = run_battc(dir, "exp", demo_run(changed, dir.path + "/new") + " --expect '" + golden + "'");
  CHECK(exp.exit_code == 1);
  CHECK_THAT(exp.out, Catch::Contains("no longer solved (in A, not in B): 1 task\n  mirror_rows: solve_mirror_rows"));
  CHECK_THAT(exp.out, Catch::Contains("  solve_mirror_rows\n"));
  CHECK_THAT(exp.out, Catch::Contains("    mirror_rows test/0: value: cell ("));

  // The new run has no dump: diff compares statuses and matches.
  Child d = run_battc(dir, "diff", "diff --json '" + golden + "' '" + dir.path + "/new'");
  CHECK(d.exit_code == 1);
  auto j = nlohmann::json::parse(d.out);
  CHECK(j["equal"] == false);
  CHECK(j["no_longer_solved"][0]["task"] == "mirror_rows");
  for (const auto& c : j["changes"]) CHECK(c["program"] == "solve_mirror_rows");

  Child usage = run_battc(dir, "usage", "diff '" + golden + "' '" + dir.path + "/nothing'");
  CHECK(usage.exit_code == 2);
  CHECK_THAT(usage.err, Catch::Contains("cannot read"));
}

TEST_CASE("report and run --html write one self-contained HTML file", "[cli][report]") {
  TempDir dir("battc-report");
  std::string out = dir.path + "/out";
  Child r = run_battc(dir, "run", demo_run(changed_programs(dir), out) + " --html");
  REQUIRE(r.exit_code == 0);
  std::string page = slurp(out + "/report.html");
  CHECK_THAT(page, Catch::Contains("<script id=\"battc-data\" type=\"application/json\">"));
  auto first = page.find("\"id\":\"mirror_rows\"");
  CHECK(first != std::string::npos);
  CHECK(page.find("\"id\":\"mirror_rows\"", first + 1) == std::string::npos);  // the data once
  CHECK_THAT(page, Catch::Contains("def solve_gravity(I):"));  // a solver shown: its source is there
  CHECK(page.find("http://") == std::string::npos);  // nothing fetched from the network
  CHECK(page.find("https://") == std::string::npos);

  Child rep = run_battc(dir, "report", "report '" + out + "' -o '" + dir.path + "/r.html' --task gravity");
  REQUIRE(rep.exit_code == 0);
  std::string one = slurp(dir.path + "/r.html");
  CHECK_THAT(one, Catch::Contains("\"id\":\"gravity\""));
  CHECK(one.find("\"id\":\"mirror_rows\"") == std::string::npos);

  Child missing = run_battc(dir, "missing", "report '" + dir.path + "'");
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("results.json: cannot read"));
}
