// runtime/search/search.h: battc search, card.py + run_batt.py done with
// types: rounds of draw parents -> mutate (typed) -> dedup by text and IR ->
// evaluate (the run API, specs engine) -> dedup by outputs -> score -> keep
// the best per task in the store. docs/search.md has the design.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "runtime/api/api_result.h"
#include "runtime/api/run_batt.h"

namespace battc::runtime::search {

struct SearchOptions {
  std::vector<std::string> task_paths;  // the tasks to solve
  std::string solutions;                // a Kaggle solutions file
  std::vector<std::string> program_files;  // seed solvers (and differs)
  std::string store;                    // the SQLite file
  int rounds = 0;                       // stop after this round (0: by time)
  double minutes = 0;                   // stop after this long (0: by rounds)
  std::uint64_t seed = 1;
  unsigned jobs = 0;
  bool resume = false;                  // continue a store (else it must be new)
  // Where round 0 runs the seeds: "all" (every seed on every task: a task no
  // seed was written for starts from the seeds that do best on it, and one
  // that fits it as written is kept) or "own" (each on the task it is named
  // for, solve_<id>).
  std::string seeds_on = "all";
  // With seeds_on "all": round 0 also runs each seed's conjugates by the
  // grid's turns and mirrors (generator/mutate/conjugates.h), kept where
  // they fit.
  bool conjugates = true;
  // Known test outputs steer nothing unless this is set (building a program
  // library on training tasks): scores, selection, dedup and stopping read
  // train pairs only, and the test outputs are read once, for the report.
  bool select_on_test = false;
  std::string submission;               // write the Kaggle submission.json here ("" none)
  // Where the rounds and the final attempts (the kept programs run on every
  // task once, at the end) are evaluated: Cuda on the GPU (the device specs
  // engine; an error without a usable one), Auto on a usable GPU, else the
  // CPU. The results are the same on either (one semantics); a GPU item out
  // of its arena or work cap is re-run on the CPU.
  api::Backend backend = api::Backend::Cpu;
  // Only the tasks of shard shard_index of shard_count (by a hash of the task
  // id, so shards are stable when tasks are added): for running one search
  // as several jobs whose stores `battc store merge` joins.
  int shard_index = 0, shard_count = 1;
  int tasks_per_round = 32;             // tasks drawn each round (unsolved ones 4x as likely)
  int parents_per_task = 8;
  int mutants_per_parent = 16;  // large rounds: the per-round compile and store costs are fixed
  int keep = 5;                         // best programs kept per task
  // Statement shapes (specializations) new to the search a round may bring
  // in: each costs a compile (about 25 ms of compiler time), and mutants of
  // closures make far more of them than the evaluation can pay for. Over
  // the budget, a candidate waits (is dropped this round; counted).
  int new_shapes_per_round = 8;
  // The strategies rounds use: "auto" (enumeration and mutation, each round
  // to the one that found more lately), "mutate" or "enumerate" only.
  std::string strategy = "auto";
  // Enumeration (docs/search.md "Enumeration"): tasks per round, levels,
  // calls per level (the smallest expressions first) and the shapes new to
  // the search a round may bring in (they are what enumeration explores).
  int enumerate_tasks = 8;
  int enumerate_depth = 3;
  int enumerate_calls = 20000;
  int enumerate_shapes = 96;
  // What orders a level's calls (generator/enumerate/prior.h): "seeds" (the
  // seeds' primitives and constants first; flat when there are none) or
  // "flat" (the shortest expressions first).
  std::string enumerate_prior = "seeds";
  // What enumeration's completions take besides the levels' values
  // (generator/enumerate/library.h): "seeds" (every seed statement's value,
  // an expression over I, run at the start of each enumeration round) or
  // "none".
  std::string enumerate_library = "seeds";
  // Budgets of one evaluation, as battc run's (so the store and a run of its
  // export agree on every program).
  std::uint64_t arena_bytes = ExecOptions{}.arena_bytes;
  std::int64_t work_budget = ExecOptions{}.work_budget;
  jit::JitOptions jit;
  std::function<void(const std::string&)> note;  // progress lines
  // Checked between rounds; true stops after the round in flight is stored.
  std::function<bool()> stop_requested;
  // Called at each phase of each round (RoundPhase's names) and at its end
  // ("stored", inside the round's transaction): tests kill or break a search
  // at a known point with it.
  std::function<void(int round, const char* phase)> phase_hook;
};

struct MutationStats {
  std::int64_t made = 0, improved = 0, discarded = 0;  // discarded: the checker refused it
  MutationStats& operator+=(const MutationStats& o) {
    made += o.made, improved += o.improved, discarded += o.discarded;
    return *this;
  }
};

// What the rounds of one strategy ("mutate", "enumerate") did in this call.
struct StrategyStats {
  int rounds = 0;
  std::int64_t evaluations = 0, improved = 0;  // improved: tasks whose best kept program got better
  double seconds = 0;
};

// Where a search's evaluations ran: rounds on the GPU, their evaluations on
// the device and those handed back to the CPU, and the CPU's own rounds.
struct BackendStats {
  int gpu_runs = 0, cpu_runs = 0;  // batt runs (a round runs one, an enumeration round one per level)
  std::int64_t gpu_evaluations = 0, gpu_fallback_evaluations = 0, cpu_evaluations = 0;
  double gpu_compile_s = 0;      // device spec packs compiled and linked
  std::int64_t gpu_shapes_compiled = 0;
  std::string gpu_engine;        // "device specs" once a round ran on the GPU
  void add(const api::RunOutcome& o);
};

struct SearchReport {
  int rounds = 0;  // rounds run by this call
  std::int64_t candidates = 0, rejected = 0, unique = 0, evaluations = 0;
  std::int64_t over_shape_budget = 0;  // candidates dropped for new_shapes_per_round
  // Candidates skipped because they need a statement shape that no spec pack
  // has and no C++ compiler is here to make (prebuilt packs only).
  std::int64_t skipped_no_compiler = 0;
  double seconds = 0;
  double generate_s = 0, compile_s = 0, run_s = 0, score_s = 0, store_s = 0;
  // Tasks whose best kept program is right on every train pair (with
  // select_on_test: and on every known test output): all, the seeds', and
  // those no seed fit.
  int tasks = 0, fits_train = 0, fits_train_by_seeds = 0;
  std::vector<std::string> new_fits_train;
  // The attempts (two per test input, the kept programs ranked as battc run
  // ranks them) scored against the known test outputs, once, at the end:
  // tasks with every test output known, those verified (every test input
  // matched by an attempt), Kaggle's score (the sum of the tasks' matched
  // fractions), and near misses (fit train, not verified).
  int scored_tasks = 0, verified = 0, near_misses = 0;
  double kaggle_score = 0;
  std::vector<std::string> verified_tasks;
  bool select_on_test = false;  // the report says when test outputs steered the search
  std::map<std::string, MutationStats> mutations;  // this call's
  std::map<std::string, StrategyStats> strategies;  // this call's rounds by strategy
  // Enumeration: calls run, calls whose values were new (pooled), levels
  // its bound on calls cut short, completions run (completions.h).
  std::int64_t enumerated_calls = 0, enumerated_pooled = 0, enumeration_cut_levels = 0, enumerated_completions = 0,
               enumerated_fragments = 0;
  // Per task that fits train, the kind that made its best program ("seed",
  // a mutation kind, "enumerate"): what each strategy found.
  std::map<std::string, int> fits_train_by_kind;
  bool interrupted = false;  // stop_requested said stop before the rounds or minutes ran out
  BackendStats backend;      // this call's rounds by where they ran
};

// What an options value must hold before any work (tasks, seeds, a store,
// rounds or minutes, sizes at least 1); nullopt: fine. run_search checks it
// too, so no front end can start a search that does nothing.
std::optional<api::ApiError> check_search_options(const SearchOptions& options);

// Runs the search. Bad input (tasks, seeds, a store of other inputs) is an
// Input error, options check_search_options refuses a Usage error, a bug of
// battc's an Internal error; the store keeps every round finished before.
api::ApiResult<SearchReport> run_search(const SearchOptions& options);

class Store;
// One program of kept_programs_text: its name there, its id, its task.
struct KeptName {
  std::string name;
  std::int64_t program = 0;
  std::string task;
};
// The store's kept programs as program text, each task's in attempt_order
// (ranking.h), each named solve_<task> (the first) or solve_<task>_<n>, so
// that battc run --pairing by-name pairs them with their task and
// --attempt-order given makes the search's attempts; `count` (when given)
// gets how many, `names` what each name stands for.
std::string kept_programs_text(Store& store, bool best_only, int* count = nullptr,
                               std::vector<KeptName>* names = nullptr);

// The store's kept programs as a program file, as kept_programs_text writes
// them; with best_only, only each task's first.
// Returns the number of programs written.
int export_store(const std::string& store_path, const std::string& out_path, bool best_only);

}  // namespace battc::runtime::search
