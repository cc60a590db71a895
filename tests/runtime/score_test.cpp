// tests/runtime/score_test.cpp: scoring (who solves what), results.json, the
// Kaggle submission (ranking, distinct attempts, [[0]] fill), the evaluation
// dump (canonical_ref's order and bytes) and the summary text.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/exec/execute.h"
#include "runtime/exec/result_skeleton.h"
#include "runtime/score/dump_writer.h"
#include "runtime/score/json_text.h"
#include "runtime/score/results_json.h"
#include "runtime/score/score.h"
#include "runtime/score/submission.h"
#include "runtime/score/summary.h"
#include "tests/runtime/mini_batt_fixture.h"

using namespace battc::runtime;
using battc::dsl::Status;
using namespace battc::test;
using nlohmann::json;

namespace {

RunResult run_all(const std::vector<Task>& tasks, bool dump = false) {
  ExecOptions o;
  o.pairing = Pairing::All;
  o.jobs = 2;
  o.dump = dump;
  return execute(mini_batt(), tasks, o);
}

EvalRecord rec(Status s, bool grid = false, bool match = false, int grid_index = -1) {
  EvalRecord r;
  r.status = std::uint8_t(s);
  r.flags = EvalRecord::kEvaluated | (grid ? EvalRecord::kIsGrid : 0) | (match ? EvalRecord::kMatches : 0);
  r.grid = grid_index;
  return r;
}

// A run of `programs` (is_differ: 1 per differ) over one task `id` that
// every program is paired with; the tests add its samples.
RunResult one_task_run(std::vector<std::string> programs, std::vector<std::uint8_t> is_differ, const std::string& id) {
  RunResult r;
  r.programs = std::move(programs);
  r.is_differ = std::move(is_differ);
  TaskResult& t = r.tasks.emplace_back();
  t.id = id;
  t.want.assign(r.programs.size(), 1);
  return r;
}

SampleResult sample(bool is_test, int index, bool has_expected, std::vector<EvalRecord> evals) {
  SampleResult s;
  s.is_test = is_test;
  s.index = index;
  s.has_expected = has_expected;
  s.evals = std::move(evals);
  return s;
}

// Tasks "b" then "a" (the dump must sort them), see the expected dump below.
std::vector<Task> dump_tasks() {
  std::vector<Task> tasks;
  tasks.push_back(mirror_task("b", {grid({{0, 1}})}, {grid({{2}, {3}})}));
  tasks.push_back(mirror_task("a", {grid({{1, 2}, {3, 4}}), grid({{7}})}, {grid({{5}})}, false));
  return tasks;
}

// Five tasks for the mini batt's programs (mirror, fail, row): the mirror
// solves mirror_ok, test_unknown and one_pair; test_wrong's known test
// output is not the mirror (a near miss); not_mirror's train pair is not.
std::vector<Task> scoring_tasks() {
  std::vector<Task> tasks;
  tasks.push_back(mirror_task("mirror_ok", {grid({{1, 2}}), grid({{1}, {2}})}, {grid({{3}, {4}})}));
  Task wrong = mirror_task("test_wrong", {grid({{1, 2}}), grid({{1}, {2}})}, {grid({{3}, {4}})});
  wrong.test[0].output = grid({{3}, {4}});  // not the mirror
  tasks.push_back(wrong);
  tasks.push_back(mirror_task("test_unknown", {grid({{1, 2}}), grid({{1}, {2}})}, {grid({{3}, {4}})}, false));
  Task same = mirror_task("not_mirror", {grid({{1}, {2}})}, {});
  same.train[0].output = grid({{1}, {2}});
  tasks.push_back(same);
  tasks.push_back(mirror_task("one_pair", {grid({{5}, {6}})}, {}));
  return tasks;
}

// The scoring tasks run, scored and summarized.
struct Scored {
  RunResult r = run_all(scoring_tasks());
  Scores s = score(r);
  RunSummary sum = summarize_run(r, s);
  std::string text = render_summary(sum, true);
  json j = results_json(r, s, sum);
};

}  // namespace

