// tests/golden/gpu_golden_test.cpp: one golden, every backend (STYLE.md 11).
// The demo programs on the demo tasks, and tests/golden/arc1's programs on
// their ARC-AGI-1 tasks, run through the GPU executor must give the CPU
// executor's dump byte for byte (which golden_programs_test checks against
// the reference).
//  - On the stand-in device (tests/runtime/host_device.h: the host unit's
//    entry points under the CUDA kernels' contract), everywhere: two devices,
//    a device arena small enough that some evaluations fall back to the CPU.
//  - On the real GPUs (CUDA unit, driver API), where one is usable; elsewhere
//    "[SKIP] no usable GPU: <why>", which CTest reports as skipped.
#include <catch2/catch.hpp>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "generator/emit/emit_host.h"
#include "generator/emit/emit_specs.h"
#include "generator/ir/program_groups.h"
#include "generator/pipeline.h"
#include "runtime/api/run_gpu.h"
#include "runtime/jit/cuda_spec_library.h"
#include "runtime/exec/execute.h"
#include "runtime/exec/gpu_execute.h"
#include "runtime/exec/spec_engine.h"
#include "runtime/jit/compile_host.h"
#include "runtime/jit/spec_library.h"
#include "runtime/score/dump_writer.h"
#include "runtime/tasks/load_tasks.h"
#include "tests/golden/source_dir.h"
#include "tests/runtime/arc_data.h"
#include "tests/runtime/host_device.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
namespace jit = battc::runtime::jit;
using namespace battc::runtime;

namespace {

const fs::path kSource = battc::test::source_dir();

std::string dump_text(const RunResult& r) {
  std::ostringstream out;
  write_dump(out, r);
  return out.str();
}

// The first differing line of two dumps, for the failure message.
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream x(a), y(b);
  std::string la, lb;
  for (int n = 1;; ++n) {
    bool ga = bool(std::getline(x, la)), gb = bool(std::getline(y, lb));
    if (!ga && !gb) return "none";
    if (la != lb || ga != gb)
      return "line " + std::to_string(n) + ":\n  gpu: " + (ga ? la : "(end)") + "\n  cpu: " + (gb ? lb : "(end)");
  }
}

// A batt generated and compiled for the host, with its cache.
struct Batt {
  battc::test::TempDir cache{"battc-gpu-golden"};
  std::unique_ptr<battc::generator::Generated> g;
  std::optional<jit::LoadedBatt> loaded;
  BattEntry entry;

  // group_size > 0: the unit also has the GPU's group code over groups of
  // that size (what the stand-in device runs).
  explicit Batt(const fs::path& programs, int group_size = 0) {
    battc::generator::PipelineOptions po;
    po.program_files = {programs.string()};
    g = battc::generator::run_pipeline(po);
    REQUIRE(g->report.rejected == 0);
    jit::JitOptions jo;
    jo.cache_dir = cache_dir();
    std::string unit = g->unit;
    if (group_size > 0) {
      battc::generator::EmitOptions eo;
      eo.groups = battc::generator::program_groups(g->batt, group_size);
      unit = battc::generator::emit_host_unit(g->batt, eo);
    }
    auto r = jit::compile_host(jit::EmittedUnit{"batt", unit}, jo);
    if (!r) FAIL(r.error().what());
    loaded = std::move(r.value());
    entry = BattEntry{loaded->info, loaded->prologue, loaded->eval, loaded->eval_group};
  }
  // $BATTC_CACHE_DIR when set (repeated runs are fast), else a fresh folder.
  std::string cache_dir() const {
    const char* env = std::getenv("BATTC_CACHE_DIR");
    return env && *env ? env : cache.path;
  }
};

ExecOptions dump_all() {
  ExecOptions o;
  o.pairing = Pairing::All;
  o.dump = true;
  return o;
}

// An item's work cap so small that most items pass it (GpuExecOptions::item_work).
constexpr std::int64_t kTinyItemWork = 300;

