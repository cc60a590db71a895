// runtime/jit/host_compiler.h: finds the system C++ compiler that builds host
// batt units: $CXX if set, else `c++` on PATH. Its identity (path, resolved
// path, first line of --version) goes into every cache key.
#pragma once

#include <string>

#include "runtime/jit/result.h"

namespace battc::runtime::jit {

struct HostCompiler {
  std::string path;  // what we run (argv[0]; keeps clang++ vs clang apart)
  std::string id;    // "<path> -> <realpath>: <first line of --version>"
};

// Probed once per ($CXX, $PATH) pair and remembered for the process; thread-safe.
// A missing or broken compiler is an error value (stage "probe") whose message
// says no C++ compiler was found and how to set $CXX.
Result<HostCompiler> probe_host_compiler();

}  // namespace battc::runtime::jit
