// runtime/tasks/task_error.h: the one error the task loader throws, for input
// that is wrong (never for a battc bug). what() is "<file>: <problem>", ready
// for the CLI's "battc: error: " prefix; the parts are kept for tests.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace battc::runtime {

class TaskError : public std::runtime_error {
 public:
  TaskError(std::string file, std::string problem)
      : std::runtime_error(file + ": " + problem), file_(std::move(file)), problem_(std::move(problem)) {}

  const std::string& file() const { return file_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_;
  std::string problem_;
};

}  // namespace battc::runtime