TEST_CASE("a program solves a task when it matches every train pair and every known test pair", "[score]") {
  Scored run;
  const Scores& s = run.s;
  REQUIRE(s.tasks.size() == 5);
  CHECK(s.tasks_solved == 3);
  CHECK(s.tasks[0].solved_by == std::vector<int>{kMirror});
  CHECK(s.tasks[1].solved_by.empty());
  CHECK(s.tasks[1].programs[kMirror].train_matched == 2);
  CHECK(s.tasks[1].programs[kMirror].test_matched == 0);
  CHECK(s.tasks[1].programs[kMirror].test_known == 1);
  CHECK(s.tasks[2].solved_by == std::vector<int>{kMirror});
  CHECK(s.tasks[2].programs[kMirror].test_known == 0);
  CHECK(s.tasks[3].solved_by.empty());
  CHECK(s.tasks[3].programs[kMirror].train_matched == 0);
  // solve_fail is ok on a one-pair task, but its value is no grid.
  CHECK(s.tasks[4].solved_by == std::vector<int>{kMirror});
  CHECK_FALSE(s.tasks[4].programs[kFail].solved);
}

TEST_CASE("the run's summary counts solved tasks and evaluations, and lists the solvers", "[score]") {
  Scored run;
  const RunSummary& sum = run.sum;
  CHECK(sum.tasks_solved == 3);
  CHECK(sum.programs_solving == 1);
  CHECK(sum.evaluations == 3 * (3 + 3 + 3 + 1 + 1));
  CHECK(sum.ok + sum.error + sum.budget == sum.evaluations);
  CHECK(sum.error == 3 + 3 + 3);  // solve_fail on the two-pair tasks
  REQUIRE(sum.solved.size() == 3);
  CHECK(sum.solved[0].first == "mirror_ok");
  CHECK(sum.solved[1].first == "one_pair");
  CHECK(sum.solved[0].second == std::vector<std::string>{"solve_mirror"});
  CHECK_THAT(run.text, Catch::Contains("tasks solved: 3/5 (60.0%), 5 with a paired program"));
  CHECK_THAT(run.text, Catch::Contains("evaluations: 33 (ok 24, error 9, budget 0)"));
  CHECK_THAT(run.text, Catch::Contains("  test_unknown: solve_mirror\n"));
}

TEST_CASE("results.json has each task's samples, solvers and per-program matches", "[score]") {
  Scored run;
  const json& j = run.j;
  CHECK(j["format"] == "battc-results/1");
  CHECK(j["summary"]["tasks_solved"] == 3);
  const json& t = j["tasks"]["test_unknown"];
  CHECK(t["samples"] == json::array({"train/0", "train/1", "test/0"}));
  CHECK(t["solved_by"] == json::array({"solve_mirror"}));
  CHECK(t["programs"]["solve_mirror"]["solved"] == true);
  CHECK(t["programs"]["solve_mirror"]["match"] == json::parse("[1,1,null]"));
  CHECK(t["programs"]["solve_fail"]["status"] == json::parse(R"(["error","error","error"])"));
  CHECK(t["programs"]["solve_row"]["match"] == json::parse("[0,0,null]"));
  CHECK(j["tasks"]["test_wrong"]["programs"]["solve_mirror"]["train_matched"] == 2);
  CHECK_FALSE(t["programs"]["solve_mirror"].contains("differ"));
}

TEST_CASE("per-task best: the solver first, near misses counted, their predictions kept", "[score]") {
  Scored run;
  const Scores& s = run.s;
  const RunSummary& sum = run.sum;
  const json& j = run.j;
  REQUIRE(s.tasks.size() == 5);
  // Per-task best: the solver first; on test_wrong (unsolved) the mirror is
  // a near miss (both train pairs right, the known test wrong), and its
  // prediction on the test input is there to look at.
  CHECK(s.tasks[0].ranked.front() == kMirror);
  CHECK(s.tasks[1].ranked.front() == kMirror);
  CHECK(s.tasks[1].near_miss());
  CHECK_FALSE(s.tasks[0].near_miss());
  CHECK_FALSE(s.tasks[3].near_miss());  // not_mirror: no program matched its train pair
  CHECK(s.near_misses == 1);
  CHECK(sum.near_misses == 1);
  REQUIRE(sum.best_unsolved.size() == 2);
  CHECK(sum.best_unsolved[0].task == "not_mirror");
  CHECK(sum.best_unsolved[1].task == "test_wrong");
  CHECK(sum.best_unsolved[1].program == "solve_mirror");
  CHECK(sum.best_unsolved[1].train_matched == 2);
  CHECK_THAT(run.text, Catch::Contains("unsolved: 1 near misses (every train pair right, a test output wrong), 0 more "
                                       "with some train pairs right, 1 with none\n"));
  CHECK_THAT(run.text, Catch::Contains("  test_wrong unsolved (near miss): best solve_mirror (2/2 train pairs)\n"));
  const json& wrong_best = j["tasks"]["test_wrong"]["best"];
  REQUIRE(wrong_best.size() == kBestKept);
  CHECK(wrong_best[0]["program"] == "solve_mirror");
  CHECK(wrong_best[0]["solved"] == false);
  CHECK(wrong_best[0]["train_matched"] == 2);
  CHECK(wrong_best[0]["predictions"] == json::parse("[[[4],[3]]]"));  // mirror of [[3],[4]]
  CHECK(j["tasks"]["test_wrong"]["near_miss"] == true);
  CHECK(j["tasks"]["test_wrong"]["train_pairs"] == 2);
  CHECK(j["summary"]["near_misses"] == 1);
}

