// runtime/score/score.cpp: counts matches per (task, program).
#include "runtime/score/score.h"

namespace battc::runtime {

ProgramScore score_program(const RunResult& run, const TaskResult& task, int p) {
  ProgramScore s;
  s.paired = task.want[p] != 0;
  if (!s.paired) return s;
  bool all = true;
  for (const SampleResult& sample : task.samples) {
    if (sample.is_test && !sample.has_expected) continue;
    bool match = !sample.evals.empty() && sample.evals[p].ok() && sample.evals[p].matches();
    all = all && match;
    if (!sample.is_test) {
      s.train_matched += match;
    } else {
      ++s.test_known;
      s.test_matched += match;
    }
  }
  s.solved = all && !run.is_differ[p];
  return s;
}

Scores score(const RunResult& run) {
  Scores out;
  int n = int(run.programs.size());
  for (const TaskResult& task : run.tasks) {
    TaskScore& ts = out.tasks.emplace_back();
    ts.programs.resize(n);
    for (int p = 0; p < n; ++p) {
      ts.programs[p] = score_program(run, task, p);
      if (ts.programs[p].solved) ts.solved_by.push_back(p);
    }
    out.tasks_solved += !ts.solved_by.empty();
  }
  return out;
}

}  // namespace battc::runtime
