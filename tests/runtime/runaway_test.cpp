// tests/runtime/runaway_test.cpp: a runaway program (a huge range, a huge
// canvas, a grid doubled 900 times) ends with status `budget` and holds up
// nothing: the other programs of the batt, sharing its samples, are ok and
// right. Runs the whole path: pipeline, host JIT, executor.
#include <catch2/catch.hpp>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "generator/pipeline.h"
#include "runtime/exec/execute.h"
#include "runtime/jit/compile_host.h"
#include "runtime/tasks/load_tasks.h"

namespace fs = std::filesystem;
using namespace battc::runtime;

TEST_CASE("runaway programs end as budget and hold up nothing", "[exec][budget]") {
  battc::generator::PipelineOptions po;
  po.program_files = {std::string(BATTC_SOURCE_DIR) + "/tests/data/programs/runaway.py"};
  auto g = battc::generator::run_pipeline(po);
  INFO(g->diags.render(g->sources));
  REQUIRE(g->report.rejected == 0);

  std::string dir = (fs::temp_directory_path() / "battc-runaway-XXXXXX").string();
  REQUIRE(mkdtemp(dir.data()) != nullptr);
  jit::JitOptions jo;
  jo.cache_dir = dir;
  auto loaded = jit::compile_host(jit::EmittedUnit{"runaway", g->unit}, jo);
  if (!loaded) FAIL(loaded.error().what());

  std::vector<Task> tasks = load_tasks(fs::path(BATTC_SOURCE_DIR) / "tasks/demo/mirror_rows.json");
  ExecOptions eo;
  eo.pairing = Pairing::All;
  eo.arena_bytes = 64 * kMiB;
  eo.work_budget = 5'000'000;
  RunResult r = execute(BattEntry{loaded->info, loaded->prologue, loaded->eval, loaded->eval_group}, tasks, eo);

  auto program = [&](const std::string& name) {
    for (size_t p = 0; p < r.programs.size(); ++p)
      if (r.programs[p] == name) return int(p);
    FAIL("no program " << name);
    return -1;
  };
  for (const SampleResult& s : r.tasks[0].samples) {
    INFO(s.name());
    for (const char* runaway : {"solve_huge_interval", "solve_huge_canvas", "solve_power_grows"}) {
      INFO(runaway);
      CHECK(s.evals[program(runaway)].st() == battc::dsl::Status::Budget);
    }
    CHECK(s.evals[program("solve_fine_mirror")].ok());
    CHECK(s.evals[program("solve_fine_mirror")].matches());  // the demo task is vmirror
    CHECK(s.evals[program("solve_fine_shared")].ok());
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}
