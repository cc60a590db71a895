// tests/runtime/exec_test.cpp: the CPU executor on the hand-written mini unit:
// statuses per sample, pairing masks, determinism across thread counts, the
// progress callback, and the budget path (a program that runs out of arena in
// the batt is re-run with fewer, down to alone, and keeps `budget` only if it
// fails alone too).
#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <vector>

#include "runtime/exec/execute.h"
#include "runtime/exec/progress.h"
#include "runtime/exec/sample_eval.h"
#include "runtime/exec/want_mask.h"
#include "tests/runtime/mini_batt_fixture.h"

using namespace battc::runtime;
using battc::dsl::Status;
using namespace battc::test;

namespace {

ExecOptions all_pairs(unsigned jobs = 2) {
  ExecOptions o;
  o.pairing = Pairing::All;
  o.jobs = jobs;
  return o;
}

Status status(const RunResult& r, int task, int sample, int program) {
  return r.tasks[task].samples[sample].evals.at(program).st();
}

// ---- a wrapper unit that hogs the arena whenever more than one program runs:
// it stands for another program of the batt using the memory first.
std::atomic<int> g_alone_calls{0};
std::atomic<int> g_joint_calls{0};

void hog_eval(const battc::abi::TaskIn* task, const void* prologue, const battc::abi::SampleIn* s, battc::dsl::Ctx* ctx,
              const battc::dsl::u8* want, battc::abi::ProgramOut* out, int encode) {
  int wanted = 0;
  for (int p = 0; p < 3; ++p) wanted += !want || want[p];
  if (wanted > 1) {
    ++g_joint_calls;
    ctx->top = ctx->cap - 8;  // 8 bytes left: too few for the test's grids (3 cells or more)
  } else {
    ++g_alone_calls;
  }
  mini_batt().eval(task, prologue, s, ctx, want, out, encode);
}

// One task "m": a 3x3 train pair and a 3x3 test input (solve_mirror needs
// 40 bytes of cells for it).
Task mirror_3x3_task() {
  return mirror_task("m", {grid({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}})}, {grid({{1, 1, 1}, {2, 2, 2}, {3, 3, 3}})});
}

}  // namespace

TEST_CASE("the mini unit loads with three programs", "[exec]") {
  const auto& e = mini_batt();
  REQUIRE(e.info->abi_version == battc::abi::kAbiVersion);
  REQUIRE(e.info->n_programs == 3);
  CHECK(std::string(e.info->program_names[kFail]) == "solve_fail");
  CHECK(std::string(e.info->program_names[kMirror]) == "solve_mirror");
  CHECK(std::string(e.info->program_names[kRow]) == "solve_row");
}

TEST_CASE("statuses per sample: solve_fail is ok only on one-pair tasks", "[exec]") {
  std::vector<Task> tasks;
  tasks.push_back(mirror_task("one", {grid({{1, 2}, {3, 4}})}, {grid({{5, 6}})}));
  tasks.push_back(mirror_task("two", {grid({{1}}), grid({{2, 3}})}, {grid({{4}, {5}})}, false));
  RunResult r = execute(mini_batt(), tasks, all_pairs());

  REQUIRE(r.programs == std::vector<std::string>{"solve_fail", "solve_mirror", "solve_row"});
  REQUIRE(r.tasks.size() == 2);
  REQUIRE(r.tasks[0].samples.size() == 2);
  REQUIRE(r.tasks[1].samples.size() == 3);
  for (int s = 0; s < 2; ++s) CHECK(status(r, 0, s, kFail) == Status::Ok);
  for (int s = 0; s < 3; ++s) CHECK(status(r, 1, s, kFail) == Status::Error);
  for (int t = 0; t < 2; ++t)
    for (const SampleResult& s : r.tasks[t].samples) {
      CHECK(s.evals[kMirror].ok());
      CHECK(s.evals[kMirror].is_grid());
      CHECK(s.evals[kMirror].matches() == s.has_expected);
      CHECK(s.evals[kRow].ok());
      CHECK_FALSE(s.evals[kRow].is_grid());
      CHECK_FALSE(s.evals[kRow].matches());
      CHECK_FALSE(s.evals[kFail].is_grid());
    }
  // Sample names and the known-output flag.
  CHECK(r.tasks[1].samples[1].name() == "train/1");
  CHECK(r.tasks[1].samples[2].name() == "test/0");
  CHECK_FALSE(r.tasks[1].samples[2].has_expected);
  // Test grids are kept, train grids are not.
  const SampleResult& test0 = r.tasks[0].samples[1];
  REQUIRE(test0.evals[kMirror].grid == 0);
  CHECK(test0.grids.at(0) == grid({{5, 6}}));
  CHECK(r.tasks[0].samples[0].grids.empty());
  CHECK(r.evaluations == 15);
  CHECK(r.batt_calls == 5);
  CHECK(r.reruns == 0);
}

