// runtime/exec/exec_options.h: how the CPU executor runs a batt: which
// programs meet which tasks, how many threads, the arena and work budgets of
// one evaluation, whether values are encoded for the dump, and progress.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace battc::runtime {

struct TaskResult;

// All: every program on every task (the batt cross product).
// ByName: solve_<id> / differ_<id> only on task <id> (canonical_ref's default).
enum class Pairing { All, ByName };

// All: every paired program on every sample (what a dump or a report shows).
// UntilTrainFails: the question is only which program solves which task. A
// task's samples run in order, train pairs first, and a solver stops on the
// task at its first train pair it does not match (wrong grid, not a grid,
// failed): its records on the task's later samples are marked skipped. The
// solved tasks are the same as with All; differs always run everywhere.
enum class Evaluation { All, UntilTrainFails };

inline constexpr std::uint64_t kMiB = std::uint64_t(1) << 20;

struct ExecOptions {
  Pairing pairing = Pairing::ByName;
  Evaluation evaluation = Evaluation::All;
  unsigned jobs = 0;                            // 0: std::thread::hardware_concurrency()
  std::uint64_t arena_bytes = 256 * kMiB;       // per evaluation thread, and per task prologue
  std::int64_t work_budget = 20'000'000;        // work units per statement
  bool dump = false;                            // keep every value's dump JSON
  bool grid_stats = false;                      // EvalRecord::hash and cells_equal (CPU path; search)
  // With grid_stats: every ok value gets EvalRecord::hash, not only grids
  // (the hash of its dump text; search's enumeration compares values of any
  // type by it). Costs an encoding of each program's result.
  bool value_hashes = false;
  // With value_hashes: EvalRecord::completes, whether one fill, underfill,
  // paint or subgrid of the input would make a value the known output
  // (completion_check.h; search's enumeration).
  bool completions = false;
  // With Evaluation::All: every task's first sample runs first, and a
  // program that ran out of work units there (Budget, Why::Work) on any task
  // is not run on any later sample: its records there say skipped, Budget,
  // Work. The search drops such a program whatever its other records say
  // (round_batt.cpp, drop_out_of_work), so what it keeps is the same; a
  // runaway mutant costs one sample per task instead of all of them. CPU
  // executor only (a GPU run evaluates everything, to the same end).
  bool skip_out_of_work = false;
  // Called on the thread that called execute(), a few times a second and once
  // at the end: work items (task, sample) done and in all.
  std::function<void(std::size_t done, std::size_t total)> progress;
  // When set and true (an interrupt: Ctrl-C), no further sample starts; what
  // was evaluated is kept and RunResult::partial says the rest is missing.
  const std::atomic<bool>* stop = nullptr;
  // Called by the CPU executor, on a worker thread, once every sample of a
  // task is done (or skipped after a stop): what the streamed dump writes
  // from (runtime/score/dump_writer.h). May change the task's texts.
  std::function<void(std::size_t task, TaskResult& result)> task_done;
};

}  // namespace battc::runtime