// Three configurations of two stand-in devices of 512 MiB (so that larger
// runs take several launches): the defaults, a tiny item arena, and a tiny
// work cap per item; under the last two evaluations must fall back to the
// CPU. `entry` runs the items by its eval_group, as a kernel does.
void run_stand_in(const char* what, const BattEntry& entry, const std::vector<Task>& tasks, const std::string& cpu,
                  std::uint64_t tiny_arena) {
  REQUIRE(entry.eval_group);
  REQUIRE(entry.info->n_groups > 0);
  const ExecOptions o = dump_all();
  const GpuExecOptions defaults;
  const std::pair<std::uint64_t, std::int64_t> configs[] = {{defaults.item_arena_bytes, defaults.item_work},
                                                            {tiny_arena, defaults.item_work},
                                                            {defaults.item_arena_bytes, kTinyItemWork}};
  for (const auto& [arena, item_work] : configs) {
    INFO(what << ", item arena " << arena << ", item work " << item_work);
    battc::test::HostDevice d0(entry, 512ull << 20, "stand-in 0"), d1(entry, 512ull << 20, "stand-in 1");
    GpuExecOptions gpu;
    gpu.item_arena_bytes = arena;
    gpu.item_work = item_work;
    gpu.memory.reserve_bytes = 0;
    GpuRunStats stats;
    std::string dev = dump_text(execute_on_devices({&d0, &d1}, entry, tasks, o, gpu, &stats));
    std::cout << "stand-in, " << what << ", arena " << (arena >> 10) << " KiB, item work " << item_work << ": "
              << stats.items << " items of " << entry.info->n_groups << " groups in " << stats.launches
              << " launches on " << stats.devices << " devices, " << stats.fallback_evaluations
              << " evaluations re-run on the CPU\n";
    INFO(first_difference(dev, cpu));
    CHECK(dev == cpu);
    if (arena == tiny_arena || item_work == kTinyItemWork) CHECK(stats.fallback_evaluations > 0);
  }
}

// The batt's spec engine, over its shapes compiled (or found) in the
// batt's cache, with the unit's program groups.
std::shared_ptr<const SpecEngine> spec_engine_of(const Batt& b) {
  jit::JitOptions jo;
  jo.cache_dir = b.cache_dir();
  auto lib = jit::SpecLibrary::open(jo);
  if (!lib) FAIL(lib.error().what());
  std::shared_ptr<jit::SpecLibrary> specs = lib.value();
  auto ensured = specs->ensure(battc::generator::batt_specs(b.g->batt), 2);
  if (!ensured) FAIL(ensured.error().what());
  std::vector<std::vector<int>> groups;
  const battc::abi::BattInfo& info = *b.entry.info;
  for (int g = 0; g < info.n_groups; ++g)
    groups.emplace_back(info.group_programs + info.group_start[g], info.group_programs + info.group_start[g + 1]);
  return SpecEngine::build(
      b.g->batt, [&specs](const std::string& key) { return specs->find(key); }, specs, groups);
}

// What the search reads of every evaluation (ExecOptions::grid_stats,
// value_hashes, completions: a value's hash, its cells right, its shape, the
// completions it makes), through the GPU executor on two stand-ins, equal to
// the CPU executor's record for record (a lone re-run's flag aside: the CPU
// fallback runs fewer programs a call).
void check_search_records(const char* what, const BattEntry& entry, const std::vector<Task>& tasks) {
  ExecOptions o;
  o.pairing = Pairing::All;
  o.grid_stats = true;
  o.value_hashes = true;
  o.completions = true;
  const RunResult cpu = execute(entry, tasks, o);
  battc::test::HostDevice d0(entry, 512ull << 20, "stand-in 0"), d1(entry, 512ull << 20, "stand-in 1");
  GpuExecOptions gpu;
  gpu.memory.reserve_bytes = 0;
  const RunResult dev = execute_on_devices({&d0, &d1}, entry, tasks, o, gpu, nullptr);
  REQUIRE(dev.tasks.size() == cpu.tasks.size());
  std::size_t compared = 0, hashed = 0, completing = 0;
  for (std::size_t t = 0; t < cpu.tasks.size(); ++t)
    for (std::size_t s = 0; s < cpu.tasks[t].samples.size(); ++s) {
      const auto& a = cpu.tasks[t].samples[s].evals;
      const auto& b = dev.tasks[t].samples[s].evals;
      REQUIRE(a.size() == b.size());
      for (std::size_t p = 0; p < a.size(); ++p) {
        INFO(what << ": task " << cpu.tasks[t].id << ", sample " << s << ", program " << p);
        const auto rerun = EvalRecord::kRerun;
        CHECK((a[p].flags & ~rerun) == (b[p].flags & ~rerun));
        CHECK(a[p].status == b[p].status);
        CHECK(a[p].why == b[p].why);
        CHECK(a[p].hash == b[p].hash);
        CHECK(a[p].cells_equal == b[p].cells_equal);
        CHECK(a[p].completes == b[p].completes);
        CHECK(a[p].fill_colours == b[p].fill_colours);
        ++compared;
        hashed += a[p].hash != 0;
        completing += a[p].completes != 0;
      }
    }
  std::cout << "stand-in, " << what << ", the search's records: " << compared << " compared, " << hashed
            << " hashed, " << completing << " completing\n";
  CHECK(hashed > 0);
}

