// generator/diag/internal_error.h: battc's one channel for its own bugs.
// Bad input (a task, a program, a path) is the user's to fix and is reported
// through diagnostics or ApiError{Input}; a broken invariant is ours, and is
// thrown as InternalError here, never as std::logic_error or an abort. The
// library's boundaries (api::run_batt, search::run_search, every worker
// thread) catch it once and return ApiError{Internal}, which the CLI exits
// with kInternalExitCode and a line asking for a report (Halide's
// internal_error/user_error split, STYLE.md).
#pragma once

#include <stdexcept>
#include <string>

namespace battc {

// sysexits.h's EX_SOFTWARE: "an internal software error has been detected".
inline constexpr int kInternalExitCode = 70;

// Where an internal error was raised. std::source_location would do, but
// clang 14 with libstdc++ 12 (Debian 12's, the sanitizer build's) has no
// std::source_location; __builtin_FILE and __builtin_LINE as default
// arguments give the caller's place on GCC and clang alike.
struct SourcePlace {
  const char* file;
  unsigned line;
};

class InternalError : public std::logic_error {
 public:
  InternalError(const std::string& what, SourcePlace where);
  const std::string& message() const { return message_; }  // without the location
  const char* file() const { return file_; }
  unsigned line() const { return line_; }

 private:
  std::string message_;
  const char* file_;
  unsigned line_;
};

// Throws InternalError: "battc bug at <file>:<line>: <msg>".
[[noreturn]] void internal_error(const std::string& msg, const char* file = __builtin_FILE(),
                                unsigned line = __builtin_LINE());

// Tests may make the next check of `site` fail as if its invariant broke
// (the boundaries' tests inject one where no input can reach). Off unless
// set; `site` names a BATTC_ASSERT_SITE.
void inject_internal_error(const std::string& site);
bool injected_internal_error(const char* site);

}  // namespace battc

// An invariant of battc's own: when it does not hold, internal_error(msg).
#define BATTC_ASSERT(cond, msg)                   \
  do {                                            \
    if (!(cond)) ::battc::internal_error((msg));  \
  } while (0)

// A named place a test can break (inject_internal_error(site)); free when
// nothing is injected: one relaxed load.
#define BATTC_ASSERT_SITE(site) \
  BATTC_ASSERT(!::battc::injected_internal_error(site), std::string("injected at ") + (site))
