// runtime/jit/cuda_device_runtime.h: what a CUDA unit links against: the DSL
// headers (include root) and the DSL device library of one architecture,
// <prefix>/lib/battc/device/libbattc_dsl_device_sm_XX.a (dsl/CMakeLists.txt,
// runtime/jit/install_layout.h).
#pragma once

#include <string>
#include <vector>

#include "runtime/jit/result.h"

namespace battc::runtime::jit {

struct CudaDeviceRuntime {
  std::string arch;          // "sm_75"
  std::string include_dir;   // as DslRuntime::include_dir
  std::string library;       // the device library for `arch`
  std::string content_hash;  // sha256 over the library's bytes and the unit headers
};

// The architectures the device library was built for (BATTC_CUDA_ARCHS), "sm_XX".
std::vector<std::string> cuda_device_archs();

// $BATTC_DSL_DEVICE_DIR, else <prefix>/lib/battc/device.
std::string cuda_device_dir();

// Checks the arch (stage "arch": not sm_ + digits, or not built) and that the
// headers and the library exist (stage "runtime"). The hash is remembered per
// (include dir, library, its size and mtime).
Result<CudaDeviceRuntime> find_cuda_device_runtime(const std::string& arch);

}  // namespace battc::runtime::jit