TEST_CASE("differs never solve, and results.json reports their values", "[score]") {
  RunResult r = one_task_run({"differ_x", "solve_x"}, {1, 0}, "x");
  TaskResult& t = r.tasks[0];
  t.samples.push_back(sample(false, 0, true, {rec(Status::Ok, true, true), rec(Status::Ok, true, true)}));
  t.samples.push_back(sample(true, 0, false, {EvalRecord{}, rec(Status::Ok, true, false, 0)}));
  t.samples[0].texts = {"[[1]]", ""};
  t.samples[1].grids = {grid({{1}})};
  Scores s = score(r);
  CHECK(s.tasks[0].solved_by == std::vector<int>{1});
  CHECK_FALSE(s.tasks[0].programs[0].solved);
  json j = results_json(r, s, summarize_run(r, s));
  const json& d = j["tasks"]["x"]["programs"]["differ_x"];
  CHECK(d["differ"] == true);
  CHECK(d["values"] == json::parse("[[[1]],null]"));
  CHECK(d["status"] == json::parse(R"(["ok",null])"));
}

// results.json is written as text, not through a DOM: it must be what
// nlohmann's compact dump of the same object gives (keys ascending, strings
// escaped as it does), so parsing and dumping it again changes nothing.
TEST_CASE("results.json text is the compact dump of its own object", "[score]") {
  RunResult r;
  r.programs = {"solve_z", "differ_\"q\"", "solve_\xc3\xa9", "solve_a", "solve_z", "solve_bad\xff"};
  r.is_differ = {0, 1, 0, 0, 0, 0};
  for (const char* id : {"t2", "t1\\x", "t0"}) {
    TaskResult& t = r.tasks.emplace_back();
    t.id = id;
    t.want = {1, 1, 1, 1, 0, 1};  // the second solve_z is not paired: the first one is reported
    EvalRecord skipped;
    skipped.flags = EvalRecord::kSkipped;
    EvalRecord failed = rec(Status::Error);
    t.samples.push_back(sample(false, 0, true,
                               {rec(Status::Ok, true, true), rec(Status::Ok, false, false), rec(Status::Ok, true, false),
                                failed, rec(Status::Ok, true, true), rec(Status::Budget)}));
    t.samples.push_back(sample(true, 0, false,
                               {rec(Status::Ok, true, false, 0), EvalRecord{}, skipped, skipped, skipped,
                                rec(Status::Ok, true, false, 0)}));
    t.samples[0].texts = {"", "{\"b\": [1, 2], \"a\": \"\\u00e9\"}", "", "", "", ""};
    t.samples[1].grids = {grid({{1, 2}})};
  }
  Scores s = score(r);
  RunSummary sum = summarize_run(r, s);
  json inputs = {{"tasks", "dir/\xc3\xa9"}, {"programs", json::array({"p.py"})}};
  std::string text = results_text(r, s, sum, inputs);
  json j = json::parse(text);
  CHECK(j.dump(-1, ' ', false, json::error_handler_t::replace) == text);
  CHECK(j["tasks"].size() == 3);
  const json& programs = j["tasks"]["t0"]["programs"];
  CHECK(programs.size() == 5);
  CHECK(programs["solve_z"]["match"] == json::parse("[1,null]"));
  CHECK(programs["solve_a"]["status"] == json::parse(R"(["error","skipped"])"));
  CHECK(programs["solve_a"]["failures"][1].is_null());
  CHECK(programs["differ_\"q\""]["values"] == json::parse(R"([{"a":"\u00e9","b":[1,2]},null])"));
  CHECK(programs.contains("solve_bad\xef\xbf\xbd"));  // invalid UTF-8 replaced, as nlohmann does
  CHECK(results_json(r, s, sum) == json::parse(results_text(r, s, sum)));
}

