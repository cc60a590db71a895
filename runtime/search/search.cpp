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
// transaction), report. Round 0 is seed_round.cpp's; the two strategies'
// rounds are strategy_rounds.cpp's (search_loop.h: the class they share).
#include "runtime/search/search.h"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>

#include "runtime/exec/parallel_for.h"
#include "runtime/search/final_attempts.h"
#include "runtime/search/part_rules.h"
#include "runtime/search/search_loop.h"
#include "runtime/search/stored_program.h"
#include "runtime/search/strategy.h"

namespace battc::runtime::search {
namespace loop {
namespace {

bool known_outputs(const Task& t) {
  for (const Sample& s : t.test)
    if (!s.output) return false;
  return !t.test.empty();
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

}  // namespace

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

// What every batt of the search shares: the store's shapes, the spec
// libraries and the report's backend counts.
RoundBattOptions Search::batt_options() {
  RoundBattOptions ro;
  ro.shapes = &shapes_;
  ro.specs = &specs_;
  ro.cuda_specs = &cuda_specs_;
  ro.backend_stats = &rep_.backend;
  ro.skipped_no_compiler = &rep_.skipped_no_compiler;
  return ro;
}

// The candidates as one batt over `tasks`; nullopt when nothing runs.
std::optional<RoundBatt> Search::evaluate(int r, const std::vector<Candidate>& cands, const std::vector<Task>& tasks,
                                          bool fits_only) {
  RoundBattOptions ro = batt_options();
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
  auto out = run_round_batt(cands, tasks, ro, o_);
  if (!out.ok()) throw SearchFailure{out.error()};
  if (out->has_value()) {
    rep_.rejected += (*out)->rejected;
    rep_.over_shape_budget += (*out)->over_shape_budget;
  }
  return std::move(out.value());
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

}  // namespace loop

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
      loop::Search s(options);
      return s.run();
    } catch (const loop::SearchFailure& f) {
      return f.error;
    } catch (const StoreError& e) {
      return api::input_error(e.what());
    }
  });
}

}  // namespace battc::runtime::search
