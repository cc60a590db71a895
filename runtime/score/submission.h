// runtime/score/submission.h: the Kaggle ARC Prize submission,
// {task_id: [{"attempt_1": grid, "attempt_2": grid}, ...one per test input]}.
// Attempts are the first two distinct grids of the programs ranked by
// AttemptRank: train pairs right, then plausible predictions (plausible.h),
// then fewer statements, then train cells right, then the name (or,
// AttemptOrder::Given, train pairs right, then plausible, then the
// programs' order); so the two best programs that fit train with
// distinct predictions come first, then the best partial ones. [[0]] stands
// in where no grid is left. `battc run` and `battc search --submission` both
// write it (the search over its kept programs).
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runtime/exec/run_result.h"
#include "runtime/score/score.h"

namespace battc::runtime {

// Which programs a test input's attempts come from, among those right on as
// many train pairs: Rank, the fewer statements first, then the more train
// cells right; Given, the order of the run's programs (their files' order),
// for programs already ranked, as `battc store export` writes a search's.
enum class AttemptOrder { Rank, Given };

// How a program ranks for the attempts on one task. Statements come from
// RunResult::statements (0 when the run has none); train cells right from
// EvalRecord::cells_equal (ExecOptions::grid_stats; 0 without), summed over
// the task's train pairs: the same expected grids for every program, so the
// sum orders them as accuracy does.
struct AttemptRank {
  int train_right = 0;
  bool plausible = true;  // ProgramScore::plausible
  int order = 0;  // Given: the program's index; Rank: 0
  int length = 0;
  std::uint64_t cells_right = 0;
  const std::string* name = nullptr;
};
AttemptRank attempt_rank(const RunResult& run, const TaskResult& task, const TaskScore& score, int program,
                         AttemptOrder order = AttemptOrder::Rank);
bool attempt_before(const AttemptRank& a, const AttemptRank& b);

// The two attempts of one test sample (differs, failures, non-grids and grids
// Kaggle refuses never count: empty, over 30 rows or columns, a cell outside
// 0-9).
std::vector<GridData> submission_attempts(const RunResult& run, const TaskResult& task, const TaskScore& score,
                                          const SampleResult& test_sample, AttemptOrder order = AttemptOrder::Rank);

nlohmann::json submission_json(const RunResult& run, const Scores& scores, AttemptOrder order = AttemptOrder::Rank);

// A grid as a JSON array of rows.
nlohmann::json grid_json(const GridData& g);

// Writes submission_json compactly; throws std::runtime_error on failure.
void write_submission_file(const std::filesystem::path& file, const RunResult& run, const Scores& scores,
                           AttemptOrder order = AttemptOrder::Rank);

}  // namespace battc::runtime
