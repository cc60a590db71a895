// tests/runtime/search_store_test.cpp: the search's parts on their own: the
// ranking (better, keep_best, would_keep), a round's scores (score_round on
// a hand-made RunResult), and the store's transaction and reads (a failed
// round leaves nothing; a read that fails midway is an error, never a short
// answer).
#include <catch2/catch.hpp>

#include <stdexcept>

#include "runtime/search/ranking.h"
#include "runtime/search/score_round.h"
#include "runtime/search/store.h"
#include "tests/runtime/store_sql.h"
#include "tests/test_support.h"

using namespace battc::runtime;
using namespace battc::runtime::search;
using battc::test::run_store_sql;
using battc::test::TempDir;

namespace {

TaskScore scored(std::int64_t program, double score, int length, std::string source) {
  TaskScore s;
  s.program = program;
  s.task = "t";
  s.score = score;
  s.length = length;
  s.source = std::move(source);
  return s;
}

// One evaluation record: ok with a grid of `hash` (cells_equal right cells),
// matching or not, of the right shape or not; or failed.
EvalRecord grid_record(std::uint64_t hash, bool matches, std::uint16_t cells_equal, bool shape_right = true) {
  EvalRecord e;
  e.status = 0;
  e.flags = EvalRecord::kEvaluated | EvalRecord::kIsGrid | (matches ? EvalRecord::kMatches : 0) |
            (shape_right ? EvalRecord::kShapeRight : 0);
  e.hash = hash;
  e.cells_equal = cells_equal;
  return e;
}

EvalRecord failed_record() {
  EvalRecord e;
  e.status = static_cast<std::uint8_t>(battc::dsl::Status::Budget);
  e.flags = EvalRecord::kEvaluated;
  return e;
}

}  // namespace

TEST_CASE("ranking: score, then shorter, then cheaper, then the text, keep_best keeps the best k",
          "[search][ranking]") {
  std::vector<TaskScore> v = {scored(1, 0.5, 3, "c"), scored(2, 0.9, 5, "b"), scored(3, 0.5, 2, "z"),
                              scored(4, 0.5, 2, "a"), scored(5, 0.1, 1, "a")};
  CHECK(better(v[1], v[0]));
  CHECK(better(v[2], v[0]));  // same score, shorter
  CHECK(better(v[3], v[2]));  // same score, length and bits: the text decides
  CHECK_FALSE(better(v[3], v[3]));
  // Same score and length: the cheaper under the seeds' prior, whatever the
  // text; the shorter still first, however costly.
  TaskScore cheap = scored(8, 0.5, 2, "z"), costly = scored(9, 0.5, 2, "a"), short_costly = scored(10, 0.5, 1, "q");
  cheap.bits = 100;
  costly.bits = 101;
  short_costly.bits = 1000;
  CHECK(better(cheap, costly));
  CHECK_FALSE(better(costly, cheap));
  CHECK(better(short_costly, cheap));
  std::vector<TaskScore> dropped = keep_best(v, 3);
  REQUIRE(v.size() == 3);
  CHECK(v[0].program == 2);
  CHECK(v[1].program == 4);
  CHECK(v[2].program == 3);
  REQUIRE(dropped.size() == 2);
  CHECK(dropped[0].program == 1);
  CHECK(dropped[1].program == 5);
  CHECK(would_keep(v, scored(6, 0.6, 9, "q"), 3));
  CHECK_FALSE(would_keep(v, scored(7, 0.5, 3, "a"), 3));  // worse than the third
  CHECK(would_keep(v, scored(7, 0.0, 3, "a"), 4));        // room left
  std::vector<TaskScore> none;
  CHECK(keep_best(none, 2).empty());
}

namespace {
TaskScore fitting(std::int64_t program, int length, std::string source, std::uint64_t outputs) {
  TaskScore s = scored(program, 1.0, length, std::move(source));
  s.train_right = s.train_total = 3;
  s.cell_accuracy = 1;
  s.outputs = outputs;
  return s;
}
TaskScore partial(std::int64_t program, double score, std::string source, std::uint64_t outputs = 0) {
  TaskScore s = scored(program, score, 4, std::move(source));
  s.train_right = 1;
  s.train_total = 3;
  s.outputs = outputs;
  return s;
}
}  // namespace

