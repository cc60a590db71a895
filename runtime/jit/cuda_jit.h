// runtime/jit/cuda_jit.h: the CUDA JIT in one call (DESIGN.md step 7, without
// execution): NVRTC compiles a unit, in one or several parts compiled in
// parallel, to relocatable cubins; nvJitLink links them with the DSL device
// library of the requested architecture into one cubin, cached on disk.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/jit/cache.h"
#include "runtime/jit/compile_unit.h"
#include "runtime/jit/result.h"

namespace battc::runtime::jit {

constexpr int kMaxCudaParts = 64;

struct CudaJitOptions {
  std::string arch = "sm_75";                  // sm_XX, one of cuda_device_archs()
  std::optional<std::string> cache_dir;        // as JitOptions::cache_dir: "" = off; unset = env/default
  std::vector<std::string> extra_options;      // NVRTC options after the defaults, in this order
  // Compile the unit as this many NVRTC programs, part k with -DBATTC_PARTS=n
  // -DBATTC_PART=k, in parallel threads, and link the parts. Only for units
  // that split themselves that way (templates/cuda_unit.cu); 1 = as is.
  int parts = 1;
  // The groups that are not in the module cache are compiled as at most this
  // many NVRTC programs (modules of several groups; 0: modules of about 16
  // groups, at least two per hardware thread). Fewer, larger modules parse
  // the headers and instantiate the DSL's shared templates fewer times; more
  // run in parallel.
  int max_group_modules = 0;
  std::uint64_t max_cache_bytes = kDefaultCacheMaxBytes;
};

// A linked unit. On a cache hit the logs are the ones stored with the entry
// and the stage times are 0. A unit with program groups is compiled as its
// main module (in `parts` parts) and its groups' modules
// (runtime/jit/cuda_modules.h); with the cache on, a group already compiled
// (for this or any other batt, alone or in a module with others) is taken
// from <cache dir>/cuda-modules instead of compiled again.
struct CudaObject {
  std::vector<char> cubin;                     // an ELF image for cuModuleLoadData
  std::string arch;                            // "sm_75"
  std::string nvrtc_log;                       // NVRTC's program log (warnings)
  std::string nvjitlink_log;                   // nvJitLink's info log
  std::vector<std::string> nvrtc_options;      // exactly as passed to NVRTC
  std::vector<std::string> nvjitlink_options;  // exactly as passed to nvJitLink
  std::string device_library;                  // the libbattc_dsl_device_sm_XX.a linked in
  int parts = 1;                               // NVRTC programs the main module was compiled as
  int groups = 0;                              // the unit's program groups
  int groups_cached = 0;                       // of which came from the module cache (not compiled)
  int modules_compiled = 0;                    // NVRTC programs the other groups were compiled as
  double nvrtc_seconds = 0;                    // wall time of all parts (they overlap)
  double nvjitlink_seconds = 0;
  double seconds = 0;                          // wall time of compile_cuda
  bool cache_hit = false;
  std::string cache_key;                       // "" when the cache was off
  std::string cubin_path;                      // the cache entry <key>.cubin, "" when not cached
  std::string cache_note;                      // why the cache was not used although it was on
};

// Errors name their stage: "probe" (NVRTC/nvJitLink not found at run time),
// "options" (parts out of range), "arch"
// (malformed or not built), "runtime" (headers or device library missing),
// "nvrtc", "nvjitlink" (with the full log). An unusable cache degrades to an
// uncached compile (cache_note), never to a failure.
Result<CudaObject> compile_cuda(const EmittedUnit& unit, const CudaJitOptions& options = {});

// Whether NVRTC and nvJitLink were found and opened (runtime/jit/cuda_libraries.h).
bool cuda_jit_available();

}  // namespace battc::runtime::jit
