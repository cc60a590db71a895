// tests/runtime/cli_usage_test.cpp: usage errors as a user meets them (the
// battc binary as a child process): exit 2, and a suggestion for a mistyped
// subcommand or flag; --help shows defaults; one exit-code rule across the
// subcommands.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/test_support.h"

using battc::test::Child;
using battc::test::run_battc;
using battc::test::TempDir;

TEST_CASE("a mistyped subcommand or flag exits 2 and gets a suggestion", "[cli][usage]") {
  TempDir dir("battc-usage");
  Child sub = run_battc(dir, "sub", "rn");
  CHECK(sub.exit_code == 2);
  CHECK_THAT(sub.err, Catch::Contains("battc: did you mean 'run'?"));
  Child flag = run_battc(dir, "flag", "run --taks x");
  CHECK(flag.exit_code == 2);
  CHECK_THAT(flag.err, Catch::Contains("battc: did you mean '--tasks'?"));
  Child far = run_battc(dir, "far", "zzzzzzzz");
  CHECK(far.exit_code == 2);
  CHECK(far.err.find("did you mean") == std::string::npos);
}

TEST_CASE("run's --help shows the defaults", "[cli][usage]") {
  TempDir dir("battc-help");
  Child help = run_battc(dir, "help", "run --help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--budget-mb UINT:UINT in [1 - 65536]=256"));
  CHECK_THAT(help.out, Catch::Contains("--pairing TEXT:{all,by-name}=all"));
}

TEST_CASE("primitives lists either dialect's primitives, or its constants", "[cli][usage]") {
  TempDir dir("battc-primitives");
  Child arc = run_battc(dir, "arc", "primitives");
  CHECK(arc.exit_code == 0);
  CHECK_THAT(arc.out, Catch::Contains("160 primitives (arc-dsl)"));
  CHECK(arc.out.find("o_g ") == std::string::npos);
  Child tk = run_battc(dir, "tk", "primitives --dialect tokpidjin");
  CHECK(tk.exit_code == 0);
  CHECK_THAT(tk.out, Catch::Contains("o_g ") && Catch::Contains("primitives (tokpidjin)"));
  Child consts = run_battc(dir, "c", "primitives --constants");
  CHECK(consts.exit_code == 0);
  CHECK_THAT(consts.out, Catch::Contains("THREE_BY_THREE   (3, 3)") && Catch::Contains("T                True"));
  CHECK(consts.out.find("BURGUNDY") == std::string::npos);
  Child tk_consts = run_battc(dir, "tc", "primitives --constants --dialect tokpidjin --json");
  CHECK(tk_consts.exit_code == 0);
  CHECK_THAT(tk_consts.out, Catch::Contains(R"("name": "BURGUNDY")") && Catch::Contains(R"("value": "9")"));
}

// 0 done, 1 bad input (a missing or unwritable file, whichever flag names it),
// 2 usage (an unknown flag, a value out of range), on every subcommand.
// (battc diff keeps diff(1)'s rule: 1 means the runs differ, 2 trouble.)
TEST_CASE("every subcommand exits 1 on bad input and 2 on bad usage", "[cli][usage]") {
  TempDir dir("battc-exit-codes");
  const std::string missing = dir.path + "/no-such-file.py", programs = std::string(BATTC_SOURCE_DIR) + "/tasks/demo/programs.py";
  for (const char* sub : {"run", "check", "generate", "compile", "tasks", "primitives", "doctor", "report", "diff",
                          "search", "store export"}) {
    Child c = run_battc(dir, "flag", std::string(sub) + " --no-such-flag");
    INFO(sub << ": " << c.err);
    CHECK(c.exit_code == 2);
  }
  struct Case {
    const char* name;
    std::string args;
  };
  const std::vector<Case> bad_input = {
      {"run programs", "run --tasks " + dir.path + " --programs " + missing},
      {"run tasks", "run --tasks " + missing + " --programs " + programs},
      {"check", "check --programs " + missing},
      {"generate", "generate --programs " + missing},
      {"compile", "compile --programs " + missing},
      {"tasks", "tasks --tasks " + missing},
      {"report", "report " + dir.path + "/no-such-folder"},
      {"search", "search --tasks " + missing + " --programs " + programs + " --store " + dir.path + "/s.db --rounds 1"},
      {"store export", "store export --store " + dir.path + "/no-such.db -o " + dir.path + "/k.py"},
      {"run task file", "run --tasks " + dir.path + " --programs " + programs + " --task-file " + missing},
      {"generate unwritable", "generate --programs " + programs + " -o " + dir.path + "/no-such-folder/unit.cpp"},
  };
  for (const Case& k : bad_input) {
    Child c = run_battc(dir, "input", k.args);
    INFO(k.name << ": " << c.err);
    CHECK(c.exit_code == 1);
    CHECK_THAT(c.err, Catch::StartsWith("battc: error: ") || Catch::Contains("\nbattc: error: "));
  }
  Child range = run_battc(dir, "range", "run --budget-mb 0");
  CHECK(range.exit_code == 2);
  Child ok = run_battc(dir, "ok", "check --programs " + programs);
  CHECK(ok.exit_code == 0);
}
