// tests/runtime/arc_data_tasks_test.cpp: the task loader on the real ARC
// datasets under ARC_DATA: both ARC-AGI versions and the Kaggle pair. Without
// the data each test prints "[SKIP] reason" and CTest reports it skipped.
#include <catch2/catch.hpp>

#include "runtime/tasks/load_tasks.h"
#include "runtime/tasks/task_summary.h"
#include "tests/runtime/arc_data.h"

using namespace battc::runtime;

TEST_CASE("ARC-AGI-1 training and evaluation load: 400 tasks each", "[runtime][tasks][arc_data]") {
  for (const char* split : {"ARC-AGI-1/training", "ARC-AGI-1/evaluation"}) {
    auto root = battc::test::arc_data(split);
    if (!root) return;
    INFO(split);
    auto tasks = load_tasks(*root / split);
    CHECK(tasks.size() == 400);
    TaskSummary s = summarize(tasks);
    CHECK(s.test_outputs_known == s.test_samples);
    CHECK(s.max_h <= 30);
    CHECK(s.max_w <= 30);
  }
}

TEST_CASE("ARC-AGI-2 training and evaluation load", "[runtime][tasks][arc_data]") {
  for (const char* split : {"ARC-AGI-2/training", "ARC-AGI-2/evaluation"}) {
    auto root = battc::test::arc_data(split);
    if (!root) return;
    INFO(split);
    auto tasks = load_tasks(*root / split);
    CHECK(tasks.size() >= 100);
    CHECK(summarize(tasks).train_samples >= 2 * tasks.size());
  }
}

TEST_CASE("the Kaggle challenges and solutions pair loads with every test output", "[runtime][tasks][arc_data]") {
  auto root = battc::test::arc_data("kaggle/arc-agi_evaluation_solutions.json");
  if (!root) return;
  auto tasks = load_tasks(*root / "kaggle/arc-agi_evaluation_challenges.json");
  REQUIRE(tasks.size() >= 100);
  CHECK(summarize(tasks).test_outputs_known == 0);
  apply_solutions(tasks, *root / "kaggle/arc-agi_evaluation_solutions.json");
  TaskSummary s = summarize(tasks);
  CHECK(s.test_samples >= tasks.size());
  CHECK(s.test_outputs_known == s.test_samples);
}
