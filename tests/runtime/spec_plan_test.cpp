// tests/runtime/spec_plan_test.cpp: the spec plan (runtime/abi/spec_plan.h)
// as a device would get it. Its block is position independent (a copy
// elsewhere, as an upload makes, walks to the same outcomes); a group's phase
// holds only the values its programs need; and a statement takes a budget
// from an operand that ran out, so that a budget never turns into an error.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>

#include "generator/emit/emit_specs.h"
#include "generator/ir/program_groups.h"
#include "generator/pipeline.h"
#include "runtime/abi/spec_walk.h"
#include "runtime/exec/arena.h"
#include "runtime/exec/host_task.h"
#include "runtime/exec/spec_plan_builder.h"
#include "runtime/jit/spec_library.h"
#include "runtime/tasks/load_tasks.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
namespace abi = battc::abi;
using namespace battc::runtime;

TEST_CASE("a statement takes a budget from its operands before an error", "[specs][abi]") {
  const auto work = abi::status_byte(battc::dsl::Status::Budget, battc::dsl::Why::Work);
  const auto arena = abi::status_byte(battc::dsl::Status::Budget, battc::dsl::Why::Arena);
  const auto empty = abi::status_byte(battc::dsl::Status::Error, battc::dsl::Why::Empty);
  STATIC_REQUIRE(abi::operands_failed() == 0);
  STATIC_REQUIRE(abi::operands_failed(0, 0) == 0);
  CHECK(abi::operands_failed(0, empty) == abi::kStOperand);
  CHECK(abi::operands_failed(empty, work) == work);
  CHECK(abi::operands_failed(work, empty, arena) == work);  // the first budget
  CHECK(abi::operands_failed(abi::kStNoOutput, 0) == abi::kStOperand);
}

TEST_CASE("a spec plan walks the same from a copy, and a group holds only its values", "[specs][jit]") {
  battc::test::TempDir cache("battc-spec-plan");
  const fs::path demo = fs::path(BATTC_SOURCE_DIR) / "tasks" / "demo";
  battc::generator::PipelineOptions po;
  po.program_files = {(demo / "programs.py").string()};
  auto g = battc::generator::run_pipeline(po);
  jit::JitOptions jo;
  jo.cache_dir = cache.path;
  auto lib = jit::SpecLibrary::open(jo);
  if (!lib) FAIL(lib.error().what());
  auto ensured = lib.value()->ensure(battc::generator::batt_specs(g->batt), 2);
  if (!ensured) FAIL(ensured.error().what());
  const auto groups = battc::generator::program_groups(g->batt, 2);
  const SpecPlan plan =
      build_spec_plan(g->batt, groups, [&](const std::string& key) { return lib.value()->find(key); });

  const abi::SpecPlanHeader& h = abi::spec_header(plan.data());
  CHECK(h.version == abi::kSpecPlanVersion);
  CHECK(h.bytes == plan.bytes());
  CHECK(h.n_groups == groups.size());
  CHECK(h.n_fns == plan.fns.size());
  const abi::SpecPhase& whole = abi::spec_whole_phase(plan.data());
  CHECK(whole.n_programs == g->batt.programs().size());
  for (std::size_t k = 0; k < groups.size(); ++k) {
    const abi::SpecPhase& ph = abi::spec_group_phase(plan.data(), static_cast<int>(k));
    CHECK(ph.n_programs == groups[k].size());
    CHECK(ph.n_ops <= whole.n_ops);
  }

  // The block copied elsewhere, walked for every
  // sample of the first task: each group's outcomes are the whole batt's.
  std::vector<std::uint64_t> copy(plan.block);
  std::vector<std::uint64_t> original = plan.block;
  const void* moved = copy.data();
  const std::vector<void*> fns = plan.host_functions();
  std::vector<Task> tasks = load_tasks(demo);
  HostTask ht(tasks.front());
  Arena pro_arena(1 << 20), arena(1 << 20);
  std::vector<std::max_align_t> pro(plan.prologue_bytes / sizeof(std::max_align_t) + 1);
  battc::dsl::Ctx pc = pro_arena.ctx(60000);
  abi::spec_prologue(moved, fns.data(), ht.task_in(), pc, pro.data());
  const int n = static_cast<int>(whole.n_programs);
  for (const abi::SampleIn& s : ht.samples()) {
    std::vector<abi::ProgramOut> all(static_cast<std::size_t>(n));
    battc::dsl::Ctx c = arena.ctx(60000);
    abi::spec_eval(moved, abi::spec_whole_phase(moved), fns.data(), pro.data(), s, c, abi::WantedPrograms{nullptr},
                   all.data(), 0);
    for (std::size_t k = 0; k < groups.size(); ++k) {
      std::vector<abi::ProgramOut> out(groups[k].size());
      battc::dsl::Ctx gc = arena.ctx(60000);
      abi::spec_eval(moved, abi::spec_group_phase(moved, static_cast<int>(k)), fns.data(), pro.data(), s, gc,
                     abi::SpecMasked{~0ull}, out.data(), 0);
      for (std::size_t j = 0; j < out.size(); ++j) {
        const abi::ProgramOut& a = all[static_cast<std::size_t>(groups[k][j])];
        INFO("group " << k << ", program " << groups[k][j]);
        CHECK(out[j].evaluated == 1);
        CHECK(out[j].status == a.status);
        CHECK(out[j].why == a.why);
        CHECK(out[j].stmt == a.stmt);
        CHECK(out[j].matches == a.matches);
      }
    }
  }
  CHECK(copy == original);  // the walk only reads the plan
}
