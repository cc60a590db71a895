// runtime/jit/cuda_cache_key.cpp: each part goes in length-prefixed and named,
// as in cache_key.cpp, so no two different part lists hash the same text.
#include "runtime/jit/cuda_cache_key.h"

#include "runtime/jit/sha256.h"

namespace battc::runtime::jit {

namespace {

void put_nvrtc_options(Sha256& h, const std::vector<std::string>& nvrtc_options, const CudaDeviceRuntime& rt) {
  const std::string include_opt = "-I" + rt.include_dir;
  h.field("nvrtc-options");
  h.field(std::to_string(nvrtc_options.size()));
  for (const auto& o : nvrtc_options) h.field(o == include_opt ? std::string("-I$BATTC_INCLUDE_DIR") : o);
}

void put_target(Sha256& h, const std::string& toolchain_id, const CudaDeviceRuntime& rt) {
  h.field("arch");
  h.field(rt.arch);
  h.field("toolchain");
  h.field(toolchain_id);
  h.field("dsl-device-runtime");
  h.field(rt.content_hash);
}

}  // namespace

std::string cuda_cache_key(const EmittedUnit& unit, const std::vector<std::string>& nvrtc_options,
                           int parts, const std::vector<std::string>& nvjitlink_options,
                           const std::string& toolchain_id,
                           const CudaDeviceRuntime& rt) {
  Sha256 h;
  h.field("battc-cache-format");
  h.field(std::to_string(kCudaCacheFormatVersion));
  h.field("backend");
  h.field("cuda");
  h.field("unit-stem");
  h.field(unit_file_stem(unit.name));
  h.field("source");
  h.field(unit.source);
  put_nvrtc_options(h, nvrtc_options, rt);
  h.field("parts");
  h.field(std::to_string(parts));
  h.field("nvjitlink-options");
  h.field(std::to_string(nvjitlink_options.size()));
  for (const auto& o : nvjitlink_options) h.field(o);
  put_target(h, toolchain_id, rt);
  return h.hex();
}

std::string cuda_module_key(const std::string& module_source, const std::vector<std::string>& nvrtc_options,
                            const std::string& toolchain_id, const CudaDeviceRuntime& rt) {
  Sha256 h;
  h.field("battc-cache-format");
  h.field(std::to_string(kCudaCacheFormatVersion));
  h.field("backend");
  h.field("cuda-group-module");
  h.field("source");
  h.field(module_source);
  put_nvrtc_options(h, nvrtc_options, rt);
  put_target(h, toolchain_id, rt);
  return h.hex();
}

}  // namespace battc::runtime::jit
