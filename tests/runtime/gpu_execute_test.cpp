// tests/runtime/gpu_execute_test.cpp: the GPU executor on the stand-in device
// (tests/runtime/host_device.h), which runs the mini unit's host entry points
// under the CUDA kernels' contract. Whatever the batching, the number of
// devices or the arena left on the device, the result must be the CPU
// executor's: the same records, grids and texts, and the same dump.
#include <catch2/catch.hpp>

#include <atomic>

#include <sstream>

#include "runtime/exec/device_image.h"
#include "runtime/exec/execute.h"
#include "runtime/exec/gpu_execute.h"
#include "runtime/score/dump_writer.h"
#include "tests/runtime/host_device.h"
#include "tests/runtime/mini_batt_fixture.h"

using namespace battc::runtime;
using namespace battc::test;

namespace {

std::vector<Task> some_tasks() {
  std::vector<Task> tasks;
  tasks.push_back(mirror_task("one", {grid({{1, 2}, {3, 4}})}, {grid({{5, 6}}), grid({{7}, {8}})}));
  tasks.push_back(mirror_task("two", {grid({{1}}), grid({{2, 3}})}, {grid({{4}, {5}})}, false));
  tasks.push_back(mirror_task("three", {grid({{1, 1, 2}}), grid({{0}}), grid({{3, 3}, {4, 4}})},
                              {grid({{9, 8}, {7, 6}}), grid({{5}})}));
  for (int i = 0; i < 5; ++i)
    tasks.push_back(mirror_task("more" + std::to_string(i), {grid({{i, i + 1}})}, {grid({{i}, {i}})}, i % 2 == 0));
  return tasks;
}

ExecOptions options(bool dump) {
  ExecOptions o;
  o.pairing = Pairing::All;
  o.jobs = 2;
  o.dump = dump;
  return o;
}

// Memory kept back off; what is there is what the test gives the device.
GpuExecOptions small_gpu(std::uint64_t item_arena = 64 << 10) {
  GpuExecOptions g;
  g.item_arena_bytes = item_arena;
  g.prologue_arena_bytes = 64 << 10;
  g.memory.margin = 0;
  g.memory.reserve_bytes = 0;
  return g;
}

std::string dump_of(const RunResult& r) {
  std::ostringstream out;
  write_dump(out, r);
  return out.str();
}

// Record by record, then the dump.
void require_same(const RunResult& gpu, const RunResult& cpu) {
  REQUIRE(gpu.programs == cpu.programs);
  REQUIRE(gpu.tasks.size() == cpu.tasks.size());
  for (std::size_t t = 0; t < cpu.tasks.size(); ++t) {
    REQUIRE(gpu.tasks[t].want == cpu.tasks[t].want);
    REQUIRE(gpu.tasks[t].samples.size() == cpu.tasks[t].samples.size());
    for (std::size_t s = 0; s < cpu.tasks[t].samples.size(); ++s) {
      const SampleResult &g = gpu.tasks[t].samples[s], &c = cpu.tasks[t].samples[s];
      INFO("task " << cpu.tasks[t].id << " sample " << c.name());
      REQUIRE(g.evals.size() == c.evals.size());
      for (std::size_t p = 0; p < c.evals.size(); ++p) {
        INFO("program " << cpu.programs[p]);
        CHECK(int(g.evals[p].status) == int(c.evals[p].status));
        CHECK(int(g.evals[p].flags & ~EvalRecord::kRerun) == int(c.evals[p].flags & ~EvalRecord::kRerun));
        CHECK(g.evals[p].grid == c.evals[p].grid);
      }
      CHECK(g.grids == c.grids);
      CHECK(g.texts == c.texts);
    }
  }
  CHECK(gpu.evaluations == cpu.evaluations);
  CHECK(dump_of(gpu) == dump_of(cpu));
}

}  // namespace

