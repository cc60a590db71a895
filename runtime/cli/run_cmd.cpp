// runtime/cli/run_cmd.cpp: `battc run`, battc's main job, as a thin layer over
// api::run_batt: flags into a request; the outcome into results.json,
// submission.json, the optional dump and timing, and the summary. Without
// --tasks/--programs it runs the shipped demo (tasks/demo).
#include <fmt/core.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "generator/pipeline.h"
#include "runtime/api/options.h"
#include "runtime/api/run_batt.h"
#include "runtime/api/request_checks.h"
#include "runtime/api/run_plan.h"
#include "runtime/api/timing_json.h"
#include "runtime/cli/commands.h"
#include "runtime/cli/filter_options.h"
#include "runtime/cli/input_paths.h"
#include "runtime/cli/interrupt.h"
#include "runtime/cli/report_error.h"
#include "runtime/exec/gpu_backend.h"
#include "runtime/exec/progress.h"
#include "runtime/jit/install_layout.h"
#include "runtime/report/html_report.h"
#include "runtime/score/dump_writer.h"
#include "runtime/score/results_json.h"
#include "runtime/score/run_diff.h"
#include "runtime/score/submission.h"

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
  std::string engine = "auto";
  std::string evaluate = "auto";
  std::string on_duplicate = "skip";
  std::string attempt_order = "rank";
  unsigned jobs = 0;
  std::string out = "battc_out";
  std::string dump;
  std::string timing_json;
  unsigned budget_mb = 256;
  unsigned gpu_arena_kb = 448;
  std::int64_t gpu_item_work = GpuExecOptions::kDefaultItemWork;
  std::string cache_dir;
  std::vector<std::string> cxx_flags;
  bool quiet = false;
  bool list_solved = false;
  FilterOptions filter;
  std::string expect;  // a golden run to compare against
  std::string html;    // the report file ("" none)
  bool dry_run = false;
  std::string gpu_model;  // plan for this GPU ("" the devices present)
};

// The demo that ships with battc: <prefix>/share/battc/demo (tasks/demo of
// the source tree, linked there in a build tree), or $BATTC_DEMO_DIR.
fs::path demo_dir() { return jit::layout_demo_dir(); }

int fail(const std::string& what) { return report_error(api::input_error(what)); }

// Whether the output folder can be made and written, checked before any
// work (and without creating it, so a run refused later leaves nothing).
std::optional<std::string> unwritable_folder(const char* flag, const std::string& out) {
  fs::path p = fs::absolute(out);
  std::error_code ec;
  while (!fs::exists(p, ec) && p.has_parent_path() && p != p.parent_path()) p = p.parent_path();
  if (fs::exists(p, ec) && !fs::is_directory(p, ec))
    return fmt::format("{} '{}': '{}' is not a folder", flag, out, p.string());
  // access() says yes to root everywhere (/proc, a read-only mount): make and
  // remove a file there instead
  std::string probe = (p / ".battc-write-probe-XXXXXX").string();
  int fd = mkstemp(probe.data());
  if (fd < 0) return fmt::format("{} '{}': '{}' is not writable", flag, out, p.string());
  close(fd);
  unlink(probe.c_str());
  return std::nullopt;
}

// The flags' checks before any work: a plan's model needs --dry-run, a GPU
// asked for must be here (said alone), the demo when neither input is
// given, and every output folder writable. nullopt: go on.
std::optional<int> check_flags(RunOptions& o) {
  if (!o.gpu_model.empty() && !o.dry_run) return report_error(api::usage_error("--gpu-model plans a run: add --dry-run"));
  if (o.backend == "cuda" && o.gpu_model.empty() && !gpu_availability().usable())
    return report_error(api::usage_error("--backend cuda: no usable GPU: " + gpu_availability().why));
  if (o.tasks.empty() && o.programs.empty()) {
    o.tasks = {demo_dir().string()};
    o.programs = {(demo_dir() / "programs.py").string()};
    if (!o.quiet) fmt::print(stderr, "battc: no --tasks/--programs given: running the demo in {}\n", demo_dir().string());
  } else if (o.tasks.empty() || o.programs.empty()) {
    return fail("give both --tasks and --programs (or neither, for the demo)");
  }
  if (auto why = o.dry_run ? std::nullopt : unwritable_folder("--out", o.out)) return fail(*why);
  for (const auto& [flag, file] : {std::pair<const char*, const std::string&>{"--html", o.html},
                                    {"--dump-outputs", o.dump},
                                    {"--timing-json", o.timing_json}}) {
    if (file.empty()) continue;
    fs::path folder = fs::path(file).parent_path();
    if (auto why = unwritable_folder(flag, folder.empty() ? "." : folder.string())) return fail(*why);
  }
  return std::nullopt;
}

