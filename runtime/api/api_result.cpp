// runtime/api/api_result.cpp
#include "runtime/api/api_result.h"

namespace battc::runtime::api {

int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Input: return 1;
    case ErrorKind::Usage: return 2;
    case ErrorKind::Internal: return kInternalExitCode;
  }
  return kInternalExitCode;
}

std::string describe(const ApiError& e) {
  return (e.kind == ErrorKind::Internal ? "internal error: " : "error: ") + e.message;
}

const char* report_request() {
  return "this is a bug in battc, not in your input: please report it with the command and this message";
}

ApiError internal(const InternalError& e) { return ApiError{ErrorKind::Internal, e.what()}; }

}  // namespace battc::runtime::api