// The device's two engines on the stand-in, each against the CPU's dump of
// the whole-batt unit: the unit's group code (groups of up to 3 programs) as
// the CUDA unit's kernel runs it, and the device specs engine (the spec
// plan's group phases walked by runtime/abi/spec_walk.h over the host's
// spec packs) in the same groups, as the spec kernels run it.
void check_stand_in(const fs::path& programs, const std::vector<Task>& tasks, std::uint64_t tiny_arena) {
  Batt b(programs, 3);
  REQUIRE(b.loaded->eval_group != nullptr);
  const std::string cpu = dump_text(execute(b.entry, tasks, dump_all()));
  run_stand_in("unit groups", b.entry, tasks, cpu, tiny_arena);
  check_search_records("unit groups", b.entry, tasks);

  auto engine = spec_engine_of(b);
  run_stand_in("device specs engine", engine->entry(), tasks, cpu, tiny_arena);
  check_search_records("device specs engine", engine->entry(), tasks);
}

void check_gpu(const fs::path& programs, const std::vector<Task>& tasks) {
  const GpuAvailability& gpus = gpu_availability();
  if (!gpus.usable()) {
    std::cout << "[SKIP] no usable GPU: " << gpus.why << "\n";
    return;
  }
  Batt b(programs);
  ExecOptions o = dump_all();
  std::string cpu = dump_text(execute(b.entry, tasks, o));
  int sms = 0;
  for (const GpuPick& pick : gpus.gpus) sms += pick.multiprocessors;
  auto groups = gpu_program_groups(b.g->batt, tasks, sms);
  auto units = compile_gpu_units(*b.g, groups, gpus, b.cache_dir());
  if (!units) FAIL(units.error().what());
  // The defaults, then a work cap per item that most items pass.
  for (std::int64_t item_work : {GpuExecOptions{}.item_work, kTinyItemWork}) {
    INFO("item work " << item_work);
    GpuExecOptions opt;
    opt.item_work = item_work;
    GpuRunStats stats;
    std::string gpu = dump_text(run_on_gpus(gpus, *units, b.entry, tasks, o, opt, &stats));
    std::cout << "GPU, item work " << item_work << ": " << stats.items << " items of " << groups.size()
              << " groups in " << stats.launches << " launches on " << stats.devices << " devices, "
              << stats.fallback_evaluations << " evaluations re-run on the CPU\n";
    INFO(first_difference(gpu, cpu));
    CHECK(gpu == cpu);
    if (item_work == kTinyItemWork) CHECK(stats.fallback_evaluations > 0);
  }
}

// The first 40 ARC-AGI-1 training tasks by file name (arc-dsl's solvers'
// golden workload).
std::vector<Task> first_training_tasks(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(root / "ARC-AGI-1" / "training"))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (files.size() > 40) files.resize(40);
  REQUIRE(files.size() == 40);
  return load_tasks(files);
}

