// runtime/search/score_round.cpp
#include "runtime/search/score_round.h"

#include <algorithm>
#include <map>

namespace battc::runtime::search {

RoundScores::RoundScores(const RunResult& run, const std::vector<Task>& tasks) : run_(run), tasks_(tasks) {
  for (const Task& t : tasks) rules_.push_back(output_rules(t));
}

TaskScore RoundScores::score(std::size_t t, int p) const {
  const TaskResult& tr = run_.tasks[t];
  const Task& task = tasks_[t];
  TaskScore s;
  s.task = tr.id;
  double accuracy = 0, shapes = 0;
  std::uint64_t outputs = 1469598103934665603ull;
  for (const SampleResult& sr : tr.samples) {
    if (sr.evals.empty()) continue;
    const EvalRecord& e = sr.evals[p];
    // What it gave here: its grid, or how it failed.
    outputs = (outputs ^ (e.ok() && e.is_grid() ? e.hash : 0x100u + e.status)) * 1099511628211ull;
    if (!sr.is_test) {
      ++s.train_total;
      s.train_right += e.matches();
      const GridData& want = *task.train[sr.index].output;
      if (e.ok() && e.is_grid() && !want.cells.empty()) accuracy += double(e.cells_equal) / double(want.cells.size());
      shapes += e.ok() && e.shape_right();
      continue;
    }
    // The prediction, read for its plausibility only (its test input and
    // the train pairs; never a test output).
    const bool predicted = e.ok() && e.is_grid() && e.grid >= 0 && std::size_t(sr.index) < task.test.size();
    s.plausible = s.plausible && predicted &&
                  plausible(rules_[t], task.test[std::size_t(sr.index)].input, sr.grids[std::size_t(e.grid)]);
    if (sr.has_expected) {
      ++s.test_known;
      s.test_right += e.matches();
    }
  }
  if (s.train_total > 0) s.cell_accuracy = accuracy / s.train_total;
  // Partial credit: the mean of the cell accuracy and the share of train
  // outputs of the right shape, so that where the outputs' size is the
  // puzzle (crops, scalings) a program of the right size ranks above one of
  // the wrong size before any cell is right. Where every candidate keeps the
  // shape, this orders as the cell accuracy alone. A known test output
  // counts like a train pair, so a program right on it beats a near miss of
  // the same train record.
  const double partial = s.train_total > 0 ? (s.cell_accuracy + shapes / s.train_total) / 2 : 0;
  s.score = (s.train_right + s.test_right + partial) / (s.train_total + s.test_known + 1);
  bool train_all = s.train_total > 0 && s.train_right == s.train_total;
  s.solved = train_all && s.test_right == s.test_known;
  s.near_miss = train_all && s.test_right < s.test_known;
  s.outputs = outputs ? outputs : 1;  // 0 means unknown
  return s;
}

std::vector<TaskScore> RoundScores::of_program(int p) const {
  std::vector<TaskScore> out;
  for (std::size_t t = 0; t < run_.tasks.size(); ++t)
    if (ran(t, p)) out.push_back(score(t, p));
  return out;
}

std::vector<ScoredCandidate> RoundScores::distinct_best(std::size_t t, const std::function<std::string(int)>& source,
                                                        const std::function<ProgramSize(int)>& size) const {
  // Grouped by the outputs hash score() computes, the key the store's kept
  // order uses too (ranking.h's rank).
  // Texts are read only where they decide (better() compares them last):
  // copying every program's text for every task was most of this call.
  std::map<std::uint64_t, ScoredCandidate> groups;
  for (int p = 0; p < static_cast<int>(run_.programs.size()); ++p) {
    if (!ran(t, p)) continue;
    ScoredCandidate c{p, score(t, p)};
    const ProgramSize ps = size(p);
    c.score.length = ps.length;
    c.score.bits = ps.bits;
    auto [it, fresh] = groups.emplace(c.score.outputs, c);
    if (fresh) continue;
    TaskScore& held = it->second.score;
    const bool tied = c.score.score == held.score && c.score.plausible == held.plausible &&
                      c.score.written == held.written && c.score.length == held.length &&
                      c.score.bits == held.bits;
    if (tied) {
      c.score.source = source(p);
      if (held.source.empty()) held.source = source(it->second.program);
    }
    if (better(c.score, held)) it->second = std::move(c);
  }
  std::vector<ScoredCandidate> out;
  for (auto& [sig, c] : groups) {
    if (c.score.source.empty()) c.score.source = source(c.program);
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return better(a.score, b.score); });
  return out;
}

}  // namespace battc::runtime::search
