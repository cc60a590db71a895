// runtime/api/run_gpu.h: the GPU half of `battc run`: the batt's CUDA unit
// compiled once per architecture the usable devices need, then a CudaDevice
// per device and the GPU executor, with the host unit for the CPU re-runs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "generator/pipeline.h"
#include "runtime/exec/gpu_backend.h"
#include "runtime/exec/gpu_execute.h"
#include "runtime/jit/cuda_jit.h"

namespace battc::runtime {

struct GpuUnits {
  std::map<std::string, jit::CudaObject> by_arch;
  double seconds = 0;
  bool all_hits = true;  // every architecture was a cache hit
};

// compile_cuda of the unit over `groups` for each architecture in `gpus`;
// the first failure is returned.
jit::Result<GpuUnits> compile_gpu_units(const generator::Generated& g, const std::vector<std::vector<int>>& groups,
                                        const GpuAvailability& gpus, const std::optional<std::string>& cache_dir);

// The program groups of the GPU work items for `multiprocessors` SMs in all:
// sized by choose_group_size from the tasks' samples, formed by
// generator::program_groups.
std::vector<std::vector<int>> gpu_program_groups(const generator::Batt& batt, const std::vector<Task>& tasks,
                                                 int multiprocessors);

// Opens every usable device with its cubin and runs the batt on them.
RunResult run_on_gpus(const GpuAvailability& gpus, const GpuUnits& units, const BattEntry& host,
                      const std::vector<Task>& tasks, const ExecOptions& options, const GpuExecOptions& gpu,
                      GpuRunStats* stats);

}  // namespace battc::runtime
