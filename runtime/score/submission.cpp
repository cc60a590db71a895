// runtime/score/submission.cpp: the attempts of each test input, by one ranking.
#include "runtime/score/submission.h"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <stdexcept>

namespace battc::runtime {

namespace {

GridData zero_grid() { return GridData{1, 1, {0}}; }

// What Kaggle accepts as an attempt: 1 to 30 rows and columns of colours 0-9.
// A program may return any grid the DSL can make (a cell of -1 from
// arithmetic on colours, 0 rows); such an output is no attempt, whatever its
// rank.
bool arc_grid(const GridData& g) {
  if (g.h < 1 || g.w < 1 || g.h > 30 || g.w > 30) return false;
  return std::all_of(g.cells.begin(), g.cells.end(), [](int v) { return v >= 0 && v <= 9; });
}

}  // namespace

nlohmann::json grid_json(const GridData& g) {
  nlohmann::json rows = nlohmann::json::array();
  for (int i = 0; i < g.h; ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (int j = 0; j < g.w; ++j) row.push_back(g.at(i, j));
    rows.push_back(std::move(row));
  }
  return rows;
}

AttemptRank attempt_rank(const RunResult& run, const TaskResult& task, const TaskScore& score, int p,
                         AttemptOrder order) {
  AttemptRank k;
  k.train_right = score.programs[p].train_matched;
  k.plausible = score.programs[p].plausible;
  k.order = order == AttemptOrder::Given ? p : 0;
  k.length = static_cast<std::size_t>(p) < run.statements.size() ? static_cast<int>(run.statements[p].size()) : 0;
  for (const SampleResult& s : task.samples)
    if (!s.is_test && !s.evals.empty() && s.evals[p].ok()) k.cells_right += s.evals[p].cells_equal;
  k.name = &run.programs[p];
  return k;
}

bool attempt_before(const AttemptRank& a, const AttemptRank& b) {
  if (a.train_right != b.train_right) return a.train_right > b.train_right;
  if (a.plausible != b.plausible) return a.plausible;
  if (a.order != b.order) return a.order < b.order;
  if (a.length != b.length) return a.length < b.length;
  if (a.cells_right != b.cells_right) return a.cells_right > b.cells_right;
  return *a.name < *b.name;
}

std::vector<GridData> submission_attempts(const RunResult& run, const TaskResult& task, const TaskScore& score,
                                          const SampleResult& s, AttemptOrder order) {
  std::vector<std::pair<AttemptRank, int>> ranked;
  for (int p = 0; p < int(run.programs.size()); ++p) {
    if (!task.want[p] || run.is_differ[p] || s.evals.empty()) continue;
    const EvalRecord& r = s.evals[p];
    if (!r.ok() || r.grid < 0) continue;
    if (arc_grid(s.grids[r.grid])) ranked.emplace_back(attempt_rank(run, task, score, p, order), p);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return attempt_before(a.first, b.first); });
  std::vector<int> picked;  // distinct grid indices
  for (const auto& [rank, p] : ranked) {
    int g = s.evals[p].grid;
    if (std::find(picked.begin(), picked.end(), g) == picked.end()) picked.push_back(g);
    if (picked.size() == 2) break;
  }
  std::vector<GridData> out;
  for (int g : picked) out.push_back(s.grids[g]);
  while (out.size() < 2) out.push_back(zero_grid());
  return out;
}

nlohmann::json submission_json(const RunResult& run, const Scores& scores, AttemptOrder order) {
  nlohmann::json sub = nlohmann::json::object();
  for (std::size_t t = 0; t < run.tasks.size(); ++t) {
    const TaskResult& task = run.tasks[t];
    nlohmann::json inputs = nlohmann::json::array();
    for (const SampleResult& s : task.samples) {
      if (!s.is_test) continue;
      std::vector<GridData> a = submission_attempts(run, task, scores.tasks[t], s, order);
      inputs.push_back({{"attempt_1", grid_json(a[0])}, {"attempt_2", grid_json(a[1])}});
    }
    sub[task.id] = std::move(inputs);
  }
  return sub;
}

void write_submission_file(const std::filesystem::path& file, const RunResult& run, const Scores& scores,
                           AttemptOrder order) {
  std::ofstream out(file, std::ios::binary);
  if (!out) throw std::runtime_error(file.string() + ": cannot open for writing");
  out << submission_json(run, scores, order).dump() << '\n';
  out.flush();
  if (!out) throw std::runtime_error(file.string() + ": write failed");
}

}  // namespace battc::runtime
