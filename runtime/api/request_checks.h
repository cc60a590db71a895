// runtime/api/request_checks.h: what a request must hold before any work,
// checked in the library so that every front end refuses the same requests
// with the same words (the CLI's flags and Python's keywords name the same
// things: tasks, programs, budget_mb, rounds, minutes).
#pragma once

#include <optional>

#include "runtime/api/api_result.h"
#include "runtime/api/run_batt.h"

namespace battc::runtime::api {

// Tasks and programs given, budgets in range. nullopt: fine.
std::optional<ApiError> check_run_request(const RunRequest& request);

}  // namespace battc::runtime::api