// The ARC-AGI-1 training tasks of a golden folder (arc1, tk1).
// The device specs engine on the real GPUs: the CPU's spec library and
// engine (built with the GPU's groups), the device spec packs of the batt's
// shapes compiled (or found) and linked, then the run, equal to the CPU's
// whole-batt unit's dump; and a second run with one more program of a new
// shape, which compiles one small pack and nothing else.
void check_gpu_specs(const fs::path& programs, const std::vector<Task>& tasks) {
  const GpuAvailability& gpus = gpu_availability();
  if (!gpus.usable()) {
    std::cout << "[SKIP] no usable GPU: " << gpus.why << "\n";
    return;
  }
  Batt b(programs);
  const ExecOptions o = dump_all();
  const std::string cpu = dump_text(execute(b.entry, tasks, o));
  jit::JitOptions jo;
  jo.cache_dir = b.cache_dir();
  auto lib = jit::SpecLibrary::open(jo);
  if (!lib) FAIL(lib.error().what());
  std::shared_ptr<jit::SpecLibrary> host = lib.value();
  const unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  auto ensured = host->ensure(battc::generator::batt_specs(b.g->batt), jobs);
  if (!ensured) FAIL(ensured.error().what());
  int sms = 0;
  for (const GpuPick& pick : gpus.gpus) sms += pick.multiprocessors;
  auto engine = SpecEngine::build(
      b.g->batt, [&host](const std::string& key) { return host->find(key); }, host,
      gpu_program_groups(b.g->batt, tasks, sms));
  std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>> libs;
  auto specs = prepare_gpu_specs(b.g->batt, gpus, libs, b.cache_dir(), jobs);
  if (!specs) FAIL(specs.error().what());
  std::cout << "device specs engine: " << specs->compile.missing << " of " << specs->compile.needed
            << " shapes compiled in " << specs->compile.packs << " pack(s), " << specs->compile.seconds
            << " s; ready in " << specs->seconds << " s\n";
  for (std::int64_t item_work : {GpuExecOptions{}.item_work, kTinyItemWork}) {
    INFO("device specs engine, item work " << item_work);
    GpuExecOptions opt;
    opt.item_work = item_work;
    GpuRunStats stats;
    std::string gpu = dump_text(run_specs_on_gpus(gpus, *specs, *engine, engine->entry(), tasks, o, opt, &stats));
    std::cout << "GPU (device specs), item work " << item_work << ": " << stats.items << " items in "
              << stats.launches << " launches, " << stats.fallback_evaluations
              << " evaluations re-run on the CPU, device " << stats.device_seconds << " s\n";
    INFO(first_difference(gpu, cpu));
    CHECK(gpu == cpu);
  }
  // A new statement shape: one small pack and a link, no compile of programs.
  battc::generator::PipelineOptions po;
  po.program_files = {programs.string()};
  po.program_texts = {{"new.py", "def solve_new(I):\n    x1 = hmirror(I)\n    x2 = vconcat(I, x1)\n    O = hconcat(x2, x2)\n    return O\n"}};
  auto more = battc::generator::run_pipeline(po);
  auto again = prepare_gpu_specs(more->batt, gpus, libs, b.cache_dir(), jobs);
  if (!again) FAIL(again.error().what());
  std::cout << "one program more: " << again->compile.missing << " new shape(s) in " << again->compile.packs
            << " pack(s), NVRTC " << again->compile.seconds << " s, ready (NVRTC and link) in " << again->seconds
            << " s\n";
  CHECK(again->compile.packs <= 1);
}

std::vector<Task> golden_tasks(const fs::path& root, const char* name = "arc1") {
  std::vector<fs::path> files;
  std::ifstream in(kSource / "tests" / "golden" / name / "tasks.txt");
  for (std::string id; std::getline(in, id);)
    if (!id.empty()) files.push_back(root / "ARC-AGI-1" / "training" / (id + ".json"));
  REQUIRE_FALSE(files.empty());
  return load_tasks(files);
}

}  // namespace

TEST_CASE("demo on the stand-in device: the GPU executor's dump is the CPU's", "[golden][gpu_exec][jit]") {
  const fs::path demo = kSource / "tasks" / "demo";
  check_stand_in(demo / "programs.py", load_tasks(demo), 4 << 10);
}

TEST_CASE("arc1 on the stand-in device: the GPU executor's dump is the CPU's", "[golden][gpu_exec][jit][arc_data]") {
  auto root = battc::test::arc_data("ARC-AGI-1/training");
  if (!root) return;
  check_stand_in(kSource / "tests" / "golden" / "arc1" / "programs.py", golden_tasks(*root), 64 << 10);
}

TEST_CASE("tk1 on the stand-in device: the GPU executor's dump is the CPU's",
          "[golden][gpu_exec][jit][arc_data][tokpidjin]") {
  auto root = battc::test::arc_data("ARC-AGI-1/training");
  if (!root) return;
  check_stand_in(kSource / "tests" / "golden" / "tk1" / "programs.py", golden_tasks(*root, "tk1"), 64 << 10);
}

