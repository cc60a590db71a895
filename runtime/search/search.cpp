// runtime/search/search.cpp: the loop. Everything that decides what a round
// makes (task and parent draws, mutations, dedup, selection) is single-
// threaded, reads only the store's content and a random stream per (seed,
// round, task), and orders ties by content; only evaluation is parallel, and
// its results do not depend on the thread count. So the same inputs, seed and
// rounds give the same store whatever --jobs, and a resumed run continues as
// the uninterrupted one would have.
//
// A round is a list of phases (Search::round): draw the tasks, make the
// candidates (candidates.h), run them as one batt (round_batt.h), score
// them (score_round.h), keep the best per task in the store (one
// transaction), report.
#include "runtime/search/search.h"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <limits>
#include <mutex>
#include <set>
#include <unordered_set>

#include "generator/mutate/mutate.h"
#include "runtime/exec/parallel_for.h"
#include "runtime/search/candidates.h"
#include "runtime/search/enumeration.h"
#include "runtime/search/final_attempts.h"
#include "runtime/search/part_rules.h"
#include "runtime/search/round_batt.h"
#include "runtime/search/score_round.h"
#include "runtime/search/search_inputs.h"
#include "runtime/search/store.h"
#include "runtime/search/stored_program.h"
#include "runtime/search/strategy.h"

namespace battc::runtime::search {
namespace {

using Clock = std::chrono::steady_clock;
using generator::TypedProgram;

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

bool known_outputs(const Task& t) {
  for (const Sample& s : t.test)
    if (!s.output) return false;
  return !t.test.empty();
}

// An error that ends the search (bad input met in a round, a failed run):
// thrown inside, returned by run_search.
struct SearchFailure {
  api::ApiError error;
};

// The inputs key in the store: its parts in meta (and the tasks table) so
// that a merge can check them one by one, and the combined key --resume
// checks.
void record_inputs(Store& store, const InputsKey& key) {
  store.set_meta("inputs", key.combined());
  store.set_meta("seeds_key", key.seeds);
  store.set_meta("options", key.options);
  store.set_meta("seed", std::to_string(key.seed));
  store.set_tasks(key.tasks);
}

// What a round has read of the store before it changes it.
struct RoundStart {
  Clock::time_point t0 = Clock::now();
  // The kept scores per task, best first: as the round began, then updated
  // as it keeps candidates.
  std::map<std::string, std::vector<TaskScore>> best;
  std::map<std::string, TaskScore> first;  // each task's best as the round began
  std::set<std::string> solved;
  // Solved with plausible test predictions (ranking.h's fits_plausibly):
  // what the draws leave aside. A task fit only by programs whose
  // predictions break its train pairs' rules stays open.
  std::set<std::string> plausibly_solved;
  std::vector<StoredProgram> pool;
};

class Search {
 public:
  explicit Search(const SearchOptions& o) : o_(o), sig_(types_), mutator_(sig_), enumerator_(sig_), store_(o.store) {}

  SearchReport run();

 private:
  void note(const std::string& s) {
    if (o_.note) o_.note(s);
  }
  void phase(int r, const char* name) {
    if (o_.phase_hook) o_.phase_hook(r, name);
  }
  void open_store();
  bool more_rounds(int r, Clock::time_point t0) const;
  void seed_round();
  void seed_group(const std::vector<Candidate>& cands, const std::vector<std::int64_t>& ids, bool fits_only,
                  RoundRow& row, double& batt_s);
  void seedless_round();
  void round(int r);
  void mutate_round(int r, RoundStart& start);
  void enumerate_round(int r, RoundStart& start, int enumerated_before);
  std::optional<RoundBatt> evaluate(int r, const std::vector<Candidate>& cands, const std::vector<Task>& tasks,
                                    bool fits_only = false);
  void count_improved(const RoundBatt& rb, const std::vector<Candidate>& cands, const RoundScores& scores,
                      std::map<std::string, MutationStats>& stats) const;
  void keep_candidates(int r, const RoundBatt& rb, const std::vector<Candidate>& cands, const RoundScores& scores,
                       RoundStart& start);
  void store_counts(const std::map<std::string, MutationStats>& stats);
  std::size_t finish_round(RoundRow& row, double batt_seconds, const RoundStart& start, Clock::time_point t_store);
  void add_work(const RoundRow& row);
  void report_round(const RoundRow& row, std::size_t solved);
  void store_empty_round(RoundRow& row);
  void final_report(Clock::time_point t0);
  void write_submission(const nlohmann::json& submission);
  const TypedProgram* typed(std::int64_t id);
  std::set<std::string> solved_in(const std::map<std::string, std::vector<TaskScore>>& best,
                                  bool plausibly = false) const;

