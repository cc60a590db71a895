// runtime/exec/record_output.h: turns one ProgramOut into the compact
// EvalRecord, copying out of the arena whatever must outlive it (a test
// sample's grid, deduplicated per sample; the value's dump text).
#pragma once

#include "runtime/abi/batt_abi.h"
#include "runtime/exec/run_result.h"

namespace battc::runtime {

GridData to_grid_data(const dsl::Grid& g);

// The index of a grid equal to g (whose hash is `hash`: record_output
// computes it once for this and for EvalRecord::hash) in `sample.grids`,
// appending a copy if none is.
int intern_grid(SampleResult& sample, const dsl::Grid& g, std::uint64_t hash);

// Writes program p's record of `sample` (its texts too when they are kept).
// With `stats_of` (the sample's input, ExecOptions::grid_stats), a grid's
// hash and its cells equal to the known output are recorded too.
void record_output(const abi::ProgramOut& out, int p, SampleResult& sample, bool keep_text, bool rerun,
                   const abi::SampleIn* stats_of = nullptr);

}  // namespace battc::runtime
