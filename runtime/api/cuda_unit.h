// runtime/api/cuda_unit.h: the CUDA translation unit of a generated batt, the
// one place it is taken from (battc compile --target cuda, the run API's GPU path).
#pragma once

#include <string>
#include <vector>

#include "generator/pipeline.h"

namespace battc::runtime {

// The CUDA unit over these program groups (generator::program_groups; the
// executor's work items follow the unit's); without, groups of
// kDefaultGroupPrograms (what `battc compile --target cuda` caches).
std::string cuda_unit_source(const generator::Generated& g, const std::vector<std::vector<int>>& groups);
std::string cuda_unit_source(const generator::Generated& g);

// How many NVRTC programs a batt's CUDA unit is compiled as: one per 1000
// values (about 10 chunk functions), at most 8, so that a large batt keeps
// every core busy while a small one pays the header parse only once.
int cuda_parts_for(const generator::Generated& g);

}  // namespace battc::runtime
