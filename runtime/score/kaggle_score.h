// runtime/score/kaggle_score.h: a submission scored as Kaggle's ARC Prize
// scores it: a test input counts when one of its two attempts equals its
// output; a task scores the fraction of its test inputs that count; the
// score is the sum over tasks. Only tasks whose every test output is known
// are scored (the others are counted as unscored).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runtime/tasks/task.h"

namespace battc::runtime {

struct SubmissionScore {
  int scored = 0;      // tasks with every test output known
  int unscored = 0;    // tasks with some test output unknown
  int verified = 0;    // scored tasks whose every test input is matched
  double score = 0;    // sum over scored tasks of the fraction matched
  std::vector<std::string> verified_tasks;  // ids, in the order of `tasks`
};

// `submission`: {task id: [{"attempt_1": grid, "attempt_2": grid}, ...]}; a
// task missing from it, or with fewer entries than test inputs, scores 0
// there.
SubmissionScore score_submission(const nlohmann::json& submission, const std::vector<Task>& tasks);

}  // namespace battc::runtime
