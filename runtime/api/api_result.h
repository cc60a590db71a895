// runtime/api/api_result.h: how every library call of battc fails. A call
// returns its value or an ApiError of one of three kinds, never both and
// never an exception: bad input (the user fixes the tasks, programs or
// paths), a request that cannot be met as asked (usage), or a bug in battc
// (internal: an InternalError thrown anywhere below, caught once at the
// boundary by guarded()). The front ends map the kind to an exit code or a
// Python exception with exit_code() and describe().
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "generator/diag/internal_error.h"

namespace battc::runtime::api {

enum class ErrorKind { Input, Usage, Internal };

struct ApiError {
  ErrorKind kind = ErrorKind::Input;
  std::string message;  // one line (a compiler log may follow on later lines)
};

inline ApiError input_error(std::string message) { return ApiError{ErrorKind::Input, std::move(message)}; }
inline ApiError usage_error(std::string message) { return ApiError{ErrorKind::Usage, std::move(message)}; }

template <class T>
class ApiResult {
 public:
  ApiResult(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  ApiResult(ApiError e) : v_(std::in_place_index<1>, std::move(e)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  const ApiError& error() const { return std::get<1>(v_); }
  T* operator->() { return &value(); }
  T& operator*() { return value(); }

 private:
  std::variant<T, ApiError> v_;
};

// The process exit code of each kind: 1 bad input, 2 usage, 70 internal
// (sysexits' EX_SOFTWARE).
int exit_code(ErrorKind kind);

// What a front end says for an error, without the "battc: " prefix:
// "error: <message>" or "internal error: <message>"; an internal error is
// followed by report_request() on a line of its own.
std::string describe(const ApiError& e);
const char* report_request();

ApiError internal(const InternalError& e);

// Runs `body` (returning ApiResult<T>) and turns an InternalError thrown
// below into ApiError{Internal}: the one place a library entry point
// catches battc's own bugs. Other exceptions are the callee's to map; one
// that still escapes is a bug too.
template <class Body>
auto guarded(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const InternalError& e) {
    return internal(e);
  } catch (const std::bad_alloc&) {
    return input_error("out of memory");
  } catch (const std::exception& e) {
    return ApiError{ErrorKind::Internal, std::string("an exception escaped: ") + e.what()};
  }
}

}  // namespace battc::runtime::api
