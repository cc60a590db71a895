// runtime/search/completions.cpp
#include "runtime/search/completions.h"

#include <algorithm>
#include <set>

#include "runtime/exec/completion_check.h"

namespace battc::runtime::search {

namespace {

// TaskCompletions::canvas_h, canvas_w: every train output of one colour
// and one shape, not every one of the same colour (a constant answer needs
// no search, and is seldom the rule).
void canvas(const Task& task, TaskCompletions& out) {
  std::set<int> colours;
  const GridData& first = *task.train.front().output;
  for (const Sample& s : task.train) {
    const GridData& o = *s.output;
    if (o.h != first.h || o.w != first.w || o.cells.empty()) return;
    if (std::any_of(o.cells.begin(), o.cells.end(), [&](int c) { return c != o.cells.front(); })) return;
    colours.insert(o.cells.front());
  }
  if (colours.size() < 2) return;
  out.canvas_h = first.h;
  out.canvas_w = first.w;
}

}  // namespace

TaskCompletions task_completions(const Task& task) {
  TaskCompletions out;
  if (task.train.empty()) return out;
  std::set<int> all;  // the colours changed cells became, over every pair
  bool same_shape = true, inside = true, one_each = true;
  for (const Sample& s : task.train) {
    const GridData& in = s.input;
    const GridData& o = *s.output;
    inside = inside && o.h <= in.h && o.w <= in.w;
    if (in.h != o.h || in.w != o.w) {
      same_shape = false;
      continue;
    }
    std::set<int> here;
    for (std::size_t c = 0; c < in.cells.size(); ++c)
      if (in.cells[c] != o.cells[c]) here.insert(o.cells[c]);
    one_each = one_each && here.size() == 1;
    all.insert(here.begin(), here.end());
  }
  if (!same_shape) {
    canvas(task, out);
    out.halves = halves_rules(task);
    out.overlays = overlay_rules(task);
    if (!inside) return out;
    out.single.push_back({"subgrid", -1, kCompletesSubgrid});
    out.crop = true;
    for (const Sample& s : task.train) {
      const GridData& in = s.input;
      const GridData& o = *s.output;
      out.crop = out.crop && only_place(in.cells.data(), in.h, in.w, o.cells.data(), o.h, o.w).first >= 0;
    }
    return out;
  }
  if (all.empty()) return out;
  if (all.size() == 1) {
    out.single.push_back({"fill", *all.begin(), kCompletesFill});
    out.single.push_back({"underfill", *all.begin(), kCompletesUnderfill});
    out.stamps = {{"dneighbors", *all.begin(), kCompletesStampPlus},
                  {"neighbors", *all.begin(), kCompletesStampBox},
                  {"ineighbors", *all.begin(), kCompletesStampCross}};
  }
  out.single.push_back({"paint", -1, kCompletesPaint});
  if (all.size() < 2) return out;
  for (int c : all)
    if (c >= 0 && c < 10) out.fill_chain.push_back(c);
  if (out.fill_chain.size() != all.size()) out.fill_chain.clear();
  out.colour_by_value = one_each;
  return out;
}

std::vector<CompletionTarget> completion_targets(const Task& task) { return task_completions(task).single; }

namespace {

// Whether `holds` is true of program p's record on every train pair of
// `result` (and there is one): what a completion needs of its value.
template <class Pred>
bool on_every_train_pair(const TaskResult& result, int p, Pred holds) {
  bool any = false;
  for (const SampleResult& s : result.samples) {
    if (s.is_test) continue;
    if (s.evals.empty()) return false;
    const EvalRecord& r = s.evals[std::size_t(p)];
    if (!r.ok() || !holds(r)) return false;
    any = true;
  }
  return any;
}

}  // namespace

bool fills_colour(const TaskResult& result, int p, int colour) {
  return on_every_train_pair(result, p, [&](const EvalRecord& r) { return (r.fill_colours >> colour & 1) != 0; });
}

std::uint16_t common_crop(const TaskResult& result, int p) {
  std::uint16_t code = 0;
  const bool same = on_every_train_pair(result, p, [&](const EvalRecord& r) {
    if (!code) code = r.crop_margins;
    return r.crop_margins && r.crop_margins == code;
  });
  return same ? code : 0;
}

bool completes(const TaskResult& result, int p, const CompletionTarget& target) {
  return on_every_train_pair(result, p, [&](const EvalRecord& r) { return (r.completes & target.flag) != 0; });
}

}  // namespace battc::runtime::search
