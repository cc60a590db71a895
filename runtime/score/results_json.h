// runtime/score/results_json.h: results.json, per task and per paired
// program: solved, train pairs matched, and per sample (in the task's
// "samples" order) the status and the match; differs add their values.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

#include "runtime/exec/run_result.h"
#include "runtime/score/score.h"
#include "runtime/score/summary.h"

namespace battc::runtime {

// {"format":"battc-results/1","summary":{...},"tasks":{id:{"samples":["train/0",..],
//  "solved_by":[..],"programs":{name:{"solved":b,"train_matched":n,
//  "status":["ok"|"error"|"budget"|null,..],"match":[1|0|null,..] (null: not run or
//  output unknown), differs: "differ":true,"values":[json|null,..]}}}}}
nlohmann::json results_json(const RunResult& run, const Scores& scores, const RunSummary& summary);

// Writes results_json compactly; throws std::runtime_error on failure.
void write_results_file(const std::filesystem::path& file, const RunResult& run, const Scores& scores,
                        const RunSummary& summary);

}  // namespace battc::runtime
