// runtime/cli/report_error.cpp
#include "runtime/cli/report_error.h"

#include <fmt/core.h>


namespace battc::runtime {

int report_error(const api::ApiError& e) {
  fmt::print(stderr, "battc: {}\n", api::describe(e));
  if (e.kind == api::ErrorKind::Internal) fmt::print(stderr, "battc: {}\n", api::report_request());
  return api::exit_code(e.kind);
}

}  // namespace battc::runtime
