// runtime/search/seed_round.cpp: round 0, once per store (docs/search.md
// step 0): every seed, its prefixes and its conjugates stored and run on
// every task in one transaction with the store's inputs key; or, with no
// seeds, only the key.
#include <fmt/core.h>

#include <algorithm>

#include "runtime/search/search_loop.h"
#include "runtime/search/stored_program.h"

namespace battc::runtime::search::loop {
namespace {

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

}  // namespace

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

}  // namespace battc::runtime::search::loop
