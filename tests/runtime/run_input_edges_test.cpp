// tests/runtime/run_input_edges_test.cpp: `battc run` at the edges of its
// input, as a user meets them (the battc binary as a child process on the
// demo): output paths refused before any work, a task loaded twice, a
// non-task JSON file in a task folder, --solutions with a task folder,
// --pairing by-name that pairs nothing, an arena budget the machine cannot
// reserve, Ctrl-C in the middle of a run; and what --evaluate decides.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
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

std::string demo_run(const std::string& tasks, const std::string& out) {
  return "run --quiet --engine specs --tasks " + tasks + " --programs '" + kDemo + "/programs.py' --out '" + out + "'";
}

nlohmann::json results(const std::string& out) { return nlohmann::json::parse(slurp(out + "/results.json")); }

}  // namespace

TEST_CASE("run refuses an unwritable --dump-outputs or --timing-json folder before any work", "[cli][edges]") {
  TempDir dir("battc-edges-paths");
  std::ofstream(dir.path + "/file") << "x";
  for (const char* flag : {"--dump-outputs", "--timing-json"}) {
    INFO(flag);
    Child c = run_battc(dir, "p", demo_run("'" + kDemo + "'", dir.path + "/out") + " " + flag + " '" + dir.path +
                                      "/file/sub/x.json'");
    CHECK(c.exit_code == 1);
    CHECK_THAT(c.err, Catch::Contains(std::string(flag) + " '") && Catch::Contains("is not a folder"));
    CHECK_FALSE(fs::exists(dir.path + "/out"));  // nothing ran
  }
  // A folder that does not exist yet is made.
  Child ok = run_battc(dir, "ok", demo_run("'" + kDemo + "'", dir.path + "/out") + " --timing-json '" + dir.path +
                                      "/new/t.json'");
  CHECK(ok.exit_code == 0);
  CHECK(fs::exists(dir.path + "/new/t.json"));
}

TEST_CASE("a task loaded twice is skipped with a warning, or refused with --on-duplicate refuse", "[cli][edges]") {
  TempDir dir("battc-edges-dup");
  std::string twice = "'" + kDemo + "' '" + kDemo + "/gravity.json'";
  Child c = run_battc(dir, "skip", demo_run(twice, dir.path + "/out"));
  CHECK(c.exit_code == 0);
  CHECK_THAT(c.err, Catch::Contains("warning: ") && Catch::Contains("task gravity is loaded twice"));
  CHECK(results(dir.path + "/out")["summary"]["tasks"] == 5);
  Child r = run_battc(dir, "refuse", demo_run(twice, dir.path + "/out2") + " --on-duplicate refuse");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("task gravity is loaded twice"));
}

TEST_CASE("a non-task JSON file in a task folder is skipped, --solutions with a folder says what it needs",
          "[cli][edges]") {
  TempDir dir("battc-edges-folder");
  fs::create_directories(dir.path + "/tasks");
  fs::copy_file(kDemo + "/gravity.json", dir.path + "/tasks/gravity.json");
  std::ofstream(dir.path + "/tasks/notes.json") << R"({"author": "me"})";
  Child c = run_battc(dir, "mixed", demo_run("'" + dir.path + "/tasks'", dir.path + "/out"));
  CHECK(c.exit_code == 0);
  CHECK_THAT(c.err, Catch::Contains("notes.json: skipped, not a task"));
  CHECK(results(dir.path + "/out")["summary"]["tasks"] == 1);

  std::ofstream(dir.path + "/solutions.json") << R"({"gravity": [[[0]]]})";
  Child s = run_battc(dir, "sol", demo_run("'" + dir.path + "/tasks'", dir.path + "/out2") + " --solutions '" +
                                      dir.path + "/solutions.json'");
  CHECK(s.exit_code == 1);
  CHECK_THAT(s.err, Catch::Contains("--solutions goes with a Kaggle challenges file"));
}

TEST_CASE("by-name pairing that pairs nothing warns", "[cli][edges]") {
  TempDir dir("battc-edges-byname");
  fs::create_directories(dir.path + "/tasks");
  fs::copy_file(kDemo + "/gravity.json", dir.path + "/tasks/zzzz0000.json");
  Child c = run_battc(dir, "n", demo_run("'" + dir.path + "/tasks'", dir.path + "/out") + " --pairing by-name");
  CHECK(c.exit_code == 0);
  CHECK_THAT(c.err, Catch::Contains("warning: --pairing by-name paired no program with any of the 1 tasks"));
}

TEST_CASE("an arena budget the machine cannot reserve is a clear error, not bad_alloc", "[cli][edges]") {
  TempDir dir("battc-edges-budget");
  // The largest budget the help accepts works: the arena is reserved, not committed.
  Child big = run_battc(dir, "big", demo_run("'" + kDemo + "'", dir.path + "/out") + " --budget-mb 65536 --jobs 2");
  CHECK(big.exit_code == 0);
  // Under a 3 GiB address-space limit it cannot even be reserved.
  if (battc::test::kAddressSanitizer) {
    std::cout << "[SKIP] under AddressSanitizer no process starts with ulimit -v\n";
    return;
  }
  Child c = run_battc(dir, "small", demo_run("'" + kDemo + "'", dir.path + "/out2") + " --budget-mb 65536",
                      "ulimit -v 3000000; ");
  CHECK(c.exit_code == 1);
  CHECK_THAT(c.err, Catch::Contains("cannot reserve 65536 MiB for an evaluation's arena (--budget-mb)"));
  CHECK_THAT(c.err, !Catch::Contains("bad_alloc"));
}