TEST_CASE("ranking: a fitting program that repeats another's test prediction goes last", "[search][ranking]") {
  // Three fitting programs, two predicting the same (42): the longer twin
  // ranks after the partial program, and is what a list of three drops.
  std::vector<TaskScore> v = {fitting(1, 2, "a", 42), fitting(2, 3, "b", 42), fitting(3, 5, "c", 7),
                              partial(4, 0.4, "d")};
  CHECK(distinct_predictions(v) == 2);
  rank(v);
  CHECK(v[0].program == 1);
  CHECK(v[1].program == 3);
  CHECK(v[2].program == 4);
  CHECK(v[3].program == 2);
  std::vector<TaskScore> dropped = keep_best(v, 3);
  REQUIRE(dropped.size() == 1);
  CHECK(dropped[0].program == 2);

  // would_keep agrees with keep_best: a third prediction enters, another
  // twin of 42 longer than program 1 does not (though shorter than program
  // 3), a shorter one does, a partial program better than program 4 does.
  CHECK(would_keep(v, fitting(5, 9, "e", 99), 3));
  CHECK_FALSE(would_keep(v, fitting(6, 4, "0", 42), 3));
  CHECK(would_keep(v, fitting(6, 1, "0", 42), 3));
  CHECK(would_keep(v, partial(7, 0.5, "f"), 3));
  CHECK_FALSE(would_keep(v, partial(8, 0.3, "g"), 3));
  // A shorter twin of 42 takes the first place, and program 1 goes last.
  std::vector<TaskScore> w = v;
  w.push_back(fitting(6, 1, "0", 42));
  rank(w);
  CHECK(w[0].program == 6);
  CHECK(w.back().program == 1);
}

TEST_CASE("ranking: of programs that fit train, plausible predictions first, only they settle a task",
          "[search][ranking]") {
  // Program 1, the shorter, predicts implausibly (runtime/score/plausible.h).
  std::vector<TaskScore> v = {fitting(1, 2, "a", 42), fitting(2, 6, "b", 7), partial(3, 0.4, "c")};
  v[0].plausible = false;
  CHECK(fits_train(v[0]));
  CHECK_FALSE(fits_plausibly(v[0]));
  CHECK(better(v[1], v[0]));
  CHECK(distinct_predictions(v) == 1);  // 42 is an accident's
  rank(v);
  CHECK(v[0].program == 2);
  CHECK(v[1].program == 1);  // still before the partial program: it fits train
  CHECK(v[2].program == 3);
}

TEST_CASE("ranking: partial programs that give the same outputs keep one place, the better's", "[search][ranking]") {
  // Four partial programs, three of one behaviour (outputs 5): the best of
  // them stays first, its twins go after the other behaviour, and a list of
  // two keeps the two behaviours. Outputs 0 (unknown: an old store) repeat
  // nothing.
  std::vector<TaskScore> v = {partial(1, 0.5, "a", 5), partial(2, 0.5, "b", 5), partial(3, 0.4, "c", 8),
                              partial(4, 0.5, "d", 5), partial(5, 0.3, "e"), partial(6, 0.3, "f")};
  rank(v);
  std::vector<std::int64_t> order;
  for (const TaskScore& s : v) order.push_back(s.program);
  CHECK(order == std::vector<std::int64_t>{1, 3, 5, 6, 2, 4});
  keep_best(v, 2);
  REQUIRE(v.size() == 2);
  CHECK(v[1].program == 3);
  CHECK(distinct_predictions(v) == 0);  // none fits
}

