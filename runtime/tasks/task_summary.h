// runtime/tasks/task_summary.h: counts over a set of loaded tasks (samples,
// known test outputs, grid size range), for `battc tasks` and for logs.
#pragma once

#include <cstddef>
#include <vector>

#include "runtime/tasks/task.h"

namespace battc::runtime {

struct TaskSummary {
  std::size_t tasks = 0;
  std::size_t train_samples = 0;
  std::size_t test_samples = 0;
  std::size_t test_outputs_known = 0;
  // Over every input and output grid; all 0 when there are none.
  int min_h = 0, max_h = 0, min_w = 0, max_w = 0;
};

TaskSummary summarize(const std::vector<Task>& tasks);

}  // namespace battc::runtime
