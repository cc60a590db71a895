// runtime/search/strategy_rounds.cpp: the two kinds of round after round 0
// (strategy.h chooses): a mutation round (candidates.h's mutants of drawn
// parents) and an enumeration round (enumeration.h's pool grown level by
// level), each scored, kept and reported through the loop's shared phases.
#include "runtime/search/enumeration.h"
#include "runtime/search/search_loop.h"
#include "runtime/search/strategy.h"

namespace battc::runtime::search::loop {
namespace {

// Tasks with two test predictions or more among their plausibly fitting
// programs.
std::set<std::string> settled_tasks(const std::map<std::string, std::vector<TaskScore>>& best) {
  std::set<std::string> settled;
  for (const auto& [task, scores] : best)
    if (distinct_predictions(scores) >= 2) settled.insert(task);
  return settled;
}

}  // namespace

void Search::mutate_round(int r, RoundStart& start) {
  std::vector<std::size_t> chosen =
      draw_tasks(in_.searched, start.plausibly_solved, settled_tasks(start.best), o_, r);

  phase(r, "mutate");
  std::map<std::string, MutationStats> stats;
  MutationSources src{sig_, mutator_, [this](std::int64_t id) { return typed(id); }};
  std::vector<Candidate> cands = make_candidates(src, in_, o_, r, chosen, start.best, start.pool, stats);
  RoundRow row;
  row.round = r;
  row.candidates = static_cast<std::int64_t>(cands.size());
  if (cands.empty()) return store_empty_round(row);

  phase(r, "evaluate");
  std::vector<Task> round_tasks;
  for (std::size_t ti : chosen) round_tasks.push_back(in_.searched[ti]);
  std::optional<RoundBatt> rb = evaluate(r, cands, round_tasks);
  if (!rb) return store_empty_round(row);  // every candidate waits for the shape budget
  row.rejected = rb->rejected;
  row.unique = static_cast<std::int64_t>(rb->out.result.programs.size());
  row.evaluations = static_cast<std::int64_t>(rb->out.result.evaluations);
  row.compile_s = rb->out.times.compile;
  row.run_s = rb->out.times.run;

  phase(r, "score");
  auto t1 = Clock::now();
  RoundScores scores = score_round(rb->out.result, rb->out.tasks);
  count_improved(*rb, cands, scores, stats);
  row.score_s = since(t1);

  phase(r, "store");
  t1 = Clock::now();
  Store::Transaction tx(store_);
  keep_candidates(r, *rb, cands, scores, start);
  store_.add_shapes(rb->new_shapes, r);
  store_counts(stats);
  std::size_t solved = finish_round(row, rb->out.times.total, start, t1);
  phase(r, "stored");
  tx.commit();
  report_round(row, solved);
}

// An enumeration round: a few tasks no program fits yet, their pool grown
// level by level (enumeration.h), every level's calls scored and kept like
// mutants, all in one transaction.
void Search::enumerate_round(int r, RoundStart& start, int enumerated_before) {
  EnumerationDraw draw =
      enumeration_tasks(in_.searched, start.plausibly_solved, settled_tasks(start.best), ruled_, o_, enumerated_before);
  const std::vector<std::size_t>& chosen = draw.tasks;
  RoundRow row;
  row.round = r;
  row.strategy = strategy_name(Strategy::Enumerate);

  phase(r, "evaluate");
  std::vector<Task> round_tasks;
  for (std::size_t ti : chosen) round_tasks.push_back(in_.searched[ti]);
  RoundBattOptions ro = batt_options();
  ro.new_shapes = o_.enumerate_shapes;
  auto en = search::enumerate_round(enumerator_, round_tasks, enumeration_colours(chosen, in_.palettes), ro, o_,
                                    enumeration_calls(o_, draw.pass),
                                    generator::Rng::mix(o_.seed ^ std::uint64_t(r)), &library_);
  if (!en.ok()) throw SearchFailure{en.error()};

  phase(r, "score");
  auto t1 = Clock::now();
  double batt_s = 0;
  std::vector<RoundScores> scores;
  for (const EnumeratedLevel& lv : en->levels) {
    row.candidates += static_cast<std::int64_t>(lv.candidates.size());
    if (!lv.batt) continue;
    scores.emplace_back(lv.batt->out.result, lv.batt->out.tasks);
    row.unique += static_cast<std::int64_t>(lv.batt->out.result.programs.size());
    row.evaluations += static_cast<std::int64_t>(lv.batt->out.result.evaluations);
    row.compile_s += lv.batt->out.times.compile;
    row.run_s += lv.batt->out.times.run;
    batt_s += lv.batt->out.times.total;
    row.rejected += lv.batt->rejected;
    rep_.rejected += lv.batt->rejected;
    rep_.over_shape_budget += lv.batt->over_shape_budget;
  }
  row.score_s = since(t1);

  phase(r, "store");
  t1 = Clock::now();
  Store::Transaction tx(store_);
  std::size_t k = 0;
  for (const EnumeratedLevel& lv : en->levels) {
    if (!lv.batt) continue;
    if (lv.keep) keep_candidates(r, *lv.batt, lv.candidates, scores[k], start);
    ++k;
    store_.add_shapes(lv.batt->new_shapes, r);  // every level's: the shape budget reads them on resume
  }
  std::size_t solved = finish_round(row, batt_s, start, t1);
  std::map<std::string, MutationStats> stats;
  stats[row.strategy].made = en->counts.calls;
  stats[row.strategy].improved = row.improved;
  store_counts(stats);
  phase(r, "stored");
  tx.commit();
  rep_.enumerated_calls += en->counts.calls;
  rep_.enumerated_pooled += en->counts.pooled;
  rep_.enumeration_cut_levels += en->counts.cut_levels;
  rep_.enumerated_completions += en->counts.completions;
  rep_.enumerated_fragments += en->counts.fragments;
  report_round(row, solved);
}

}  // namespace battc::runtime::search::loop