TEST_CASE("by-name pairing runs solve_<id> and solve_<id>_<n> only on task <id>", "[exec]") {
  CHECK(program_named_for("solve_abc", "abc"));
  CHECK(program_named_for("differ_abc", "abc"));
  CHECK(program_named_for("solve_abc_1", "abc"));
  CHECK(program_named_for("solve_abc_207", "abc"));
  CHECK_FALSE(program_named_for("solve_abc_", "abc"));
  CHECK_FALSE(program_named_for("solve_abc_x1", "abc"));
  CHECK_FALSE(program_named_for("solve_abcd", "abc"));
  CHECK_FALSE(program_named_for("solve_ab", "abc"));
  CHECK_FALSE(program_named_for("solve", "solve"));

  const auto& info = *mini_batt().info;
  CHECK(task_want_mask(info, "mirror", Pairing::ByName) == std::vector<std::uint8_t>{0, 1, 0});
  CHECK(task_want_mask(info, "zzz", Pairing::ByName) == std::vector<std::uint8_t>{0, 0, 0});
  CHECK(task_want_mask(info, "zzz", Pairing::All) == std::vector<std::uint8_t>{1, 1, 1});

  // A differ is dropped on samples whose output is unknown.
  const char* names[] = {"differ_a", "solve_a"};
  const battc::dsl::u8 differ[] = {1, 0};
  battc::abi::BattInfo fake{battc::abi::kAbiVersion, 2, names, differ, 0, 0, 0, nullptr, nullptr};
  auto mask = task_want_mask(fake, "a", Pairing::ByName);
  CHECK(sample_want_mask(fake, mask, true) == std::vector<std::uint8_t>{1, 1});
  CHECK(sample_want_mask(fake, mask, false) == std::vector<std::uint8_t>{0, 1});

  std::vector<Task> tasks;
  tasks.push_back(mirror_task("row", {grid({{1, 2}})}, {grid({{3}})}));
  tasks.push_back(mirror_task("mirror", {grid({{1}, {2}})}, {grid({{3}})}));
  tasks.push_back(mirror_task("other", {grid({{1}})}, {grid({{3}})}));
  ExecOptions o;
  o.pairing = Pairing::ByName;
  RunResult r = execute(mini_batt(), tasks, o);
  for (const SampleResult& s : r.tasks[0].samples) {
    CHECK_FALSE(s.evals[kFail].evaluated());
    CHECK_FALSE(s.evals[kMirror].evaluated());
    CHECK(s.evals[kRow].evaluated());
  }
  for (const SampleResult& s : r.tasks[1].samples) {
    CHECK_FALSE(s.evals[kRow].evaluated());
    CHECK(s.evals[kMirror].matches());
  }
  for (const SampleResult& s : r.tasks[2].samples) CHECK(s.evals.empty());
  CHECK(r.evaluations == 4);
}