namespace {
// One task: two train pairs (4 cells each), one test with a known output;
// three programs: 0 right everywhere, 1 the same outputs as 0 (a
// duplicate), 2 right on train 0 only, 3 of 4 cells on train 1, and it fails
// on the test.
struct ThreePrograms {
  RunResult run;
  std::vector<Task> tasks;
  ThreePrograms();
};

ThreePrograms::ThreePrograms() {
  Task task;
  task.id = "t";
  GridData g{2, 2, {1, 2, 3, 4}};
  task.train = {Sample{g, g}, Sample{g, g}};
  task.test = {Sample{g, g}};
  run.programs = {"a", "b", "c"};
  TaskResult tr;
  tr.id = "t";
  tr.want = {1, 1, 1};
  auto sample = [](bool test, int index, std::vector<EvalRecord> evals) {
    SampleResult s;
    s.is_test = test;
    s.index = index;
    s.has_expected = true;
    s.evals = std::move(evals);
    return s;
  };
  tr.samples = {sample(false, 0, {grid_record(7, true, 4), grid_record(7, true, 4), grid_record(7, true, 4)}),
                sample(false, 1, {grid_record(8, true, 4), grid_record(8, true, 4), grid_record(9, false, 3)}),
                sample(true, 0, {grid_record(5, true, 4), grid_record(5, true, 4), failed_record()})};
  tr.samples[2].grids = {g};  // programs 0 and 1 predict g
  tr.samples[2].evals[0].grid = tr.samples[2].evals[1].grid = 0;
  run.tasks = {tr};
  tasks = {task};
}
}  // namespace

TEST_CASE("score_round: train and known test pairs, cell accuracy, and one program per output signature",
          "[search][ranking]") {
  ThreePrograms three;
  RoundScores scores = score_round(three.run, three.tasks);
  std::vector<TaskScore> of0 = scores.of_program(0), of2 = scores.of_program(2);
  REQUIRE(of0.size() == 1);
  CHECK(of0[0].train_right == 2);
  CHECK(of0[0].test_right == 1);
  CHECK(of0[0].solved);
  CHECK(of0[0].score == Approx((2 + 1 + 1.0) / (2 + 1 + 1)));
  REQUIRE(of2.size() == 1);
  CHECK(of2[0].train_right == 1);
  CHECK(of2[0].cell_accuracy == Approx((1.0 + 0.75) / 2));
  // Partial credit: the mean of the cell accuracy and the right shapes' share.
  CHECK(of2[0].score == Approx((1 + ((1.0 + 0.75) / 2 + 1.0) / 2) / (2 + 1 + 1)));
  CHECK_FALSE(of2[0].solved);
  CHECK_FALSE(of2[0].near_miss);
  // Plausible predictions (runtime/score/plausible.h): g has the test
  // input's shape and colours; a failure on the test input predicts nothing.
  CHECK(of0[0].plausible);
  CHECK_FALSE(of2[0].plausible);

  // Every program's outputs hash: programs 0 and 1 give the same outputs,
  // program 2 others.
  CHECK(of0[0].outputs != 0);
  CHECK(scores.of_program(1)[0].outputs == of0[0].outputs);
  CHECK(of2[0].outputs != of0[0].outputs);
  CHECK(of2[0].outputs != 0);
}

TEST_CASE("score_round: distinct_best keeps one program per output signature, the best by the ranking",
          "[search][ranking]") {
  ThreePrograms three;
  RoundScores scores = score_round(three.run, three.tasks);
  // Programs 0 and 1 give the same outputs: one of them, the shorter.
  auto best = scores.distinct_best(0, [](int p) { return std::string(1, char('a' + p)); },
                                   [](int p) { return ProgramSize{p == 1 ? 1 : 2, 10}; });
  REQUIRE(best.size() == 2);
  CHECK(best[0].program == 1);
  CHECK(best[1].program == 2);
  // Of the same length, the text decides; it is asked of the tied programs
  // and of each group's best only.
  int asked = 0;
  auto tied = scores.distinct_best(
      0, [&](int p) { return ++asked, std::string(1, "zam"[p]); }, [](int) { return ProgramSize{2, 10}; });
  REQUIRE(tied.size() == 2);
  CHECK(tied[0].program == 1);  // "a" before "z"
  CHECK(tied[0].score.source == "a");
  CHECK(tied[1].score.source == "m");
  CHECK(asked == 3);
  // Of the same length, the cheaper under the prior before the text, which
  // is then asked of each group's best only.
  asked = 0;
  auto cheaper = scores.distinct_best(
      0, [&](int p) { return ++asked, std::string(1, "zam"[p]); },
      [](int p) { return ProgramSize{2, p == 0 ? 9 : 10}; });
  REQUIRE(cheaper.size() == 2);
  CHECK(cheaper[0].program == 0);  // "z", cheaper than "a"
  CHECK(cheaper[0].score.bits == 9);
  CHECK(asked == 2);
}

