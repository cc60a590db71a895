// runtime/cli/cuda_unit.h: the CUDA translation unit of a generated batt, the
// one place the CLI takes it from (compile --target cuda, run --backend cuda).
#pragma once

#include <string>

#include "generator/pipeline.h"

namespace battc::runtime {

std::string cuda_unit_source(const generator::Generated& g);

}  // namespace battc::runtime
