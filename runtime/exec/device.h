// runtime/exec/device.h: what the GPU executor needs of one device: memory,
// copies, and a loaded CUDA unit's two kernels (templates/cuda_unit.cu). The
// driver-API implementation is CudaDevice (cuda_device.h). Keeping the
// executor behind this interface lets the tests run it, planning, packing,
// copy-back and CPU fallback included, on a stand-in that executes the host
// unit's entry points over host memory under the kernels' exact contract.
#pragma once

#include <cstdint>
#include <string>

#include "runtime/exec/device_plan.h"

namespace battc::runtime {

using DevPtr = std::uint64_t;  // a device address (CUdeviceptr)

// battc_prologue_kernel's arguments.
struct PrologueLaunch {
  DevPtr tasks = 0;  // abi::TaskIn[n_tasks]
  int n_tasks = 0;
  DevPtr arena = 0;  // n_tasks slices of arena_bytes
  std::uint64_t arena_bytes = 0;
  std::int64_t work = 0;
  DevPtr prologues = 0;  // n_tasks slots of stride bytes
  std::uint64_t stride = 0;
};

// battc_eval_kernel's arguments.
struct EvalLaunch {
  DevPtr items = 0;  // abi::CudaItem[n_items]; item.task indexes the round's tasks, item.group group_table()
  int n_items = 0;
  DevPtr prologues = 0;
  std::uint64_t stride = 0;
  DevPtr arena = 0;  // n_items slices of arena_bytes
  std::uint64_t arena_bytes = 0;
  std::int64_t work = 0;
  std::int64_t item_work = 0;  // > 0: an item's work over all its statements (GpuExecOptions::item_work)
  int out_stride = 0;         // ProgramOut per item: the largest group
  DevPtr outs = 0;            // abi::ProgramOut[n_items * out_stride]
  int encode = 0;
};

class Device {
 public:
  virtual ~Device() = default;
  virtual std::string name() const = 0;
  // Its share of the work relative to the other devices (multiprocessors).
  virtual double weight() const { return 1.0; }

  // Makes the device current on the calling thread (each device has a thread).
  virtual void bind_thread() = 0;
  virtual std::uint64_t free_bytes() = 0;
  // Device memory; throws on failure. Freed by free() or with the device.
  virtual DevPtr alloc(std::uint64_t bytes) = 0;
  virtual void free(DevPtr p) = 0;
  virtual void upload(DevPtr dst, const void* src, std::uint64_t bytes) = 0;
  virtual void download(void* dst, DevPtr src, std::uint64_t bytes) = 0;

  // The loaded unit: its battc_prologue_bytes and battc_n_programs.
  virtual std::uint64_t prologue_bytes() const = 0;
  virtual int n_programs() const = 0;
  // The program groups its unit was emitted with (battc_group_*): the work
  // items' groups.
  virtual GroupTable group_table() const = 0;
  // Run to completion (a kernel fault throws).
  virtual void prologue_kernel(const PrologueLaunch& l) = 0;
  virtual void eval_kernel(const EvalLaunch& l) = 0;
};

}  // namespace battc::runtime