TEST_CASE("gpu executor: one device, everything in one launch, equals the CPU executor", "[exec][gpu_exec]") {
  auto tasks = some_tasks();
  for (bool dump : {false, true}) {
    INFO("dump " << dump);
    ExecOptions o = options(dump);
    HostDevice dev(mini_batt(), 64 << 20);
    GpuRunStats stats;
    RunResult g = execute_on_devices({&dev}, mini_batt(), tasks, o, small_gpu(), &stats);
    require_same(g, execute(mini_batt(), tasks, o));
    CHECK(dev.prologue_launches == std::vector<int>{8});
    CHECK(dev.eval_launches == std::vector<int>{21});
    CHECK(stats.devices == 1);
    CHECK(stats.items == 21);
    CHECK(stats.fallback_evaluations == 0);
    CHECK(g.batt_calls == 21);
  }
}

TEST_CASE("gpu executor: little device memory means several rounds and launches, same result", "[exec][gpu_exec]") {
  auto tasks = some_tasks();
  ExecOptions o = options(true);
  GpuExecOptions gpu = small_gpu();
  // Room for the packed tasks, two prologues and two items at a time.
  std::vector<const Task*> ptrs;
  for (const Task& t : tasks) ptrs.push_back(&t);
  std::uint64_t fixed = pack_device_image(ptrs).bytes.size();
  std::uint64_t per_task = 16 + (64 << 10);  // the mini unit's prologue slot and its arena
  std::uint64_t per_item = (64 << 10) + 3 * sizeof(battc::abi::ProgramOut) + sizeof(battc::abi::CudaItem);
  HostDevice dev(mini_batt(), fixed + 2 * per_task + 2 * per_item);
  GpuRunStats stats;
  RunResult g = execute_on_devices({&dev}, mini_batt(), tasks, o, gpu, &stats);
  require_same(g, execute(mini_batt(), tasks, o));
  CHECK(stats.launches > 8);
  for (int n : dev.eval_launches) CHECK(n <= 2);
  for (int n : dev.prologue_launches) CHECK(n <= 2);
}

TEST_CASE("gpu executor: several devices split the tasks, same result", "[exec][gpu_exec]") {
  auto tasks = some_tasks();
  ExecOptions o = options(true);
  HostDevice a(mini_batt(), 64 << 20, "a"), b(mini_batt(), 64 << 20, "b"), c(mini_batt(), 64 << 20, "c");
  GpuRunStats stats;
  RunResult g = execute_on_devices({&a, &b, &c}, mini_batt(), tasks, o, small_gpu(), &stats);
  require_same(g, execute(mini_batt(), tasks, o));
  CHECK(stats.devices == 3);
  int items = 0;
  for (HostDevice* d : {&a, &b, &c}) {
    CHECK_FALSE(d->eval_launches.empty());
    for (int n : d->eval_launches) items += n;
  }
  CHECK(items == 21);
}

namespace {

// The mini unit held to the emitted units' contract where it is lax: when
// its State does not fit the arena, nothing is evaluated and every program
// says budget (templates' `if (!V) return`); a value whose text did not fit
// says budget (abi::record_value).
void strict_eval(const battc::abi::TaskIn* task, const void* prologue, const battc::abi::SampleIn* s,
                 battc::dsl::Ctx* ctx, const battc::dsl::u8* want, battc::abi::ProgramOut* out, int encode) {
  if (ctx->cap < 24) {
    for (int k = 0; k < 3; ++k) out[k] = battc::abi::ProgramOut{2, 0, 0, 0, 0, 0, battc::dsl::Grid{}, nullptr};
    return;
  }
  mini_batt().eval(task, prologue, s, ctx, want, out, encode);
  for (int k = 0; k < 3; ++k)
    if (encode && out[k].evaluated && out[k].status == 0 && out[k].is_grid && !out[k].text) out[k].status = 2;
}

}  // namespace

