// runtime/api/run_gpu.h: the GPU half of `battc run`, by either engine:
//  - the CUDA unit: the batt compiled (NVRTC, nvJitLink) once per
//    architecture the usable devices need;
//  - the device specs engine: the batt as its spec plan, over device spec
//    packs of its statement shapes (only the shapes never seen compiled)
//    linked with the spec kernels (runtime/jit/cuda_spec_library.h);
// then a CudaDevice per device and the GPU executor, with the CPU engine's
// entry for the CPU re-runs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "generator/pipeline.h"
#include "runtime/exec/gpu_backend.h"
#include "runtime/exec/gpu_execute.h"
#include "runtime/exec/spec_engine.h"
#include "runtime/jit/cuda_jit.h"
#include "runtime/jit/cuda_spec_library.h"

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

// The device specs engine's code for each architecture in `gpus`: the
// batt's statement shapes ensured in the architecture's library (`libs`,
// opened from cache_dir on first use and kept there for the next call), then
// linked.
struct GpuSpecs {
  std::map<std::string, std::shared_ptr<const jit::CudaSpecLink>> by_arch;
  jit::CudaSpecCompileStats compile;  // summed over the architectures
  double seconds = 0;
  bool all_hits = true;  // nothing was compiled or linked
};
jit::Result<GpuSpecs> prepare_gpu_specs(const generator::Batt& batt, const GpuAvailability& gpus,
                                        std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>>& libs,
                                        const std::optional<std::string>& cache_dir, unsigned jobs);

// The program groups of the GPU work items for `multiprocessors` SMs in all:
// sized by choose_group_size from the tasks' samples, formed by
// generator::program_groups.
std::vector<std::vector<int>> gpu_program_groups(const generator::Batt& batt, const std::vector<Task>& tasks,
                                                 int multiprocessors);

// Opens every usable device with the linked spec kernels and the engine's
// plan (built with the GPU's program groups) and runs the batt on them.
RunResult run_specs_on_gpus(const GpuAvailability& gpus, const GpuSpecs& specs, const SpecEngine& engine,
                            const BattEntry& host, const std::vector<Task>& tasks, const ExecOptions& options,
                            const GpuExecOptions& gpu, GpuRunStats* stats);

// Opens every usable device with its cubin and runs the batt on them.
RunResult run_on_gpus(const GpuAvailability& gpus, const GpuUnits& units, const BattEntry& host,
                      const std::vector<Task>& tasks, const ExecOptions& options, const GpuExecOptions& gpu,
                      GpuRunStats* stats);

}  // namespace battc::runtime
