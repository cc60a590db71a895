// runtime/search/ranking.h: how the search ranks programs on a task, written
// once: the order (better), the kept order (rank: better, with programs that
// repeat a better one's outputs last), the best k of a list (keep_best), and
// whether a new score would enter a kept list (would_keep).
// The store keeps its rows by the same functions, so what is kept in memory
// during a round and what the store keeps afterwards cannot differ.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace battc::runtime::search {

// A program's score on one task, as the store keeps it.
struct TaskScore {
  std::int64_t program = 0;
  std::string task;
  double score = 0;  // (train right + test right + mean cell accuracy) / (train pairs + known tests + 1)
  int train_right = 0, train_total = 0, test_right = 0, test_known = 0;
  double cell_accuracy = 0;  // mean over train pairs of right cells in right-shaped outputs
  bool solved = false;       // right on every train pair and every known test output
  bool near_miss = false;    // right on every train pair, wrong on a known test output
  int round = 0;
  // A hash of its outputs (grid or failure) on every sample of the task,
  // train and test; for a program that fits train, of its test predictions.
  // 0: unknown (a store of schema 3 or older), like no other program's.
  std::uint64_t outputs = 0;
  // Its test predictions obey what the train pairs do (runtime/score/
  // plausible.h): among programs that fit train, the ones that did not fit
  // by accident. True in a store of schema 4 or older (unknown).
  bool plausible = true;
  int length = 0;            // the program's, for ordering
  // Its description length under the seeds' prior (generator/enumerate/
  // prior.h, sixteenths of a bit): among programs of equal length, the one
  // more like the seeds first. 0: unknown (a store of schema 6 or older).
  int bits = 0;
  // Written by a person (a seed, or a prefix or conjugate of one: made from
  // it by a fixed rule, not chosen among many tries) rather than found by
  // the search on this task: what ranks first among equal scores.
  bool written = false;
  // How many turns, mirrors and recolourings of the task its answers commute
  // with (runtime/score/symmetry.h), set for the kept programs when a search
  // ends; 0: unknown (a store of schema 7 or older, or not yet set). Orders
  // the attempts (attempt_order), not the search's own ranking.
  int symmetries = 0;
  std::string source;        // the program's, for ordering
};

// Better first: score, then plausible predictions (plausible.h: of the
// fitting programs, whose scores are equal, the ones whose test predictions
// look like the train outputs), then written (a seed, or a prefix or conjugate
// of one) before found, then shorter, then cheaper under the seeds' prior, then the
// text (a total order, so selection never depends on anything but
// content). Among programs right on every
// train pair, one written for another task has passed one test, while a
// mutant or an enumerated program is the survivor of thousands tried on
// this very task, each a chance to fit the train pairs by accident: in
// LOO-40 the shorter mutants that fit 29ec7d0e all predicted wrong and
// pushed out the seed that fits it as written (0dfd9992's solver) and
// predicts right. Equally long fitting programs often differ in a
// constant alone, and the text's order chose between them (b9b7f026's
// objects(I, F, F, T) before objects(I, T, F, T), the one that predicts
// right); the prior's order is the better guess, the description length
// of the program in the language the seeds speak (docs/search.md
// "Ranking").
bool better(const TaskScore& a, const TaskScore& b);

// The order of a task's kept programs (in rank() order) for its attempts,
// and so for `battc store export`, whose order `battc run --attempt-order
// given` follows: train pairs right, then plausible predictions, then
// written before found, then more symmetries, then the kept order. The
// symmetries come after written: a seed that fits a task as written has
// passed a test no search selected it for (0dfd9992's solver, which fits
// and verifies 29ec7d0e, commutes with fewer transforms than the shorter
// mutants that fit it by accident and predict wrong); among found programs
// they tell an accidental fit from the rule (docs/search.md, "Symmetries").
void attempt_order(std::vector<TaskScore>& ranked);

// Right on every train pair.
inline bool fits_train(const TaskScore& s) { return s.train_total > 0 && s.train_right == s.train_total; }

// The kept order: better() first, except that a program whose outputs a
// better program already gives (observational equivalence across rounds;
// within a round, score_round's distinct_best) goes after all the others.
// Twins were what filled the kept lists: five longer copies of one
// behaviour, so the parents of a task were one program. And Kaggle scores
// two attempts: a task's fitting programs often fit the train pairs by
// accident and all predict the same wrong grid; a fitting program that
// predicts something else is the second attempt.
void rank(std::vector<TaskScore>& scores);

// Ranks (rank()) and drops all but the first `keep`; returns what was
// dropped, in rank order.
std::vector<TaskScore> keep_best(std::vector<TaskScore>& scores, int keep);

// Whether `s` would be among the `keep` that keep_best keeps of `kept` and `s`.
bool would_keep(const std::vector<TaskScore>& kept, const TaskScore& s, int keep);

// Right on every train pair with plausible test predictions: what leaves a
// task settled for the search's draws (an implausible fit is an accident).
inline bool fits_plausibly(const TaskScore& s) { return fits_train(s) && s.plausible; }

// How many distinct test predictions the plausibly fitting programs among
// `scores` make (their outputs differ on the test inputs only).
int distinct_predictions(const std::vector<TaskScore>& scores);

}  // namespace battc::runtime::search