TEST_CASE("results do not depend on the number of threads, progress ends at the total", "[exec]") {
  std::vector<Task> tasks;
  for (int t = 0; t < 40; ++t) {
    std::vector<GridData> train;
    for (int k = 0; k <= t % 3; ++k) train.push_back(grid({{t % 10, k}, {k, 9 - t % 10}}));
    tasks.push_back(mirror_task("t" + std::to_string(100 + t), train, {grid({{t % 10}})}, t % 2 == 0));
  }
  ExecOptions one = all_pairs(1);
  std::size_t last_done = 0, last_total = 0;
  int calls = 0;
  ExecOptions many = all_pairs(4);
  many.progress = [&](std::size_t done, std::size_t total) {
    CHECK(done >= last_done);
    last_done = done;
    last_total = total;
    ++calls;
  };
  RunResult a = execute(mini_batt(), tasks, one);
  RunResult b = execute(mini_batt(), tasks, many);
  REQUIRE(a.tasks.size() == b.tasks.size());
  for (std::size_t t = 0; t < a.tasks.size(); ++t)
    for (std::size_t s = 0; s < a.tasks[t].samples.size(); ++s)
      for (int p = 0; p < 3; ++p) {
        const EvalRecord& x = a.tasks[t].samples[s].evals[p];
        const EvalRecord& y = b.tasks[t].samples[s].evals[p];
        CHECK((x.status == y.status && x.flags == y.flags && x.grid == y.grid));
      }
  CHECK(a.evaluations == b.evaluations);
  CHECK(calls >= 1);
  std::size_t samples = 0;
  for (const Task& t : tasks) samples += t.train.size() + t.test.size();
  CHECK(samples == 119);  // 40 tasks of 1..3 train pairs and one test input
  CHECK(last_total == samples);
  CHECK(last_done == last_total);
}

TEST_CASE("budget: a program short of arena alone keeps `budget` after its re-run", "[exec]") {
  // 3x3 grids need 40 bytes of cells; 16 bytes are too few for solve_mirror,
  // enough for solve_fail and solve_row (they allocate nothing).
  std::vector<Task> tasks{mirror_3x3_task()};
  ExecOptions o = all_pairs();
  o.arena_bytes = 16;
  RunResult r = execute(mini_batt(), tasks, o);
  for (const SampleResult& s : r.tasks[0].samples) {
    CHECK(s.evals[kMirror].st() == Status::Budget);
    CHECK(s.evals[kMirror].rerun());
    CHECK(s.evals[kRow].ok());
    CHECK_FALSE(s.evals[kRow].rerun());
  }
  CHECK(r.reruns == 2);
  CHECK(r.batt_calls == 4);

  // Alone on its task (by name) there is nothing to re-run.
  std::vector<Task> named{mirror_task("mirror", {grid({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}})}, {})};
  o.pairing = Pairing::ByName;
  RunResult n = execute(mini_batt(), named, o);
  CHECK(n.tasks[0].samples[0].evals[kMirror].st() == Status::Budget);
  CHECK_FALSE(n.tasks[0].samples[0].evals[kMirror].rerun());
  CHECK(n.reruns == 0);
}

TEST_CASE("budget: a program out of work is not re-run alone (it would run out again)", "[exec]") {
  std::vector<Task> tasks{mirror_3x3_task()};
  ExecOptions o = all_pairs();
  o.work_budget = 1;
  RunResult r = execute(mini_batt(), tasks, o);
  for (const SampleResult& s : r.tasks[0].samples) {
    CHECK(s.evals[kMirror].st() == Status::Budget);
    CHECK(s.evals[kMirror].reason() == battc::dsl::Why::Work);
    CHECK_FALSE(s.evals[kMirror].rerun());
  }
  CHECK(r.reruns == 0);
  CHECK(r.batt_calls == 2);
}

TEST_CASE("skip_out_of_work: a program out of work on a task's first sample runs on no later sample", "[exec]") {
  std::vector<Task> tasks{mirror_3x3_task(),
                          mirror_task("n", {grid({{1, 2}, {3, 4}}), grid({{5}})}, {grid({{6, 7}})})};
  for (unsigned jobs : {1u, 2u}) {
    ExecOptions o = all_pairs(jobs);
    o.work_budget = 1;  // solve_mirror runs out everywhere; solve_fail and solve_row do not
    RunResult all = execute(mini_batt(), tasks, o);
    o.skip_out_of_work = true;
    RunResult r = execute(mini_batt(), tasks, o);
    std::uint64_t later_samples = 0;
    for (std::size_t t = 0; t < tasks.size(); ++t)
      for (std::size_t s = 0; s < r.tasks[t].samples.size(); ++s) {
        INFO("task " << t << " sample " << s);
        const EvalRecord& m = r.tasks[t].samples[s].evals[kMirror];
        CHECK(m.st() == Status::Budget);
        CHECK(m.reason() == battc::dsl::Why::Work);
        CHECK(m.evaluated() == (s == 0));
        CHECK(m.skipped() == (s > 0));
        later_samples += s > 0;
        for (int p : {kFail, kRow}) {  // the others run as without the option
          const EvalRecord& a = all.tasks[t].samples[s].evals[std::size_t(p)];
          const EvalRecord& b = r.tasks[t].samples[s].evals[std::size_t(p)];
          CHECK(b.evaluated());
          CHECK(b.status == a.status);
          CHECK(b.flags == a.flags);
          CHECK(b.hash == a.hash);
        }
      }
    CHECK(later_samples == 3);
    CHECK(r.skipped == later_samples);
    CHECK(r.evaluations == all.evaluations - later_samples);
  }
}

