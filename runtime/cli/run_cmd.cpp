// runtime/cli/run_cmd.cpp: `battc run`, battc's main job: program files in,
// one batt generated, compiled (or taken from the cache), run over every
// sample of every task, scored; results.json and submission.json written.
// Without --tasks/--programs it runs the shipped demo (tasks/demo).
#include <fmt/core.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

#include "generator/pipeline.h"
#include "runtime/cli/commands.h"
#include "runtime/cli/run_gpu.h"
#include "runtime/exec/execute.h"
#include "runtime/exec/progress.h"
#include "runtime/jit/compile_host.h"
#include "runtime/score/dump_writer.h"
#include "runtime/score/results_json.h"
#include "runtime/score/score.h"
#include "runtime/score/submission.h"
#include "runtime/score/summary.h"
#include "runtime/tasks/load_tasks.h"

namespace battc::runtime {
namespace {

namespace fs = std::filesystem;

struct RunOptions {
  std::vector<std::string> tasks;
  std::string solutions;
  std::vector<std::string> programs;
  std::vector<std::string> disabled;
  std::string dialect = "auto";
  std::string pairing = "all";
  std::string backend = "auto";
  unsigned jobs = 0;
  std::string out = "battc_out";
  std::string dump;
  std::string timing_json;
  unsigned budget_mb = 256;
  unsigned gpu_arena_mb = 16;
  std::string cache_dir;
  std::vector<std::string> cxx_flags;
  bool quiet = false;
  bool list_solved = false;
};

// The demo that ships with battc: tasks/demo in the source tree, or
// $BATTC_DEMO_DIR for a relocated install.
fs::path demo_dir() {
  if (const char* d = std::getenv("BATTC_DEMO_DIR")) return d;
  return fs::path(BATTC_DEMO_DIR);
}

double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int fail(const std::string& what) {
  fmt::print(stderr, "battc: error: {}\n", what);
  return 1;
}

int run(RunOptions o) {
  // The backend first, so that a missing GPU is the only thing said: the GPU
  // when asked for (or, with auto, when one is usable).
  const GpuAvailability* gpu = nullptr;
  if (o.backend != "cpu") {
    const GpuAvailability& a = gpu_availability();
    if (a.usable()) {
      gpu = &a;
    } else if (o.backend == "cuda") {
      fmt::print(stderr, "battc: error: --backend cuda: no usable GPU: {}\n", a.why);
      return 2;
    } else if (!o.quiet) {
      fmt::print(stderr, "battc: backend auto: using the CPU (no usable GPU: {})\n", a.why);
    }
  }

  if (o.tasks.empty() && o.programs.empty()) {
    o.tasks = {demo_dir().string()};
    o.programs = {(demo_dir() / "programs.py").string()};
    if (!o.quiet) fmt::print(stderr, "battc: no --tasks/--programs given: running the demo in {}\n", demo_dir().string());
  } else if (o.tasks.empty() || o.programs.empty()) {
    return fail("give both --tasks and --programs (or neither, for the demo)");
  }

  // tasks
  std::vector<Task> tasks;
  try {
    std::vector<fs::path> paths(o.tasks.begin(), o.tasks.end());
    tasks = load_tasks(paths);
    if (!o.solutions.empty()) apply_solutions(tasks, o.solutions);
  } catch (const std::exception& e) {
    return fail(e.what());
  }

  // generate
  generator::PipelineOptions po;
  po.program_files = o.programs;
  po.disabled_passes = {o.disabled.begin(), o.disabled.end()};
  po.dialect = generator::parse_dialect(o.dialect);  // "auto": each program's own
  auto g = generator::run_pipeline(po);
  std::string diags = g->diags.render(g->sources);
  if (!diags.empty()) fmt::print(stderr, "{}", diags);
  if (g->report.programs == 0) return fail("no program was accepted");

  // compile
  auto t0 = std::chrono::steady_clock::now();
  jit::JitOptions jo;
  if (!o.cache_dir.empty()) jo.cache_dir = o.cache_dir;
  jo.extra_flags = o.cxx_flags;
  if (!o.quiet) fmt::print(stderr, "battc: compiling {} programs ({} values)...\n", g->report.programs, g->report.nodes);
  auto loaded = jit::compile_host(jit::EmittedUnit{"batt", g->unit}, jo);
  if (!loaded.ok()) return fail(loaded.error().what());
  double compile_host_s = since(t0), compile_cuda_s = 0;
  // The GPU runs the CUDA unit; the host unit stays for the CPU re-runs.
  std::optional<GpuUnits> units;
  if (gpu) {
    auto u = compile_gpu_units(*g, *gpu, jo.cache_dir);
    if (!u.ok()) {
      if (o.backend == "cuda") return fail("--backend cuda: " + u.error().what());
      if (!o.quiet)
        fmt::print(stderr, "battc: backend auto: using the CPU (the CUDA unit did not compile: {}: {})\n",
                   u.error().stage, u.error().message);
      gpu = nullptr;
    } else {
      units = std::move(u.value());
      compile_cuda_s = units->seconds;
    }
  }
  double compile_s = since(t0);
  bool cache_hit = loaded->cache_hit && (!units || units->all_hits);

  // run
  ExecOptions eo;
  eo.pairing = o.pairing == "by-name" ? Pairing::ByName : Pairing::All;
  eo.jobs = o.jobs;
  eo.arena_bytes = std::uint64_t(o.budget_mb) * kMiB;
  eo.dump = !o.dump.empty();
  ProgressReporter progress(ProgressReporter::mode_for(stderr, o.quiet));
  eo.progress = [&](std::size_t done, std::size_t total) { progress(done, total); };
  t0 = std::chrono::steady_clock::now();
  RunResult result;
  GpuRunStats gpu_stats;
  try {
    BattEntry entry{loaded->info, loaded->prologue, loaded->eval};
    if (gpu) {
      GpuExecOptions go;
      go.item_arena_bytes = std::uint64_t(o.gpu_arena_mb) * kMiB;
      result = run_on_gpus(*gpu, *units, entry, tasks, eo, go, &gpu_stats);
    } else {
      result = execute(entry, tasks, eo);
    }
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  progress.finish();
  double run_s = since(t0);

  // score and write
  Scores scores = score(result);
  RunSummary summary = summarize_run(result, scores);
  try {
    fs::create_directories(o.out);
    write_results_file(fs::path(o.out) / "results.json", result, scores, summary);
    write_submission_file(fs::path(o.out) / "submission.json", result, scores);
    if (!o.dump.empty()) write_dump_file(o.dump, result);
    if (!o.timing_json.empty()) {
      nlohmann::ordered_json t = {{"phases",
                                   {{"parse", g->report.parse_s},
                                    {"typecheck", g->report.typecheck_s},
                                    {"generate", g->report.generate_s},
                                    {"compile", compile_s},
                                    {"run", run_s}}},
                                  {"backend", gpu ? "cuda" : "cpu"},
                                  {"compile_split", {{"host", compile_host_s}, {"cuda", compile_cuda_s}}},
                                  {"evaluations", result.evaluations},
                                  {"compile_cache_hit", cache_hit}};
      if (gpu)
        t["gpu"] = {{"devices", gpu_stats.devices},
                    {"rounds", gpu_stats.rounds},
                    {"launches", gpu_stats.launches},
                    {"items", gpu_stats.items},
                    {"fallback_evaluations", gpu_stats.fallback_evaluations},
                    {"fallback_samples", gpu_stats.fallback_samples},
                    {"bytes_up", gpu_stats.bytes_up},
                    {"bytes_down", gpu_stats.bytes_down},
                    {"device_seconds", gpu_stats.device_seconds},
                    {"cpu_rerun_seconds", gpu_stats.cpu_seconds}};
      std::ofstream(o.timing_json) << t.dump(2) << "\n";
    }
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  fmt::print("{}", render_summary(summary, o.list_solved));
  fmt::print("programs: {} accepted, {} rejected\n", g->report.programs, g->report.rejected);
  if (gpu)
    fmt::print("gpu: {} device(s), {} launch(es) over {} samples; {} evaluations in {} samples re-run on the CPU\n",
               gpu_stats.devices, gpu_stats.launches, gpu_stats.items, gpu_stats.fallback_evaluations,
               gpu_stats.fallback_samples);
  fmt::print("time: parse {:.2f} s, typecheck {:.2f} s, generate {:.2f} s, compile {:.2f} s{}, run {:.2f} s\n",
             g->report.parse_s, g->report.typecheck_s, g->report.generate_s, compile_s,
             cache_hit ? " (cache hit)" : "", run_s);
  fmt::print("wrote {}/results.json and {}/submission.json\n", o.out, o.out);
  return 0;
}

}  // namespace

void add_run_command(CLI::App& app) {
  static RunOptions o;
  auto* cmd = app.add_subcommand("run", "Generate, compile and run programs over tasks; score them (the demo without arguments)");
  cmd->add_option("--tasks", o.tasks, "Task folder, task file or Kaggle challenges file");
  cmd->add_option("--solutions", o.solutions, "Kaggle solutions file for a challenges file")->check(CLI::ExistingFile);
  cmd->add_option("--programs", o.programs, "Program files")->check(CLI::ExistingFile);
  cmd->add_option("--pairing", o.pairing, "all: every program on every task; by-name: solve_<id> on task <id>")
      ->check(CLI::IsMember({"all", "by-name"}));
  cmd->add_option("--backend", o.backend, "cpu, cuda (exit 2 without a usable GPU) or auto (the GPU when usable)")->check(CLI::IsMember({"cpu", "cuda", "auto"}));
  cmd->add_option("--jobs", o.jobs, "Worker threads (default: all cores)");
  cmd->add_option("--out", o.out, "Folder for results.json and submission.json")->capture_default_str();
  cmd->add_option("--dump-outputs", o.dump, "Write every evaluation as JSON lines (canonical_ref.py's format)");
  cmd->add_option("--timing-json", o.timing_json, "Write the time of each phase as JSON");
  cmd->add_option("--budget-mb", o.budget_mb, "Arena megabytes per evaluation")->capture_default_str()->check(CLI::Range(1u, 65536u));
  cmd->add_option("--gpu-arena-mb", o.gpu_arena_mb, "Arena megabytes per evaluation on the GPU (capped at --budget-mb)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 65536u));
  cmd->add_option("--cache-dir", o.cache_dir, "Compiled-unit cache (default: $BATTC_CACHE_DIR or ~/.cache/battc)");
  cmd->add_option("--cxx-flag", o.cxx_flags, "Extra flag for the host compiler (after -O1 ...; repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--disable-pass", o.disabled, "Turn a generator pass off")->check(CLI::IsMember(generator::pass_names()));
  add_dialect_option(cmd, o.dialect);
  cmd->add_flag("-q,--quiet", o.quiet, "No progress output");
  cmd->add_flag("--list-solved", o.list_solved, "List the programs solving each task");
  cmd->callback([] { set_exit_code(run(o)); });
}

}  // namespace battc::runtime
