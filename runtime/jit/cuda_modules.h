// runtime/jit/cuda_modules.h: an emitted CUDA unit as the NVRTC programs the
// JIT compiles. Each program group's text (between its "// @BATTC:GROUP
// <name>" and "// @BATTC:GROUP_END" lines, generator/emit/emit_groups.h)
// names nothing of its batt, so with the unit's prelude (templates/
// cuda_unit.cu, up to "// @BATTC:PRELUDE_END") it is a program of its own
// whose text, and so whose cached cubin, is the same in every batt that
// groups those programs alike: a search round that changes one program
// compiles one group, not the batt. Several groups may also be compiled as
// one module (cuda_module_source): each NVRTC program parses the DSL headers
// and instantiates the DSL's templates again, which is most of a small
// group's compile. The unit itself, with -DBATTC_GROUP_BODIES=0, is the main
// module (tables, prologue, kernels).
#pragma once

#include <string>
#include <vector>

#include "runtime/jit/result.h"

namespace battc::runtime::jit {

struct CudaGroupModule {
  std::string name;  // the group's name (a hash of its text)
  std::string text;  // the group's State and function, its marker lines included
};

struct CudaGroupModules {
  std::string prelude;  // the unit up to its "// @BATTC:PRELUDE_END" line
  std::vector<CudaGroupModule> groups;  // in the unit's order
};

// The unit's program groups; none for a unit without groups. Stage "modules"
// error for a unit whose markers are malformed (a group without its end, or
// groups without the prelude's end).
Result<CudaGroupModules> cuda_group_modules(const std::string& unit_source);

// The NVRTC program of the groups `members` (indexes into m.groups, in the
// order given): the prelude and their texts.
std::string cuda_module_source(const CudaGroupModules& m, const std::vector<size_t>& members);

}  // namespace battc::runtime::jit