// Values that complete a task (a patch that fill(I, THREE, .) turns into the
// output): their completion flags and hashes through the GPU executor on the
// stand-in, by both engines, as the CPU records them.
TEST_CASE("the search's records of patches that complete: the stand-in's are the CPU's", "[golden][gpu_exec][jit]") {
  battc::test::TempDir dir("battc-gpu-completions");
  const fs::path programs = fs::path(dir.path) / "patches.py";
  std::ofstream(programs) << "def solve_a(I):\n    O = ofcolor(I, ONE)\n    return O\n\n"
                             "def solve_b(I):\n    O = ofcolor(I, TWO)\n    return O\n\n"
                             "def solve_c(I):\n    x1 = ofcolor(I, ONE)\n    O = recolor(THREE, x1)\n    return O\n\n"
                             "def solve_d(I):\n    x1 = ofcolor(I, ONE)\n    O = fill(I, THREE, x1)\n    return O\n";
  auto grid = [](int h, int w, std::vector<int> cells) { return GridData{h, w, std::move(cells)}; };
  Task t;  // cells of 1 become 3
  t.id = "recolour";
  t.train.push_back({grid(3, 3, {0, 1, 0, 0, 1, 2, 1, 0, 2}), grid(3, 3, {0, 3, 0, 0, 3, 2, 3, 0, 2})});
  t.train.push_back({grid(2, 3, {1, 1, 0, 2, 0, 1}), grid(2, 3, {3, 3, 0, 2, 0, 3})});
  t.test.push_back({grid(2, 2, {1, 0, 0, 1}), std::nullopt});
  const std::vector<Task> tasks{t};
  Batt b(programs, 2);
  check_search_records("unit groups", b.entry, tasks);
  auto engine = spec_engine_of(b);
  check_search_records("device specs engine", engine->entry(), tasks);
  const RunResult cpu = [&] {
    ExecOptions o;
    o.pairing = Pairing::All;
    o.grid_stats = o.value_hashes = o.completions = true;
    return execute(engine->entry(), tasks, o);
  }();
  CHECK(cpu.tasks[0].samples[0].evals[0].completes != 0);  // ofcolor(I, ONE) completes by fill
}

// arc-dsl's solvers.py (fetched, never in the project) on the first 40
// ARC-AGI-1 training tasks, where $BATTC_ARC_DSL_SOLVERS names the file.
TEST_CASE("arc-dsl's solvers on the stand-in device: the GPU executor's dump is the CPU's",
          "[golden][gpu_exec][jit][arc_data][arc_dsl]") {
  const char* solvers = std::getenv("BATTC_ARC_DSL_SOLVERS");
  if (!solvers || !*solvers) {
    std::cout << "[SKIP] BATTC_ARC_DSL_SOLVERS is not set (the path of arc-dsl's solvers.py)\n";
    return;
  }
  auto root = battc::test::arc_data("ARC-AGI-1/training");
  if (!root) return;
  check_stand_in(solvers, first_training_tasks(*root), 64 << 10);
}

TEST_CASE("demo on the GPU: the dump is the CPU's", "[golden][gpu][jit]") {
  const fs::path demo = kSource / "tasks" / "demo";
  check_gpu(demo / "programs.py", load_tasks(demo));
}

TEST_CASE("demo on the GPU, device specs engine: the dump is the CPU's", "[golden][gpu][device_specs][jit]") {
  const fs::path demo = kSource / "tasks" / "demo";
  check_gpu_specs(demo / "programs.py", load_tasks(demo));
}

TEST_CASE("arc1 and tk1 on the GPU, device specs engine: the dumps are the CPU's",
          "[golden][gpu][device_specs][jit][arc_data]") {
  if (!gpu_availability().usable()) {
    std::cout << "[SKIP] no usable GPU: " << gpu_availability().why << "\n";
    return;
  }
  auto root = battc::test::arc_data("ARC-AGI-1/training");
  if (!root) return;
  check_gpu_specs(kSource / "tests" / "golden" / "arc1" / "programs.py", golden_tasks(*root));
  check_gpu_specs(kSource / "tests" / "golden" / "tk1" / "programs.py", golden_tasks(*root, "tk1"));
}

TEST_CASE("arc-dsl's solvers on the GPU, device specs engine: the dump is the CPU's",
          "[golden][gpu][device_specs][jit][arc_data][arc_dsl]") {
  const char* solvers = std::getenv("BATTC_ARC_DSL_SOLVERS");
  if (!gpu_availability().usable() || !solvers || !*solvers) {
    std::cout << "[SKIP] "
              << (gpu_availability().usable() ? "BATTC_ARC_DSL_SOLVERS is not set"
                                              : "no usable GPU: " + gpu_availability().why)
              << "\n";
    return;
  }
  auto root = battc::test::arc_data("ARC-AGI-1/training");
  if (!root) return;
  check_gpu_specs(solvers, first_training_tasks(*root));
}

TEST_CASE("arc1 on the GPU: the dump is the CPU's", "[golden][gpu][jit][arc_data]") {
  if (!gpu_availability().usable()) {
    std::cout << "[SKIP] no usable GPU: " << gpu_availability().why << "\n";
    return;
  }
  auto root = battc::test::arc_data("ARC-AGI-1/training");
  if (!root) return;
  check_gpu(kSource / "tests" / "golden" / "arc1" / "programs.py", golden_tasks(*root));
}
