// runtime/search/enumeration.cpp
#include "runtime/search/enumeration.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "generator/enumerate/library.h"
#include "generator/mutate/program_text.h"
#include "generator/mutate/rng.h"
#include "generator/types/type.h"
#include "runtime/exec/completion_check.h"
#include "runtime/search/completion_writer.h"
#include "runtime/search/completions.h"

namespace battc::runtime::search {
namespace {

using generator::PoolValue;
using generator::Rng;

// A value's identity on the round's inputs: its type and, per sample of
// every task, its hash (EvalRecord::hash, value_hashes) or its failure.
// nullopt when it failed on every sample: nothing can build on it.
std::optional<std::uint64_t> value_key(const RunResult& run, int p, const std::string& type) {
  std::uint64_t k = text_hash(type);
  bool any_ok = false;
  for (const TaskResult& t : run.tasks)
    for (const SampleResult& s : t.samples) {
      if (s.evals.empty()) continue;
      const EvalRecord& r = s.evals[std::size_t(p)];
      std::uint64_t v = r.ok() ? r.hash : 0xfa11ull + r.status;
      any_ok = any_ok || r.ok();
      k = Rng::mix(k ^ v);
    }
  if (!any_ok) return std::nullopt;
  return k;
}

Candidate enumerated_candidate(const generator::Enumerator& en, const std::vector<PoolValue>& pool,
                               const PoolValue& call) {
  Candidate c;
  c.program = generator::canonical_program(en.program(pool, call));
  c.source = generator::program_text(c.program, kStoredName);
  c.dialect = generator::Dialect::ArcDsl;
  c.mutation = "enumerate";
  return c;
}

// Per task, pooled values that are parts of completions of several calls,
// the first found (the smallest) of each kind, at most kMaxParts.
struct CompletionParts {
  std::vector<int> colours;             // integers equal to each pair's colour
  std::vector<int> fills, underfills;   // patches by each pair's colour
  std::vector<std::vector<int>> chain;  // per TaskCompletions::fill_chain colour
  std::vector<std::vector<int>> stamps;  // per TaskCompletions::stamps target: points or sets of cells
  std::vector<std::pair<int, std::uint16_t>> crops;  // patches and their margins' code (common_crop)
  std::vector<int> canvas_colours;                   // integers equal to each pair's output colour
};
inline constexpr std::size_t kMaxParts = 3;

void add_part(std::vector<int>& to, int v) {
  if (to.size() < kMaxParts) to.push_back(v);
}

void collect_parts(const TaskResult& result, int p, int v, const TaskCompletions& tc, CompletionParts& parts) {
  if (tc.colour_by_value) {
    if (completes(result, p, {"", -1, kCompletesColour})) add_part(parts.colours, v);
    if (completes(result, p, {"fill", -1, kCompletesFill})) add_part(parts.fills, v);
    if (completes(result, p, {"underfill", -1, kCompletesUnderfill})) add_part(parts.underfills, v);
  }
  parts.chain.resize(tc.fill_chain.size());
  for (std::size_t k = 0; k < tc.fill_chain.size(); ++k)
    if (fills_colour(result, p, tc.fill_chain[k])) add_part(parts.chain[k], v);
  parts.stamps.resize(tc.stamps.size());
  for (std::size_t k = 0; k < tc.stamps.size(); ++k)
    if (completes(result, p, tc.stamps[k])) add_part(parts.stamps[k], v);
  if (tc.canvas_h > 0 && completes(result, p, {"", -1, kCompletesColour})) add_part(parts.canvas_colours, v);
  if (tc.crop && parts.crops.size() < kMaxParts)
    if (const std::uint16_t code = common_crop(result, p)) parts.crops.push_back({v, code});
}

// The completions (completions.h) that the values `fresh` pooled (pairs of
// a pool index and its program in `run`) give the round's tasks, written
// once each; the parts of several-call completions into `parts`.
void find_completions(const std::vector<std::pair<int, int>>& fresh, const RunResult& run,
                      const std::vector<TaskCompletions>& targets, std::vector<CompletionParts>& parts,
                      CompletionWriter& w) {
  for (const auto& [value, p] : fresh)
    for (std::size_t t = 0; t < run.tasks.size() && t < targets.size(); ++t) {
      collect_parts(run.tasks[t], p, value, targets[t], parts[t]);
      for (const CompletionTarget& target : targets[t].single) {
        if (!completes(run.tasks[t], p, target)) continue;
        if (target.prim == "subgrid") w.last("subgrid", {value, w.input()});
        else if (target.colour >= 0)  // fill, underfill: the colour a leaf (nothing joins the pool between levels)
          w.last(target.prim, {w.input(), w.leaf(generator::Enumerator::int_name(target.colour)), value});
        else w.last(target.prim, {w.input(), value});  // paint(I, v)
      }
    }
}

// The completions of several calls that `parts` admit: fill(I, x, P) and
// underfill(I, x, P) for each pair of a colour x and a patch P; the chain
// of fills when every colour has a patch; a fill of each stamp; a crop
// around each patch by its margins; a canvas of each colour; and the rules
// over the input's parts, which need no pooled value.
void chain_completions(const std::vector<TaskCompletions>& targets, const std::vector<CompletionParts>& parts,
                       CompletionWriter& w) {
  const int in = w.input();
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const TaskCompletions& tc = targets[t];
    const CompletionParts& pt = parts[t];
    for (const HalvesRule& r : tc.halves) w.halves(r);
    for (const OverlayRule& r : tc.overlays) w.overlay(r);
    for (std::size_t k = 0; k < pt.stamps.size() && k < tc.stamps.size(); ++k)
      for (int v : pt.stamps[k]) w.stamp(tc.stamps[k], v);
    for (const auto& [v, code] : pt.crops) w.crop(v, code);
    for (int x : pt.canvas_colours) w.canvas(x, tc.canvas_h, tc.canvas_w);
    for (int x : pt.colours) {
      for (int v : pt.fills) w.last("fill", {in, x, v});
      for (int v : pt.underfills) w.last("underfill", {in, x, v});
    }
    const std::vector<int>& colours = tc.fill_chain;
    if (colours.empty() || pt.chain.size() != colours.size()) continue;
    bool every = true;
    for (const std::vector<int>& c : pt.chain) every = every && !c.empty();
    if (!every) continue;
    int base = in;  // fill(fill(I, c1, P1), c2, P2)...
    for (std::size_t k = 0; k + 1 < colours.size() && base >= 0; ++k)
      base = w.inner("fill", {base, w.integer(colours[k]), pt.chain[k].front()});
    w.last("fill", {base, w.integer(colours.back()), pt.chain.back().front()});
  }
}

// `calls` (over `pool`) as one batt of the round, each a program returning
// its call, within the round's shape budget (what it admits is taken off).
api::ApiResult<EnumeratedLevel> run_calls(const generator::Enumerator& en, const std::vector<PoolValue>& pool,
                                          const std::vector<PoolValue>& calls, const std::vector<Task>& tasks,
                                          RoundBattOptions& ro, const SearchOptions& o, int& budget) {
  EnumeratedLevel lv;
  ro.names.clear();
  for (std::size_t i = 0; i < calls.size(); ++i) {
    lv.candidates.push_back(enumerated_candidate(en, pool, calls[i]));
    ro.names.push_back("solve_cand" + std::to_string(i));
  }
  ro.new_shapes = budget;
  auto rb = run_round_batt(lv.candidates, tasks, ro, o);
  if (!rb.ok()) return rb.error();
  lv.batt = std::move(rb.value());
  if (lv.batt) budget -= static_cast<int>(lv.batt->new_shapes.size());
  return lv;
}

// The library's fragments (generator/enumerate/library.h) joined to `pool`
// as operands of completions only. Those derived from I that are not
// functions run as a level of their own, and the first fragment of each
// distinct value (observational equivalence; one failing everywhere has
// none) goes into `fresh` with its program, for completions. Their values
// stay out of the levels' `seen`: a level value equal to a fragment's is
// still pooled, and the levels build on it as they would without the
// library.
api::ApiResult<EnumeratedLevel> pool_fragments(const generator::Enumerator& en, const generator::Library& lib,
                                               std::vector<PoolValue>& pool, const std::vector<Task>& tasks,
                                               RoundBattOptions& ro, const SearchOptions& o, int& budget,
                                               std::vector<std::pair<int, int>>& fresh) {
  std::vector<int> runs;
  std::vector<PoolValue> calls;
  for (int i : generator::add_fragments(pool, lib))
    if (!pool[std::size_t(i)].constant && !pool[std::size_t(i)].type->callable()) {
      runs.push_back(i);
      calls.push_back(pool[std::size_t(i)]);
    }
  auto run = run_calls(en, pool, calls, tasks, ro, o, budget);
  if (!run.ok()) return run.error();
  EnumeratedLevel lv = std::move(run.value());
  lv.keep = false;  // their grids are round 0's prefixes
  std::unordered_set<std::uint64_t> values;
  for (std::size_t c = 0; lv.batt && c < runs.size(); ++c) {
    const int i = runs[c], p = lv.batt->kept[c];
    if (p < 0) continue;
    auto key = value_key(lv.batt->out.result, p, generator::type_name(pool[std::size_t(i)].type));
    if (key && values.insert(*key).second) fresh.push_back({i, p});
  }
  return lv;
}

}  // namespace