TEST_CASE("gpu executor: evaluations out of device arena are re-run on the CPU, same result", "[exec][gpu_exec]") {
  BattEntry unit{mini_batt().info, mini_batt().prologue, strict_eval, {}};
  auto tasks = some_tasks();
  // 16: no State fits (nothing evaluated on the device); 32 and 64: the
  // grids fit, and with a dump the smaller texts fit, the larger do not.
  for (std::uint64_t arena : {16u, 32u, 64u})
    for (bool dump : {false, true}) {
      INFO("item arena " << arena << ", dump " << dump);
      ExecOptions o = options(dump);
      HostDevice dev(unit, 64 << 20);
      GpuRunStats stats;
      RunResult g = execute_on_devices({&dev}, unit, tasks, o, small_gpu(arena), &stats);
      RunResult c = execute(unit, tasks, o);
      require_same(g, c);
      if (arena == 16) {
        CHECK(stats.fallback_evaluations == c.evaluations);
      } else if (dump) {  // without texts, the mini unit's grids fit in 32 bytes
        CHECK(stats.fallback_evaluations > 0);
        CHECK(stats.fallback_evaluations < c.evaluations);
      }
    }
}

namespace {

// The mini unit with solve_mirror (program 1) taken for a differ.
BattEntry mirror_as_differ() {
  static const battc::dsl::u8 differ[] = {0, 1, 0};
  static battc::abi::BattInfo info = [] {
    battc::abi::BattInfo i = *mini_batt().info;
    i.program_is_differ = differ;
    return i;
  }();
  return BattEntry{&info, mini_batt().prologue, mini_batt().eval, {}};
}

}  // namespace

TEST_CASE("gpu executor: differs keep their texts without a dump, and skip unknown outputs", "[exec][gpu_exec]") {
  // The mini unit with solve_mirror taken for a differ: its value is kept as
  // a differ's, and samples without a known output do not run it.
  BattEntry unit = mirror_as_differ();
  auto tasks = some_tasks();
  ExecOptions o = options(false);
  HostDevice dev(unit, 64 << 20);
  RunResult g = execute_on_devices({&dev}, unit, tasks, o, small_gpu());
  RunResult c = execute(unit, tasks, o);
  require_same(g, c);
  bool some_text = false;
  for (const TaskResult& t : g.tasks)
    for (const SampleResult& s : t.samples) {
      if (!s.has_expected) CHECK_FALSE(s.evals[1].evaluated());
      some_text = some_text || (!s.texts.empty() && !s.texts[1].empty());
    }
  CHECK(some_text);
}

TEST_CASE("gpu executor: work items over (sample, program group), same result", "[exec][gpu_exec]") {
  auto tasks = some_tasks();
  for (auto groups : std::vector<std::vector<std::vector<int>>>{{{0}, {1}, {2}}, {{0, 2}, {1}}, {{2, 1, 0}}}) {
    for (bool dump : {false, true}) {
      INFO("groups " << groups.size() << ", dump " << dump);
      ExecOptions o = options(dump);
      HostDevice dev(mini_batt(), 64 << 20);
      dev.set_groups(groups);
      GpuRunStats stats;
      RunResult g = execute_on_devices({&dev}, mini_batt(), tasks, o, small_gpu(), &stats);
      require_same(g, execute(mini_batt(), tasks, o));
      CHECK(stats.items == 21 * groups.size());  // every program is paired with every sample
      REQUIRE(dev.items_run.size() == stats.items);
      // One launch: the items come group by group, each asking all its programs.
      for (std::size_t i = 0; i < dev.items_run.size(); ++i) {
        const auto& it = dev.items_run[i];
        CHECK(it.mask == (std::uint64_t(1) << groups[std::size_t(it.group)].size()) - 1);
        if (i > 0) CHECK(dev.items_run[i - 1].group <= it.group);
      }
    }
  }
  HostDevice dev(mini_batt(), 64 << 20, "a"), other(mini_batt(), 64 << 20, "b");
  CHECK_THROWS_WITH(dev.set_groups({{0, 1}}), Catch::Contains("leave programs out"));
  other.set_groups({{0}, {1, 2}});
  CHECK_THROWS_WITH(execute_on_devices({&dev, &other}, mini_batt(), tasks, options(false), small_gpu()),
                    Catch::Contains("b: its unit's program groups are not those of a"));
}

