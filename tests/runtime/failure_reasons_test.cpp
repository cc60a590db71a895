// tests/runtime/failure_reasons_test.cpp: a failed evaluation names its
// statement and reason, through the real generated code on both CPU engines:
// the first failing statement in program order (not a later one that only
// saw its operand fail), the primitive's reason, and where the statement was
// written, nested calls included.
#include <catch2/catch.hpp>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "runtime/api/run_batt.h"
#include "runtime/tasks/load_tasks.h"

namespace fs = std::filesystem;
using namespace battc::runtime;
using battc::dsl::Status;
using battc::dsl::Why;

namespace {

const char* kPrograms =
    "def solve_empty(I):\n"           // line 1
    "    x1 = ofcolor(I, 11)\n"       // 2: no cell has colour 11
    "    x2 = first(x1)\n"            // 3: fails: empty container
    "    O = fill(I, 1, x2)\n"        // 4: its operand failed
    "    return O\n"
    "\n"
    "\n"
    "def solve_nested(I):\n"          // 8
    "    return fill(I, divide(1, subtract(2, 2)), ofcolor(I, 0))\n"  // 9: divide by zero, in a nested call
    "\n"
    "\n"
    "def solve_ok(I):\n"
    "    return vmirror(I)\n";

void check_engine(api::Engine engine) {
  std::string dir_pattern = (fs::temp_directory_path() / "battc-reasons-XXXXXX").string();
  REQUIRE(mkdtemp(dir_pattern.data()) != nullptr);
  fs::path dir = dir_pattern;
  api::RunRequest req;
  req.tasks = load_tasks(fs::path(BATTC_SOURCE_DIR) / "tasks" / "demo");
  req.programs.texts.push_back({"reasons.py", kPrograms});
  req.engine = engine;
  req.exec.pairing = Pairing::All;
  req.jit.cache_dir = (dir / "cache").string();
  {
    auto outcome = api::run_batt(std::move(req));
    if (!outcome.ok()) FAIL(outcome.error().message);
    const RunResult& r = outcome->result;
    REQUIRE(r.statements.size() == r.programs.size());
    int checked = 0;
    for (std::size_t p = 0; p < r.programs.size(); ++p) {
      INFO(r.programs[p]);
      for (const TaskResult& t : r.tasks)
        for (const SampleResult& s : t.samples) {
          const EvalRecord& e = s.evals[p];
          if (!e.evaluated()) continue;
          ++checked;
          if (r.programs[p] == "solve_ok") {
            CHECK(e.ok());
            continue;
          }
          REQUIRE(e.st() == Status::Error);
          const StatementSite& site = r.statements[p].at(e.stmt);
          if (r.programs[p] == "solve_empty") {
            CHECK(e.reason() == Why::Empty);
            CHECK(site.at == "reasons.py:3");
            CHECK(site.callee == "first");
          } else {
            CHECK(e.reason() == Why::Divide);
            CHECK(site.at == "reasons.py:9");
            CHECK(site.callee == "divide");
          }
        }
    }
    CHECK(checked > 0);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace

TEST_CASE("a failed evaluation names its first failing statement and the reason (unit)", "[exec][reasons][jit]") {
  check_engine(api::Engine::Unit);
}

TEST_CASE("a failed evaluation names its first failing statement and the reason (specs)", "[exec][reasons][specs]") {
  check_engine(api::Engine::Specs);
}
