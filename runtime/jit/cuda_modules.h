// runtime/jit/cuda_modules.h: an emitted CUDA unit as the NVRTC programs the
// JIT compiles. Each program group's text (between its "// @BATTC:GROUP
// <name>" and "// @BATTC:GROUP_END" lines, generator/emit/emit_groups.h)
// names nothing of its batt, so with the unit's prelude (templates/
// cuda_unit.cu, up to "// @BATTC:PRELUDE_END") it is a program of its own
// whose text, and so whose cached cubin, is the same in every batt that
// groups those programs alike: a search round that changes one program
// compiles one group, not the batt. The unit itself, with
// -DBATTC_GROUP_BODIES=0, is the main module (tables, prologue, kernels).
#pragma once

#include <string>
#include <vector>

#include "runtime/jit/result.h"

namespace battc::runtime::jit {

struct CudaGroupModule {
  std::string name;    // the group's name (a hash of its text)
  std::string source;  // prelude + the group's State and function
};

// The unit's group modules, in the unit's order; none for a unit without
// groups. Stage "modules" error for a unit whose markers are malformed
// (a group without its end, or groups without the prelude's end).
Result<std::vector<CudaGroupModule>> cuda_group_modules(const std::string& unit_source);

}  // namespace battc::runtime::jit
