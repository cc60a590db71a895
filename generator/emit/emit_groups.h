// generator/emit/emit_groups.h: a batt's program groups as emitted code: per
// group, a State holding only the values its programs need per sample (in
// slots), a function computing them, and tables in group-local slots. The
// GPU's work items are (sample, group): a thread allocates its group's State,
// not the whole batt's. The CUDA unit is made of these; the host unit gets
// them too when asked (EmitOptions::groups), so that the CPU tests run the
// very statements the GPU runs (templates/*: battc_eval_group).
#pragma once

#include <string>
#include <vector>

#include "generator/ir/batt.h"

namespace battc::generator {

// Each region's text (templates: GROUP_TABLES, GROUP_CHUNKS, GROUP_IMPORTS
// (group_imports' cases), GROUP_ALLOC, GROUP_RUN, GROUP_RESULTS).
//
// A group's State and function (in GROUP_CHUNKS, between the lines
// "// @BATTC:GROUP <name>" and "// @BATTC:GROUP_END") name nothing outside
// the group: no Prologue, no node numbers, no group index. Its name is a
// hash of its text, so the same programs grouped alike in another batt give
// the same text, which the CUDA JIT compiles and caches on its own
// (runtime/jit/cuda_modules.h); its body is under BATTC_GROUP_BODY(name),
// which the templates define.
struct GroupParts {
  std::string tables, chunks, imports, alloc, run, results;
};

// `groups` must be a partition of the programs (generator::program_groups),
// or empty: no groups (kGroups = 0, empty tables).
GroupParts emit_group_parts(const Batt& batt, const std::vector<std::vector<int>>& groups);

}  // namespace battc::generator
