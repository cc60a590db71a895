// runtime/api/cuda_unit.cpp
#include "runtime/api/cuda_unit.h"

#include <algorithm>

#include "generator/emit/emit_host.h"

namespace battc::runtime {

std::string cuda_unit_source(const generator::Generated& g) { return generator::emit_cuda_unit(g.batt); }

int cuda_parts_for(const generator::Generated& g) {
  int values = static_cast<int>(g.batt.nodes().size());
  return std::clamp(values / 1000, 1, 8);
}

}  // namespace battc::runtime
