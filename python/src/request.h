// python/src/request.h: the Python module's requests, as JSON built by
// battc/__init__.py, turned into the run and search API's requests. Keys are
// the keyword arguments of battc.run / battc.search; a wrong key or value is
// a RequestError with a message naming it.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "runtime/api/run_batt.h"
#include "runtime/score/submission.h"
#include "runtime/search/search.h"

namespace battc::python {

struct RequestError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// {"task_paths": [...], "tasks": {id: task}, "solutions": path,
//  "program_files": [...], "program_texts": [{"name", "text"}], "pairing",
//  "backend", "engine", "dialect", "jobs", "budget_mb", "cache_dir",
//  "attempt_order" (attempt_order below)}
runtime::api::RunRequest run_request(const nlohmann::json& j);

// The submission's attempt order of a battc.run request: "rank" (the
// default) or "given" (as battc run --attempt-order).
runtime::AttemptOrder attempt_order(const nlohmann::json& j);

// The program part alone (battc.check).
runtime::api::ProgramInput program_input(const nlohmann::json& j);

// {"task_paths", "solutions", "program_files", "store", "rounds", "minutes",
//  "seed", "jobs", "resume", "cache_dir", "submission", "select_on_test",
//  "strategy", "backend", "seeds_on"}
runtime::search::SearchOptions search_request(const nlohmann::json& j);

}  // namespace battc::python
