// runtime/score/score.h: which program solves which task. A program solves a
// task when it is ok and matches on every train pair and on every test pair
// whose output is known. Differs are never solving: they are only reported.
#pragma once

#include <cstddef>
#include <vector>

#include "runtime/exec/run_result.h"

namespace battc::runtime {

struct ProgramScore {
  bool paired = false;    // the program ran on the task
  bool solved = false;
  int train_matched = 0;  // train pairs where it is ok and matches
  int test_matched = 0;   // test pairs with a known output where it matches
  int test_known = 0;     // test pairs with a known output
};

struct TaskScore {
  std::vector<ProgramScore> programs;  // indexed like RunResult::programs
  std::vector<int> solved_by;          // program indices, in the batt's order
};

struct Scores {
  std::vector<TaskScore> tasks;  // indexed like RunResult::tasks
  std::size_t tasks_solved = 0;
};

ProgramScore score_program(const RunResult& run, const TaskResult& task, int program);

Scores score(const RunResult& run);

}  // namespace battc::runtime
