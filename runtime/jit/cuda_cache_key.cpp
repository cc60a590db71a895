// runtime/jit/cuda_cache_key.cpp: each part goes in length-prefixed and named,
// as in cache_key.cpp, so no two different part lists hash the same text.
#include "runtime/jit/cuda_cache_key.h"

#include "runtime/jit/sha256.h"

namespace battc::runtime::jit {

std::string cuda_cache_key(const EmittedUnit& unit, const std::vector<std::string>& nvrtc_options,
                           int parts, const std::vector<std::string>& nvjitlink_options,
                           const std::string& toolchain_id,
                           const CudaDeviceRuntime& rt) {
  const std::string include_opt = "-I" + rt.include_dir;
  Sha256 h;
  h.field("battc-cache-format");
  h.field(std::to_string(kCudaCacheFormatVersion));
  h.field("backend");
  h.field("cuda");
  h.field("unit-stem");
  h.field(unit_file_stem(unit.name));
  h.field("source");
  h.field(unit.source);
  h.field("nvrtc-options");
  h.field(std::to_string(nvrtc_options.size()));
  for (const auto& o : nvrtc_options) h.field(o == include_opt ? std::string("-I$BATTC_INCLUDE_DIR") : o);
  h.field("parts");
  h.field(std::to_string(parts));
  h.field("nvjitlink-options");
  h.field(std::to_string(nvjitlink_options.size()));
  for (const auto& o : nvjitlink_options) h.field(o);
  h.field("arch");
  h.field(rt.arch);
  h.field("toolchain");
  h.field(toolchain_id);
  h.field("dsl-device-runtime");
  h.field(rt.content_hash);
  return h.hex();
}

}  // namespace battc::runtime::jit
