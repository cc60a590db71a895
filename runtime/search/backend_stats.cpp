// runtime/search/backend_stats.cpp: a round's run outcome counted by where
// its evaluations ran.
#include "runtime/search/search.h"

namespace battc::runtime::search {

void BackendStats::add(const api::RunOutcome& o) {
  const auto evaluations = static_cast<std::int64_t>(o.result.evaluations);
  if (o.backend != "cuda") {
    ++cpu_runs;
    cpu_evaluations += evaluations;
    return;
  }
  ++gpu_runs;
  gpu_engine = o.gpu_engine;
  const auto back = static_cast<std::int64_t>(o.gpu.fallback_evaluations);
  gpu_fallback_evaluations += back;
  gpu_evaluations += evaluations - back;
  gpu_compile_s += o.times.compile_cuda;
  gpu_shapes_compiled += static_cast<std::int64_t>(o.cuda_spec_compile.missing);
}

}  // namespace battc::runtime::search