  const SearchOptions& o_;
  generator::TypeTable types_;
  generator::Signatures sig_;
  generator::Mutator mutator_;
  generator::Enumerator enumerator_;
  // What a program's description length is taken under (ranking.h's bits):
  // the seeds' prior in sixteenths of a bit, flat without seeds.
  generator::ExpressionCosts ranking_prior_ = generator::seed_prior({}, generator::kRankingUnits);
  // What ranks a program among equal scores: its statements, its cost.
  ProgramSize size_of(const generator::Program& p) const {
    return {static_cast<int>(p.body.size()), static_cast<int>(generator::program_cost(p, ranking_prior_))};
  }
  generator::Library library_;  // the seeds' fragments (SearchOptions::enumerate_library)
  // Tasks whose train pairs admit a rule over the input's parts
  // (part_rules.h): first in enumeration's turn.
  std::set<std::string> ruled_;
  Store store_;
  SearchInputs in_;
  std::map<std::int64_t, std::optional<TypedProgram>> typed_;
  std::mutex typed_mu_;  // typed() is called from make_candidates' threads
  std::shared_ptr<jit::SpecLibrary> specs_;
  std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>> cuda_specs_;  // the device specs engine's, per arch
  std::unordered_set<std::string> shapes_;  // the store's shapes table
  SearchReport rep_;
  std::set<std::string> solved_by_seeds_;
};

const TypedProgram* Search::typed(std::int64_t id) {
  std::lock_guard lock(typed_mu_);  // the map and the store's connection; a program is typed once
  auto it = typed_.find(id);
  if (it != typed_.end()) return it->second ? &*it->second : nullptr;
  std::optional<TypedProgram> t;
  if (auto p = store_.program(id)) {
    generator::Diagnostics diags;
    generator::SourceSet sources;
    auto progs = parse_program_text("store", p->source, diags, sources);
    generator::Dialect d = generator::parse_dialect(p->dialect).value_or(generator::Dialect::ArcDsl);
    if (progs.size() == 1) t = generator::type_program(progs[0], d, sig_);
  }
  auto& slot = typed_[id] = std::move(t);
  return slot ? &*slot : nullptr;
}

std::set<std::string> Search::solved_in(const std::map<std::string, std::vector<TaskScore>>& best,
                                        bool plausibly) const {
  std::set<std::string> out;
  for (const auto& [task, scores] : best)
    if (in_.task_index.count(task) && !scores.empty() && scores.front().solved &&
        (!plausibly || scores.front().plausible))
      out.insert(task);
  return out;
}

// The candidates as one batt over `tasks`; nullopt when nothing runs.
std::optional<RoundBatt> Search::evaluate(int r, const std::vector<Candidate>& cands, const std::vector<Task>& tasks,
                                          bool fits_only) {
  RoundBattOptions ro;
  ro.fits_only = fits_only;
  ro.work_budget = r == 0 ? 0 : kMutationWorkBudget;  // seeds: the search's own
  const bool own = r == 0 && o_.seeds_on == "own";
  ro.pairing = own ? Pairing::ByName : Pairing::All;
  for (std::size_t i = 0; i < cands.size(); ++i)  // the parser reads solve_* only
    ro.names.push_back(r != 0                      ? "solve_cand" + std::to_string(i)
                       : cands[i].seed_of < 0 ? cands[i].origin
                                              : cands[i].origin + "_" + cands[i].mutation + std::to_string(i));
  // The seeds are what the search starts from: all of them run, whatever
  // their statement shapes cost to compile.
  ro.new_shapes = r == 0 ? std::numeric_limits<int>::max() : o_.new_shapes_per_round;
  ro.shapes = &shapes_;
  ro.specs = &specs_;
  ro.cuda_specs = &cuda_specs_;
  ro.backend_stats = &rep_.backend;
  ro.skipped_no_compiler = &rep_.skipped_no_compiler;
  auto out = run_round_batt(cands, tasks, ro, o_);
  if (!out.ok()) throw SearchFailure{out.error()};
  if (out->has_value()) {
    rep_.rejected += (*out)->rejected;
    rep_.over_shape_budget += (*out)->over_shape_budget;
  }
  return std::move(out.value());
}

// Round 0 of a search from nothing (no seed programs: enumeration makes
// the first): only the store's inputs key.
void Search::seedless_round() {
  Store::Transaction tx(store_);
  record_inputs(store_, inputs_key(in_, o_));
  store_.set_meta("seeded", "1");
  store_.set_meta("seeds_solved", "0");
  RoundRow row;
  store_.add_round(row);
  phase(0, "stored");
  tx.commit();
  note(fmt::format("round 0: no seeds; {} tasks", in_.tasks.size()));
}

// Round 0's candidates `cands` (stored as `ids`) on every task, in parts
// (seed_round_parts), their scores stored and each task's best kept. With
// `fits_only`, a candidate stops on a task at its first wrong train pair and
// is stored only where it fits (ExecOptions' UntilTrainFails).
void Search::seed_group(const std::vector<Candidate>& cands, const std::vector<std::int64_t>& ids, bool fits_only,
                        RoundRow& row, double& batt_s) {
  if (cands.empty()) return;
  // Parts are bounded by the evaluations a part could hold; stopping at the
  // first wrong train pair runs about a quarter of them (ARC-AGI-1
  // training's conjugates: 1.1 M of 4.9 M). seeds_on "own": a few pairs.
  const std::size_t per_part = o_.seeds_on != "all" ? 0 : fits_only ? 4 * kSeedRoundEvaluations : kSeedRoundEvaluations;
  for (const std::vector<Task>& part : seed_round_parts(in_.searched, cands.size(), per_part)) {
    auto rb = evaluate(0, cands, part, fits_only);
    if (!rb) throw SearchFailure{api::input_error("no seed to run")};
    auto t1 = Clock::now();
    RoundScores scores = score_round(rb->out.result, rb->out.tasks);
    row.score_s += since(t1);
    for (std::size_t i = 0; i < cands.size(); ++i) {
      if (rb->kept[i] < 0) continue;
      for (TaskScore s : scores.of_program(rb->kept[i])) {
        if (s.score <= 0 || (fits_only && s.train_right < s.train_total)) continue;
        s.program = ids[i];
        store_.set_score(s);
      }
    }
    for (const Task& t : part) store_.keep_best(t.id, o_.keep);
    store_.add_shapes(rb->new_shapes, 0);
    row.evaluations += static_cast<std::int64_t>(rb->out.result.evaluations);
    row.compile_s += rb->out.times.compile;
    row.run_s += rb->out.times.run;
    batt_s += rb->out.times.total;
  }
}

// Round 0: every seed and its prefixes on every task, then their
// conjugates where they fit (or, seeds_on "own", each seed on its own task
// by name), all kept that score, in one transaction with the store's inputs
// key. A conjugate is worth keeping only where it fits: the seeds and their
// prefixes are the near misses mutation starts from, and running seven
// turned copies of each on every sample would cost seven times theirs
// (ARC-AGI-1 training: 78 s of a 10-minute search, against 16 s stopping at
// the first wrong train pair).
void Search::seed_round() {
  RoundStart start;
  std::vector<Candidate> cands = seed_candidates(in_, o_.seeds_on == "all", o_.conjugates);
  if (cands.empty()) return seedless_round();
  Store::Transaction tx(store_);
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    StoredProgram sp;
    sp.source = cands[i].source;
    const ProgramSize size = size_of(cands[i].program);
    sp.length = size.length;
    sp.bits = size.bits;
    sp.dialect = generator::dialect_name(cands[i].dialect);
    sp.mutation = cands[i].mutation;
    sp.origin = cands[i].origin;
    if (cands[i].seed_of >= 0) sp.parent = ids[std::size_t(cands[i].seed_of)];
    ids.push_back(store_.add_program(sp));
  }
  // seed_candidates puts the conjugates last.
  const auto first_conjugate = static_cast<std::size_t>(
      std::find_if(cands.begin(), cands.end(), [](const Candidate& c) { return c.mutation == "conjugate"; }) -
      cands.begin());
  RoundRow row;
  double batt_s = 0;
  seed_group({cands.begin(), cands.begin() + std::ptrdiff_t(first_conjugate)},
             {ids.begin(), ids.begin() + std::ptrdiff_t(first_conjugate)}, false, row, batt_s);
  seed_group({cands.begin() + std::ptrdiff_t(first_conjugate), cands.end()},
             {ids.begin() + std::ptrdiff_t(first_conjugate), ids.end()}, true, row, batt_s);
  auto t1 = Clock::now();
  record_inputs(store_, inputs_key(in_, o_));
  store_.set_meta("seeded", "1");
  solved_by_seeds_ = solved_in(store_.best());  // read inside the transaction: one commit for all
  store_.set_meta("seeds_solved", std::to_string(solved_by_seeds_.size()));
  row.candidates = static_cast<std::int64_t>(cands.size());
  finish_round(row, batt_s, start, t1);
  phase(0, "stored");
  tx.commit();
  // Its work is this call's, like a round's (with every seed on every task it
  // is a cross product: 1.7 M evaluations for arc-dsl on ARC-AGI-1
  // training), though it is no round of a strategy.
  add_work(row);
  auto count = [&](const char* kind) {
    return std::count_if(cands.begin(), cands.end(), [&](const Candidate& c) { return c.mutation == kind; });
  };
  note(fmt::format("round 0: {} seeds, {} of their prefixes and {} conjugates, {} evaluations in {:.1f} s (compile "
                   "{:.1f} s); {} of {} tasks fit train",
                   count("seed"), count("prefix"), count("conjugate"), row.evaluations, row.seconds, row.compile_s,
                   solved_by_seeds_.size(), in_.tasks.size()));
}

void Search::count_improved(const RoundBatt& rb, const std::vector<Candidate>& cands, const RoundScores& scores,
                            std::map<std::string, MutationStats>& stats) const {
  std::map<std::string, std::size_t> task_at;  // the round's task ids, their index
  for (std::size_t t = 0; t < rb.out.tasks.size(); ++t) task_at.emplace(rb.out.tasks[t].id, t);
  for (std::size_t p = 0; p < rb.candidate_of.size(); ++p) {
    const Candidate& c = cands[rb.candidate_of[p]];
    auto t = task_at.find(c.task);  // only the task it was made for counts
    if (t != task_at.end() && scores.ran(t->second, int(p)) && scores.score(t->second, int(p)).score > c.parent_score)
      ++stats[c.mutation].improved;
  }
}

// Per task, the round's programs with distinct outputs (the shortest of
// each group), best first, are stored when they would be kept; then the
// store keeps the task's best `keep`.
void Search::keep_candidates(int r, const RoundBatt& rb, const std::vector<Candidate>& cands,
                             const RoundScores& scores, RoundStart& start) {
  auto cand = [&](int p) -> const Candidate& { return cands[rb.candidate_of[p]]; };
  // Each task's groups on a thread (they read the round's results and the
  // candidates only); then the store, in task order.
  const unsigned jobs = resolve_jobs(o_.jobs);
  std::vector<ProgramSize> sizes(rb.candidate_of.size());
  parallel_for(sizes.size(), jobs, [&](unsigned, std::size_t p) { sizes[p] = size_of(cand(int(p)).program); });
  std::vector<std::vector<ScoredCandidate>> groups(rb.out.tasks.size());
  parallel_for(groups.size(), jobs, [&](unsigned, std::size_t ti) {
    groups[ti] = scores.distinct_best(ti, [&](int p) { return cand(p).source; }, [&](int p) { return sizes[p]; });
  });
  for (std::size_t ti = 0; ti < rb.out.tasks.size(); ++ti) {
    const std::string& id = rb.out.tasks[ti].id;
    std::vector<TaskScore>& kept = start.best[id];
    for (const ScoredCandidate& sc : groups[ti]) {
      TaskScore s = sc.score;
      if (s.score <= 0 || !would_keep(kept, s, o_.keep)) continue;
      const Candidate& c = cand(sc.program);
      StoredProgram sp;
      sp.source = c.source;
      sp.length = s.length;
      sp.bits = s.bits;
      sp.dialect = generator::dialect_name(c.dialect);
      sp.parent = c.parent;
      sp.mutation = c.mutation;
      sp.round = r;
      s.program = store_.add_program(sp);
      s.round = r;
      store_.set_score(s);
      kept.push_back(s);
      keep_best(kept, o_.keep);
    }
    store_.keep_best(id, o_.keep);
  }
}

void Search::store_counts(const std::map<std::string, MutationStats>& stats) {
  for (const auto& [kind, st] : stats) {
    store_.add_mutation_counts(kind, st.made, st.improved, st.discarded);
    rep_.mutations[kind] += st;
  }
}

// The round's row (timings from the run and since the round began) and its
// newly solved tasks, written in the round's transaction; returns how many
// tasks the store has solved now.
std::size_t Search::finish_round(RoundRow& row, double batt_seconds, const RoundStart& start,
                                 Clock::time_point t_store) {
  std::map<std::string, std::vector<TaskScore>> after = store_.best();
  std::set<std::string> solved_after = solved_in(after);
  for (const std::string& t : solved_after)
    if (!start.solved.count(t) && row.round > 0) row.new_solved += (row.new_solved.empty() ? "" : ",") + t;
  for (const auto& [task, scores] : after) {
    auto was = start.first.find(task);
    row.improved += !scores.empty() && (was == start.first.end() || better(scores.front(), was->second));
  }
  // Generate: everything before the store but the runs and the scoring
  // (drawing, mutating or enumerating, checking, parsing and merging).
  row.generate_s = std::chrono::duration<double>(t_store - start.t0).count() - batt_seconds - row.score_s;
  row.store_s = since(t_store);
  row.seconds = since(start.t0);
  store_.add_round(row);
  return solved_after.size();
}

void Search::store_empty_round(RoundRow& row) {
  ++rep_.strategies[row.strategy].rounds;
  Store::Transaction tx(store_);
  store_.add_round(row);
  phase(row.round, "stored");
  tx.commit();
}

void Search::round(int r) {
  RoundStart start;
  phase(r, "draw");
  start.best = store_.best();
  for (const auto& [task, scores] : start.best)
    if (!scores.empty()) start.first.emplace(task, scores.front());
  start.solved = solved_in(start.best);
  start.plausibly_solved = solved_in(start.best, true);
  start.pool = store_.programs();
  std::vector<RoundRow> rounds = store_.rounds();
  if (choose_strategy(rounds, o_.strategy, !start.pool.empty()) == Strategy::Mutate) return mutate_round(r, start);
  int enumerated = 0;
  for (const RoundRow& row : rounds) enumerated += row.strategy == "enumerate";
  enumerate_round(r, start, enumerated);
}

// Tasks with two test predictions or more among their plausibly fitting
// programs.
std::set<std::string> settled_tasks(const std::map<std::string, std::vector<TaskScore>>& best) {
  std::set<std::string> settled;
  for (const auto& [task, scores] : best)
    if (distinct_predictions(scores) >= 2) settled.insert(task);
  return settled;
}

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
  RoundBattOptions ro;
  ro.new_shapes = o_.enumerate_shapes;
  ro.shapes = &shapes_;
  ro.specs = &specs_;
  ro.cuda_specs = &cuda_specs_;
  ro.backend_stats = &rep_.backend;
  ro.skipped_no_compiler = &rep_.skipped_no_compiler;
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

// A round's evaluations and phase times into the report.
void Search::add_work(const RoundRow& row) {
  rep_.evaluations += row.evaluations;
  rep_.generate_s += row.generate_s;
  rep_.compile_s += row.compile_s;
  rep_.run_s += row.run_s;
  rep_.score_s += row.score_s;
  rep_.store_s += row.store_s;
}

// The round's figures into the report, and its progress line.
void Search::report_round(const RoundRow& row, std::size_t solved) {
  rep_.candidates += row.candidates;
  rep_.unique += row.unique;
  add_work(row);
  StrategyStats& st = rep_.strategies[row.strategy];
  ++st.rounds;
  st.evaluations += row.evaluations;
  st.improved += row.improved;
  st.seconds += row.seconds;
  note(fmt::format("round {} ({}): {} candidates, {} unique, {} evaluations ({:.0f}/s), {} tasks fit train{}",
                   row.round, row.strategy, row.candidates, row.unique, row.evaluations,
                   row.evaluations / std::max(row.seconds, 1e-9), solved,
                   row.new_solved.empty() ? "" : " (new: " + row.new_solved + ")"));
}

// A seeded store resumes only from the same inputs (tasks and their
// contents, seeds, options) and random seed; a merged one (battc store
// merge) from the same inputs and any seed, which it then records.
void check_resume(Store& store, const InputsKey& key) {
  if (store.meta("inputs") != key.combined())
    throw SearchFailure{api::input_error(
        store.path() + " was searched with other tasks (or task contents), seeds or options; --resume needs the same")};
  if (store.meta("merged") == "1") {
    store.set_meta("seed", std::to_string(key.seed));
    return;
  }
  if (store.meta("seed") != std::to_string(key.seed))
    throw SearchFailure{api::input_error(store.path() + " was searched with --seed " +
                                         store.meta("seed").value_or("?") + "; --resume needs the same")};
}

// A new store gets round 0; a seeded one must have the same inputs and
// --resume.
void Search::open_store() {
  bool seeded = store_.meta("seeded").has_value();
  if (seeded && !o_.resume)
    throw SearchFailure{api::input_error(o_.store +
                                         " already holds a search; pass --resume to continue it, or another --store")};
  if (seeded) check_resume(store_, inputs_key(in_, o_));
  if (!seeded) {
    seed_round();
  } else {
    for (const auto& [task, scores] : store_.best())
      for (const TaskScore& s : scores)
        if (s.solved && s.round == 0 && in_.task_index.count(task)) solved_by_seeds_.insert(task);
    note(fmt::format("resuming {} after round {}", o_.store, store_.last_round()));
  }
  for (std::string& k : store_.shapes()) shapes_.insert(std::move(k));
}

bool Search::more_rounds(int r, Clock::time_point t0) const {
  if (o_.rounds > 0 && r >= o_.rounds) return false;
  if (o_.minutes > 0 && since(t0) >= o_.minutes * 60) return false;
  return o_.rounds > 0 || o_.minutes > 0;
}

// The report: what fits train (the store's own measure), then the final
// attempts scored against the known test outputs, and the submission file.
void Search::final_report(Clock::time_point t0) {
  rep_.tasks = static_cast<int>(in_.tasks.size());
  rep_.select_on_test = o_.select_on_test;
  std::set<std::string> fits = solved_in(store_.best());
  rep_.fits_train = static_cast<int>(fits.size());
  rep_.fits_train_by_seeds = static_cast<int>(solved_by_seeds_.size());
  for (const std::string& t : fits)
    if (!solved_by_seeds_.count(t)) rep_.new_fits_train.push_back(t);
  for (const auto& [task, scores] : store_.best())
    if (fits.count(task))
      if (auto p = store_.program(scores.front().program)) ++rep_.fits_train_by_kind[p->mutation];
  auto final = final_attempts(store_, in_, o_, cuda_specs_, specs_);
  if (!final.ok()) throw SearchFailure{final.error()};
  const SubmissionScore& sc = final->score;
  rep_.scored_tasks = sc.scored;
  rep_.verified = sc.verified;
  rep_.kaggle_score = sc.score;
  rep_.verified_tasks = sc.verified_tasks;
  std::set<std::string> verified(sc.verified_tasks.begin(), sc.verified_tasks.end());
  for (const std::string& t : fits) rep_.near_misses += !verified.count(t) && known_outputs(in_.tasks[in_.task_index.at(t)]);
  if (!o_.submission.empty()) write_submission(final->submission);
  rep_.seconds = since(t0);
}

// Written to a temporary file and renamed: a reader never sees half a file.
void Search::write_submission(const nlohmann::json& submission) {
  std::string tmp = o_.submission + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << submission.dump() << "\n";
    out.close();
    if (!out) throw SearchFailure{api::input_error("--submission: cannot write " + o_.submission)};
  }
  std::error_code ec;
  std::filesystem::rename(tmp, o_.submission, ec);
  if (ec) throw SearchFailure{api::input_error("--submission: cannot write " + o_.submission + ": " + ec.message())};
}

