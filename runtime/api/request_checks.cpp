// runtime/api/request_checks.cpp
#include "runtime/api/request_checks.h"

namespace battc::runtime::api {

std::optional<ApiError> check_run_request(const RunRequest& r) {
  if (r.task_paths.empty() && r.tasks.empty()) return usage_error("no tasks given");
  if (r.programs.files.empty() && r.programs.texts.empty()) return usage_error("no programs given");
  if (r.exec.arena_bytes < kMiB) return usage_error("budget_mb must be at least 1");
  if (r.gpu_arena_bytes < 16 * 1024) return usage_error("gpu_arena_kb must be at least 16");
  if (!r.solutions.empty() && r.task_paths.empty())
    return input_error("a solutions file needs a challenges file in the task paths");
  return std::nullopt;
}

}  // namespace battc::runtime::api
