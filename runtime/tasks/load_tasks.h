// runtime/tasks/load_tasks.h: finds ARC tasks on disk: a folder of per-task
// JSON files, one task file, or a Kaggle challenges file (told apart from a
// task file by content), plus an optional Kaggle solutions file.
// Errors: every problem with the input throws TaskError (task_error.h).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "runtime/tasks/task.h"
#include "runtime/tasks/task_error.h"

namespace battc::runtime {

// What loading does with input it can go on without: a task id seen again
// (the first one is kept, or Refuse: an error), and a JSON file in a task
// folder that is no task (skipped). Each skip is one line to `warn`.
struct LoadOptions {
  enum class OnDuplicate { Skip, Refuse };
  OnDuplicate on_duplicate = OnDuplicate::Skip;
  std::function<void(const std::string&)> warn;
};

// A folder: every *.json file in it (not recursive) is one task, its id the
// file name without .json; tasks come sorted by id. A file that is valid JSON
// but no task (no "train"/"test", a Kaggle file) is skipped with a warning;
// a task file with a bad grid, or invalid JSON, is an error.
std::vector<Task> load_task_folder(const std::filesystem::path& folder, const LoadOptions& options = {});

// A file: one task (an object with "train"/"test"; id = file name without
// .json) or a challenges file (task id -> task; tasks sorted by id).
std::vector<Task> load_task_file(const std::filesystem::path& file);
// The same for a file's text already read; `file` names it in messages and
// gives the task id.
std::vector<Task> load_task_text(const std::string& text, const std::filesystem::path& file);

// A folder or a file, as above.
std::vector<Task> load_tasks(const std::filesystem::path& path, const LoadOptions& options = {});

// Several paths, in the order given; a task id seen again is skipped with a
// warning (LoadOptions::on_duplicate).
std::vector<Task> load_tasks(const std::vector<std::filesystem::path>& paths, const LoadOptions& options = {});

// load_tasks, then the solutions file when one is given ("" none): it goes
// with Kaggle challenges files, so a task folder among `paths` is an error.
std::vector<Task> load_tasks(const std::vector<std::filesystem::path>& paths, const std::string& solutions_file,
                             const LoadOptions& options);

// A solutions file (task id -> one output grid per test input) fills in the
// test outputs. An id not among `tasks`, a wrong number of grids, or a grid
// that differs from an output the task already has is an error.
void apply_solutions(std::vector<Task>& tasks, const std::filesystem::path& solutions_file);

}  // namespace battc::runtime