TEST_CASE("submission: two distinct grids ranked by train pairs matched, ties by name or in the given order", "[score]") {
  RunResult r = one_task_run({"p_c", "p_a", "p_b", "differ_z", "p_fail"}, {0, 0, 0, 1, 0}, "t");
  TaskResult& t = r.tasks[0];
  auto m = [](bool match) { return rec(Status::Ok, true, match); };
  t.samples.push_back(sample(false, 0, true, {m(true), m(true), m(true), m(true), rec(Status::Error)}));
  t.samples.push_back(sample(false, 1, true, {m(true), m(false), m(true), m(true), rec(Status::Error)}));
  t.samples.push_back(sample(true, 0, false,
                             {rec(Status::Ok, true, false, 2), rec(Status::Ok, true, false, 0),
                              rec(Status::Ok, true, false, 1), rec(Status::Ok, true, false, 3), rec(Status::Error)}));
  t.samples[2].grids = {grid({{1}}), grid({{2}}), grid({{3}}), grid({{4}})};
  Scores s = score(r);
  // p_b and p_c match both train pairs, p_b first by name; p_a matches one;
  // the differ never counts.
  auto a = submission_attempts(r, t, s.tasks[0], t.samples[2]);
  REQUIRE(a.size() == 2);
  CHECK(a[0] == grid({{2}}));
  CHECK(a[1] == grid({{3}}));
  // In the given order (a ranked store export): p_c, the first program, then
  // p_b; still after train pairs matched, so p_a never comes first.
  a = submission_attempts(r, t, s.tasks[0], t.samples[2], AttemptOrder::Given);
  CHECK(a[0] == grid({{3}}));
  CHECK(a[1] == grid({{2}}));

  // The same grid twice is one attempt; [[0]] fills in.
  t.samples[2].evals[0].grid = 1;
  a = submission_attempts(r, t, s.tasks[0], t.samples[2]);
  CHECK(a[0] == grid({{2}}));
  CHECK(a[1] == grid({{1}}));
  t.samples[2].evals[1] = rec(Status::Budget);
  a = submission_attempts(r, t, s.tasks[0], t.samples[2]);
  CHECK(a[1] == grid({{0}}));

  // A grid Kaggle would refuse (a colour outside 0-9, over 30 wide) is no
  // attempt, however well its program ranks.
  t.samples[2].evals[0].grid = 2;  // p_c: [[3]]; p_b: [[-1]]
  t.samples[2].grids[1] = grid({{-1}});
  a = submission_attempts(r, t, s.tasks[0], t.samples[2]);
  CHECK(a[0] == grid({{3}}));
  t.samples[2].grids[2] = GridData{1, 31, std::vector<int>(31, 1)};
  a = submission_attempts(r, t, s.tasks[0], t.samples[2]);
  CHECK(a[0] == grid({{0}}));
}

TEST_CASE("submission: of two programs that fit train, the plausible one's prediction is the first attempt",
          "[score]") {
  // Every train output has its input's 2x2 shape; p_a (first by name)
  // predicts a 1x2 grid for the 2x2 test input, p_b a 2x2 one.
  Task task;
  task.id = "t";
  task.train.push_back(Sample{grid({{0, 0}, {0, 0}}), grid({{1, 1}, {1, 1}})});
  task.train.push_back(Sample{grid({{1, 1}, {1, 1}}), grid({{0, 0}, {0, 0}})});
  task.test.push_back(Sample{grid({{0, 0}, {0, 0}}), std::nullopt});
  RunResult r = one_task_run({"p_a", "p_b"}, {0, 0}, "t");
  TaskResult& t = r.tasks[0];
  const EvalRecord fit = rec(Status::Ok, true, true);
  t.samples.push_back(sample(false, 0, true, {fit, fit}));
  t.samples.push_back(sample(false, 1, true, {fit, fit}));
  t.samples.push_back(sample(true, 0, false, {rec(Status::Ok, true, false, 0), rec(Status::Ok, true, false, 1)}));
  t.samples[2].grids = {grid({{1, 1}}), grid({{1, 1}, {1, 1}})};
  const SampleResult& test = t.samples[2];

  Scores plain = score(r);  // without the tasks: both count as plausible, p_a first by name
  CHECK(submission_attempts(r, t, plain.tasks[0], test)[0] == grid({{1, 1}}));
  Scores s = score(r, {task});
  CHECK_FALSE(s.tasks[0].programs[0].plausible);
  CHECK(s.tasks[0].programs[1].plausible);
  auto a = submission_attempts(r, t, s.tasks[0], test);
  CHECK(a[0] == grid({{1, 1}, {1, 1}}));
  CHECK(a[1] == grid({{1, 1}}));  // still the second attempt: never dropped
  a = submission_attempts(r, t, s.tasks[0], test, AttemptOrder::Given);
  CHECK(a[0] == grid({{1, 1}, {1, 1}}));
}