TEST_CASE("gpu executor: an item asks only the programs paired with its sample", "[exec][gpu_exec]") {
  // solve_mirror taken for a differ, in a group of its own and in a group
  // with another program: on a sample without a known output, its group's
  // item is not made at all, or asks the other program only.
  BattEntry unit = mirror_as_differ();
  auto tasks = some_tasks();
  std::size_t unknown = 0, samples = 0;
  for (const Task& t : tasks) {
    samples += t.train.size() + t.test.size();
    for (const Sample& s : t.test) unknown += !s.output.has_value();
  }
  REQUIRE(unknown > 0);
  for (auto groups : std::vector<std::vector<std::vector<int>>>{{{0}, {1}, {2}}, {{0, 1}, {2}}}) {
    HostDevice dev(unit, 64 << 20);
    dev.set_groups(groups);
    GpuRunStats stats;
    RunResult g = execute_on_devices({&dev}, unit, tasks, options(false), small_gpu(), &stats);
    require_same(g, execute(unit, tasks, options(false)));
    if (groups.size() == 3) {
      CHECK(stats.items == 3 * samples - unknown);
    } else {
      CHECK(stats.items == 2 * samples);
      std::size_t partial = 0;
      for (const auto& it : dev.items_run) partial += it.group == 0 && it.mask == 1;
      CHECK(partial == unknown);
    }
  }
}

TEST_CASE("gpu executor: pairing by name leaves unpaired tasks off the device", "[exec][gpu_exec]") {
  auto tasks = some_tasks();
  tasks[0].id = "mirror";  // solve_mirror's task
  ExecOptions o = options(true);
  o.pairing = Pairing::ByName;
  HostDevice dev(mini_batt(), 64 << 20);
  RunResult g = execute_on_devices({&dev}, mini_batt(), tasks, o, small_gpu());
  require_same(g, execute(mini_batt(), tasks, o));
  CHECK(dev.prologue_launches == std::vector<int>{1});
  CHECK(dev.eval_launches == std::vector<int>{3});
}

TEST_CASE("gpu executor: clear errors for a foreign unit and too little memory", "[exec][gpu_exec]") {
  auto tasks = some_tasks();
  ExecOptions o = options(false);
  SECTION("the CUDA unit is not the host unit's batt") {
    HostDevice dev(mini_batt(), 64 << 20, "dev0");
    dev.programs_override = 4;
    CHECK_THROWS_WITH(execute_on_devices({&dev}, mini_batt(), tasks, o, small_gpu()),
                      "dev0: the CUDA unit has 4 programs, the host unit 3 (not the same batt)");
  }
  SECTION("not even one task and one item fit") {
    HostDevice dev(mini_batt(), 4096, "dev0");
    CHECK_THROWS_WITH(execute_on_devices({&dev}, mini_batt(), tasks, o, small_gpu()),
                      Catch::StartsWith("dev0: not enough free device memory"));
  }
  SECTION("no device") {
    CHECK_THROWS_WITH(execute_on_devices({}, mini_batt(), tasks, o, small_gpu()),
                      "the GPU executor was given no device");
  }
}

TEST_CASE("gpu executor: a stop request ends the run partial before its next round", "[exec][gpu_exec]") {
  auto tasks = some_tasks();
  ExecOptions o = options(false);
  std::atomic<bool> stop{true};
  o.stop = &stop;
  HostDevice dev(mini_batt(), 64 << 20);
  GpuRunStats stats;
  RunResult g = execute_on_devices({&dev}, mini_batt(), tasks, o, small_gpu(), &stats);
  CHECK(g.partial);
  CHECK(stats.rounds == 0);
  CHECK(g.evaluations == 0);
  stop = false;
  CHECK_FALSE(execute_on_devices({&dev}, mini_batt(), tasks, o, small_gpu(), &stats).partial);
}