// The flags as a request (the option words parsed by the library, as
// Python's are). A golden with values makes this run keep them too.
api::ApiResult<api::RunRequest> make_request(const RunOptions& o, const std::optional<RunRecords>& golden) {
  api::RunRequest req;
  try {
    req.task_ids = selected_task_ids(o.filter);
  } catch (const std::exception& e) {
    return api::input_error(e.what());
  }
  auto dialect = api::parse_dialect_option(o.dialect);
  auto backend = api::parse_backend(o.backend);
  auto engine = api::parse_engine(o.engine);
  auto pairing = api::parse_pairing(o.pairing);
  auto on_duplicate = api::parse_on_duplicate(o.on_duplicate);
  // auto: the API's rule, except that a report and a golden comparison show
  // every evaluation.
  bool show_all = o.evaluate == "auto" && (golden || !o.html.empty());
  auto evaluation = api::parse_evaluation(show_all ? "all" : o.evaluate);
  for (const api::ApiError* e : {dialect.ok() ? nullptr : &dialect.error(), backend.ok() ? nullptr : &backend.error(),
                                 engine.ok() ? nullptr : &engine.error(), pairing.ok() ? nullptr : &pairing.error(),
                                 on_duplicate.ok() ? nullptr : &on_duplicate.error(),
                                 evaluation.ok() ? nullptr : &evaluation.error()})
    if (e) return *e;
  req.programs.program_globs = o.filter.programs;
  req.task_paths = o.tasks;
  req.on_duplicate = *on_duplicate;
  req.solutions = o.solutions;
  req.programs.files = o.programs;
  req.programs.disabled_passes = {o.disabled.begin(), o.disabled.end()};
  req.programs.dialect = *dialect;
  req.backend = *backend;
  req.engine = *engine;
  req.exec.pairing = *pairing;
  req.exec.jobs = o.jobs;
  req.exec.arena_bytes = std::uint64_t(o.budget_mb) * kMiB;
  req.exec.dump = !o.dump.empty() || (golden && golden->has_values);
  req.dump_file = o.dump;  // written as the run goes
  req.evaluation = *evaluation;
  req.gpu_arena_bytes = std::uint64_t(o.gpu_arena_kb) * 1024;
  req.gpu_item_work = o.gpu_item_work;
  if (!o.cache_dir.empty()) req.jit.cache_dir = o.cache_dir;
  req.jit.extra_flags = o.cxx_flags;
  if (auto e = api::check_run_request(req)) return *e;
  return req;
}

int print_plan(const RunOptions& o, const api::RunRequest& req) {
  std::optional<GpuModel> model;
  if (!o.gpu_model.empty()) model = parse_gpu_model(o.gpu_model);
  auto plan = api::plan_run(req, model);
  if (!plan.ok()) return report_error(plan.error());
  fmt::print("{}", api::describe_plan(plan.value()));
  return 0;
}

AttemptOrder attempt_order(const RunOptions& o) {
  return o.attempt_order == "given" ? AttemptOrder::Given : AttemptOrder::Rank;
}

// results.json, submission.json and the timing file; false when one could
// not be written (said on stderr).
bool write_outputs(const RunOptions& o, const api::RunOutcome& r, const std::string& results_file_text) {
  try {
    fs::create_directories(o.out);
    if (!o.timing_json.empty() && fs::path(o.timing_json).has_parent_path())
      fs::create_directories(fs::path(o.timing_json).parent_path());
    write_results_text(fs::path(o.out) / "results.json", results_file_text);
    write_submission_file(fs::path(o.out) / "submission.json", r.result, r.scores, attempt_order(o));
    if (!o.timing_json.empty()) {
      std::ofstream f(o.timing_json);
      f << api::timing_json(r).dump(2) << "\n";
      if (!f) return fail("cannot write " + o.timing_json) == 0;
    }
  } catch (const std::exception& e) {
    return fail(e.what()) == 0;
  }
  return true;
}

void print_summary(const RunOptions& o, const api::RunOutcome& r) {
  fmt::print("{}", render_summary(r.summary, o.list_solved));
  fmt::print("engine: {} ({})\n", api::engine_name(r.engine), r.engine_why);
  if (r.backend == "cuda")
    fmt::print("gpu ({}): {} device(s), {} launch(es) over {} samples; {} evaluations in {} samples re-run on the CPU\n",
               r.gpu_engine, r.gpu.devices, r.gpu.launches, r.gpu.items, r.gpu.fallback_evaluations,
               r.gpu.fallback_samples);
  fmt::print("wrote {}/results.json and {}/submission.json{}\n", o.out, o.out,
             r.result.partial ? " (partial: the run was interrupted)" : "");
}

