// runtime/cli/filter_options.cpp: the filter flags and the task file reader.
#include "runtime/cli/filter_options.h"

#include <fstream>
#include <stdexcept>

#include "runtime/cli/input_paths.h"

namespace battc::runtime {

void add_filter_options(CLI::App* cmd, FilterOptions& f, bool with_tasks) {
  if (with_tasks) {
    cmd->add_option("--task", f.tasks, "Only these task ids (of the tasks loaded)");
    cmd->add_option("--task-file", f.task_file, "Only the task ids in this file (one a line, # comments)")
        ->check(input_file());
  }
  cmd->add_option("--program", f.programs, "Only programs whose name matches one of these globs (solve_1*)");
}

std::vector<std::string> selected_task_ids(const FilterOptions& f) {
  std::vector<std::string> ids = f.tasks;
  if (f.task_file.empty()) return ids;
  std::ifstream in(f.task_file);
  if (!in) throw std::runtime_error("--task-file: cannot read " + f.task_file);
  std::string line;
  while (std::getline(in, line)) {
    auto hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    auto e = line.find_last_not_of(" \t\r");
    ids.push_back(line.substr(b, e - b + 1));
  }
  if (ids.empty()) throw std::runtime_error("--task-file: " + f.task_file + " names no task");
  return ids;
}

}  // namespace battc::runtime
