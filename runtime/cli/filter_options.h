// runtime/cli/filter_options.h: --task ID..., --task-file FILE and
// --program GLOB... (run, check, report): a run over one task or one family
// of programs without copying files.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace battc::runtime {

struct FilterOptions {
  std::vector<std::string> tasks;
  std::string task_file;
  std::vector<std::string> programs;  // shell globs on program names
};

// with_tasks: also --task and --task-file (check has no tasks).
void add_filter_options(CLI::App* cmd, FilterOptions& f, bool with_tasks);

// --task ids, then --task-file's (one a line; blank lines and # comments
// skipped). Throws std::runtime_error when the file cannot be read.
std::vector<std::string> selected_task_ids(const FilterOptions& f);

}  // namespace battc::runtime