TEST_CASE("submission.json in the Kaggle format, one entry per test input", "[score]") {
  std::vector<Task> tasks = dump_tasks();
  tasks.push_back(mirror_task("c", {grid({{1}})}, {grid({{1, 2}}), grid({{3}, {4}})}, false));
  tasks.push_back(mirror_task("d", {grid({{1}})}, {}));
  RunResult r = run_all(tasks);
  json sub = submission_json(r, score(r));
  CHECK(sub.dump() ==
        R"({"a":[{"attempt_1":[[5]],"attempt_2":[[0]]}],)"
        R"("b":[{"attempt_1":[[3],[2]],"attempt_2":[[0]]}],)"
        R"("c":[{"attempt_1":[[1,2]],"attempt_2":[[0]]},{"attempt_1":[[4],[3]],"attempt_2":[[0]]}],)"
        R"("d":[]})");
}

TEST_CASE("the dump follows canonical_ref: tasks by id, programs by name, train then test", "[score]") {
  RunResult r = run_all(dump_tasks(), true);
  std::ostringstream out;
  write_dump(out, r);
  // solve_fail and solve_row are ok without a value: the mini unit encodes
  // grids only (a generated unit encodes every value). solve_fail's first of
  // an empty tuple says why it failed.
  const char* expected =
      R"({"task":"a","sample":"train/0","program":"solve_fail","status":"error","reason":"empty container"})" "\n"
      R"({"task":"a","sample":"train/1","program":"solve_fail","status":"error","reason":"empty container"})" "\n"
      R"({"task":"a","sample":"test/0","program":"solve_fail","status":"error","reason":"empty container"})" "\n"
      R"({"task":"a","sample":"train/0","program":"solve_mirror","status":"ok","value":[[3,4],[1,2]]})" "\n"
      R"({"task":"a","sample":"train/1","program":"solve_mirror","status":"ok","value":[[7]]})" "\n"
      R"({"task":"a","sample":"test/0","program":"solve_mirror","status":"ok","value":[[5]]})" "\n"
      R"({"task":"a","sample":"train/0","program":"solve_row","status":"ok"})" "\n"
      R"({"task":"a","sample":"train/1","program":"solve_row","status":"ok"})" "\n"
      R"({"task":"a","sample":"test/0","program":"solve_row","status":"ok"})" "\n"
      R"({"task":"b","sample":"train/0","program":"solve_fail","status":"ok"})" "\n"
      R"({"task":"b","sample":"test/0","program":"solve_fail","status":"ok"})" "\n"
      R"({"task":"b","sample":"train/0","program":"solve_mirror","status":"ok","value":[[0,1]]})" "\n"
      R"({"task":"b","sample":"test/0","program":"solve_mirror","status":"ok","value":[[3],[2]]})" "\n"
      R"({"task":"b","sample":"train/0","program":"solve_row","status":"ok"})" "\n"
      R"({"task":"b","sample":"test/0","program":"solve_row","status":"ok"})" "\n";
  CHECK(out.str() == expected);
}