TEST_CASE("budget: another program's memory never fails a program that fits alone", "[exec]") {
  BattEntry hog = mini_batt();
  hog.eval = hog_eval;
  std::vector<Task> tasks{mirror_task("m", {grid({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}), grid({{1, 2, 3}})}, {grid({{4, 5, 6}})})};
  ExecOptions o = all_pairs();
  o.arena_bytes = 64;  // solve_mirror fits (40 bytes) only when the hog is gone
  g_alone_calls = 0;
  g_joint_calls = 0;
  RunResult r = execute(hog, tasks, o);
  for (const SampleResult& s : r.tasks[0].samples) {
    INFO(s.name());
    CHECK(s.evals[kMirror].ok());
    CHECK(s.evals[kMirror].matches());
    CHECK(s.evals[kMirror].rerun());
    CHECK(s.evals[kFail].st() == Status::Error);  // two train pairs
    CHECK_FALSE(s.evals[kFail].rerun());
  }
  CHECK(r.tasks[0].samples[2].grids.at(0) == grid({{4, 5, 6}}));
  CHECK(g_joint_calls == 3);
  CHECK(g_alone_calls == 3);
  CHECK(r.reruns == 3);
}

TEST_CASE("rerun_halving: each program ends as it runs alone, in a few calls", "[exec]") {
  // A model of a shared arena: a run of a set gives its programs memory in
  // order, and a program fails when the set's memory so far passes the
  // capacity. Alone, a program fails only when it is larger than it all.
  const int capacity = 100;
  std::vector<int> size(1000, 3);
  size[17] = 150;  // too large even alone
  size[500] = 90;
  std::vector<bool> failing(size.size(), false);
  std::vector<int> failed;
  for (std::size_t p = 0; p < size.size(); ++p) failed.push_back(static_cast<int>(p));
  int calls = 0;
  auto run = [&](const std::vector<int>& set) {
    ++calls;
    int used = 0;
    for (int p : set) {
      used += size[std::size_t(p)];
      failing[std::size_t(p)] = used > capacity;
    }
  };
  rerun_halving(failed, run, [&](int p) { return bool(failing[std::size_t(p)]); });
  for (std::size_t p = 0; p < size.size(); ++p) {
    INFO("program " << p);
    CHECK(failing[p] == (size[p] > capacity));
  }
  CHECK(calls < 200);  // one a program would be 1,000

  calls = 0;  // nothing failed: no call
  rerun_halving({}, run, [&](int) { return true; });
  CHECK(calls == 0);
  calls = 0;  // every program too large alone: each still gets its run alone
  rerun_halving({1, 2, 3, 4}, run, [&](int) { return true; });
  CHECK(calls == 7);  // the set, two halves, four alone
}

TEST_CASE("a unit of another ABI version is refused", "[exec]") {
  BattEntry e = mini_batt();
  battc::abi::BattInfo other = *e.info;
  other.abi_version = battc::abi::kAbiVersion + 1;
  e.info = &other;
  CHECK_THROWS_AS(execute(e, {}, ExecOptions{}), ExecError);
  e.eval = nullptr;
  e.info = mini_batt().info;
  CHECK_THROWS_AS(execute(e, {}, ExecOptions{}), ExecError);
}

TEST_CASE("progress lines are plain text, quiet says nothing", "[exec]") {
  ProgressReporter lines(ProgressReporter::Mode::Lines, stderr, "evaluating");
  CHECK(lines.render(50, 200, 2.0) == "evaluating: 50/200 (25%) after 2.0s");
  ProgressReporter bar(ProgressReporter::Mode::Bar, stderr, "run");
  CHECK(bar.render(15, 30, 1.5) == "run [###############...............]  50% 15/30 1.5s");
  CHECK(ProgressReporter::mode_for(stderr, true) == ProgressReporter::Mode::Quiet);
}

