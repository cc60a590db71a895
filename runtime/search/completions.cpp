// runtime/search/completions.cpp
#include "runtime/search/completions.h"

#include <algorithm>
#include <set>

#include "runtime/search/candidates.h"

namespace battc::runtime::search {
namespace {

// EvalRecord::hash of a non-grid value: FNV-1a of its dump text, never 0
// (runtime/exec/record_output.cpp).
std::uint64_t value_hash(const std::string& text) {
  std::uint64_t h = text_hash(text);
  return h ? h : 1;
}

void put_cell(std::string& s, int i, int j) {
  s += '[';
  s += std::to_string(i);
  s += ',';
  s += std::to_string(j);
  s += ']';
}

}  // namespace

std::string indices_text(const std::vector<std::pair<int, int>>& cells) {
  std::vector<std::pair<int, int>> sorted = cells;
  std::sort(sorted.begin(), sorted.end());
  std::string s = "{\"set\":[";
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    if (k) s += ',';
    put_cell(s, sorted[k].first, sorted[k].second);
  }
  return s + "]}";
}

std::string object_text(std::vector<std::pair<int, std::pair<int, int>>> cells) {
  std::sort(cells.begin(), cells.end());
  std::string s = "{\"set\":[";
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (k) s += ',';
    s += '[';
    s += std::to_string(cells[k].first);
    s += ',';
    put_cell(s, cells[k].second.first, cells[k].second.second);
    s += ']';
  }
  return s + "]}";
}

std::vector<CompletionTarget> completion_targets(const Task& task) {
  if (task.train.empty()) return {};
  std::set<int> new_colours;
  bool changed = false;
  CompletionTarget fill_cells{"fill", -1, {}}, fill_object{"fill", -1, {}}, paint{"paint", -1, {}};
  for (const Sample& s : task.train) {
    const GridData& in = s.input;
    const GridData& out = *s.output;
    if (in.h != out.h || in.w != out.w) return {};
    std::vector<std::pair<int, int>> cells;
    std::vector<std::pair<int, std::pair<int, int>>> was, now;
    for (int i = 0; i < in.h; ++i)
      for (int j = 0; j < in.w; ++j) {
        if (in.at(i, j) == out.at(i, j)) continue;
        cells.push_back({i, j});
        was.push_back({in.at(i, j), {i, j}});
        now.push_back({out.at(i, j), {i, j}});
        new_colours.insert(out.at(i, j));
      }
    changed = changed || !cells.empty();
    fill_cells.hashes.push_back(value_hash(indices_text(cells)));
    fill_object.hashes.push_back(value_hash(object_text(std::move(was))));
    paint.hashes.push_back(value_hash(object_text(std::move(now))));
  }
  if (!changed) return {};
  std::vector<CompletionTarget> out;
  if (new_colours.size() == 1) {
    fill_cells.colour = fill_object.colour = *new_colours.begin();
    out.push_back(std::move(fill_cells));
    out.push_back(std::move(fill_object));
  }
  out.push_back(std::move(paint));
  return out;
}

bool completes(const TaskResult& result, int p, const CompletionTarget& target) {
  std::size_t train = 0;
  for (const SampleResult& s : result.samples) {
    if (s.is_test) continue;
    if (s.evals.empty() || std::size_t(s.index) >= target.hashes.size()) return false;
    const EvalRecord& r = s.evals[std::size_t(p)];
    if (!r.ok() || r.hash != target.hashes[std::size_t(s.index)]) return false;
    ++train;
  }
  return train == target.hashes.size();
}

}  // namespace battc::runtime::search
