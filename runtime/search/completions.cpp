// runtime/search/completions.cpp
#include "runtime/search/completions.h"

#include <set>

#include "runtime/exec/completion_check.h"

namespace battc::runtime::search {

std::vector<CompletionTarget> completion_targets(const Task& task) {
  if (task.train.empty()) return {};
  std::set<int> new_colours;
  bool same_shape = true, inside = true;
  for (const Sample& s : task.train) {
    const GridData& in = s.input;
    const GridData& out = *s.output;
    inside = inside && out.h <= in.h && out.w <= in.w;
    if (in.h != out.h || in.w != out.w) {
      same_shape = false;
      continue;
    }
    for (std::size_t c = 0; c < in.cells.size(); ++c)
      if (in.cells[c] != out.cells[c]) new_colours.insert(out.cells[c]);
  }
  std::vector<CompletionTarget> out;
  if (!same_shape) {
    if (inside) out.push_back({"subgrid", -1, kCompletesSubgrid});
    return out;
  }
  if (new_colours.empty()) return {};
  if (new_colours.size() == 1) {
    out.push_back({"fill", *new_colours.begin(), kCompletesFill});
    out.push_back({"underfill", *new_colours.begin(), kCompletesUnderfill});
  }
  out.push_back({"paint", -1, kCompletesPaint});
  return out;
}

TaskCompletions task_completions(const Task& task) {
  TaskCompletions out;
  out.single = completion_targets(task);
  if (task.train.empty()) return out;
  std::set<int> all;
  bool one_each = true;
  for (const Sample& s : task.train) {
    const GridData& in = s.input;
    const GridData& o = *s.output;
    if (in.h != o.h || in.w != o.w) return out;
    std::set<int> here;
    for (std::size_t c = 0; c < in.cells.size(); ++c)
      if (in.cells[c] != o.cells[c]) here.insert(o.cells[c]);
    one_each = one_each && here.size() == 1;
    all.insert(here.begin(), here.end());
  }
  if (all.size() < 2) return out;
  for (int c : all)
    if (c >= 0 && c < 10) out.fill_chain.push_back(c);
  if (out.fill_chain.size() != all.size()) out.fill_chain.clear();
  out.colour_by_value = one_each;
  return out;
}

bool fills_colour(const TaskResult& result, int p, int colour) {
  bool any = false;
  for (const SampleResult& s : result.samples) {
    if (s.is_test) continue;
    if (s.evals.empty()) return false;
    const EvalRecord& r = s.evals[std::size_t(p)];
    if (!r.ok() || !(r.fill_colours >> colour & 1)) return false;
    any = true;
  }
  return any;
}

bool completes(const TaskResult& result, int p, const CompletionTarget& target) {
  bool any = false;
  for (const SampleResult& s : result.samples) {
    if (s.is_test) continue;
    if (s.evals.empty()) return false;
    const EvalRecord& r = s.evals[std::size_t(p)];
    if (!r.ok() || !(r.completes & target.flag)) return false;
    any = true;
  }
  return any;
}

}  // namespace battc::runtime::search
