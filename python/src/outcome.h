// python/src/outcome.h: a run's outcome as the JSON battc/__init__.py turns
// into a RunResult: results.json's content, the submission, the predictions
// on test inputs, the diagnostics and what ran.
#pragma once

#include <nlohmann/json.hpp>

#include "runtime/api/run_batt.h"
#include "runtime/score/submission.h"

namespace battc::python {

// {"tasks": [ids in run order], "programs": [names in batt order],
//  "results": results.json, "submission": {...}, "predictions":
//  {task: {program: [grid or null per test input]}}, "diagnostics": str,
//  "accepted": n, "rejected": n, "backend", "engine", "engine_why", "times",
//  "timing": battc run --timing-json's content}
nlohmann::json outcome_json(const runtime::api::RunOutcome& r,
                            runtime::AttemptOrder order = runtime::AttemptOrder::Rank);

// {"accepted": [names], "rejected": n, "diagnostics": str}
nlohmann::json check_json(const generator::Generated& g);

}  // namespace battc::python