TEST_CASE("score_round: of two programs with no cell right, the one of the right output shape scores more",
          "[search][ranking]") {
  Task task;
  task.id = "t";
  GridData in{3, 3, std::vector<int>(9, 1)}, out{2, 2, {1, 2, 3, 4}};
  task.train = {Sample{in, out}};
  task.test = {Sample{in, std::nullopt}};
  RunResult run;
  run.programs = {"right_size", "input_size"};
  TaskResult tr;
  tr.id = "t";
  tr.want = {1, 1};
  SampleResult train;
  train.index = 0;
  train.has_expected = true;
  train.evals = {grid_record(3, false, 0, true), grid_record(4, false, 0, false)};
  SampleResult test;
  test.is_test = true;
  test.evals = {grid_record(5, false, 0, false), grid_record(6, false, 0, false)};
  tr.samples = {train, test};
  run.tasks = {tr};
  std::vector<Task> tasks = {task};
  RoundScores scores = score_round(run, tasks);
  CHECK(scores.of_program(0)[0].score == Approx(0.5 / 2));
  CHECK(scores.of_program(1)[0].score == 0);
  CHECK(scores.of_program(0)[0].cell_accuracy == 0);
}

TEST_CASE("store: a transaction not committed leaves nothing behind", "[search][store]") {
  TempDir dir("battc-store");
  Store store(dir.path + "/s.db");
  StoredProgram p;
  p.source = "def solve_program(I):\n    return I\n";
  p.dialect = "arc-dsl";
  p.mutation = "seed";
  try {
    Store::Transaction tx(store);
    store.add_program(p);
    throw std::runtime_error("the round failed");
  } catch (const std::runtime_error&) {
  }
  CHECK(store.programs().empty());
  {
    Store::Transaction tx(store);
    store.add_program(p);
    tx.commit();
  }
  CHECK(store.programs().size() == 1);
}

TEST_CASE("store: a read that fails after its first row is an error, not a short answer", "[search][store]") {
  TempDir dir("battc-store");
  std::string path = dir.path + "/s.db";
  // `shapes` as a view whose second row fails to compute (an integer
  // overflow): the store's CREATE TABLE IF NOT EXISTS leaves it in place.
  run_store_sql(path,
                "CREATE TABLE src(x INTEGER); INSERT INTO src VALUES (1), (2); "
                "CREATE VIEW shapes AS SELECT CASE WHEN x > 1 THEN abs(-9223372036854775808) ELSE 'k' || x END "
                "AS key, 0 AS round FROM src");
  Store store(path);
  CHECK_THROWS_AS(store.shapes(), StoreError);
}

