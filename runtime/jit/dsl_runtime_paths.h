// runtime/jit/dsl_runtime_paths.h: where a host unit finds what it builds
// against: the include root (holding dsl/ and runtime/abi/) and the prebuilt
// libbattc_dsl.a, in battc's install layout (runtime/jit/install_layout.h).
#pragma once

#include <optional>
#include <string>

#include "runtime/jit/result.h"

namespace battc::runtime::jit {

struct DslRuntime {
  std::string include_dir;   // $BATTC_INCLUDE_DIR, else <prefix>/share/battc/include
  std::string library;       // $BATTC_DSL_LIBRARY, else <prefix>/lib/battc/libbattc_dsl.a
  std::string content_hash;  // sha256 over the library and the headers under dsl/ and runtime/abi/
};

// Checks that both exist; the hash is computed once per (include dir, library,
// library mtime and size) and remembered. Errors are stage "runtime".
Result<DslRuntime> find_dsl_runtime();

// The include root alone: $BATTC_INCLUDE_DIR, else <prefix>/share/battc/include.
std::string dsl_include_dir();

// sha256 over every header a unit can include (dsl/ and runtime/abi/; relative
// path and content, sorted by path), not remembered; nullopt if one cannot be
// read. The CUDA JIT keys on it (its library is the device library).
std::optional<std::string> dsl_headers_hash(const std::string& include_dir);

}  // namespace battc::runtime::jit