TEST_CASE("run --evaluate: which-solves-which skips after a train miss, a report or all evaluates everything",
          "[cli][evaluate]") {
  TempDir dir("battc-evaluate");
  Child a = run_battc(dir, "auto", demo_run("'" + kDemo + "'", dir.path + "/auto"));
  REQUIRE(a.exit_code == 0);
  auto ja = results(dir.path + "/auto");
  CHECK(ja["summary"]["evaluation"] == "until-train-fails");
  CHECK(ja["summary"]["skipped"].get<int>() > 0);
  CHECK_THAT(a.out, Catch::Contains("skipped: "));
  // One line of programs, one of time.
  auto count = [&](const std::string& line_start) {
    std::size_t n = 0;
    for (std::size_t at = 0; (at = a.out.find(line_start, at)) != std::string::npos; ++at)
      n += at == 0 || a.out[at - 1] == '\n';
    return n;
  };
  CHECK(count("programs: ") == 1);
  CHECK(count("time: ") == 1);
  CHECK_THAT(a.out, Catch::Contains("programs: 5 accepted (0 differs), 0 rejected, 5 solve a task"));
  Child all = run_battc(dir, "all", demo_run("'" + kDemo + "'", dir.path + "/all") + " --evaluate all");
  REQUIRE(all.exit_code == 0);
  auto jl = results(dir.path + "/all");
  CHECK(jl["summary"]["evaluation"] == "all");
  CHECK(jl["summary"]["skipped"] == 0);
  CHECK(ja["summary"]["tasks_solved"] == jl["summary"]["tasks_solved"]);
  CHECK(ja["summary"]["evaluations"].get<int>() + ja["summary"]["skipped"].get<int>() ==
        jl["summary"]["evaluations"].get<int>());
  // "skipped" where the full run has a status, and nothing else differs:
  // battc diff compares the rest.
  Child d = run_battc(dir, "diff", "diff '" + dir.path + "/auto' '" + dir.path + "/all'");
  CHECK(d.exit_code == 0);
  CHECK_THAT(d.out, Catch::Contains("not compared: ") && Catch::Contains("equal: "));
  Child h = run_battc(dir, "html", demo_run("'" + kDemo + "'", dir.path + "/html") + " --html");
  REQUIRE(h.exit_code == 0);
  CHECK(results(dir.path + "/html")["summary"]["evaluation"] == "all");
}

TEST_CASE("Ctrl-C stops a run cleanly: what was evaluated is written, marked partial", "[cli][edges][interrupt]") {
  TempDir dir("battc-edges-interrupt");
  // 400 tasks of 30x30 grids and a program that pairs every cell with every
  // other (810,000 pairs per sample): many seconds on one core, even on a
  // fast machine, so the signal at 3 s meets the evaluation.
  fs::create_directories(dir.path + "/tasks");
  std::string row = "[", grid = "[";
  for (int j = 0; j < 30; ++j) row += (j ? ",1" : "1");
  row += "]";
  for (int i = 0; i < 30; ++i) grid += (i ? "," : "") + row;
  grid += "]";
  for (int t = 0; t < 400; ++t) {
    char id[16];
    std::snprintf(id, sizeof id, "t%03d", t);
    std::ofstream(dir.path + "/tasks/" + id + ".json")
        << R"({"train": [{"input": )" << grid << R"(, "output": )" << grid << R"(}], "test": [{"input": )" << grid
        << R"(, "output": )" << grid << "}]}";
  }
  std::ofstream(dir.path + "/slow.py") << "def solve_slow(I):\n    x1 = asindices(I)\n    x2 = prapply(astuple, x1, x1)\n"
                                          "    x3 = size(x2)\n    x4 = greater(x3, ZERO)\n    O = branch(x4, I, I)\n"
                                          "    return O\n";
  std::string run = "run --quiet --jobs 1 --tasks '" + dir.path + "/tasks' --programs '" + dir.path + "/slow.py'";
  // Compile first (one task), so that the signal meets the evaluation.
  REQUIRE(run_battc(dir, "warm", run + " --task t000 --out '" + dir.path + "/warm'").exit_code == 0);
  // SIGINT one second after battc has chosen its engine (the compile is
  // cached, so it is evaluating by then), however loaded the machine is.
  std::string script = dir.path + "/interrupt.sh";
  std::ofstream(script) << "\"$@\" & pid=$!\n"
                           "for i in $(seq 1 1200); do grep -q 'engine ' '" << dir.path << "/int.err' 2>/dev/null && break; "
                           "sleep 0.05; done\n"
                           "sleep 1; kill -INT $pid; wait $pid\n";
  std::string quiet_free = run.substr(0, run.find(" --quiet")) + run.substr(run.find(" --quiet") + 8);
  Child c = run_battc(dir, "int", quiet_free + " --out '" + dir.path + "/out'", "exec sh '" + script + "' env ");
  INFO(c.err);
  CHECK(c.exit_code == 130);
  CHECK_THAT(c.out, Catch::Contains("PARTIAL: the run was interrupted") && Catch::Contains("(partial: "));
  auto j = results(dir.path + "/out");
  CHECK(j["summary"]["partial"] == true);
  CHECK(j["summary"]["evaluations"].get<int>() > 0);
  CHECK(j["summary"]["evaluations"].get<int>() < 800);
}
