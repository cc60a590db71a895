// runtime/score/results_json.h: results.json, per task and per paired
// program: solved, train pairs matched, and per sample (in the task's
// "samples" order) the status and the match; differs add their values.
#pragma once

#include <filesystem>
#include <string>
#include <nlohmann/json.hpp>

#include "runtime/exec/run_result.h"
#include "runtime/score/score.h"
#include "runtime/score/summary.h"

namespace battc::runtime {

// {"format":"battc-results/1","summary":{...},"tasks":{id:{"samples":["train/0",..],
//  "solved_by":[..],"programs":{name:{"solved":b,"train_matched":n,
//  "status":["ok"|"error"|"budget"|"skipped"|null,..] ("skipped": not run, the
//  program had missed an earlier train pair; null: not paired with the sample),
//  "match":[1|0|null,..] (null: not run or output unknown), differs: "differ":true,"values":[json|null,..]}},
//  "train_pairs":n,"near_miss":b,"best":[{"program","solved","train_matched",
//  "test_matched","test_known","predictions":[grid|null per test input]},..]}}}
// "best" holds the task's kBestKept best programs (TaskScore::ranked), also
// when nothing solves it.
inline constexpr std::size_t kBestKept = 3;

// results.json's text: compact, keys ascending (nlohmann's compact dump of
// the same object, byte for byte), with `inputs` (where the tasks and programs
// came from, for battc report) when not null.
std::string results_text(const RunResult& run, const Scores& scores, const RunSummary& summary,
                         const nlohmann::json& inputs = nullptr);

// The same as an object (parsed from results_text).
nlohmann::json results_json(const RunResult& run, const Scores& scores, const RunSummary& summary);

// Writes a results_text and a newline; throws std::runtime_error on failure.
void write_results_text(const std::filesystem::path& file, const std::string& text);

}  // namespace battc::runtime