EnumerationDraw enumeration_tasks(const std::vector<Task>& tasks, const std::set<std::string>& solved,
                                  const std::set<std::string>& settled, const std::set<std::string>& ruled,
                                  const SearchOptions& o, int before) {
  auto order = [&](std::vector<std::size_t>& v) {
    std::sort(v.begin(), v.end(), [&](std::size_t a, std::size_t b) {
      std::uint64_t ha = Rng::mix(o.seed ^ text_hash(tasks[a].id)), hb = Rng::mix(o.seed ^ text_hash(tasks[b].id));
      return ha != hb ? ha < hb : tasks[a].id < tasks[b].id;
    });
  };
  std::vector<std::size_t> open, open_later, unsettled;
  for (std::size_t i = 0; i < tasks.size(); ++i)
    if (solved.count(tasks[i].id)) {
      if (!settled.count(tasks[i].id)) unsettled.push_back(i);
    } else {
      (ruled.count(tasks[i].id) ? open : open_later).push_back(i);
    }
  for (auto* v : {&open, &open_later, &unsettled}) order(*v);
  open.insert(open.end(), open_later.begin(), open_later.end());
  open.insert(open.end(), unsettled.begin(), unsettled.end());
  if (open.empty()) {
    for (std::size_t i = 0; i < tasks.size(); ++i) open.push_back(i);
    order(open);
  }
  std::size_t n = std::min(open.size(), std::size_t(o.enumerate_tasks));
  std::size_t turned = std::size_t(before) * n;
  std::size_t start = open.empty() ? 0 : turned % open.size();
  EnumerationDraw out;
  out.pass = open.empty() ? 0 : static_cast<int>(turned / open.size());
  for (std::size_t k = 0; k < n; ++k) out.tasks.push_back(open[(start + k) % open.size()]);
  std::sort(out.tasks.begin(), out.tasks.end());
  return out;
}

