// runtime/exec/progress.cpp: "evaluating [#####.....]  52% 1234/2345  3.1s".
#include "runtime/exec/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <utility>

namespace battc::runtime {

ProgressReporter::Mode ProgressReporter::mode_for(std::FILE* stream, bool quiet) {
  if (quiet) return Mode::Quiet;
  return ::isatty(::fileno(stream)) ? Mode::Bar : Mode::Lines;
}

ProgressReporter::ProgressReporter(Mode mode, std::FILE* stream, std::string label, double line_interval_s)
    : mode_(mode),
      stream_(stream),
      label_(std::move(label)),
      interval_s_(line_interval_s),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

std::string ProgressReporter::render(std::size_t done, std::size_t total, double elapsed_s) const {
  double frac = total ? double(done) / double(total) : 1.0;
  if (mode_ == Mode::Bar) {
    constexpr int kWidth = 30;
    int filled = int(frac * kWidth);
    std::string bar = std::string(filled, '#') + std::string(kWidth - filled, '.');
    return fmt::format("{} [{}] {:3d}% {}/{} {:.1f}s", label_, bar, int(frac * 100), done, total, elapsed_s);
  }
  return fmt::format("{}: {}/{} ({}%) after {:.1f}s", label_, done, total, int(frac * 100), elapsed_s);
}

void ProgressReporter::operator()(std::size_t done, std::size_t total) {
  if (mode_ == Mode::Quiet || done == last_done_) return;
  auto now = std::chrono::steady_clock::now();
  double elapsed = std::chrono::duration<double>(now - start_).count();
  if (mode_ == Mode::Bar) {
    fmt::print(stream_, "\r{}", render(done, total, elapsed));
    std::fflush(stream_);
    drawn_ = true;
  } else {
    bool last = done == total;
    if (!last && std::chrono::duration<double>(now - last_).count() < interval_s_) return;
    if (last && !drawn_ && elapsed < interval_s_) return;  // a short run says nothing
    fmt::print(stream_, "{}\n", render(done, total, elapsed));
    drawn_ = true;
  }
  last_ = now;
  last_done_ = done;
}

void ProgressReporter::finish() {
  if (mode_ == Mode::Bar && drawn_) {
    fmt::print(stream_, "\n");
    std::fflush(stream_);
  }
  drawn_ = false;
}

}  // namespace battc::runtime
