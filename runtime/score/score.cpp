// runtime/score/score.cpp: counts matches per (task, program) and ranks a
// task's programs.
#include "runtime/score/score.h"

#include <algorithm>
#include <tuple>

#include "runtime/score/plausible.h"

namespace battc::runtime {

bool TaskScore::near_miss() const {
  if (!solved_by.empty() || ranked.empty()) return false;
  const ProgramScore& b = programs[ranked.front()];
  return b.train_matched == train_pairs && train_pairs > 0 && b.test_known > 0 && b.test_matched < b.test_known;
}

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

namespace {

// Whether program p predicts, for every test input of `task`, a grid that
// obeys `rules`.
bool predicts_plausibly(const TaskResult& result, const Task& task, const OutputRules& rules, int p) {
  for (const SampleResult& s : result.samples) {
    if (!s.is_test) continue;
    if (s.evals.empty() || std::size_t(s.index) >= task.test.size()) return false;
    const EvalRecord& r = s.evals[std::size_t(p)];
    if (!r.ok() || r.grid < 0 || !plausible(rules, task.test[std::size_t(s.index)].input, s.grids[std::size_t(r.grid)]))
      return false;
  }
  return true;
}

}  // namespace

Scores score(const RunResult& run, const std::vector<Task>& tasks) {
  Scores out = score(run);
  for (std::size_t t = 0; t < run.tasks.size() && t < tasks.size(); ++t) {
    if (run.tasks[t].id != tasks[t].id) continue;
    const OutputRules rules = output_rules(tasks[t]);
    TaskScore& ts = out.tasks[t];
    for (int p = 0; p < int(ts.programs.size()); ++p)
      if (ts.programs[std::size_t(p)].paired)
        ts.programs[std::size_t(p)].plausible = predicts_plausibly(run.tasks[t], tasks[t], rules, p);
  }
  return out;
}

Scores score(const RunResult& run) {
  Scores out;
  int n = int(run.programs.size());
  for (const TaskResult& task : run.tasks) {
    TaskScore& ts = out.tasks.emplace_back();
    ts.programs.resize(n);
    for (const SampleResult& sample : task.samples) ts.train_pairs += !sample.is_test;
    for (int p = 0; p < n; ++p) {
      ts.programs[p] = score_program(run, task, p);
      if (ts.programs[p].solved) ts.solved_by.push_back(p);
      if (ts.programs[p].paired && !run.is_differ[p]) ts.ranked.push_back(p);
    }
    auto key = [&](int p) {
      const ProgramScore& s = ts.programs[p];
      return std::make_tuple(!s.solved, -s.train_matched, -s.test_matched);
    };
    std::stable_sort(ts.ranked.begin(), ts.ranked.end(), [&](int a, int b) {
      auto ka = key(a), kb = key(b);
      return ka != kb ? ka < kb : run.programs[a] < run.programs[b];
    });
    out.tasks_solved += !ts.solved_by.empty();
    out.near_misses += ts.near_miss();
  }
  return out;
}

}  // namespace battc::runtime