// The dump written during the run (a task once it and every task before it
// by id are done) is the one written after it, byte for byte, whatever order
// the workers finish in; written tasks no longer hold their value texts.
TEST_CASE("the streamed dump is the dump written after the run", "[score]") {
  std::vector<Task> tasks = dump_tasks();  // "b" before "a": "b" waits for "a"
  tasks.push_back(mirror_task("c", {grid({{1}}), grid({{2, 3}})}, {grid({{4}})}));
  tasks.push_back(mirror_task("0", {}, {}));  // nothing to run: done from the start
  for (unsigned jobs : {1u, 2u}) {
    ExecOptions o;
    o.pairing = Pairing::All;
    o.jobs = jobs;
    o.dump = true;
    RunResult after = execute(mini_batt(), tasks, o);
    std::ostringstream expected;
    write_dump(expected, after);

    auto file = std::filesystem::temp_directory_path() /
                ("battc-dump-stream-" + std::to_string(::getpid()) + "-" + std::to_string(jobs) + ".jsonl");
    DumpStream stream(file, result_skeleton(*mini_batt().info, {}, o.pairing), tasks);
    std::vector<std::size_t> done_order;
    o.task_done = [&](std::size_t t, TaskResult& task) {
      done_order.push_back(t);  // jobs 2: concurrent, but only read after the run
      stream.task_done(t, task);
    };
    RunResult streamed = execute(mini_batt(), tasks, o);
    stream.finish(streamed);
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(file);
    CHECK(text == expected.str());
    CHECK(done_order.size() == tasks.size());
    for (const TaskResult& t : streamed.tasks)
      for (const SampleResult& s : t.samples)
        for (const std::string& v : s.texts) CHECK(v.empty());
  }
}

TEST_CASE("the dump sorts programs by name, skips what did not run, writes budget and why", "[score]") {
  RunResult r = one_task_run({"solve_b", "solve_a", "differ_a"}, {0, 0, 1}, "x");
  r.statements = {{{"b.py:3", "mapply"}}, {{"a.py:2", "objects"}, {"a.py:3", "first"}}, {}};
  TaskResult& t = r.tasks[0];
  EvalRecord empty = rec(Status::Error), runaway = rec(Status::Budget);
  empty.why = std::uint8_t(battc::dsl::Why::Empty);
  empty.stmt = 1;
  runaway.why = std::uint8_t(battc::dsl::Why::Work);
  t.samples.push_back(sample(false, 0, true, {rec(Status::Ok), empty, rec(Status::Ok)}));
  t.samples[0].texts = {"1", "", "true"};
  t.samples.push_back(sample(true, 0, false, {runaway, rec(Status::Ok, true, false, 0), EvalRecord{}}));
  t.samples[1].grids = {grid({{1, -2}})};
  std::ostringstream out;
  write_dump(out, r);
  CHECK(out.str() ==
        R"({"task":"x","sample":"train/0","program":"differ_a","status":"ok","value":true})" "\n"
        R"({"task":"x","sample":"train/0","program":"solve_a","status":"error","reason":"empty container",)"
        R"("at":"a.py:3","primitive":"first"})" "\n"
        R"({"task":"x","sample":"test/0","program":"solve_a","status":"ok","value":[[1,-2]]})" "\n"
        R"({"task":"x","sample":"train/0","program":"solve_b","status":"ok","value":1})" "\n"
        R"({"task":"x","sample":"test/0","program":"solve_b","status":"budget","reason":"work budget",)"
        R"("at":"b.py:3","primitive":"mapply"})" "\n");
  // results.json: the same per program and task, and the counts by reason
  Scores sc = score(r);
  RunSummary sum = summarize_run(r, sc);
  CHECK(sum.failures[std::size_t(battc::dsl::Why::Empty)] == 1);
  CHECK(sum.failures[std::size_t(battc::dsl::Why::Work)] == 1);
  CHECK_THAT(render_summary(sum), Catch::Contains("failures: empty container 1, work budget 1"));
  json j = results_json(r, sc, sum);
  CHECK(j["summary"]["failures"] == json::parse(R"({"empty container":1,"work budget":1})"));
  const json& a = j["tasks"]["x"]["programs"]["solve_a"];
  CHECK(a["failures"] == json::parse(R"j(["empty container at a.py:3 (first)",null])j"));
  CHECK_FALSE(j["tasks"]["x"]["programs"]["differ_a"].contains("failures"));
}

TEST_CASE("JSON strings are escaped as Python's json.dumps does", "[score]") {
  CHECK(json_string("abc") == R"("abc")");
  CHECK(json_string("a\"b\\c\n\t\x01\x7f") == R"("a\"b\\c\n\t\u0001\u007f")");
  CHECK(json_string("\xc3\xa9") == R"("\u00e9")");
  CHECK(json_grid(grid({{1, 2}, {3, 4}})) == "[[1,2],[3,4]]");
}
