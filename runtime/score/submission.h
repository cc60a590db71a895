// runtime/score/submission.h: the Kaggle ARC Prize submission,
// {task_id: [{"attempt_1": grid, "attempt_2": grid}, ...one per test input]}.
// Attempts are the first two distinct grids of the programs ranked by train
// pairs matched (ties by name); [[0]] stands in where no grid is left.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "runtime/exec/run_result.h"
#include "runtime/score/score.h"

namespace battc::runtime {

// The two attempts of one test sample (differs, failures, non-grids and empty
// grids never count).
std::vector<GridData> submission_attempts(const RunResult& run, const TaskResult& task, const TaskScore& score,
                                          const SampleResult& test_sample);

nlohmann::json submission_json(const RunResult& run, const Scores& scores);

// A grid as a JSON array of rows.
nlohmann::json grid_json(const GridData& g);

// Writes submission_json compactly; throws std::runtime_error on failure.
void write_submission_file(const std::filesystem::path& file, const RunResult& run, const Scores& scores);

}  // namespace battc::runtime
