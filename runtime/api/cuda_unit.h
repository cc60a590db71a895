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

// How many parts the main module of a batt's CUDA unit (prologue, tables,
// kernels; the program groups are modules of their own, runtime/jit/
// cuda_modules.h) is compiled as: one per 1000 values, at most one per
// hardware thread and at most 8. Measured on the 400 arc-dsl solvers (4107
// values, 732 of them per task): the main module took 14.8 s in 4 parts,
// 24.3 s in one; on 2 threads 2 parts beat 4 by 11% (each part parses the
// headers again; docs/runtime.md, "Modules of several groups").
int cuda_parts_for(const generator::Generated& g);

}  // namespace battc::runtime
