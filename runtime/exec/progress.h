// runtime/exec/progress.h: progress of a long run on stderr. On a terminal a
// bar redrawn in place; otherwise one plain line at most every few seconds;
// nothing when quiet. Use it as ExecOptions::progress.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace battc::runtime {

class ProgressReporter {
 public:
  enum class Mode { Quiet, Bar, Lines };

  // Mode from the stream: Bar when it is a terminal, else Lines; Quiet wins.
  static Mode mode_for(std::FILE* stream, bool quiet);

  explicit ProgressReporter(Mode mode, std::FILE* stream = stderr, std::string label = "evaluating",
                            double line_interval_s = 5.0);

  void operator()(std::size_t done, std::size_t total);
  // Ends the bar's line (a no-op otherwise).
  void finish();

  // The text of one update (no newline, no carriage return), for tests.
  std::string render(std::size_t done, std::size_t total, double elapsed_s) const;

 private:
  Mode mode_;
  std::FILE* stream_;
  std::string label_;
  double interval_s_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
  std::size_t last_done_ = std::size_t(-1);
};

}  // namespace battc::runtime
