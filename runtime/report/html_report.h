// runtime/report/html_report.h: battc report / battc run --html: one
// self-contained HTML file (templates/report.html: inline CSS, JS and data,
// no network) from a run's results: an index of the tasks (solved, near miss,
// unsolved; sortable, filterable) and, per task, its pairs as ARC-coloured
// grids, its best programs' predictions with wrong cells marked, their
// status per sample and their source, and the submission's attempts.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runtime/tasks/task.h"

namespace battc::runtime {

struct ProgramSource {
  std::string file;
  int line = 1;  // of its `def`
  std::string text;
};

struct ReportInput {
  nlohmann::json results;     // results.json's content (with "best" per task)
  nlohmann::json submission;  // submission.json's content, or null
  std::vector<Task> tasks;    // the grids; a task of the results missing here is listed without them
  std::map<std::string, ProgramSource> sources;  // program name -> where it is and its text
  std::size_t top = 3;        // best programs drawn per task (at most results.json's kBestKept)
  std::string title = "battc report";
  std::vector<std::string> task_ids;     // only these tasks (empty: all)
  std::vector<std::string> program_globs;  // only these programs among the best (empty: all)
};

// The HTML text.
std::string html_report(const ReportInput& in);

// Each top-level `def NAME(` block of the files, by name (the report shows a
// program's own lines). Unreadable files are skipped.
std::map<std::string, ProgramSource> program_sources(const std::vector<std::string>& files);

// The input for an output folder: its results.json and submission.json, and
// the tasks and programs its results.json "inputs" name (or the paths given,
// which win). Throws std::runtime_error naming what is missing.
ReportInput report_input_from_folder(const std::string& out_dir, const std::vector<std::string>& task_paths,
                                     const std::string& solutions, const std::vector<std::string>& program_files);

// results.json's "inputs": where a run's tasks and programs came from
// (absolute paths), so that battc report finds them later.
nlohmann::json run_inputs_json(const std::vector<std::string>& task_paths, const std::string& solutions,
                               const std::vector<std::string>& program_files);

}  // namespace battc::runtime
