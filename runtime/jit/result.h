// runtime/jit/result.h: the fallible value every JIT stage returns (jitify's
// FallibleValue): either the stage's product or a JitError naming the stage,
// saying what went wrong and carrying the compiler's (or loader's) log.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace battc::runtime::jit {

struct JitError {
  std::string stage;    // "probe", "compile", "cache", "load", "entry"
  std::string message;  // one line, for "battc: error: "
  std::string log;      // compiler output or loader detail; may be empty

  // "<stage>: <message>" and, when there is a log, the log on the next lines.
  std::string what() const {
    std::string s = stage + ": " + message;
    if (!log.empty()) s += "\n" + log;
    return s;
  }
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(JitError error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Only on ok() / !ok() respectively.
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const JitError& error() const { return std::get<1>(v_); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, JitError> v_;
};

inline JitError jit_error(std::string stage, std::string message, std::string log = {}) {
  return JitError{std::move(stage), std::move(message), std::move(log)};
}

}  // namespace battc::runtime::jit