bool write_html(const RunOptions& o, const api::RunOutcome& r, const nlohmann::json& results) {
  ReportInput in;
  in.results = results;
  in.submission = submission_json(r.result, r.scores, attempt_order(o));
  in.tasks = r.tasks;
  in.sources = program_sources(o.programs);
  in.title = "battc report: " + fs::path(o.out).filename().string();
  if (!write_report_file(o.html, in)) return false;
  fmt::print("wrote {}\n", o.html);
  return true;
}

// --expect: this run against the golden; 0 when equal, else 1.
int compare_with_golden(const RunOptions& o, const api::RunOutcome& r, const RunRecords& golden,
                        const nlohmann::json& results) {
  std::vector<std::string> lines;
  if (!o.dump.empty()) {  // the run wrote it, and kept no value texts
    std::ifstream in(o.dump, std::ios::binary);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  } else if (golden.has_values) {  // the run kept every value (make_request)
    std::ostringstream dump;
    write_dump(dump, r.result);
    std::istringstream in(dump.str());
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  RunDiff d = diff_runs(golden, run_records(results, lines, "this run"));
  fmt::print("--expect {}:\n{}", o.expect, render_diff(d));
  return d.equal() ? 0 : 1;
}

// Everything after a run: the files, the summary, the report, --expect.
int finish_run(const RunOptions& o, const api::RunOutcome& r, const std::optional<RunRecords>& golden,
               const InterruptGuard& interrupt) {
  if (!r.diagnostics.empty()) fmt::print(stderr, "{}", r.diagnostics);
  // The results text once: the report and --expect parse it, when asked.
  const std::string results_file_text =
      results_text(r.result, r.scores, r.summary, run_inputs_json(o.tasks, o.solutions, o.programs));
  std::optional<nlohmann::json> results_parsed;
  auto results = [&]() -> const nlohmann::json& {
    if (!results_parsed) results_parsed = nlohmann::json::parse(results_file_text);
    return *results_parsed;
  };
  if (!write_outputs(o, r, results_file_text)) return 1;
  print_summary(o, r);
  if (!o.html.empty() && !write_html(o, r, results())) return 1;
  if (r.result.partial) return interrupt.exit_code();
  return golden ? compare_with_golden(o, r, *golden, results()) : 0;
}

int run(RunOptions o) {
  if (auto code = check_flags(o)) return *code;
  // The golden run first: a wrong path is said before any work.
  std::optional<RunRecords> golden;
  if (!o.expect.empty()) {
    try {
      golden = load_run_records(o.expect);
    } catch (const std::exception& e) {
      return fail(std::string("--expect: ") + e.what());
    }
  }
  auto req = make_request(o, golden);
  if (!req.ok()) return report_error(req.error());
  ProgressReporter progress(ProgressReporter::mode_for(stderr, o.quiet));
  req->exec.progress = [&](std::size_t done, std::size_t total) { progress(done, total); };
  req->note = [&](const std::string& line) {
    if (!o.quiet || line.rfind("warning: ", 0) == 0) fmt::print(stderr, "battc: {}\n", line);
  };
  if (o.dry_run) return print_plan(o, *req);
  if (!o.dump.empty() && fs::path(o.dump).has_parent_path()) {
    std::error_code ec;
    fs::create_directories(fs::path(o.dump).parent_path(), ec);  // a failure is the open's error, with the path
  }
  InterruptGuard interrupt;  // Ctrl-C: stop, then write what was evaluated
  req->exec.stop = interrupt.flag();
  auto outcome = api::run_batt(std::move(*req));
  if (!outcome.ok()) {
    if (interrupt.fired()) {
      fmt::print(stderr, "\nbattc: interrupted before any evaluation: nothing written\n");
      return interrupt.exit_code();
    }
    return report_error(outcome.error());
  }
  progress.finish();
  // A cross product's outcome is millions of small blocks, and freeing them
  // took longer than writing results.json; the process ends after this
  // command, so the outcome is kept, reachable from here (leak checkers stay
  // quiet), and a second run in one process frees the first.
  static api::ApiResult<api::RunOutcome>* kept = nullptr;
  delete kept;
  kept = new api::ApiResult<api::RunOutcome>(std::move(outcome));
  return finish_run(o, kept->value(), golden, interrupt);
}

}  // namespace

