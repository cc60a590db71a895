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

// Each region's text (templates: GROUP_TABLES, GROUP_CHUNKS, GROUP_ALLOC,
// GROUP_RUN, GROUP_RESULTS). `serial` numbers the chunk functions for
// BATTC_IN_PART, continuing the unit's count.
struct GroupParts {
  std::string tables, chunks, alloc, run, results;
};

// `groups` must be a partition of the programs (generator::program_groups),
// or empty: no groups (kGroups = 0, empty tables).
GroupParts emit_group_parts(const Batt& batt, const std::vector<std::vector<int>>& groups, int& serial);

}  // namespace battc::generator
