// runtime/search/completions.cpp
#include "runtime/search/completions.h"

#include <algorithm>
#include <array>
#include <bit>
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

// arc-dsl's first or second half of `g`: its first or its last floor(n / 2)
// rows (or columns), a middle one of an odd count in neither.
GridData half(const GridData& g, bool rows, bool second) {
  GridData out;
  out.h = rows ? g.h / 2 : g.h;
  out.w = rows ? g.w : g.w / 2;
  const int di = rows && second ? g.h - out.h : 0, dj = !rows && second ? g.w - out.w : 0;
  for (int i = 0; i < out.h; ++i)
    for (int j = 0; j < out.w; ++j) out.cells.push_back(g.at(i + di, j + dj));
  return out;
}

// TaskCompletions::halves: per way to halve, the rule whose train pairs
// agree, of the two choices of fg the one with fewer minterms (a minterm
// no pair shows is left out).
void halves_rules(const Task& task, TaskCompletions& out) {
  std::set<int> colours;
  for (const Sample& s : task.train) colours.insert(s.output->cells.begin(), s.output->cells.end());
  if (colours.size() != 2) return;
  const int c0 = *colours.begin(), c1 = *colours.rbegin();
  for (const bool rows : {false, true}) {
    std::array<int, 4> is_c0{-1, -1, -1, -1};  // per minterm: whether its cells are c0 (-1 unseen)
    bool agree = true;
    for (const Sample& s : task.train) {
      const GridData a = half(s.input, rows, false), b = half(s.input, rows, true);
      const GridData& o = *s.output;
      agree = agree && a.h == o.h && a.w == o.w && !o.cells.empty();
      for (std::size_t c = 0; agree && c < o.cells.size(); ++c) {
        int& seen = is_c0[std::size_t(2 * (a.cells[c] != 0) + (b.cells[c] != 0))];
        const int here = o.cells[c] == c0;
        agree = seen < 0 || seen == here;
        seen = here;
      }
      if (!agree) break;
    }
    if (!agree) continue;
    unsigned to_c0 = 0, to_c1 = 0;
    for (unsigned m = 0; m < 4; ++m) {
      if (is_c0[m] == 1) to_c0 |= 1u << m;
      if (is_c0[m] == 0) to_c1 |= 1u << m;
    }
    const bool c1_fewer = std::popcount(to_c1) < std::popcount(to_c0);
    out.halves.push_back({rows, c1_fewer ? c0 : c1, c1_fewer ? c1 : c0, c1_fewer ? to_c1 : to_c0});
  }
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
    halves_rules(task, out);
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
