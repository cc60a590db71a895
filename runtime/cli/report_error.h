// runtime/cli/report_error.h: an ApiError on stderr as "battc: error: ..."
// (or "battc: internal error: ..." with a line asking for a report), and the
// exit code of its kind (api::exit_code). Every subcommand fails through it.
#pragma once

#include "runtime/api/api_result.h"

namespace battc::runtime {

int report_error(const api::ApiError& e);

}  // namespace battc::runtime
