// runtime/cli/search_cmd.cpp: `battc search`, `battc store export` and
// `battc store merge`, thin
// layers over runtime/search: flags into SearchOptions, the report onto the
// terminal and into --report-json (search::report_json, as Python returns
// it). Ctrl-C (SIGINT/SIGTERM) stops after the round in flight has been
// stored.
#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <tuple>
#include <utility>

#include "runtime/api/options.h"
#include "runtime/cli/commands.h"
#include "runtime/cli/input_paths.h"
#include "runtime/cli/interrupt.h"
#include "runtime/cli/report_error.h"
#include "runtime/search/report_json.h"
#include "runtime/search/search.h"
#include "runtime/search/store.h"
#include "runtime/search/store_merge.h"

namespace battc::runtime {
namespace {

struct SearchFlags {
  search::SearchOptions o;
  std::string shard;  // "I/N"
  std::string report_json;
  std::string cache_dir;
  std::string backend = "cpu";
  bool quiet = false;
};

// "I/N" with 0 <= I < N; "" is the whole (0/1).
std::optional<std::pair<int, int>> parse_shard(const std::string& text) {
  if (text.empty()) return std::make_pair(0, 1);
  int i = -1, n = 0;
  char slash = 0;
  std::istringstream in(text);
  if (!(in >> i >> slash >> n) || slash != '/' || !in.eof() || n < 1 || i < 0 || i >= n) return std::nullopt;
  return std::make_pair(i, n);
}

void print_report(const search::SearchReport& r) {
  fmt::print("search: {} rounds, {} candidates ({} unique), {} evaluations in {:.1f} s ({:.0f}/s)\n", r.rounds,
             r.candidates, r.unique, r.evaluations, r.seconds, r.evaluations / std::max(r.seconds, 1e-9));
  fmt::print("fit train: {}/{} tasks ({} by the seeds; new: {}){}\n", r.fits_train, r.tasks, r.fits_train_by_seeds,
             r.new_fits_train.empty() ? "none" : fmt::format("{}", fmt::join(r.new_fits_train, " ")),
             r.select_on_test ? " [selected on the known test outputs: --select-on-test]" : "");
  if (r.skipped_no_compiler > 0)
    fmt::print("skipped: {} candidates needing a statement shape the prebuilt spec packs lack (no C++ compiler here; "
               "battc doctor)\n",
               r.skipped_no_compiler);
  if (r.scored_tasks > 0)
    fmt::print("attempts on the {} tasks with known test outputs: {} verified, kaggle score {:.2f} ({:.1f}%); near "
               "misses: {}\n",
               r.scored_tasks, r.verified, r.kaggle_score, 100.0 * r.kaggle_score / r.scored_tasks, r.near_misses);
  const search::BackendStats& b = r.backend;
  if (b.gpu_runs > 0)
    fmt::print("backend: {} batt run(s) on the GPU ({}: {} evaluations there, {} handed back to the CPU; {} new "
               "shapes compiled, {:.1f} s), {} on the CPU ({} evaluations)\n",
               b.gpu_runs, b.gpu_engine, b.gpu_evaluations, b.gpu_fallback_evaluations, b.gpu_shapes_compiled,
               b.gpu_compile_s, b.cpu_runs, b.cpu_evaluations);
  fmt::print("time: generate {:.1f} s, compile {:.1f} s, run {:.1f} s, score {:.1f} s, store {:.1f} s\n", r.generate_s,
             r.compile_s, r.run_s, r.score_s, r.store_s);
}

// Ctrl-C (or SIGTERM) stops the search after the round in flight is stored
// and exits 128 + the signal; a second one ends the process at once (the
// interrupt guard restores the default action).
int run_search_cmd(SearchFlags& f) {
  if (auto shard = parse_shard(f.shard)) std::tie(f.o.shard_index, f.o.shard_count) = *shard;
  if (auto e = search::check_search_options(f.o)) return report_error(*e);
  if (!f.cache_dir.empty()) f.o.jit.cache_dir = f.cache_dir;
  auto backend = api::parse_backend(f.backend);
  if (!backend.ok()) return report_error(backend.error());
  f.o.backend = *backend;
  f.o.note = [&](const std::string& line) {
    if (!f.quiet) fmt::print(stderr, "battc: {}\n", line);
  };
  InterruptGuard interrupt;
  f.o.stop_requested = [&interrupt] { return interrupt.fired(); };
  auto r = search::run_search(f.o);
  if (!r.ok()) return report_error(r.error());
  if (r->interrupted)
    fmt::print(stderr, "battc: stopped by a signal after round {}; --resume continues\n", r->rounds);
  print_report(r.value());
  if (!f.report_json.empty()) {
    std::ofstream out(f.report_json);
    out << search::report_json(r.value()).dump(2) << "\n";
    if (!out) return report_error(api::input_error("cannot write " + f.report_json));
  }
  return interrupt.fired() ? interrupt.exit_code() : 0;
}

// What round 0 runs and what each later round makes and keeps.
void add_round_options(CLI::App* cmd, search::SearchOptions& o) {
  cmd->add_option("--seeds-on", o.seeds_on,
                  "Round 0 runs the seeds on all tasks (a task starts from the seeds that do best on it) or each on "
                  "its own (own: solve_<task id>)")
      ->capture_default_str()
      ->check(CLI::IsMember({"all", "own"}));
  cmd->add_flag("!--no-conjugates", o.conjugates,
                "With --seeds-on all, round 0 leaves out the seeds' conjugates (each seed with its input turned or "
                "mirrored and its answer turned back, kept where it fits)");
  cmd->add_option("--tasks-per-round", o.tasks_per_round, "Tasks drawn each round")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--parents", o.parents_per_task, "Parents drawn per task and round")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--mutants", o.mutants_per_parent, "Mutants per parent")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--keep", o.keep, "Best programs kept per task")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--new-shapes", o.new_shapes_per_round,
                  "Statement shapes new to the search a round may compile (candidates over it wait)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
}

// The strategies' flags (docs/search.md "Enumeration").
void add_strategy_options(CLI::App* cmd, search::SearchOptions& o) {
  cmd->add_option("--strategy", o.strategy,
                  "auto: each round to mutation or enumeration, whichever found more lately; or only one")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "mutate", "enumerate"}));
  cmd->add_option("--enumerate-tasks", o.enumerate_tasks, "Tasks an enumeration round grows one pool for")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--enumerate-depth", o.enumerate_depth, "Levels of an enumeration round")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--enumerate-calls", o.enumerate_calls, "Calls per level at most (the smallest first)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--enumerate-shapes", o.enumerate_shapes,
                  "Statement shapes new to the search an enumeration round may compile")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--enumerate-prior", o.enumerate_prior,
                  "What enumeration tries first: seeds (what the seed programs use most) or flat (the shortest)")
      ->capture_default_str()
      ->check(CLI::IsMember({"seeds", "flat"}));
  cmd->add_option("--enumerate-library", o.enumerate_library,
                  "What enumeration completes besides its own values: seeds (the values of the seed programs' "
                  "statements) or none")
      ->capture_default_str()
      ->check(CLI::IsMember({"seeds", "none"}));
}

}  // namespace

