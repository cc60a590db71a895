// runtime/search/enumeration.cpp
#include "runtime/search/enumeration.h"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_set>

#include "generator/enumerate/library.h"
#include "generator/mutate/program_text.h"
#include "generator/mutate/rng.h"
#include "generator/types/type.h"
#include "runtime/exec/completion_check.h"
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

// The completions (completions.h) that the values `fresh` pooled (pairs of
// a pool index and its program in `run`) give the round's tasks, into `out`
// once each; the parts of several-call completions into `parts`.
using MadeCalls = std::set<std::pair<std::string, std::vector<int>>>;

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

void find_completions(const generator::Enumerator& en, const std::vector<PoolValue>& pool,
                      const std::vector<std::pair<int, int>>& fresh, const RunResult& run,
                      const std::vector<TaskCompletions>& targets, std::vector<CompletionParts>& parts,
                      MadeCalls& made, std::vector<PoolValue>& out) {
  const int in = generator::Enumerator::leaf_index(pool, "I");
  for (const auto& [value, p] : fresh)
    for (std::size_t t = 0; t < run.tasks.size() && t < targets.size(); ++t) {
      const std::size_t v = static_cast<std::size_t>(value);
      collect_parts(run.tasks[t], p, value, targets[t], parts[t]);
      for (const CompletionTarget& target : targets[t].single) {
        if (!completes(run.tasks[t], p, target)) continue;
        std::vector<int> args{in, value};  // paint(I, v)
        if (target.prim == "subgrid") args = {value, in};
        if (target.colour >= 0) {  // fill(I, c, v), underfill(I, c, v)
          int c = generator::Enumerator::leaf_index(pool, generator::Enumerator::int_name(target.colour));
          if (c < 0) continue;
          args = {in, c, value};
        }
        if (!made.insert({target.prim, args}).second) continue;
        PoolValue call = en.call(pool, target.prim, std::move(args), pool[v].level + 1);
        if (call.type) out.push_back(std::move(call));
      }
    }
}

