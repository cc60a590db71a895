// runtime/jit/cuda_libraries.h: NVRTC and nvJitLink found and opened at run
// time (dlopen), never linked: the same battc runs on a machine without CUDA,
// and a CPU run never touches them. Where they are looked for, in order:
//   $BATTC_CUDA_HOME, $CUDA_HOME, $CUDA_PATH, /usr/local/cuda (lib64, lib,
//     targets/<arch>-linux/lib);
//   the NVIDIA Python wheels (nvidia-cuda-nvrtc[-cu12], nvidia-nvjitlink[-cu12])
//     in the site-packages of the active virtual environment, of the Python
//     that loaded battc's module, on $PYTHONPATH, and the one battc's own
//     files are installed in (a wheel install);
//   then the loader's own path (LD_LIBRARY_PATH, ldconfig).
// In each folder the newest soname battc knows is tried first (.so.13, .so.12,
// then the unversioned name).
#pragma once

#include <string>
#include <vector>

#include "runtime/jit/cuda_jit_api.h"

namespace battc::runtime::jit {

struct CudaJitLibraries {
  NvrtcApi nvrtc{};
  NvJitLinkApi link{};
  std::string nvrtc_path, nvjitlink_path;  // real paths of the files opened
  int nvrtc_major = 0, nvrtc_minor = 0;
  unsigned nvjitlink_major = 0, nvjitlink_minor = 0;
};

struct CudaJitProbe {
  const CudaJitLibraries* libs = nullptr;  // null when either is missing
  std::string why;                         // one line: what is missing and where battc looked
  std::vector<std::string> folders;        // the folders searched, in order
};

// Searches and opens both once per process (thread-safe); never closed.
const CudaJitProbe& cuda_jit_libraries();

// Python's module paths (sys.path) when battc runs inside Python: searched for
// the NVIDIA wheels. Call before the first cuda_jit_libraries().
void set_python_paths(std::vector<std::string> paths);

// The CUDA version the DSL device library was built with ("13.0"; "" when
// this build has no device library): nvJitLink must be of this major or newer.
const char* device_library_cuda_version();

}  // namespace battc::runtime::jit
