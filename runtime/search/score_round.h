// runtime/search/score_round.h: a round's evaluations as search scores: per
// (program, task) exact matches on train pairs and known test outputs, the
// cell accuracy of right-shaped train outputs (what lets search climb), and
// per task the programs with distinct outputs (icecuber's rule: programs
// with the same outputs on every sample are one; the shortest stays).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "runtime/exec/run_result.h"
#include "runtime/score/plausible.h"
#include "runtime/search/store.h"
#include "runtime/tasks/task.h"

namespace battc::runtime::search {

struct ScoredCandidate {
  int program = 0;  // index into RunResult::programs
  TaskScore score;  // its source and length filled in
};

class RoundScores {
 public:
  RoundScores(const RunResult& run, const std::vector<Task>& tasks);
  // Program p's scores on the tasks it ran on (source and length unset).
  std::vector<TaskScore> of_program(int p) const;
  // Task t's programs, one per distinct output signature (the best of each
  // group by better()), best first.
  std::vector<ScoredCandidate> distinct_best(std::size_t t, const std::function<std::string(int)>& source,
                                             const std::function<int(int)>& length) const;

 private:
  TaskScore score(std::size_t t, int p) const;
  const RunResult& run_;
  const std::vector<Task>& tasks_;
  std::vector<OutputRules> rules_;  // per task, what its train outputs obey
};

inline RoundScores score_round(const RunResult& run, const std::vector<Task>& tasks) { return RoundScores(run, tasks); }

}  // namespace battc::runtime::search
