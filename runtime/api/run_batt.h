// runtime/api/run_batt.h: battc's main job as a library call. Tasks,
// programs (files or text) and options in; the generated batt, the results,
// the scores and what happened out. Nothing is printed and nothing exits:
// notes and progress go to the caller's callbacks, failures come back as an
// ApiError. `battc run`, `battc check`, `battc search` and the Python module
// call these.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "generator/pipeline.h"
#include "runtime/api/api_result.h"
#include "runtime/exec/exec_options.h"
#include "runtime/exec/gpu_execute.h"
#include "runtime/exec/run_result.h"
#include "runtime/jit/compile_host.h"
#include "runtime/jit/cuda_spec_library.h"
#include "runtime/jit/spec_library.h"
#include "runtime/score/score.h"
#include "runtime/score/summary.h"
#include "runtime/tasks/load_tasks.h"
#include "runtime/tasks/task.h"

namespace battc::runtime::api {

// Which code evaluates the batt on the CPU (and re-runs the GPU's leftovers).
// Unit: the whole batt compiled as one unit (fastest per evaluation, a
// compile per program set). Specs: the batt as data over cached
// specializations (a compile only for statement shapes never seen).
// Auto: the unit when it is cached, else the specs.
enum class Engine { Auto, Unit, Specs };
enum class Backend { Auto, Cpu, Cuda };



struct ProgramInput {
  std::vector<std::string> files;
  std::vector<generator::ProgramText> texts;  // in memory, after the files
  std::vector<generator::ParsedProgram> parsed;  // already parsed, after the texts
  std::set<std::string> disabled_passes;
  std::optional<generator::Dialect> dialect;  // unset: each program's own
  std::vector<std::string> program_globs;     // only programs matching one (empty: all)
};

struct RunRequest {
  // Tasks: loaded from paths (folders, task files, Kaggle challenges files;
  // `solutions` applies a Kaggle solutions file), then `tasks` appended.
  std::vector<std::string> task_paths;
  std::string solutions;
  std::vector<Task> tasks;
  // Only these tasks of the ones loaded (empty: all); an id that is not
  // among them is an Input error.
  std::vector<std::string> task_ids;
  // A task id loaded twice: Skip keeps the first (a warning through `note`).
  LoadOptions::OnDuplicate on_duplicate = LoadOptions::OnDuplicate::Skip;
  ProgramInput programs;

  Backend backend = Backend::Cpu;
  Engine engine = Engine::Auto;
  ExecOptions exec;                       // pairing, jobs, budgets, dump, progress
  // The evaluation dump's file, written while the run goes on (DumpStream);
  // sets exec.dump. Non-differ value texts are freed once written, so
  // RunResult then holds none of them.
  std::string dump_file;
  // How much to evaluate; unset: auto (resolve_evaluation). Overrides
  // exec.evaluation.
  std::optional<Evaluation> evaluation;
  std::uint64_t gpu_arena_bytes = GpuExecOptions{}.item_arena_bytes;
  std::int64_t gpu_item_work = GpuExecOptions::kDefaultItemWork;  // GpuExecOptions::item_work
  jit::JitOptions jit;                    // cache folder, extra compiler flags
  // Specializations to reuse across calls (search rounds, a Python
  // session); opened from jit.cache_dir on first use when null.
  std::shared_ptr<jit::SpecLibrary> specs;
  // The device specs engine's libraries per architecture ("sm_90"), reused
  // across calls the same way; opened on first use.
  std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>> cuda_specs;
  // One-line notes for a person (backend and engine choices, compiles;
  // warnings start "warning: ").
  std::function<void(const std::string&)> note;
};

struct RunTimes {
  double load = 0, parse = 0, typecheck = 0, generate = 0;
  double compile = 0, compile_host = 0, compile_cuda = 0;  // compile_host: the unit or the specs
  double run = 0, score = 0;
  double to_first_evaluation = 0;  // from the call to the first evaluation's start
  double total = 0;
};

struct RunOutcome {
  std::unique_ptr<generator::Generated> generated;  // diagnostics, report, the batt
  std::string diagnostics;                          // rendered, "" when none
  std::vector<Task> tasks;
  RunResult result;
  Scores scores;
  RunSummary summary;
  std::string backend = "cpu";  // "cpu" or "cuda"
  Engine engine = Engine::Unit;  // the engine that ran (never Auto)
  std::string engine_why;        // one line: why that engine
  bool cache_hit = false;        // no compile was needed
  jit::SpecCompileStats spec_compile;  // the specs engine's compile, when it ran
  std::shared_ptr<jit::SpecLibrary> specs;  // the library used, to pass to the next call
  // On the GPU: "device specs" (the specs engine: its plan over device spec
  // packs) or "cuda unit" (the batt compiled); "" on the CPU.
  std::string gpu_engine;
  jit::CudaSpecCompileStats cuda_spec_compile;  // the device spec packs compiled, with "device specs"
  std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>> cuda_specs;  // to pass to the next call
  GpuRunStats gpu;
  RunTimes times;
};

// What auto evaluation means for a run: UntilTrainFails when the run only
// asks which program solves which task, All when it needs every value: a
// dump, the GPU backend (which evaluates everything anyway), or a test output
// unknown (a Kaggle challenge: the submission takes its guesses for unsolved
// tasks from programs that missed some train pair).
Evaluation resolve_evaluation(const std::optional<Evaluation>& asked, const ExecOptions& exec, bool on_gpu,
                              const std::vector<Task>& tasks);

// The CPU engine a request gets (req.engine, or for Auto: the unit when it
// is cached), and one line saying why.
Engine choose_engine(const RunRequest& req, bool unit_cached, std::size_t values, std::string& why);

// A JIT stage's failure as an ApiError: a generated unit that does not
// compile is Internal (battc emitted it), unless `user_flags` (--cxx-flag)
// took part; no compiler is Usage; the cache or the loader, Input.
ApiError jit_failure(const jit::JitError& e, bool user_flags);

// Parses, checks and merges the programs (no emit, no compile).
std::unique_ptr<generator::Generated> check_programs(const ProgramInput& programs);

// Loads the tasks of a request (its paths, solutions, then its tasks).
ApiResult<std::vector<Task>> load_request_tasks(const RunRequest& request);

// The whole job: load, generate, compile (or reuse), run, score. Rejected
// programs are diagnostics in the outcome, not errors; no accepted program
// is an Input error; a bug of battc's anywhere below is an Internal error.
ApiResult<RunOutcome> run_batt(RunRequest request);

// The programs of a request, generated (the unit's text only when `emit`).
std::unique_ptr<generator::Generated> generate_programs(const ProgramInput& programs, bool emit);

// run_batt from its compile stage on: a batt the caller generated (and may
// have edited: search drops duplicate programs) over loaded tasks.
ApiResult<RunOutcome> run_generated(RunRequest request, std::unique_ptr<generator::Generated> generated,
                                    std::vector<Task> tasks);

}  // namespace battc::runtime::api
