// runtime/cli/tasks_cmd.cpp: `battc tasks --tasks PATH... [--solutions FILE]
// [--json]`: loads and validates tasks and prints what was found. Exit 0 ok,
// 1 bad input (one "battc: error: <file>: <what>" line on stderr), 2 usage.
#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runtime/cli/commands.h"
#include "runtime/tasks/load_tasks.h"
#include "runtime/tasks/task_summary.h"

namespace battc::runtime {
namespace {

struct TasksOptions {
  std::vector<std::string> tasks;
  std::string solutions;
  std::string on_duplicate = "skip";
  bool json = false;
};

void print_json(const std::vector<Task>& tasks, const TaskSummary& s) {
  nlohmann::ordered_json per_task = nlohmann::ordered_json::array();
  for (const auto& t : tasks) {
    std::size_t known = 0;
    for (const auto& sample : t.test) known += sample.output ? 1 : 0;
    per_task.push_back({{"id", t.id}, {"train", t.train.size()}, {"test", t.test.size()}, {"test_outputs_known", known}});
  }
  nlohmann::ordered_json out = {{"tasks", s.tasks},
                        {"train_samples", s.train_samples},
                        {"test_samples", s.test_samples},
                        {"test_outputs_known", s.test_outputs_known},
                        {"grid_height", {{"min", s.min_h}, {"max", s.max_h}}},
                        {"grid_width", {{"min", s.min_w}, {"max", s.max_w}}},
                        {"task_list", per_task}};
  fmt::print("{}\n", out.dump(2));
}

void print_text(const TaskSummary& s) {
  fmt::print("tasks:          {}\n", s.tasks);
  fmt::print("train samples:  {}\n", s.train_samples);
  fmt::print("test samples:   {} ({} with known outputs)\n", s.test_samples, s.test_outputs_known);
  fmt::print("grid sizes:     {}..{} rows, {}..{} columns\n", s.min_h, s.max_h, s.min_w, s.max_w);
}

void run_tasks(const TasksOptions& opt) {
  try {
    std::vector<std::filesystem::path> paths(opt.tasks.begin(), opt.tasks.end());
    LoadOptions lo;
    lo.on_duplicate = opt.on_duplicate == "refuse" ? LoadOptions::OnDuplicate::Refuse : LoadOptions::OnDuplicate::Skip;
    lo.warn = [](const std::string& w) { fmt::print(stderr, "battc: warning: {}\n", w); };
    std::vector<Task> tasks = load_tasks(paths, opt.solutions, lo);
    TaskSummary s = summarize(tasks);
    if (opt.json) {
      print_json(tasks, s);
    } else {
      print_text(s);
    }
    set_exit_code(0);
  } catch (const TaskError& e) {
    fmt::print(stderr, "battc: error: {}\n", e.what());
    set_exit_code(1);
  } catch (const std::exception& e) {  // out of memory and the like: still no crash
    fmt::print(stderr, "battc: error: {}\n", e.what());
    set_exit_code(1);
  }
}

}  // namespace

void add_tasks_command(CLI::App& app) {
  auto opt = std::make_shared<TasksOptions>();
  auto* cmd = app.add_subcommand("tasks", "Load and validate ARC tasks and print a summary");
  cmd->add_option("--tasks", opt->tasks, "Task folders, task files or Kaggle challenges files")->required()->expected(1, -1);
  cmd->add_option("--solutions", opt->solutions, "Kaggle solutions file with the test outputs");
  cmd->add_option("--on-duplicate", opt->on_duplicate, "A task id loaded twice: skip (keep the first, warn) or refuse")
      ->capture_default_str()
      ->check(CLI::IsMember({"skip", "refuse"}));
  cmd->add_flag("--json", opt->json, "Print the summary as JSON");
  cmd->callback([opt] { run_tasks(*opt); });
}

}  // namespace battc::runtime
