// runtime/jit/cuda_toolchain.h: the two CUDA JIT stages as fallible values:
// NVRTC (source -> relocatable cubin) and nvJitLink (the unit's cubins + the
// device library -> one cubin, a plain link without LTO).
// Both are opened at run time (runtime/jit/cuda_libraries.h); without them
// every call is a "probe" error saying where battc looked.
#pragma once

#include <string>
#include <vector>

#include "runtime/jit/result.h"

namespace battc::runtime::jit {

struct RelocatableCubin {
  std::vector<char> bytes;  // NVRTC's cubin (-rdc=true -arch=sm_XX): SASS with relocations
  std::string log;
  double seconds = 0;
};

struct LinkedCubin {
  std::vector<char> cubin;
  std::string info_log;
  double seconds = 0;
};

// NVRTC and nvJitLink versions plus the files they were loaded from (the path
// names the patch release, e.g. libnvrtc.so.13.0.88): part of the cache key.
const std::string& cuda_toolchain_id();

// Stage "nvrtc": the log is NVRTC's program log. NVRTC runs ptxas itself, so
// the options must name a real architecture (-arch=sm_XX).
Result<RelocatableCubin> nvrtc_compile(const std::string& source, const std::string& file_name,
                            const std::vector<std::string>& options);

// Stage "nvjitlink": the parts (named unit_name.0, .1, ...) and the library
// linked into one cubin. The log is the error log, then the info log.
Result<LinkedCubin> nvjitlink_link(const std::vector<RelocatableCubin>& parts, const std::string& unit_name,
                                   const std::string& library, const std::vector<std::string>& options);

}  // namespace battc::runtime::jit
