// runtime/cli/report_cmd.cpp: battc report OUT: the HTML report of a run's
// output folder (runtime/report/html_report.h). The tasks and programs are
// found where the run's results.json says, unless --tasks/--programs name them.
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "runtime/cli/commands.h"
#include "runtime/cli/filter_options.h"
#include "runtime/cli/input_paths.h"
#include "runtime/report/html_report.h"

namespace battc::runtime {

bool write_report_file(const std::string& file, const ReportInput& in) {
  std::error_code ec;
  if (auto folder = std::filesystem::path(file).parent_path(); !folder.empty())
    std::filesystem::create_directories(folder, ec);
  std::ofstream f(file, std::ios::binary);
  f << html_report(in);
  f.flush();
  if (!f) {
    fmt::print(stderr, "battc: error: cannot write the report {}\n", file);
    return false;
  }
  return true;
}

void add_report_command(CLI::App& app) {
  struct Options {
    std::string out_dir, file;
    std::vector<std::string> tasks, programs;
    std::string solutions;
    std::size_t top = 3;
    FilterOptions filter;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("report", "Write a self-contained HTML report of a run's output folder");
  cmd->add_option("OUT", o->out_dir, "The run's --out folder (results.json, submission.json)")
      ->required()
      ->check(input_folder());
  cmd->add_option("-o,--output", o->file, "The HTML file (default: OUT/report.html)");
  cmd->add_option("--tasks", o->tasks, "The run's tasks, when results.json's record of them is stale");
  cmd->add_option("--solutions", o->solutions, "Kaggle solutions file for a challenges file")->check(input_file());
  cmd->add_option("--programs", o->programs, "The run's program files (for their source)");
  cmd->add_option("--top", o->top, "Best programs shown per task")->capture_default_str()->check(CLI::Range(1, 3));
  add_filter_options(cmd, o->filter, true);
  cmd->callback([o] {
    try {
      ReportInput in = report_input_from_folder(o->out_dir, o->tasks, o->solutions, o->programs);
      in.top = o->top;
      in.task_ids = selected_task_ids(o->filter);
      in.program_globs = o->filter.programs;
      std::string file = o->file.empty() ? o->out_dir + "/report.html" : o->file;
      if (!write_report_file(file, in)) return set_exit_code(1);
      fmt::print("wrote {}\n", file);
      set_exit_code(0);
    } catch (const std::exception& e) {
      fmt::print(stderr, "battc: error: {}\n", e.what());
      set_exit_code(1);
    }
  });
}

}  // namespace battc::runtime
