// tests/runtime/tasks_cmd_test.cpp: `battc tasks` run in-process: exit codes
// (0 ok, 1 bad input, usage errors thrown for main to turn into 2), the
// summary on stdout and the "battc: error: <file>: <what>" line on stderr.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "runtime/cli/commands.h"

namespace {

const std::filesystem::path kSource = BATTC_SOURCE_DIR;

struct Run {
  int exit_code = -1;
  std::string out, err;
};

// Redirects fd 1 and 2 to temp files while `battc <args>` parses and runs.
Run run_battc(std::vector<std::string> args) {
  args.insert(args.begin(), "battc");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  auto dir = std::filesystem::temp_directory_path();
  std::string tag = std::to_string(::getpid());
  std::string out_path = (dir / ("battc_cmd_out_" + tag)).string(), err_path = (dir / ("battc_cmd_err_" + tag)).string();
  std::fflush(stdout);
  std::fflush(stderr);
  int saved_out = ::dup(1), saved_err = ::dup(2);
  REQUIRE(std::freopen(out_path.c_str(), "w", stdout) != nullptr);
  REQUIRE(std::freopen(err_path.c_str(), "w", stderr) != nullptr);
  battc::runtime::set_exit_code(-1);
  CLI::App app{"battc"};
  app.require_subcommand(1);
  battc::runtime::add_tasks_command(app);
  bool usage_error = false;
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError&) {
    usage_error = true;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  ::dup2(saved_out, 1);
  ::dup2(saved_err, 2);
  ::close(saved_out);
  ::close(saved_err);
  auto slurp = [](const std::string& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    std::filesystem::remove(p);
    return s.str();
  };
  Run r{usage_error ? 2 : battc::runtime::last_exit_code(), slurp(out_path), slurp(err_path)};
  return r;
}

}  // namespace

TEST_CASE("battc tasks summarizes the demo tasks", "[runtime][cli]") {
  Run r = run_battc({"tasks", "--tasks", (kSource / "tasks/demo").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Catch::Contains("tasks:          5\n"));
  CHECK_THAT(r.out, Catch::Contains("test samples:   5 (5 with known outputs)"));
  CHECK_THAT(r.out, Catch::Contains("grid sizes:     3..8 rows, 3..8 columns"));

  Run j = run_battc({"tasks", "--json", "--tasks", (kSource / "tests/data/tasks_kaggle/challenges.json").string(),
                     "--solutions", (kSource / "tests/data/tasks_kaggle/solutions.json").string()});
  CHECK(j.exit_code == 0);
  auto parsed = nlohmann::json::parse(j.out);
  CHECK(parsed["tasks"] == 2);
  CHECK(parsed["test_samples"] == 3);
  CHECK(parsed["test_outputs_known"] == 3);
  CHECK(parsed["task_list"][0]["id"] == "bbbb0001");
}

TEST_CASE("battc tasks reports bad input on stderr with exit 1", "[runtime][cli]") {
  std::string file = (kSource / "tests/data/tasks_bad/cell_out_of_range.json").string();
  Run r = run_battc({"tasks", "--tasks", file});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "battc: error: " + file + ": train[2].output[3][1]: cell value 12 is outside 0..9\n");

  std::string sol = (kSource / "tests/data/tasks_bad/solutions_wrong_count.json").string();
  Run s = run_battc({"tasks", "--tasks", (kSource / "tests/data/tasks_kaggle/challenges.json").string(), "--solutions", sol});
  CHECK(s.exit_code == 1);
  CHECK_THAT(s.err, Catch::StartsWith("battc: error: " + sol + ": task bbbb0002: has 1 test output grid"));
}

TEST_CASE("battc tasks without --tasks is a usage error", "[runtime][cli]") {
  CHECK(run_battc({"tasks"}).exit_code == 2);
  CHECK(run_battc({"tasks", "--tasks"}).exit_code == 2);
  CHECK(run_battc({"tasks", "--tasks", "x", "--bogus"}).exit_code == 2);
}
