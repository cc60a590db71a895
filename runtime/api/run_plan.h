// runtime/api/run_plan.h: what `battc run` would do, without doing it
// (`battc run --dry-run`): tasks, samples, programs and evaluations, the
// backend, and for the GPU the program groups, work items, launches and
// memory per device, for the devices present or a named model
// (`--gpu-model h100`) on a machine without one. Nothing is compiled: sizes
// that only the compiled unit knows (its State and Prologue) come from the
// compile cache when the unit is there, and are said to be unknown if not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/api/run_batt.h"
#include "runtime/exec/gpu_model.h"

namespace battc::runtime::api {

struct DevicePlan {
  std::string name;
  int multiprocessors = 0;
  std::uint64_t free_bytes = 0;
  std::size_t tasks = 0, items = 0, rounds = 0, launches = 0;
  std::size_t max_launch_items = 0;  // threads of the largest launch
  std::size_t min_launch_items = 0;  // and of the smallest
  std::uint64_t peak_bytes = 0;      // what the executor allocates on it
  std::string error;                 // not even one task and one item fit
};

struct GpuPlan {
  std::string devices;  // "1 x NVIDIA H100 SXM 80GB (model h100)"
  int group_size = 0;
  std::size_t groups = 0;
  long long group_values = 0, program_values = 0;  // per sample: shared in groups, and alone
  long long batt_values = 0;                       // per sample in the whole batt (the CPU's)
  std::size_t max_group_values = 0;
  std::uint64_t threads_wanted = 0;  // kThreadsWantedPerSm x multiprocessors
  std::uint64_t item_arena = 0, prologue_arena = 0, bytes_per_item = 0, bytes_per_task = 0, fixed_bytes = 0;
  std::optional<std::uint64_t> prologue_bytes;  // from the cached unit
  std::uint64_t items = 0;
  std::vector<DevicePlan> per_device;
};

struct RunPlan {
  std::size_t tasks = 0, tasks_paired = 0, samples = 0, programs = 0, rejected = 0;
  std::size_t values = 0, merged = 0, hoisted = 0;
  std::uint64_t evaluations = 0;  // (sample, program) pairs the pairing asks
  std::string backend;            // "cpu" or "cuda"
  std::string backend_why;
  std::string evaluation;         // "all" or "until-train-fails" (an upper bound then)
  std::string engine;             // the CPU engine: "unit (cached)", "specs", ...
  unsigned jobs = 0;
  std::optional<GpuPlan> gpu;
};

// Plans `request` as run_batt would run it; `model` plans the GPU backend
// for that model instead of the devices present.
ApiResult<RunPlan> plan_run(const RunRequest& request, const std::optional<GpuModel>& model);

// The plan for a person, one fact per line.
std::string describe_plan(const RunPlan& plan);

}  // namespace battc::runtime::api
