// runtime/api/run_batt.cpp: the stages of run_batt in order: backend, tasks,
// generate, the CPU engine (unit or specs) and the GPU unit, run, score.
#include "runtime/api/run_batt.h"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <chrono>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "generator/emit/emit_host.h"
#include "generator/emit/emit_specs.h"
#include "runtime/api/options.h"
#include "runtime/api/run_gpu.h"
#include "runtime/exec/execute.h"
#include "runtime/exec/result_skeleton.h"
#include "runtime/exec/cuda_driver.h"
#include "runtime/exec/spec_engine.h"
#include "runtime/score/dump_writer.h"
#include "runtime/tasks/load_tasks.h"

namespace fs = std::filesystem;

namespace battc::runtime::api {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Runs a stage whose exceptions are the input's or the machine's (an
// unwritable dump, an executor refusing a unit): they become Input errors,
// while battc's own bugs (InternalError) go on to the boundary (guarded).
template <class Stage>
std::optional<ApiError> input_stage(Stage&& stage) {
  try {
    stage();
    return std::nullopt;
  } catch (const InternalError&) {
    throw;
  } catch (const std::exception& e) {
    return input_error(e.what());
  }
}

// The tasks named by `ids`, in the order loaded; an unknown id is an error.
ApiResult<std::vector<Task>> select_tasks(std::vector<Task> tasks, const std::vector<std::string>& ids) {
  std::set<std::string> wanted(ids.begin(), ids.end());
  std::vector<Task> out;
  for (auto& t : tasks)
    if (wanted.erase(t.id)) out.push_back(std::move(t));
  if (!wanted.empty()) {
    std::string missing;
    for (const auto& id : wanted) missing += (missing.empty() ? "" : ", ") + id;
    return input_error("--task: no task " + missing + " among the " + std::to_string(tasks.size()) +
                       " tasks loaded");
  }
  return out;
}

// Where each program's statements were written (RunResult::statements), in
// the batt's program order, which is the run's.
std::vector<std::vector<StatementSite>> statement_sites(const generator::Generated& g, const RunResult& run) {
  std::vector<std::vector<StatementSite>> out;
  const auto& programs = g.batt.programs();
  if (programs.size() != run.programs.size()) return out;
  for (std::size_t i = 0; i < programs.size(); ++i)
    if (programs[i].name != run.programs[i]) return out;
  for (const generator::BattProgram& p : programs) {
    std::vector<StatementSite> sites;
    for (std::size_t k = 0; k < p.stmt_locs.size(); ++k) {
      const generator::SrcLoc& loc = p.stmt_locs[k];
      std::string at = loc.file >= 0 ? fmt::format("{}:{}", g.sources.path(loc.file), loc.line) : "";
      sites.push_back(StatementSite{std::move(at), p.stmt_callees[k]});
    }
    out.push_back(std::move(sites));
  }
  return out;
}

// The CPU side of a run: a BattEntry and what keeps it alive.
struct CpuEngine {
  BattEntry entry;
  std::shared_ptr<const void> keep;  // the loaded unit or the spec engine
  std::shared_ptr<const SpecEngine> specs;  // the spec engine (its plan serves the GPU too), else null
};

// The whole-batt unit, compiled or from the cache.
ApiResult<CpuEngine> unit_engine(const RunRequest& req, const generator::Generated& g, RunOutcome& out) {
  jit::JitOptions jo = req.jit;
  if (jo.parts == 0) jo.parts = req.exec.jobs;  // --jobs caps the compile's parallel parts too
  auto loaded = jit::compile_host(jit::EmittedUnit{"batt", g.unit}, jo);
  if (!loaded.ok()) return jit_failure(loaded.error(), !jo.extra_flags.empty());
  out.cache_hit = loaded->cache_hit;
  auto holder = std::make_shared<jit::LoadedBatt>(std::move(loaded.value()));
  return CpuEngine{BattEntry{holder->info, holder->prologue, holder->eval, holder->eval_group}, holder, nullptr};
}

// With no C++ compiler (prebuilt spec packs only), the shapes of `specs`
// that no pack has, each with the programs using it: the error names them.
std::optional<ApiError> shapes_without_compiler(const jit::SpecLibrary& lib, const generator::Batt& batt,
                                                const std::vector<generator::SpecDef>& specs) {
  if (lib.can_compile()) return std::nullopt;
  std::map<std::string, std::vector<std::string>> users;  // missing key -> programs
  for (const auto& d : specs)
    if (!lib.find(d.key)) users[d.key];
  if (users.empty()) return std::nullopt;
  std::vector<std::optional<std::string>> memo(batt.nodes().size());
  for (const generator::BattProgram& p : batt.programs())
    for (const std::string& k : generator::program_spec_keys(batt, p, memo))
      if (auto it = users.find(k); it != users.end() && (it->second.empty() || it->second.back() != p.name))
        it->second.push_back(p.name);
  std::string list;
  int n = 0;
  for (const auto& [key, progs] : users) {
    if (n++ == 5) break;
    std::string who = progs.size() > 3 ? fmt::format("{}, {}, {} and {} more", progs[0], progs[1], progs[2],
                                                     progs.size() - 3)
                                       : fmt::format("{}", fmt::join(progs, ", "));
    list += fmt::format("\n  '{}' (in {})", key, who);
  }
  if (users.size() > 5) list += fmt::format("\n  and {} more", users.size() - 5);
  return usage_error(fmt::format(
      "no C++ compiler here ({}), and {} statement shape(s) of these programs are not in the prebuilt spec packs "
      "({}):{}\ninstall g++ 12+ or clang 15+ (or set $CXX), or leave out the programs named",
      lib.no_compiler()->message, users.size(), lib.prebuilt_dir(), list));
}

// The batt as data over the spec library: compiles only the missing specs.
// `groups`: the GPU's program groups, for the plan the device runs too.
ApiResult<CpuEngine> spec_engine(RunRequest& req, const generator::Generated& g, RunOutcome& out,
                                 const std::vector<std::vector<int>>& groups) {
  if (!req.specs) {
    auto lib = jit::SpecLibrary::open(req.jit);
    if (!lib.ok()) return jit_failure(lib.error(), !req.jit.extra_flags.empty());
    req.specs = lib.value();
  }
  out.specs = req.specs;
  std::vector<generator::SpecDef> specs = generator::batt_specs(g.batt);
  if (auto e = shapes_without_compiler(*req.specs, g.batt, specs)) return *e;
  auto compiled = req.specs->ensure(specs, req.exec.jobs);
  if (!compiled.ok()) return jit_failure(compiled.error(), !req.jit.extra_flags.empty());
  out.spec_compile = compiled.value();
  out.cache_hit = out.spec_compile.missing == 0;
  std::shared_ptr<jit::SpecLibrary> lib = req.specs;
  auto engine = SpecEngine::build(
      g.batt, [&lib](const std::string& key) { return lib->find(key); }, lib, groups);
  return CpuEngine{engine->entry(), engine, engine};
}

}  // namespace

// Auto: the unit when the cache has it (fastest run, nothing to compile);
// otherwise the specs, whose compile covers only statement shapes the
// cache lacks, where a unit compile costs about 12 ms per value.
Engine choose_engine(const RunRequest& req, bool unit_cached, std::size_t values, std::string& why) {
  if (req.engine == Engine::Unit) {
    why = "asked for (--engine unit)";
    return Engine::Unit;
  }
  if (req.engine == Engine::Specs) {
    why = "asked for (--engine specs)";
    return Engine::Specs;
  }
  if (unit_cached) {
    why = "the whole-batt unit of these programs is cached";
    return Engine::Unit;
  }
  why = fmt::format("the whole-batt unit is not cached ({} values to compile); specializations cover changed programs",
                    values);
  return Engine::Specs;
}

std::unique_ptr<generator::Generated> check_programs(const ProgramInput& programs) {
  return generate_programs(programs, false);
}

ApiResult<std::vector<Task>> load_request_tasks(const RunRequest& req) {
  try {
    std::vector<Task> tasks;
    if (!req.task_paths.empty()) {
      std::vector<fs::path> paths(req.task_paths.begin(), req.task_paths.end());
      LoadOptions lo;
      lo.on_duplicate = req.on_duplicate;
      lo.warn = [&](const std::string& w) {
        if (req.note) req.note("warning: " + w);
      };
      tasks = load_tasks(paths, req.solutions, lo);
    } else if (!req.solutions.empty()) {
      return input_error("a solutions file needs a challenges file in the task paths");
    }
    tasks.insert(tasks.end(), req.tasks.begin(), req.tasks.end());
    if (tasks.empty()) return input_error("no tasks were given");
    if (!req.task_ids.empty()) return select_tasks(std::move(tasks), req.task_ids);
    return tasks;
  } catch (const std::exception& e) {
    return input_error(e.what());
  }
}

std::unique_ptr<generator::Generated> generate_programs(const ProgramInput& programs, bool emit) {
  generator::PipelineOptions po;
  po.program_files = programs.files;
  po.program_texts = programs.texts;
  po.programs = programs.parsed;
  po.disabled_passes = programs.disabled_passes;
  po.dialect = programs.dialect;
  po.program_globs = programs.program_globs;
  po.emit = emit;
  return generator::run_pipeline(po);
}

namespace {

// Why a GPU run of this process failed on its device (a driver error, a
// kernel fault), once one did: backend auto then stays on the CPU.
std::mutex gpu_failure_mutex;
std::string gpu_failure;

// The backend a request gets: the GPU when asked for (or, with auto, when
// one is usable and none failed at run time in this process); nullptr for the CPU.
ApiResult<const GpuAvailability*> choose_backend(const RunRequest& req) {
  if (req.backend == Backend::Cpu) return static_cast<const GpuAvailability*>(nullptr);
  const GpuAvailability& a = gpu_availability();
  if (a.usable() && req.backend == Backend::Auto) {
    std::lock_guard lock(gpu_failure_mutex);
    if (!gpu_failure.empty()) {
      if (req.note) req.note("backend auto: using the CPU (a GPU run failed earlier: " + gpu_failure + ")");
      return static_cast<const GpuAvailability*>(nullptr);
    }
  }
  if (a.usable()) return &a;
  if (req.backend == Backend::Cuda) return ApiError{ErrorKind::Usage, "--backend cuda: no usable GPU: " + a.why};
  // Said only where a GPU was to be expected (the driver loaded): on a
  // machine without one the CPU is no news (`battc doctor` says why).
  if (req.note && a.driver) req.note("no usable GPU (" + a.why + "): running on the CPU");
  return static_cast<const GpuAvailability*>(nullptr);
}

void note_to(const RunRequest& req, const std::string& s) {
  if (req.note) req.note(s);
}

// The CPU engine: the whole-batt unit when it is chosen, else the specs.
ApiResult<CpuEngine> compile_cpu(RunRequest& req, generator::Generated& g, RunOutcome& out,
                                 const std::vector<std::vector<int>>& groups) {
  // Whether the unit is cached matters only where it may run (hashing it is
  // not free for a large batt).
  bool unit_cached = req.engine != Engine::Specs && jit::host_unit_cached(jit::EmittedUnit{"batt", g.unit}, req.jit);
  out.engine = choose_engine(req, unit_cached, g.batt.nodes().size(), out.engine_why);
  note_to(req, fmt::format("engine {}: {}", engine_name(out.engine), out.engine_why));
  if (out.engine == Engine::Unit && !unit_cached)
    note_to(req, fmt::format("compiling {} programs ({} values)...", g.report.programs, g.report.nodes));
  ApiResult<CpuEngine> cpu = out.engine == Engine::Unit ? unit_engine(req, g, out) : spec_engine(req, g, out, groups);
  if (cpu.ok() && out.engine == Engine::Specs && out.spec_compile.missing > 0)
    note_to(req, fmt::format("compiled {} new specializations of {} in {} pack(s), {:.2f} s", out.spec_compile.missing,
                             out.spec_compile.needed, out.spec_compile.packs, out.spec_compile.seconds));
  return cpu;
}

// What the GPU runs: the CUDA unit, or with the specs engine its plan over
// device spec packs.
struct GpuCode {
  std::optional<GpuUnits> units;
  std::optional<GpuSpecs> specs;
};

// The GPU's code by the CPU's engine: the specs engine's plan (built with
// the GPU's groups) runs on the device specs engine, the unit's batt as its
// CUDA unit. With backend auto, code that does not compile falls back to the
// CPU (gpu becomes nullptr); with cuda it is the error.
ApiResult<GpuCode> compile_gpu(RunRequest& req, generator::Generated& g, RunOutcome& out,
                               const std::vector<std::vector<int>>& groups, const GpuAvailability*& gpu) {
  GpuCode code;
  if (!gpu) return code;
  std::optional<jit::JitError> failed;
  if (out.engine == Engine::Specs) {
    const unsigned jobs = req.exec.jobs ? req.exec.jobs : std::max(1u, std::thread::hardware_concurrency());
    auto s = prepare_gpu_specs(g.batt, *gpu, req.cuda_specs, req.jit.cache_dir, jobs);
    out.cuda_specs = req.cuda_specs;
    if (s.ok()) {
      out.gpu_engine = "device specs";
      out.cuda_spec_compile = s->compile;
      out.times.compile_cuda = s->seconds;
      out.cache_hit = out.cache_hit && s->all_hits;
      if (s->compile.missing > 0)
        note_to(req, fmt::format("device specs engine: compiled {} new statement shape(s) of {} in {} pack(s), {:.2f} s",
                                 s->compile.missing, s->compile.needed, s->compile.packs, s->compile.seconds));
      code.specs = std::move(s.value());
      return code;
    }
    failed = s.error();
  } else {
    auto u = compile_gpu_units(g, groups, *gpu, req.jit.cache_dir);
    if (u.ok()) {
      out.gpu_engine = "cuda unit";
      out.times.compile_cuda = u->seconds;
      out.cache_hit = out.cache_hit && u->all_hits;
      code.units = std::move(u.value());
      return code;
    }
    failed = u.error();
  }
  if (req.backend == Backend::Cuda) return input_error("--backend cuda: " + failed->what());
  note_to(req, fmt::format("backend auto: using the CPU (the GPU's code did not compile: {}: {})", failed->stage,
                           failed->message));
  gpu = nullptr;
  return code;
}

// The run on the GPU; false when the device failed (a driver error, a
// kernel fault) and backend auto takes the CPU instead (said in a note, and
// remembered for the process's later runs). The GPU executor writes no dump
// while it runs, so the CPU's run writes it whole.
bool run_on_gpu(const RunRequest& req, RunOutcome& out, const CpuEngine& cpu, const GpuAvailability& gpu,
                const GpuCode& code) {
  GpuExecOptions go;
  go.item_arena_bytes = req.gpu_arena_bytes;
  go.item_work = req.gpu_item_work;
  try {
    out.result = code.specs ? run_specs_on_gpus(gpu, *code.specs, *cpu.specs, cpu.entry, out.tasks, req.exec, go,
                                                &out.gpu)
                            : run_on_gpus(gpu, *code.units, cpu.entry, out.tasks, req.exec, go, &out.gpu);
    return true;
  } catch (const cuda::CudaError& e) {
    if (req.backend != Backend::Auto) throw;
    {
      std::lock_guard lock(gpu_failure_mutex);
      gpu_failure = e.what();
    }
    note_to(req, fmt::format("backend auto: the GPU run failed ({}): running on the CPU", e.what()));
    out.backend = "cpu";
    out.gpu_engine.clear();
    out.gpu = {};
    return false;
  }
}

// The evaluation, on the GPU or the CPU, with the dump written as it goes.
std::optional<ApiError> evaluate(RunRequest& req, const generator::Generated& g, RunOutcome& out,
                                 const CpuEngine& cpu, const GpuAvailability* gpu, const GpuCode& code) {
  req.exec.evaluation = resolve_evaluation(req.evaluation, req.exec, gpu != nullptr, out.tasks);
  std::unique_ptr<DumpStream> dump;
  if (auto e = input_stage([&] {
        if (req.dump_file.empty()) return;
        RunResult meta = result_skeleton(*cpu.entry.info, {}, req.exec.pairing);
        meta.statements = statement_sites(g, meta);
        dump = std::make_unique<DumpStream>(req.dump_file, std::move(meta), out.tasks);
        req.exec.task_done = [&dump](std::size_t t, TaskResult& task) { dump->task_done(t, task); };
      }))
    return e;
  if (auto e = input_stage([&] {
        if (gpu && !run_on_gpu(req, out, cpu, *gpu, code)) gpu = nullptr;
        if (!gpu) out.result = execute(cpu.entry, out.tasks, req.exec);
      }))
    return e;
  out.result.statements = statement_sites(g, out.result);
  return input_stage([&] {
    if (dump) dump->finish(out.result);
  });
}

void score_outcome(const RunRequest& req, const generator::Generated& g, RunOutcome& out) {
  out.scores = score(out.result, out.tasks);
  out.summary = summarize_run(out.result, out.scores);
  if (req.exec.pairing == Pairing::ByName && out.summary.tasks_paired == 0)
    note_to(req, fmt::format("warning: --pairing by-name paired no program with any of the {} tasks: it runs "
                             "solve_<id> (or differ_<id>, solve_<id>_<n>) on task <id> only; --pairing all runs "
                             "every program everywhere",
                             out.tasks.size()));
  out.summary.rejected = g.report.rejected;
}

// From the generated batt on: compile (the CPU engine, then the GPU's
// units), run, score.
ApiResult<RunOutcome> run_from_compile(RunRequest& req, RunOutcome out, const GpuAvailability* gpu,
                                       Clock::time_point t_start) {
  generator::Generated& g = *out.generated;
  out.diagnostics = g.diags.render(g.sources);
  if (g.report.programs == 0 || g.batt.programs().empty()) return input_error("no program was accepted");
  out.times.parse = g.report.parse_s;
  out.times.typecheck = g.report.typecheck_s;
  out.times.generate = g.report.generate_s;
  if (g.unit.empty() && req.engine != Engine::Specs) g.unit = generator::emit_host_unit(g.batt);

  auto t0 = Clock::now();
  std::vector<std::vector<int>> groups;  // the GPU's work items' program groups
  if (gpu) {
    int sms = 0;
    for (const GpuPick& pick : gpu->gpus) sms += pick.multiprocessors;
    groups = gpu_program_groups(g.batt, out.tasks, sms);
  }
  ApiResult<CpuEngine> cpu = compile_cpu(req, g, out, groups);
  if (!cpu.ok()) return cpu.error();
  out.times.compile_host = since(t0);
  auto code = compile_gpu(req, g, out, groups, gpu);
  if (!code.ok()) return code.error();
  out.times.compile = since(t0);
  out.backend = gpu ? "cuda" : "cpu";

  t0 = Clock::now();
  out.times.to_first_evaluation = since(t_start);
  if (auto e = evaluate(req, g, out, cpu.value(), gpu, code.value())) return *e;
  out.times.run = since(t0);

  t0 = Clock::now();
  score_outcome(req, g, out);
  out.times.score = since(t0);
  out.times.total = since(t_start);
  out.summary.phases = {true, out.times.parse, out.times.typecheck, out.times.generate, out.times.compile,
                        out.cache_hit};
  return out;
}

}  // namespace

// A generated unit that does not compile (or lacks its entry points) is
// battc's bug, unless the user's own compiler flags took part; no compiler
// is a request this machine cannot meet; a cache or loader failure is the
// machine's (input).
ApiError jit_failure(const jit::JitError& e, bool user_flags) {
  if ((e.stage == "compile" && !user_flags) || e.stage == "entry") return ApiError{ErrorKind::Internal, e.what()};
  if (e.stage == "probe") return usage_error(e.what());
  return input_error(e.what());
}

Evaluation resolve_evaluation(const std::optional<Evaluation>& asked, const ExecOptions& exec, bool on_gpu,
                              const std::vector<Task>& tasks) {
  if (asked) return *asked;
  if (exec.dump || on_gpu) return Evaluation::All;
  for (const Task& t : tasks)
    for (const auto& pair : t.test)
      if (!pair.output) return Evaluation::All;
  return Evaluation::UntilTrainFails;
}

namespace {

ApiResult<RunOutcome> run_batt_unguarded(RunRequest req) {
  auto t_start = Clock::now();
  if (!req.dump_file.empty()) req.exec.dump = true;
  auto gpu = choose_backend(req);
  if (!gpu.ok()) return gpu.error();
  RunOutcome out;
  auto t0 = Clock::now();
  auto tasks = load_request_tasks(req);
  if (!tasks.ok()) return tasks.error();
  out.tasks = std::move(tasks.value());
  out.times.load = since(t0);
  out.generated = generate_programs(req.programs, req.engine != Engine::Specs || gpu.value());
  return run_from_compile(req, std::move(out), gpu.value(), t_start);
}

}  // namespace

ApiResult<RunOutcome> run_batt(RunRequest req) {
  return guarded([&]() -> ApiResult<RunOutcome> { return run_batt_unguarded(std::move(req)); });
}

ApiResult<RunOutcome> run_generated(RunRequest req, std::unique_ptr<generator::Generated> generated,
                                    std::vector<Task> tasks) {
  return guarded([&]() -> ApiResult<RunOutcome> {
    auto t_start = Clock::now();
    auto gpu = choose_backend(req);
    if (!gpu.ok()) return gpu.error();
    RunOutcome out;
    out.tasks = std::move(tasks);
    out.generated = std::move(generated);
    return run_from_compile(req, std::move(out), gpu.value(), t_start);
  });
}

}  // namespace battc::runtime::api
