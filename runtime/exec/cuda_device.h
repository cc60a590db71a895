// runtime/exec/cuda_device.h: a Device on the CUDA driver API: the device's
// primary context, the batt's cubin loaded as a module, its two kernels and
// the two sizes it exports (battc_prologue_bytes, battc_n_programs).
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

class CudaDevice : public Device {
 public:
  // Throws cuda::CudaError (no context, a cubin for another architecture,
  // missing kernels).
  CudaDevice(std::shared_ptr<const cuda::Driver> driver, int ordinal, const std::vector<char>& cubin,
             const CudaDeviceOptions& options = {});
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
  std::set<DevPtr> live_;  // freed with the device if still held
};

}  // namespace battc::runtime
