// runtime/score/score.h: which program solves which task. A program solves a
// task when it is ok and matches on every train pair and on every test pair
// whose output is known. Differs are never solving: they are only reported.
#pragma once

#include <cstddef>
#include <vector>

#include "runtime/exec/run_result.h"
#include "runtime/tasks/task.h"

namespace battc::runtime {

struct ProgramScore {
  bool paired = false;    // the program ran on the task
  bool solved = false;
  int train_matched = 0;  // train pairs where it is ok and matches
  int test_matched = 0;   // test pairs with a known output where it matches
  int test_known = 0;     // test pairs with a known output
  // Its prediction for every test input is a grid that obeys what the train
  // pairs do (plausible.h); true when the run's tasks were not given.
  bool plausible = true;
};

struct TaskScore {
  std::vector<ProgramScore> programs;  // indexed like RunResult::programs
  std::vector<int> solved_by;          // program indices, in the batt's order
  // The paired solvers (not differs), best first: solved, then train pairs
  // matched, then known test pairs matched, then name. Even when nothing
  // solves the task, ranked[0] is how close the run came.
  std::vector<int> ranked;
  int train_pairs = 0;  // train samples of the task
  // Right on every train pair but wrong on a known test output.
  bool near_miss() const;
};

struct Scores {
  std::vector<TaskScore> tasks;  // indexed like RunResult::tasks
  std::size_t tasks_solved = 0;
  std::size_t near_misses = 0;  // unsolved tasks whose best is a near miss
};

ProgramScore score_program(const RunResult& run, const TaskResult& task, int program);

Scores score(const RunResult& run);
// With the run's tasks (RunResult::tasks' order), each program's plausible
// flag too.
Scores score(const RunResult& run, const std::vector<Task>& tasks);

}  // namespace battc::runtime
