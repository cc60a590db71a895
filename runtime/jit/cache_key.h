// runtime/jit/cache_key.h: the name of a host unit's cache entry: sha256 over
// everything its object code depends on, so a stale entry can never be hit
// (jitify's complete keys). kCacheFormatVersion guards what the key omits.
#pragma once

#include <string>
#include <vector>

#include "runtime/jit/compile_unit.h"
#include "runtime/jit/dsl_runtime_paths.h"
#include "runtime/jit/host_compiler.h"

namespace battc::runtime::jit {

// You MUST bump this when the compile command template (compile_unit.cpp), the
// layout of a cache entry (cache.cpp) or the key's fields below change.
constexpr int kCacheFormatVersion = 1;

// sha256 hex over: kCacheFormatVersion, the backend ("host"), the unit's file
// stem and source, the extra flags in their given order (order matters to a
// compiler: -O0 -O2 is not -O2 -O0), the compiler id, abi::kAbiVersion and the
// DSL runtime's content hash (library bytes + headers).
std::string host_cache_key(const EmittedUnit& unit, const std::vector<std::string>& extra_flags,
                           const HostCompiler& cxx, const DslRuntime& rt);

}  // namespace battc::runtime::jit
