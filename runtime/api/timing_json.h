// runtime/api/timing_json.h: a run's figures as JSON (`battc run
// --timing-json`, the "timing" of battc.run's result): the phases, the
// engine and why, the compile split, the evaluations and, per backend, the
// slowest samples or the GPU's counts. One writer, so both front ends say
// the same.
#pragma once

#include <nlohmann/json.hpp>

#include "runtime/api/run_batt.h"

namespace battc::runtime::api {

nlohmann::ordered_json timing_json(const RunOutcome& outcome);

}  // namespace battc::runtime::api
