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

// What ranks programs of equal scores (ranking.h): statements, then
// description length.
struct ProgramSize {
  int length = 0, bits = 0;
};

class RoundScores {
 public:
  RoundScores(const RunResult& run, const std::vector<Task>& tasks);
  // Program p's scores on the tasks it ran on (source and length unset).
  std::vector<TaskScore> of_program(int p) const;
  // Program p's score on task t (source and length unset); p must have run on t.
  TaskScore score(std::size_t t, int p) const;
  // Whether program p ran on task t.
  bool ran(std::size_t t, int p) const { return run_.tasks[t].want.size() > std::size_t(p) && run_.tasks[t].want[p]; }
  // Task t's programs, one per distinct output signature (the best of each
  // group by better()), best first. `source` is asked only of a group's best
  // and of programs that tie with it before the text decides.
  std::vector<ScoredCandidate> distinct_best(std::size_t t, const std::function<std::string(int)>& source,
                                             const std::function<ProgramSize(int)>& size) const;

 private:
  const RunResult& run_;
  const std::vector<Task>& tasks_;
  std::vector<OutputRules> rules_;  // per task, what its train outputs obey
};

inline RoundScores score_round(const RunResult& run, const std::vector<Task>& tasks) { return RoundScores(run, tasks); }

}  // namespace battc::runtime::search
