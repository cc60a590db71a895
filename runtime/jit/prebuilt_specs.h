// runtime/jit/prebuilt_specs.h: spec packs built ahead of time and shipped
// with battc (the wheel's lib/battc/specs/), so a machine with no C++
// compiler runs every program whose statement shapes they cover. Their
// folder is keyed by what a pack's code depends on and the loader checks,
// never by a compiler: the spec ABI, the unit ABI and the DSL runtime's
// content. The cache's spec folders (spec_library.h) hash the compiler too,
// because they are written by whatever compiler is here; prebuilt packs are
// read by a process that may have none, and a pack's code reaches the
// runtime only through the spec ABI's C functions over trivially copyable
// values (runtime/abi/spec_abi.h), which every x86-64 Linux compiler lays
// out alike. The folder is read only: never written, touched or evicted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/jit/dsl_runtime_paths.h"

namespace battc::runtime::jit {

// The folder name under the root for this DSL runtime.
std::string prebuilt_specs_key(const DslRuntime& rt);

// The root holding one folder per key: `configured` when given ("" = none),
// else $BATTC_PREBUILT_SPECS_DIR when set, else <prefix>/lib/battc/specs.
std::string prebuilt_specs_root(const std::optional<std::string>& configured = std::nullopt);

// <root>/<key>; "" when there is no root.
std::string prebuilt_specs_dir(const DslRuntime& rt, const std::optional<std::string>& configured = std::nullopt);

// The pack files (*.so) of a folder, sorted (the same first-wins order in
// every process); empty when the folder is missing.
std::vector<std::string> pack_files(const std::string& dir);

}  // namespace battc::runtime::jit