TEST_CASE("store: a schema-2 store opens as schema 8, its rounds mutation's, its outputs 0, its programs plausible",
          "[search][store]") {
  TempDir dir("battc-store");
  std::string path = dir.path + "/old.db";
  {
    Store s(path);
    RoundRow r;
    r.round = 1;
    r.evaluations = 10;
    s.add_round(r);
    StoredProgram p;
    p.source = "def solve_program(I):\n    return I\n";
    p.dialect = "arc-dsl";
    p.mutation = "seed";
    TaskScore t = fitting(s.add_program(p), 1, "", 5);
    t.plausible = false;
    s.set_score(t);
  }
  // Back to schema 2: the rounds table without the two columns version 3
  // added, the scores without version 4's and 5's.
  run_store_sql(path,
                "ALTER TABLE rounds DROP COLUMN strategy; ALTER TABLE rounds DROP COLUMN improved; "
                "ALTER TABLE scores DROP COLUMN outputs; ALTER TABLE scores DROP COLUMN plausible; "
                "ALTER TABLE programs DROP COLUMN bits; ALTER TABLE scores DROP COLUMN symmetries; "
                "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
  Store s(path);
  CHECK(s.meta("schema_version") == "8");
  CHECK(s.best("t")[0].bits == 0);  // unknown in an old store
  REQUIRE(s.best("t").size() == 1);
  CHECK(s.best("t")[0].outputs == 0);
  CHECK(s.best("t")[0].plausible);  // unknown in an old store: as before
  CHECK(s.best("t")[0].train_right == 3);
  auto rounds = s.rounds();
  REQUIRE(rounds.size() == 1);
  CHECK(rounds[0].evaluations == 10);
  CHECK(rounds[0].strategy == "mutate");
  CHECK(rounds[0].improved == 0);
  RoundRow e;
  e.round = 2;
  e.strategy = "enumerate";
  e.improved = 3;
  s.add_round(e);
  CHECK(s.rounds().back().strategy == "enumerate");
  CHECK(s.rounds().back().improved == 3);
}

TEST_CASE("store: a schema-5 store opens as schema 8 with its outputs cleared (grid hashes changed)", "[search][store]") {
  TempDir dir("battc-store");
  std::string path = dir.path + "/v5.db";
  {
    Store s(path);
    StoredProgram p;
    p.source = "def solve_program(I):\n    return I\n";
    p.dialect = "arc-dsl";
    p.mutation = "seed";
    TaskScore t = fitting(s.add_program(p), 1, "", 5);
    t.outputs = 1234;
    s.set_score(t);
    REQUIRE(s.best("t")[0].outputs == 1234);
  }
  run_store_sql(path,
                "ALTER TABLE programs DROP COLUMN bits; ALTER TABLE scores DROP COLUMN symmetries; "
                "UPDATE meta SET value = '5' WHERE key = 'schema_version'");
  Store s(path);
  CHECK(s.meta("schema_version") == "8");
  REQUIRE(s.best("t").size() == 1);
  CHECK(s.best("t")[0].outputs == 0);
  CHECK(s.best("t")[0].train_right == 3);
}

TEST_CASE("store: a program's description length is kept with it and ranks programs of equal length",
          "[search][store]") {
  TempDir dir("battc-store");
  Store s(dir.path + "/bits.db");
  StoredProgram a, b;
  a.source = "def solve_program(I):\n    O = vmirror(I)\n    return O\n";
  b.source = "def solve_program(I):\n    O = hmirror(I)\n    return O\n";
  for (StoredProgram* p : {&a, &b}) p->dialect = "arc-dsl", p->mutation = "primitive", p->length = 1;
  a.bits = 80;
  b.bits = 64;
  std::int64_t ia = s.add_program(a), ib = s.add_program(b);
  CHECK(s.program(ib)->bits == 64);
  s.set_score(fitting(ia, 1, "", 5));
  s.set_score(fitting(ib, 1, "", 6));
  auto best = s.best("t");
  REQUIRE(best.size() == 2);
  CHECK(best[0].program == ib);  // cheaper, though its text comes after
  CHECK(best[0].bits == 64);
  CHECK(best[1].bits == 80);
}

TEST_CASE("ranking: the attempts' order puts written programs first, then the more symmetric, among equal train pairs",
          "[search][ranking]") {
  // In rank() order: a short found fit (1), a longer found fit (2), a written
  // fit (3), a found fit whose prediction is implausible (4), a partial
  // program with more symmetries than any (5).
  std::vector<TaskScore> v = {fitting(1, 2, "a", 10), fitting(2, 6, "b", 11), fitting(3, 9, "c", 12),
                              fitting(4, 1, "d", 13), partial(5, 0.4, "e")};
  v[2].written = true;
  v[3].plausible = false;
  v[0].symmetries = 1;
  v[1].symmetries = 6;
  v[2].symmetries = 0;
  v[3].symmetries = 9;
  v[4].symmetries = 9;
  attempt_order(v);
  CHECK(v[0].program == 3);  // written, though the least symmetric
  CHECK(v[1].program == 2);  // then the found fits, the more symmetric first
  CHECK(v[2].program == 1);
  CHECK(v[3].program == 4);  // implausible after every plausible fit
  CHECK(v[4].program == 5);  // fewer train pairs right after every fit
  // Equal symmetries keep the kept order.
  std::vector<TaskScore> w = {fitting(7, 2, "a", 10), fitting(8, 3, "b", 11)};
  attempt_order(w);
  CHECK(w[0].program == 7);
}