TEST_CASE("until-train-fails: a program stops on a task at its first train miss, differs and solvers that match go on",
          "[exec]") {
  // Three train pairs: solve_fail errors on the first (it is ok only on
  // one-pair tasks), solve_row returns no grid, solve_mirror matches all.
  std::vector<Task> tasks;
  tasks.push_back(mirror_task("three", {grid({{1, 2}}), grid({{3}}), grid({{4, 5, 6}})}, {grid({{7, 8}})}));
  tasks.push_back(mirror_task("one", {grid({{1, 2}})}, {grid({{9}})}));
  ExecOptions o = all_pairs();
  o.evaluation = Evaluation::UntilTrainFails;
  RunResult r = execute(mini_batt(), tasks, o);
  ExecOptions all = all_pairs();
  RunResult full = execute(mini_batt(), tasks, all);
  CHECK(r.until_train_fails);
  CHECK_FALSE(full.until_train_fails);

  const TaskResult& three = r.tasks[0];
  for (std::size_t s = 0; s < three.samples.size(); ++s) {
    INFO("sample " << three.samples[s].name());
    const auto& e = three.samples[s].evals;
    CHECK(e[kMirror].evaluated());
    CHECK(e[kMirror].matches());
    CHECK(e[kFail].evaluated() == (s == 0));
    CHECK(e[kFail].skipped() == (s > 0));
    CHECK(e[kRow].evaluated() == (s == 0));
    CHECK(e[kRow].skipped() == (s > 0));
  }
  CHECK(three.samples[0].evals[kFail].st() == Status::Error);
  // One pair: solve_fail matches nothing (it returns no grid) and solve_row
  // neither, so both stop after train/0; the test sample runs solve_mirror only.
  const TaskResult& one = r.tasks[1];
  CHECK(one.samples[1].evals[kMirror].evaluated());
  CHECK(one.samples[1].evals[kFail].skipped());
  CHECK(one.samples[1].evals[kRow].skipped());

  CHECK(r.skipped == 3 * 2 + 2);
  CHECK(r.evaluations + r.skipped == full.evaluations);
  // Thread counts do not change what is skipped.
  ExecOptions one_job = o;
  one_job.jobs = 1;
  RunResult r1 = execute(mini_batt(), tasks, one_job);
  for (std::size_t t = 0; t < tasks.size(); ++t)
    for (std::size_t s = 0; s < r.tasks[t].samples.size(); ++s)
      for (int p = 0; p < 3; ++p)
        CHECK(r.tasks[t].samples[s].evals[p].flags == r1.tasks[t].samples[s].evals[p].flags);
}

namespace {
// Sets the stop flag during its third call: the run ends partial.
std::atomic<bool> g_stop{false};
std::atomic<int> g_stop_calls{0};
void stopping_eval(const battc::abi::TaskIn* task, const void* prologue, const battc::abi::SampleIn* s,
                   battc::dsl::Ctx* ctx, const battc::dsl::u8* want, battc::abi::ProgramOut* out, int encode) {
  if (++g_stop_calls == 3) g_stop = true;
  mini_batt().eval(task, prologue, s, ctx, want, out, encode);
}
}  // namespace

TEST_CASE("a stop request ends the run partial: what ran is kept, nothing after it starts", "[exec]") {
  std::vector<Task> tasks;
  for (int t = 0; t < 6; ++t) tasks.push_back(mirror_task("t" + std::to_string(t), {grid({{t, 1}})}, {grid({{2}})}));
  BattEntry entry = mini_batt();
  entry.eval = stopping_eval;
  for (Evaluation ev : {Evaluation::All, Evaluation::UntilTrainFails}) {
    g_stop = false;
    g_stop_calls = 0;
    ExecOptions o = all_pairs(1);
    o.evaluation = ev;
    o.stop = &g_stop;
    RunResult r = execute(entry, tasks, o);
    CHECK(r.partial);
    CHECK(r.batt_calls == 3);  // the call that asked to stop finishes; no other starts
    std::size_t evaluated = 0;
    for (const TaskResult& t : r.tasks)
      for (const SampleResult& s : t.samples) evaluated += s.evals[kMirror].evaluated();
    CHECK(evaluated == 3);
  }
  g_stop = false;
  ExecOptions o = all_pairs(2);
  o.stop = &g_stop;
  CHECK_FALSE(execute(mini_batt(), tasks, o).partial);
}