void add_run_command(CLI::App& app) {
  static RunOptions o;
  auto* cmd = app.add_subcommand("run", "Generate, compile and run programs over tasks; score them (the demo without arguments)");
  cmd->add_option("--tasks", o.tasks, "Task folder, task file or Kaggle challenges file");
  cmd->add_option("--solutions", o.solutions, "Kaggle solutions file for a challenges file")->check(input_file());
  cmd->add_option("--programs", o.programs, "Program files")->check(input_file());
  cmd->add_option("--pairing", o.pairing, "all: every program on every task; by-name: solve_<id> on task <id>")
      ->check(CLI::IsMember({"all", "by-name"}));
  cmd->add_option("--backend", o.backend, "cpu, cuda (exit 2 without a usable GPU) or auto (the GPU when usable)")->check(CLI::IsMember({"cpu", "cuda", "auto"}));
  cmd->add_option("--engine", o.engine,
                  "unit: compile the whole batt (fastest run); specs: run it as data over cached specializations "
                  "(compiles only new statement shapes); auto: the unit when cached, else specs")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "unit", "specs"}));
  cmd->add_option("--evaluate", o.evaluate,
                  "until-train-fails: a program stops on a task at its first wrong train pair (same solved tasks, "
                  "far fewer evaluations); all: every program on every sample; auto: all with a dump, a report, "
                  "--expect, the GPU or unknown test outputs, else until-train-fails")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "all", "until-train-fails"}));
  cmd->add_option("--on-duplicate", o.on_duplicate, "A task id loaded twice: skip (keep the first, warn) or refuse")
      ->capture_default_str()
      ->check(CLI::IsMember({"skip", "refuse"}));
  cmd->add_option("--jobs", o.jobs, "Worker threads (default: all cores)");
  cmd->add_option("--out", o.out, "Folder for results.json and submission.json")->capture_default_str();
  cmd->add_option("--dump-outputs", o.dump, "Write every evaluation as JSON lines (canonical_ref.py's format)");
  cmd->add_option("--timing-json", o.timing_json, "Write the time of each phase as JSON");
  cmd->add_option("--budget-mb", o.budget_mb, "Arena megabytes per evaluation")->capture_default_str()->check(CLI::Range(1u, 65536u));
  cmd->add_option("--gpu-arena-kb", o.gpu_arena_kb,
                  "Arena KiB per GPU work item (one program group on one sample; capped at --budget-mb); "
                  "an evaluation that needs more is re-run on the CPU")
      ->capture_default_str()
      ->check(CLI::Range(16u, 64u << 20));
  cmd->add_option("--gpu-item-work", o.gpu_item_work,
                  "Work units a GPU work item may spend over all its statements before the CPU takes its "
                  "evaluations over (results are the same with any value; 0: no cap)")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t(0), std::int64_t(1) << 62));
  cmd->add_option("--cache-dir", o.cache_dir, "Compiled-unit cache (default: $BATTC_CACHE_DIR or ~/.cache/battc)");
  cmd->add_option("--cxx-flag", o.cxx_flags, "Extra flag for the host compiler (after -O1 ...; repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--disable-pass", o.disabled, "Turn a generator pass off")->check(CLI::IsMember(generator::pass_names()));
  add_dialect_option(cmd, o.dialect);
  cmd->add_flag("-q,--quiet", o.quiet, "No progress output");
  cmd->add_flag("--dry-run", o.dry_run,
               "Print what the run would do (tasks, samples, programs, evaluations, backend; for the GPU: groups, "
               "work items, launches, bytes per item, memory per device) and stop, compiling and evaluating nothing");
  cmd->add_option("--gpu-model", o.gpu_model,
                  "With --dry-run: plan the cuda backend for this GPU instead of the ones present: " + gpu_model_names())
      ->check([](const std::string& v) {
        return parse_gpu_model(v) ? std::string() : "unknown GPU model " + v + "; known: " + gpu_model_names();
      });
  cmd->add_option("--attempt-order", o.attempt_order,
                  "The submission's attempts, among programs right on as many train pairs, plausible test "
                  "predictions first (their shape and colours follow the train pairs'): rank (then fewer "
                  "statements, then more train cells right) or given (then the programs' order in their files: a "
                  "store export, ranked by the search)")
      ->capture_default_str()
      ->check(CLI::IsMember({"rank", "given"}));
  cmd->add_flag("--list-solved", o.list_solved, "List the programs solving each task, and each unsolved task's best");
  add_filter_options(cmd, o.filter, true);
  static CLI::Option* html = cmd->add_option("--html", o.html, "Also write the HTML report (battc report) to this file (default: OUT/report.html)")
                                 ->expected(0, 1);
  cmd->add_option("--expect", o.expect,
                  "After the run, compare with this golden run (a --out folder, results.json or dump); exit 1 if "
                  "anything differs");
  cmd->callback([] {
    if (html->count() > 0 && o.html.empty()) o.html = (fs::path(o.out) / "report.html").string();
    set_exit_code(run(o));
  });
}

}  // namespace battc::runtime
