// runtime/exec/cuda_device.h: a Device on the CUDA driver API: the device's
// primary context, a cubin loaded as a module, and its two kernels. The
// cubin is either a batt's CUDA unit (its kernels, sizes and groups are the
// unit's: battc_prologue_bytes, battc_n_programs, battc_group_*), or the
// device specs engine's (runtime/jit/cuda_spec_library.h: the spec kernels
// and spec packs), which runs a batt given as a spec plan: the plan is
// copied to the device with the device addresses of its functions, read
// from the packs' tables, and the kernels get both.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "runtime/exec/cuda_driver.h"
#include "runtime/exec/device.h"

namespace battc::runtime {

struct CudaDeviceOptions {
  unsigned block_size = 64;       // threads per block: one work item each, so few (they diverge)
  std::uint64_t stack_bytes = 0;  // per-thread stack limit to raise the driver's to; 0 keeps it
};

// A batt for the spec kernels: its plan (runtime/abi/spec_plan.h) and, per
// entry of the plan's function table, where the linked cubin holds that
// function's address (entry `index` of the table `symbol`).
struct DeviceSpecBatt {
  const void* plan = nullptr;
  std::size_t plan_bytes = 0;
  std::vector<std::pair<std::string, int>> functions;
  std::uint64_t prologue_bytes = 0;
  int n_programs = 0;
  std::vector<std::vector<int>> groups;  // the plan's groups: the work items'
};

class CudaDevice : public Device {
 public:
  // With `specs`, the cubin is the device specs engine's and runs that batt;
  // without, it is a batt's CUDA unit. Throws cuda::CudaError (no context, a
  // cubin for another architecture, missing kernels or tables).
  CudaDevice(std::shared_ptr<const cuda::Driver> driver, int ordinal, const std::vector<char>& cubin,
             const CudaDeviceOptions& options = {}, const DeviceSpecBatt* specs = nullptr);
  ~CudaDevice() override;
  CudaDevice(const CudaDevice&) = delete;
  CudaDevice& operator=(const CudaDevice&) = delete;

  std::string name() const override;
  double weight() const override { return info_.multiprocessors > 0 ? info_.multiprocessors : 1; }
  void bind_thread() override;
  std::uint64_t free_bytes() override;
  DevPtr alloc(std::uint64_t bytes) override;
  void free(DevPtr p) override;
  void upload(DevPtr dst, const void* src, std::uint64_t bytes) override;
  void download(void* dst, DevPtr src, std::uint64_t bytes) override;
  std::uint64_t prologue_bytes() const override { return prologue_bytes_; }
  int n_programs() const override { return n_programs_; }
  GroupTable group_table() const override { return groups_; }
  void prologue_kernel(const PrologueLaunch& l) override;
  void eval_kernel(const EvalLaunch& l) override;

 private:
  void launch(cuda::CUfunction f, unsigned max_block, int n, void** args, const char* what);
  // The unit's exported sizes and group tables into the members.
  void read_unit_globals();
  // The spec batt's plan and function addresses onto the device.
  void load_spec_batt(const DeviceSpecBatt& specs);
  void read_global(const char* name, void* dst, std::size_t want);

  std::shared_ptr<const cuda::Driver> drv_;
  cuda::DeviceInfo info_;
  CudaDeviceOptions opt_;
  cuda::CUdevice dev_ = 0;
  cuda::CUcontext ctx_ = nullptr;
  cuda::CUmodule module_ = nullptr;
  cuda::CUfunction prologue_fn_ = nullptr, eval_fn_ = nullptr;
  unsigned prologue_block_ = 0, eval_block_ = 0;
  std::uint64_t prologue_bytes_ = 0;
  int n_programs_ = 0;
  GroupTable groups_;
  bool specs_ = false;               // the spec kernels: plan_ and fns_ are their first arguments
  DevPtr plan_ = 0, fns_ = 0;
  std::set<DevPtr> live_;  // freed with the device if still held
};

}  // namespace battc::runtime