SearchReport Search::run() {
  auto t0 = Clock::now();
  auto inputs = load_search_inputs(o_, sig_);
  if (!inputs.ok()) throw SearchFailure{inputs.error()};
  in_ = std::move(inputs.value());
  std::vector<generator::Program> seeds;
  for (const generator::TypedProgram& s : in_.seeds) seeds.push_back(s.program);
  if (o_.enumerate_prior == "seeds") enumerator_.set_costs(generator::seed_prior(seeds));
  ranking_prior_ = generator::seed_prior(seeds, generator::kRankingUnits);
  if (o_.enumerate_library == "seeds") library_ = generator::seed_library(in_.seeds, sig_);
  for (const Task& t : in_.searched)
    if (!halves_rules(t).empty() || !overlay_rules(t).empty()) ruled_.insert(t.id);
  if (in_.refused || in_.differs)
    note(fmt::format("seeds: {} accepted, {} refused by the checker, {} differs left out (search scores solvers)",
                     in_.seeds.size(), in_.refused, in_.differs));
  open_store();
  for (int r = store_.last_round(); more_rounds(r, t0);) {
    if (o_.stop_requested && o_.stop_requested()) {
      rep_.interrupted = true;
      break;
    }
    round(++r);
    ++rep_.rounds;
  }
  final_report(t0);
  return rep_;
}

}  // namespace

