// runtime/exec/gpu_backend.h: whether the GPU backend can run here, and if not
// why, in one line: the build must have the CUDA JIT (NVRTC, nvJitLink), the
// driver must load and report devices, and a device's architecture must have
// a DSL device library (the cubin it runs is linked against one).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/exec/cuda_driver.h"

namespace battc::runtime {

struct GpuPick {
  int ordinal = 0;
  std::string arch;  // the cubin architecture it runs, "sm_90"
  std::string name;  // the device's name
  int multiprocessors = 0;
  std::uint64_t total_bytes = 0;
};

struct GpuAvailability {
  std::shared_ptr<const cuda::Driver> driver;  // the loaded driver, also when no GPU is usable; null: none loaded
  std::vector<GpuPick> gpus;  // the usable devices; empty: see why
  std::string why;            // why none is usable, for "no usable GPU: <why>"
  bool usable() const { return !gpus.empty(); }
};

// Pure: the devices whose compute capability runs one of `built`; why none
// does otherwise.
GpuAvailability pick_gpus(const std::vector<cuda::DeviceInfo>& devices, const std::vector<std::string>& built);

// The whole check, done once per process: the build, the driver
// (cuda::cuda_driver()), then pick_gpus with the built device libraries.
const GpuAvailability& gpu_availability();

}  // namespace battc::runtime