// The completions of several calls that `parts` (over `pool`) admit, into
// `out`: fill(I, x, P) and underfill(I, x, P) for each pair of a colour x
// and a patch P; the chain of fills when every colour has a patch; a fill
// of each stamp; a crop around each patch by its margins; a canvas of each
// colour; the fill of a canvas by a rule over the input's halves, which
// needs no pooled value. The inner calls and constants, and the chain's
// inner fills, join `pool` as values nothing expands: the last level ran.
void chain_completions(const generator::Enumerator& en, std::vector<PoolValue>& pool,
                       const std::vector<TaskCompletions>& targets, const std::vector<CompletionParts>& parts,
                       MadeCalls& made, std::vector<PoolValue>& out) {
  const int in = generator::Enumerator::leaf_index(pool, "I");
  auto level_of = [&](const std::vector<int>& args) {  // one more than its deepest argument
    int level = 0;
    for (int a : args) level = std::max(level, pool[std::size_t(a)].level + 1);
    return level;
  };
  auto add = [&](const std::string& prim, std::vector<int> args) {
    if (std::find(args.begin(), args.end(), -1) != args.end() || !made.insert({prim, args}).second) return;
    const int level = level_of(args);
    PoolValue call = en.call(pool, prim, std::move(args), level);
      if (call.type) out.push_back(std::move(call));
  };
  // A call joining the pool (its index), or -1 where it does not type.
  auto inner = [&](const std::string& prim, std::vector<int> args) {
    if (std::find(args.begin(), args.end(), -1) != args.end()) return -1;  // an argument that did not type
    const int level = level_of(args);
    PoolValue call = en.call(pool, prim, std::move(args), level);
    if (!call.type) return -1;
    pool.push_back(std::move(call));
    return static_cast<int>(pool.size() - 1);
  };
  // fill(I, c, v and a stamp of `around` around each of its cells):
  // insert(v, around(v)) for a point, combine(v, mapply(around, v)) for a
  // set of cells.
  auto stamp = [&](const CompletionTarget& target, int v) {
    const int c = generator::Enumerator::leaf_index(pool, generator::Enumerator::int_name(target.colour));
    if (c < 0 || !made.insert({"stamp " + target.prim, {c, v}}).second) return;
    int stamped = -1;
    if (const int near = inner(target.prim, {v}); near >= 0) {
      stamped = inner("insert", {v, near});
    } else if (const int f = generator::Enumerator::leaf_index(pool, target.prim); f >= 0) {
      if (const int near_all = inner("mapply", {f, v}); near_all >= 0) stamped = inner("combine", {v, near_all});
    }
    if (stamped >= 0) add("fill", {in, c, stamped});
  };
  // A constant leaf, joining the pool where it is not there yet; -1 where
  // arc-dsl has no such constant.
  auto constant = [&](const std::string& name) {
    if (name.empty()) return -1;
    if (const int i = generator::Enumerator::leaf_index(pool, name); i >= 0) return i;
    PoolValue leaf = en.constant(name);
    if (!leaf.type) return -1;
    pool.push_back(std::move(leaf));
    return static_cast<int>(pool.size() - 1);
  };
  // The integer k: its constant, or invert of -k's (-10..10); and the point
  // (a, b): its constant, or astuple of the two.
  auto integer = [&](int k) {
    if (const int c = constant(generator::Enumerator::constant_name(k)); c >= 0) return c;
    const int neg = k < 0 ? constant(generator::Enumerator::constant_name(-k)) : -1;
    return neg >= 0 ? inner("invert", {neg}) : -1;
  };
  auto point = [&](int a, int b) {
    if (const int c = constant(generator::Enumerator::constant_name(a, b)); c >= 0) return c;
    const int x = integer(a), y = integer(b);
    return x >= 0 && y >= 0 ? inner("astuple", {x, y}) : -1;
  };
  // `base` moved by the point (a, b): base itself for (0, 0).
  auto offset = [&](int base, int a, int b) {
    if (base < 0 || (a == 0 && b == 0)) return base;
    const int by = point(a, b);
    return by >= 0 ? inner("add", {base, by}) : -1;
  };
  // crop(I, ulcorner(v) - (up, left), shape(v) + (up + down, left + right)).
  auto crop = [&](int v, std::uint16_t code) {
    if (!made.insert({"crop", {v, int(code)}}).second) return;
    const CropMargins m = crop_margins(code);
    const int start = offset(inner("ulcorner", {v}), -m.up, -m.left);
    const int dims = offset(inner("shape", {v}), m.up + m.down, m.left + m.right);
      if (start >= 0 && dims >= 0) add("crop", {in, start, dims});
  };
  // fill(canvas(bg, shape(A)), fg, P) for a rule over the halves A and B
  // (HalvesRule): P the union of the minterms' cells, a single half's
  // zeros or non-zeros where the rule reads one half only.
  auto halves = [&](const HalvesRule& r) {
    if (!made.insert({"halves", {r.rows, r.bg, r.fg, int(r.minterms)}}).second) return;
    const int zero = integer(0);
    const int a = inner(r.rows ? "tophalf" : "lefthalf", {in}), b = inner(r.rows ? "bottomhalf" : "righthalf", {in});
    std::array<int, 4> cells_of{-2, -2, -2, -2};  // zeros of a, non-zeros of a, zeros of b, non-zeros of b
    auto cells = [&](bool of_b, bool nonzero) {
      int& at = cells_of[std::size_t(2 * of_b + nonzero)];
      if (at != -2) return at;
      const int half = of_b ? b : a;
      at = inner("ofcolor", {half, zero});
      if (nonzero) at = inner("difference", {inner("asindices", {half}), at});
      return at;
    };
    int patch = -1;
    if (r.minterms == 0b1100 || r.minterms == 0b0011) {  // A's cells alone
      patch = cells(false, r.minterms == 0b1100);
    } else if (r.minterms == 0b1010 || r.minterms == 0b0101) {  // B's alone
      patch = cells(true, r.minterms == 0b1010);
    } else {
      for (unsigned m = 0; m < 4; ++m) {
        if (!(r.minterms >> m & 1)) continue;
        const int term = inner("intersection", {cells(false, m & 2), cells(true, m & 1)});
        patch = patch == -1 ? term : inner("combine", {patch, term});
        if (patch < 0) return;
      }
    }
    add("fill", {inner("canvas", {integer(r.bg), inner("shape", {a})}), integer(r.fg), patch});
  };
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const CompletionParts& pt = parts[t];
    for (const HalvesRule& r : targets[t].halves) halves(r);
    for (std::size_t k = 0; k < pt.stamps.size() && k < targets[t].stamps.size(); ++k)
      for (int v : pt.stamps[k]) stamp(targets[t].stamps[k], v);
    for (const auto& [v, code] : pt.crops) crop(v, code);
    for (int x : pt.canvas_colours)
      if (const int dims = point(targets[t].canvas_h, targets[t].canvas_w); dims >= 0) add("canvas", {x, dims});
    for (int x : pt.colours) {
      for (int v : pt.fills) add("fill", {in, x, v});
      for (int v : pt.underfills) add("underfill", {in, x, v});
    }
    const std::vector<int>& colours = targets[t].fill_chain;
    if (colours.empty() || pt.chain.size() != colours.size()) continue;
    bool every = true;
    for (const std::vector<int>& c : pt.chain) every = every && !c.empty();
    if (!every) continue;
    int base = in;
    for (std::size_t k = 0; k < colours.size(); ++k) {
      const int c = generator::Enumerator::leaf_index(pool, generator::Enumerator::int_name(colours[k]));
      if (c < 0) break;
      std::vector<int> args{base, c, pt.chain[k].front()};
      if (k + 1 == colours.size()) {
        add("fill", std::move(args));
        break;
      }
      const int level = level_of(args);
      PoolValue inner = en.call(pool, "fill", std::move(args), level);
      if (!inner.type) break;
      pool.push_back(std::move(inner));
      base = static_cast<int>(pool.size() - 1);
    }
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
                                  const std::set<std::string>& settled, const SearchOptions& o, int before) {
  auto order = [&](std::vector<std::size_t>& v) {
    std::sort(v.begin(), v.end(), [&](std::size_t a, std::size_t b) {
      std::uint64_t ha = Rng::mix(o.seed ^ text_hash(tasks[a].id)), hb = Rng::mix(o.seed ^ text_hash(tasks[b].id));
      return ha != hb ? ha < hb : tasks[a].id < tasks[b].id;
    });
  };
  std::vector<std::size_t> open, unsettled;
  for (std::size_t i = 0; i < tasks.size(); ++i)
    if (!solved.count(tasks[i].id)) open.push_back(i);
    else if (!settled.count(tasks[i].id)) unsettled.push_back(i);
  order(open);
  order(unsettled);
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
  MadeCalls made;
  std::vector<PoolValue> completions;
  if (library && !library->fragments.empty()) {
    std::vector<std::pair<int, int>> fresh;
    auto lv = pool_fragments(en, *library, pool, tasks, ro, o, budget, fresh);
    if (!lv.ok()) return lv.error();
    if (lv->batt) {
      out.counts.calls += static_cast<std::int64_t>(lv->batt->candidate_of.size());
      find_completions(en, pool, fresh, lv->batt->out.result, targets, parts, made, completions);
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
      find_completions(en, pool, fresh, lv.batt->out.result, targets, parts, made, completions);
    }
    out.counts.pooled += static_cast<std::int64_t>(pool.size() - pooled_before);
    out.levels.push_back(std::move(lv));
    if (pool.size() == pooled_before) break;
  }
  chain_completions(en, pool, targets, parts, made, completions);
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