std::size_t enumeration_calls(const SearchOptions& o, int pass) {
  return std::size_t(o.enumerate_calls) << std::min(pass, kMaxWidening);
}

std::vector<int> enumeration_colours(const std::vector<std::size_t>& chosen,
                                     const std::vector<std::vector<int>>& palettes) {
  std::set<int> out;
  for (std::size_t ti : chosen) out.insert(palettes[ti].begin(), palettes[ti].end());
  return {out.begin(), out.end()};
}

api::ApiResult<Enumeration> enumerate_round(const generator::Enumerator& en, const std::vector<Task>& tasks,
                                            const std::vector<int>& colours, RoundBattOptions ro,
                                            const SearchOptions& o, std::size_t calls, std::uint64_t seed,
                                            const generator::Library* library) {
  Enumeration out;
  std::vector<PoolValue> pool = en.leaves(colours);
  std::unordered_set<std::uint64_t> seen;
  ro.value_hashes = true;
  ro.completions = true;
  ro.work_budget = kEnumerationWorkBudget;
  int budget = ro.new_shapes;
  std::vector<TaskCompletions> targets;
  for (const Task& t : tasks) targets.push_back(task_completions(t));
  std::vector<CompletionParts> parts(tasks.size());
  std::vector<PoolValue> completions;
  CompletionWriter writer(en, pool, completions);
  if (library && !library->fragments.empty()) {
    std::vector<std::pair<int, int>> fresh;
    auto lv = pool_fragments(en, *library, pool, tasks, ro, o, budget, fresh);
    if (!lv.ok()) return lv.error();
    if (lv->batt) {
      out.counts.calls += static_cast<std::int64_t>(lv->batt->candidate_of.size());
      find_completions(fresh, lv->batt->out.result, targets, parts, writer);
    }
    out.counts.fragments += static_cast<std::int64_t>(fresh.size());
    out.levels.push_back(std::move(lv.value()));
  }
  for (int level = 1; level <= o.enumerate_depth; ++level) {
    generator::Expansion ex = en.expand(pool, level, calls, Rng::mix(seed + level),
                                        level == o.enumerate_depth);
    out.counts.cut_levels += ex.cut();
    if (ex.calls.empty()) break;
    auto run = run_calls(en, pool, ex.calls, tasks, ro, o, budget);
    if (!run.ok()) return run.error();
    EnumeratedLevel lv = std::move(run.value());
    std::size_t pooled_before = pool.size();
    if (lv.batt) {
      out.counts.calls += static_cast<std::int64_t>(lv.batt->candidate_of.size());
      std::vector<std::pair<int, int>> fresh;
      for (std::size_t c = 0; c < ex.calls.size(); ++c) {
        int p = lv.batt->kept[c];
        if (p < 0) continue;
        auto key = value_key(lv.batt->out.result, p, generator::type_name(ex.calls[c].type));
        if (!key || !seen.insert(*key).second) continue;
        pool.push_back(std::move(ex.calls[c]));
        fresh.push_back({static_cast<int>(pool.size() - 1), p});
      }
      find_completions(fresh, lv.batt->out.result, targets, parts, writer);
    }
    out.counts.pooled += static_cast<std::int64_t>(pool.size() - pooled_before);
    out.levels.push_back(std::move(lv));
    if (pool.size() == pooled_before) break;
  }
  chain_completions(targets, parts, writer);
  if (completions.empty()) return out;
  // The completions run as one more batt, scored and kept like the levels.
  budget = std::max(budget, kCompletionShapes);
  auto run = run_calls(en, pool, completions, tasks, ro, o, budget);
  if (!run.ok()) return run.error();
  out.counts.completions += static_cast<std::int64_t>(completions.size());
  out.levels.push_back(std::move(run.value()));
  return out;
}

}  // namespace battc::runtime::search