void add_search_commands(CLI::App& app) {
  static SearchFlags f;
  auto* cmd = app.add_subcommand("search", "Search for programs: mutate the best, evaluate, keep the best per task in a store");
  cmd->add_option("--tasks", f.o.task_paths, "Task folders or files to solve")->required();
  cmd->add_option("--solutions", f.o.solutions, "Kaggle solutions file for a challenges file")->check(input_file());
  cmd->add_option("--programs", f.o.program_files,
                  "Seed program files (none: a search from nothing, enumeration makes the first programs)")
      ->check(input_file());
  cmd->add_option("--store", f.o.store, "The SQLite store (created when absent)")->required();
  cmd->add_option("--rounds", f.o.rounds, "Stop when the store has this many rounds")->check(CLI::NonNegativeNumber);
  cmd->add_option("--minutes", f.o.minutes, "Stop after this many minutes")->check(CLI::NonNegativeNumber);
  cmd->add_option("--seed", f.o.seed, "Random seed")->capture_default_str();
  cmd->add_option("--backend", f.backend,
                  "Where the rounds and the final attempts run: cpu, cuda (the GPU's device specs engine) or auto (the GPU "
                  "when usable); the results are the same")
      ->capture_default_str()
      ->check(CLI::IsMember({"cpu", "cuda", "auto"}));
  cmd->add_option("--jobs", f.o.jobs, "Evaluation threads (default: all cores); results do not depend on it");
  cmd->add_flag("--resume", f.o.resume, "Continue the search in --store");
  cmd->add_flag("--select-on-test", f.o.select_on_test,
                "Let known test outputs steer scores and selection (building a library on training tasks; the report "
                "says so); by default the search reads train pairs only and test outputs only for the final report");
  cmd->add_option("--shard", f.shard,
                  "Only shard I of N of the tasks (I/N, 0 <= I < N; by a hash of the task id, stable when tasks are "
                  "added): one job of a search split over many, joined by battc store merge")
      ->check([](const std::string& v) { return parse_shard(v) ? std::string() : "--shard takes I/N with 0 <= I < N"; });
  cmd->add_option("--submission", f.o.submission,
                  "Write the Kaggle submission.json: two attempts per test input from the kept programs");
  add_round_options(cmd, f.o);
  add_strategy_options(cmd, f.o);
  cmd->add_option("--report-json", f.report_json, "Write the search's figures as JSON");
  cmd->add_option("--cache-dir", f.cache_dir, "JIT cache (default: $BATTC_CACHE_DIR or ~/.cache/battc)");
  cmd->add_flag("-q,--quiet", f.quiet, "No progress lines");
  cmd->callback([] { set_exit_code(run_search_cmd(f)); });

  static std::string store, out;
  static bool best = false;
  auto* st = app.add_subcommand("store", "Work with a search store");
  st->require_subcommand(1);
  auto* ex = st->add_subcommand("export", "Write the store's kept programs as a program file battc run reads");
  ex->add_option("--store", store, "The SQLite store")->required()->check(input_file());
  ex->add_option("-o,--out", out, "The program file to write")->required();
  ex->add_flag("--best", best, "Only the first program of each task in the attempts' order (the one its first attempt comes from)");
  ex->callback([] {
    try {
      int n = search::export_store(store, out, best);
      fmt::print("wrote {} programs to {}\n", n, out);
      set_exit_code(0);
    } catch (const std::exception& e) {
      set_exit_code(report_error(api::input_error(e.what())));
    }
  });

  static std::vector<std::string> inputs;
  static std::string merged;
  auto* mg = st->add_subcommand("merge",
                                "Join stores of one search (shards, islands, machines): the union of their programs, "
                                "each task's best kept by the search's ranking, rounds and counts summed");
  mg->add_option("stores", inputs, "The stores to merge (same seeds and options; tasks may differ)")
      ->required()
      ->check(input_file());
  mg->add_option("-o,--out", merged, "The merged store to write (a new file)")->required();
  mg->callback([] {
    try {
      search::MergeReport r = search::merge_stores(inputs, merged);
      fmt::print("merged {} stores into {}: {} programs, {} tasks, {} rounds; battc search --resume continues it\n",
                 r.stores, merged, r.programs, r.tasks, r.rounds);
      set_exit_code(0);
    } catch (const std::exception& e) {
      set_exit_code(report_error(api::input_error(e.what())));
    }
  });
}

}  // namespace battc::runtime