std::optional<api::ApiError> check_search_options(const SearchOptions& o) {
  if (o.task_paths.empty()) return api::usage_error("no tasks given");
  if (!valid_strategy_option(o.strategy))
    return api::usage_error("strategy '" + o.strategy + "': choose auto, mutate or enumerate");
  if (o.program_files.empty() && o.strategy == "mutate")
    return api::usage_error("no seed programs given: mutation needs some (enumeration does not: strategy auto or enumerate)");
  if (o.enumerate_tasks < 1 || o.enumerate_depth < 1 || o.enumerate_calls < 1 || o.enumerate_shapes < 0)
    return api::usage_error("enumeration's tasks, depth and calls must each be at least 1, its shapes at least 0");
  if (o.seeds_on != "all" && o.seeds_on != "own")
    return api::usage_error("seeds on '" + o.seeds_on + "': choose all or own");
  if (o.enumerate_prior != "seeds" && o.enumerate_prior != "flat")
    return api::usage_error("enumerate prior '" + o.enumerate_prior + "': choose seeds or flat");
  if (o.enumerate_library != "seeds" && o.enumerate_library != "none")
    return api::usage_error("enumerate library '" + o.enumerate_library + "': choose seeds or none");
  if (o.store.empty()) return api::usage_error("no store given");
  if (o.rounds <= 0 && o.minutes <= 0) return api::usage_error("give rounds or minutes (--rounds N or --minutes M)");
  if (o.tasks_per_round < 1 || o.parents_per_task < 1 || o.mutants_per_parent < 1 || o.keep < 1)
    return api::usage_error("tasks per round, parents, mutants and keep must each be at least 1");
  if (o.new_shapes_per_round < 0) return api::usage_error("new shapes per round must be at least 0");
  if (o.shard_count < 1 || o.shard_index < 0 || o.shard_index >= o.shard_count)
    return api::usage_error(fmt::format("shard {}/{}: give I/N with 0 <= I < N", o.shard_index, o.shard_count));
  return std::nullopt;
}

api::ApiResult<SearchReport> run_search(const SearchOptions& options) {
  if (auto e = check_search_options(options)) return *e;
  return api::guarded([&]() -> api::ApiResult<SearchReport> {
    try {
      Search s(options);
      return s.run();
    } catch (const SearchFailure& f) {
      return f.error;
    } catch (const StoreError& e) {
      return api::input_error(e.what());
    }
  });
}

}  // namespace battc::runtime::search
