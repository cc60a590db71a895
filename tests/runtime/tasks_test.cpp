// tests/runtime/tasks_test.cpp: the task loader on the shipped demo tasks,
// a small Kaggle pair, one malformed fixture per kind of error (the message
// must name the file and the problem), and mutated input that must not crash.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "runtime/tasks/load_tasks.h"
#include "runtime/tasks/task_summary.h"

namespace fs = std::filesystem;
using namespace battc::runtime;

namespace {

const fs::path kSource = BATTC_SOURCE_DIR;
const fs::path kBad = kSource / "tests/data/tasks_bad";
const fs::path kKaggle = kSource / "tests/data/tasks_kaggle";

// The TaskError that `load` throws; fails the test case if none.
TaskError error_of(const std::function<void()>& load) {
  try {
    load();
  } catch (const TaskError& e) {
    return e;
  }
  FAIL("expected a TaskError");
  return TaskError("", "");  // not reached: FAIL ends the test case
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path temp_file(const std::string& name, const std::string& text) {
  fs::path dir = fs::temp_directory_path() / ("battc_tasks_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

}  // namespace

TEST_CASE("the demo folder loads: five small tasks, sorted by id", "[runtime][tasks]") {
  auto tasks = load_tasks(kSource / "tasks/demo");
  REQUIRE(tasks.size() == 5);
  std::vector<std::string> ids;
  for (const auto& t : tasks) {
    ids.push_back(t.id);
    CHECK(t.train.size() >= 2);
    CHECK(t.train.size() <= 3);
    CHECK(t.test.size() == 1);
    for (const auto& s : t.train) CHECK(s.output.has_value());
    CHECK(t.test[0].output.has_value());
  }
  CHECK(ids == std::vector<std::string>{"crop_bbox", "gravity", "largest_object", "mirror_rows", "recolor_ones"});
  TaskSummary s = summarize(tasks);
  CHECK(s.tasks == 5);
  CHECK(s.test_samples == 5);
  CHECK(s.test_outputs_known == 5);
  CHECK(s.min_h >= 3);
  CHECK(s.min_w >= 3);
  CHECK(s.max_h <= 8);
  CHECK(s.max_w <= 8);
}

TEST_CASE("one task file loads with its file name as id", "[runtime][tasks]") {
  auto tasks = load_tasks(kSource / "tasks/demo/mirror_rows.json");
  REQUIRE(tasks.size() == 1);
  const Task& t = tasks[0];
  CHECK(t.id == "mirror_rows");
  REQUIRE(t.train.size() == 3);
  const GridData& in = t.train[0].input;
  const GridData& out = *t.train[0].output;
  REQUIRE(in.h == 3);
  REQUIRE(in.w == 3);
  CHECK(in.cells == std::vector<int>{1, 2, 0, 0, 0, 3, 4, 5, 0});
  for (int r = 0; r < in.h; ++r)
    for (int c = 0; c < in.w; ++c) CHECK(out.at(r, c) == in.at(r, in.w - 1 - c));
}

TEST_CASE("a Kaggle challenges file is told from a task file by content", "[runtime][tasks]") {
  auto tasks = load_tasks(kKaggle / "challenges.json");
  REQUIRE(tasks.size() == 2);
  CHECK(tasks[0].id == "bbbb0001");  // sorted, though the file lists bbbb0002 first
  CHECK(tasks[1].id == "bbbb0002");
  REQUIRE(tasks[1].test.size() == 2);
  CHECK_FALSE(tasks[1].test[0].output.has_value());

  apply_solutions(tasks, kKaggle / "solutions.json");
  REQUIRE(tasks[1].test[1].output.has_value());
  CHECK(tasks[1].test[1].output->h == 2);
  CHECK(tasks[1].test[1].output->cells == std::vector<int>{4, 4, 4, 4});
  CHECK(summarize(tasks).test_outputs_known == 3);
}

TEST_CASE("each malformed fixture fails with the file and the problem named", "[runtime][tasks]") {
  struct Case {
    const char* file;
    const char* problem;  // a part of TaskError::problem()
  };
  const Case cases[] = {
      {"not_json.json", "not valid JSON (byte 61)"},
      {"top_level_array.json", "expected a JSON object"},
      {"empty_object.json", "empty object"},
      {"missing_train.json", "missing \"train\""},
      {"missing_test.json", "missing \"test\""},
      {"empty_train.json", "train: has no samples"},
      {"train_not_array.json", "train: expected an array of samples, got an object"},
      {"missing_output.json", "train[1]: missing \"output\""},
      {"missing_input.json", "test[0]: missing \"input\""},
      {"sample_not_object.json", "test[0]: expected a sample object, got an array"},
      {"ragged_grid.json", "train[0].input[2]: ragged grid: row has 2 cells but row 0 has 3"},
      {"cell_out_of_range.json", "train[2].output[3][1]: cell value 12 is outside 0..9"},
      {"cell_negative.json", "test[0].input[0][1]: cell value -1 is outside 0..9"},
      {"cell_string.json", "train[0].input[0][1]: expected a color (an integer 0..9), got a string \"3\""},
      {"cell_float.json", "train[0].input[0][1]: expected a color (an integer 0..9), got a number 1.5"},
      {"row_not_array.json", "train[0].input[1]: expected a row"},
      {"grid_not_array.json", "train[0].input: expected a grid"},
      {"grid_empty.json", "train[0].input: grid has 0 rows; a grid has 1..30 rows"},
      {"grid_empty_row.json", "train[0].input[0]: row has 0 cells; a grid is 1..30 wide"},
      {"grid_too_tall.json", "train[0].input: grid has 31 rows"},
      {"grid_too_wide.json", "train[0].input[0]: row has 31 cells"},
      {"kaggle_bad_cell.json", "task aaaa0002: test[0].input[0][0]: cell value 10 is outside 0..9"},
      {"kaggle_task_not_object.json", "task aaaa0002: expected a task object"},
      {"solutions_unknown_task.json", "a Kaggle solutions file (task id -> test output grids); pass it with --solutions"},
  };
  for (const auto& c : cases) {
    fs::path file = kBad / c.file;
    INFO(file.string());
    REQUIRE(fs::exists(file));
    TaskError e = error_of([&] { load_tasks(file); });
    CHECK(e.file() == file.string());
    CHECK_THAT(e.problem(), Catch::Contains(c.problem));
    CHECK_THAT(std::string(e.what()), Catch::StartsWith(file.string() + ": "));
  }
}

TEST_CASE("solutions that do not fit the tasks are errors and change nothing", "[runtime][tasks]") {
  struct Case {
    const char* file;
    const char* problem;
  };
  const Case cases[] = {
      {"solutions_unknown_task.json", "task cccc0009: not among the loaded tasks"},
      {"solutions_wrong_count.json", "task bbbb0002: has 1 test output grid, but the task has 2 test inputs"},
      {"solutions_bad_grid.json", "task bbbb0002: [1][1]: ragged grid"},
      {"solutions_not_list.json", "task bbbb0001: expected a list of test output grids, got an object"},
  };
  for (const auto& c : cases) {
    fs::path file = kBad / c.file;
    INFO(file.string());
    auto tasks = load_tasks(kKaggle / "challenges.json");
    TaskError e = error_of([&] { apply_solutions(tasks, file); });
    CHECK(e.file() == file.string());
    CHECK_THAT(e.problem(), Catch::Contains(c.problem));
    CHECK(summarize(tasks).test_outputs_known == 0);
  }
  // A solution that contradicts an output the task file already gives.
  auto demo = load_tasks(kSource / "tasks/demo/gravity.json");
  fs::path contra = temp_file("contra.json", R"({"gravity": [[[1]]]})");
  CHECK_THAT(error_of([&] { apply_solutions(demo, contra); }).problem(), Catch::Contains("differs from the test[0].output"));
}

TEST_CASE("paths that are not task files fail cleanly", "[runtime][tasks]") {
  fs::path missing = kBad / "no_such_file.json";
  CHECK(error_of([&] { load_tasks(missing); }).problem() == "no such file or directory");
  // A folder fails on its first bad file, named in the error.
  TaskError e = error_of([&] { load_tasks(kBad); });
  CHECK(fs::path(e.file()).parent_path() == kBad);
  // An empty folder holds no tasks.
  fs::path empty = fs::temp_directory_path() / ("battc_tasks_empty_" + std::to_string(::getpid()));
  fs::create_directories(empty);
  CHECK_THAT(error_of([&] { load_tasks(empty); }).problem(), Catch::Contains("no .json task files"));
  fs::remove(empty);
  // The same task twice: refused when asked, else the second is skipped
  // with a warning.
  fs::path demo = kSource / "tasks/demo";
  LoadOptions refuse;
  refuse.on_duplicate = LoadOptions::OnDuplicate::Refuse;
  CHECK_THAT(error_of([&] { load_tasks(std::vector<fs::path>{demo, demo / "gravity.json"}, refuse); }).problem(),
             Catch::Contains("task gravity is loaded twice"));
  std::vector<std::string> warnings;
  LoadOptions skip;
  skip.warn = [&](const std::string& w) { warnings.push_back(w); };
  auto tasks = load_tasks(std::vector<fs::path>{demo, demo / "gravity.json"}, skip);
  CHECK(tasks.size() == load_tasks(demo).size());
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("task gravity is loaded twice") && Catch::Contains("the second is skipped"));
}

TEST_CASE("a JSON file in a task folder that is no task is skipped with a warning", "[runtime][tasks]") {
  fs::path dir = fs::temp_directory_path() / ("battc_tasks_mixed_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(kSource / "tasks/demo/gravity.json", dir / "gravity.json", fs::copy_options::overwrite_existing);
  std::ofstream(dir / "package.json") << R"({"name": "not a task", "version": [1, 2]})";
  std::ofstream(dir / "solutions.json") << R"({"gravity": [[[1, 2]]]})";
  std::vector<std::string> warnings;
  LoadOptions o;
  o.warn = [&](const std::string& w) { warnings.push_back(w); };
  auto tasks = load_tasks(dir, o);
  REQUIRE(tasks.size() == 1);
  CHECK(tasks[0].id == "gravity");
  REQUIRE(warnings.size() == 2);
  CHECK_THAT(warnings[0], Catch::Contains("package.json: skipped, not a task: neither a task"));
  CHECK_THAT(warnings[1], Catch::Contains("solutions.json: skipped, not a task: a Kaggle solutions file"));
  // Alone, such a file is an error that says what it is.
  CHECK_THAT(error_of([&] { load_tasks(dir / "package.json"); }).problem(),
             Catch::Contains("neither a task (no \"train\"/\"test\") nor a Kaggle challenges file"));
  // A folder with no task at all is an error.
  fs::remove(dir / "gravity.json");
  CHECK_THAT(error_of([&] { load_tasks(dir, o); }).problem(), Catch::Contains("no task among its .json files"));
  fs::remove_all(dir);
}

TEST_CASE("mutated and hostile input never crashes, only throws TaskError", "[runtime][tasks]") {
  const std::string base = read_all(kSource / "tasks/demo/largest_object.json");
  const std::string alphabet = "[]{},:\"0123456789-.eE trainsputo\\\x01\xff";
  std::mt19937 rng(12345);
  int ok = 0, errors = 0;
  for (int i = 0; i < 400; ++i) {
    std::string text = base;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits && !text.empty(); ++k) {
      size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text[at] = alphabet[rng() % alphabet.size()]; break;
        case 1: text.erase(at, 1 + rng() % 8); break;
        default: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
      }
    }
    fs::path p = temp_file("mutant.json", text);
    try {
      load_tasks(p);
      ++ok;
    } catch (const TaskError&) {
      ++errors;
    }
  }
  CHECK(errors > 0);
  // Deep nesting, huge numbers, invalid UTF-8, an empty file.
  const std::string hostile[] = {std::string(200000, '[') + std::string(200000, ']'),
                                 R"({"train": [{"input": [[99999999999999999999999]], "output": [[1]]}], "test": []})",
                                 R"({"train": [{"input": [[1e400]], "output": [[1]]}], "test": []})",
                                 "{\"train\": \"\xff\xfe\"}", ""};
  for (const auto& text : hostile) CHECK_THROWS_AS(load_tasks(temp_file("hostile.json", text)), TaskError);
  fs::remove_all(fs::temp_directory_path() / ("battc_tasks_test_" + std::to_string(::getpid())));
}
