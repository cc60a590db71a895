// runtime/jit/cache_key.cpp: each part goes in length-prefixed and named, so
// no two different part lists can hash the same text.
#include "runtime/jit/cache_key.h"

#include "runtime/abi/batt_abi.h"
#include "runtime/jit/sha256.h"

namespace battc::runtime::jit {

std::string host_cache_key(const EmittedUnit& unit, const std::vector<std::string>& extra_flags,
                           const HostCompiler& cxx, const DslRuntime& rt) {
  Sha256 h;
  h.field("battc-cache-format");
  h.field(std::to_string(kCacheFormatVersion));
  h.field("backend");
  h.field("host");
  h.field("unit-stem");
  h.field(unit_file_stem(unit.name));
  h.field("source");
  h.field(unit.source);
  h.field("flags");
  h.field(std::to_string(extra_flags.size()));
  for (const auto& f : extra_flags) h.field(f);
  h.field("compiler");
  h.field(cxx.id);
  h.field("abi");
  h.field(std::to_string(abi::kAbiVersion));
  h.field("dsl-runtime");
  h.field(rt.content_hash);
  return h.hex();
}

}  // namespace battc::runtime::jit
