// runtime/score/summary.h: the numbers a run ends with (tasks solved, which
// programs solve which tasks, evaluations by status, time) and their text for
// the terminal.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "runtime/exec/run_result.h"
#include "runtime/score/score.h"

namespace battc::runtime {

struct RunSummary {
  std::size_t tasks = 0;
  std::size_t tasks_paired = 0;  // tasks at least one program ran on
  std::size_t tasks_solved = 0;
  std::size_t programs = 0;
  std::size_t differs = 0;
  std::size_t programs_solving = 0;  // programs that solve at least one task
  std::uint64_t evaluations = 0, ok = 0, error = 0, budget = 0;
  std::uint64_t batt_calls = 0, reruns = 0;
  double seconds = 0;
  // Per solved task (sorted by id): the programs solving it, sorted by name.
  std::vector<std::pair<std::string, std::vector<std::string>>> solved;
};

RunSummary summarize_run(const RunResult& run, const Scores& scores);

// A few lines; with list_solved, one more line per solved task.
std::string render_summary(const RunSummary& s, bool list_solved = false);

}  // namespace battc::runtime
