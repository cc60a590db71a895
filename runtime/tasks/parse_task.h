// runtime/tasks/parse_task.h: checks one parsed JSON value against the ARC
// task shape and builds the Task or grid. Every problem is a TaskError that
// names the file, the task (in files holding many) and the JSON path.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "runtime/tasks/grid_data.h"
#include "runtime/tasks/task.h"

namespace battc::runtime {

// Where a JSON value came from, for messages.
struct JsonSource {
  std::string file;
  std::string task_id;     // named in messages when name_task is set
  bool name_task = false;  // true in challenges and solutions files
};

// `path` is the value's JSON path inside the task, e.g. "train[2].output".
GridData parse_grid(const nlohmann::json& j, const JsonSource& src, const std::string& path);

// A task object {"train": [...], "test": [...]}; train samples need outputs.
Task parse_task(const nlohmann::json& j, const JsonSource& src, const std::string& id);

// Throws the TaskError for `problem` at `path` (empty: the whole value).
[[noreturn]] void fail_at(const JsonSource& src, const std::string& path, const std::string& problem);

// "an array", "a string \"ab…\"", "12.5": what a wrong value was, kept short.
std::string describe_json(const nlohmann::json& j);

}  // namespace battc::runtime
