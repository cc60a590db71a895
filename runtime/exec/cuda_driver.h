// runtime/exec/cuda_driver.h: libcuda opened at run time (dlopen, never
// linked), so battc starts on machines without a GPU or driver. Opening it
// binds the entry points, calls cuInit and lists the devices; anything missing
// is one reason, said as "no usable GPU: <why>" by the caller.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "runtime/exec/cuda_driver_api.h"

namespace battc::runtime::cuda {

// A driver call that failed once the driver was up (out of memory, a kernel
// fault, ...). The message names the call and the driver's error.
class CudaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct DeviceInfo {
  int ordinal = 0;
  std::string name;  // "NVIDIA H100 80GB HBM3"
  int cc_major = 0, cc_minor = 0;
  int multiprocessors = 0;
  std::uint64_t total_bytes = 0;
};

struct DriverProbe;

class Driver {
 public:
  const DriverApi& api() const { return api_; }
  const std::vector<DeviceInfo>& devices() const { return devices_; }
  int version() const { return version_; }  // 13000 for CUDA 13.0
  const std::string& library() const { return library_; }

  // "CUDA_ERROR_OUT_OF_MEMORY (out of memory)"
  std::string error_text(CUresult r) const;
  // Throws CudaError("<what>: <error_text>") unless r is CUDA_SUCCESS.
  void check(CUresult r, const char* what) const;

 private:
  friend DriverProbe open_cuda_driver(const std::string& library);
  DriverApi api_{};
  std::vector<DeviceInfo> devices_;
  int version_ = 0;
  std::string library_;
};

// Either a driver with at least one device, or why there is none.
struct DriverProbe {
  std::shared_ptr<const Driver> driver;
  std::string why;  // set when !driver: "libcuda.so.1 not found (...)", "cuInit failed: ...", "no CUDA device"
};

// Opens `library` ("" means $BATTC_LIBCUDA if set, else libcuda.so.1). The
// library stays loaded for the life of the process: unloading a driver that
// may hold contexts is unsafe, and it is opened once per process anyway.
DriverProbe open_cuda_driver(const std::string& library = "");

// open_cuda_driver("") once per process (the reason is reported once, too).
const DriverProbe& cuda_driver();

}  // namespace battc::runtime::cuda
