// runtime/score/submission.cpp: ranking and the attempts of each test input.
#include "runtime/score/submission.h"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <stdexcept>

namespace battc::runtime {

namespace {

GridData zero_grid() { return GridData{1, 1, {0}}; }

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

std::vector<GridData> submission_attempts(const RunResult& run, const TaskResult& task, const TaskScore& score,
                                          const SampleResult& s) {
  std::vector<int> ranked;
  for (int p = 0; p < int(run.programs.size()); ++p) {
    if (!task.want[p] || run.is_differ[p] || s.evals.empty()) continue;
    const EvalRecord& r = s.evals[p];
    if (!r.ok() || r.grid < 0) continue;
    const GridData& g = s.grids[r.grid];
    if (g.h > 0 && g.w > 0) ranked.push_back(p);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [&](int a, int b) {
    int ma = score.programs[a].train_matched, mb = score.programs[b].train_matched;
    return ma != mb ? ma > mb : run.programs[a] < run.programs[b];
  });
  std::vector<int> picked;  // distinct grid indices
  for (int p : ranked) {
    int g = s.evals[p].grid;
    if (std::find(picked.begin(), picked.end(), g) == picked.end()) picked.push_back(g);
    if (picked.size() == 2) break;
  }
  std::vector<GridData> out;
  for (int g : picked) out.push_back(s.grids[g]);
  while (out.size() < 2) out.push_back(zero_grid());
  return out;
}

nlohmann::json submission_json(const RunResult& run, const Scores& scores) {
  nlohmann::json sub = nlohmann::json::object();
  for (std::size_t t = 0; t < run.tasks.size(); ++t) {
    const TaskResult& task = run.tasks[t];
    nlohmann::json inputs = nlohmann::json::array();
    for (const SampleResult& s : task.samples) {
      if (!s.is_test) continue;
      std::vector<GridData> a = submission_attempts(run, task, scores.tasks[t], s);
      inputs.push_back({{"attempt_1", grid_json(a[0])}, {"attempt_2", grid_json(a[1])}});
    }
    sub[task.id] = std::move(inputs);
  }
  return sub;
}

void write_submission_file(const std::filesystem::path& file, const RunResult& run, const Scores& scores) {
  std::ofstream out(file, std::ios::binary);
  if (!out) throw std::runtime_error(file.string() + ": cannot open for writing");
  out << submission_json(run, scores).dump() << '\n';
  out.flush();
  if (!out) throw std::runtime_error(file.string() + ": write failed");
}

}  // namespace battc::runtime
