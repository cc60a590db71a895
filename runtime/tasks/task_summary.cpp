// runtime/tasks/task_summary.cpp: see task_summary.h.
#include "runtime/tasks/task_summary.h"

#include <algorithm>

namespace battc::runtime {

TaskSummary summarize(const std::vector<Task>& tasks) {
  TaskSummary s;
  s.tasks = tasks.size();
  bool any = false;
  auto see = [&](const GridData& g) {
    s.min_h = any ? std::min(s.min_h, g.h) : g.h;
    s.max_h = any ? std::max(s.max_h, g.h) : g.h;
    s.min_w = any ? std::min(s.min_w, g.w) : g.w;
    s.max_w = any ? std::max(s.max_w, g.w) : g.w;
    any = true;
  };
  for (const auto& t : tasks) {
    s.train_samples += t.train.size();
    s.test_samples += t.test.size();
    for (const auto* samples : {&t.train, &t.test}) {
      for (const auto& sample : *samples) {
        see(sample.input);
        if (sample.output) see(*sample.output);
      }
    }
    for (const auto& sample : t.test) s.test_outputs_known += sample.output ? 1 : 0;
  }
  return s;
}

}  // namespace battc::runtime
