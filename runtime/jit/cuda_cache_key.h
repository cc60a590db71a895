// runtime/jit/cuda_cache_key.h: the name of a CUDA unit's cache entry
// (<key>.cubin): sha256 over everything the cubin depends on (jitify's
// complete keys). kCudaCacheFormatVersion guards what the key omits.
#pragma once

#include <string>
#include <vector>

#include "runtime/jit/compile_unit.h"
#include "runtime/jit/cuda_device_runtime.h"

namespace battc::runtime::jit {

// You MUST bump this when the NVRTC/nvJitLink option templates (cuda_jit.cpp),
// the layout of a CUDA cache entry (cubin + framed log) or the key's fields change.
constexpr int kCudaCacheFormatVersion = 4;  // 2: relocatable cubins, no LTO; parts. 3: group modules. 4: modules of several groups (weak group functions, refs)

// sha256 hex over: kCudaCacheFormatVersion, the backend ("cuda"), the unit's
// file stem and source, the NVRTC options in order (the include root written
// as a placeholder: content, not paths, enters the key), the number of parts
// the unit is compiled as (each adds -DBATTC_PARTS/-DBATTC_PART), the nvJitLink
// options, the arch, the toolchain id (NVRTC and nvJitLink versions) and the
// device runtime's content hash (device library bytes + headers).
std::string cuda_cache_key(const EmittedUnit& unit, const std::vector<std::string>& nvrtc_options,
                           int parts, const std::vector<std::string>& nvjitlink_options,
                           const std::string& toolchain_id,
                           const CudaDeviceRuntime& rt);

// The key of one module's relocatable cubin (runtime/jit/cuda_modules.h; one
// group's own key is that of the module holding it alone): as above, less
// the unit's name, parts and nvJitLink options, which it does not depend on
// (so a group compiled for one batt serves every other).
std::string cuda_module_key(const std::string& module_source, const std::vector<std::string>& nvrtc_options,
                            const std::string& toolchain_id, const CudaDeviceRuntime& rt);

}  // namespace battc::runtime::jit
