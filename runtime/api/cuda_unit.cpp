// runtime/api/cuda_unit.cpp
#include "runtime/api/cuda_unit.h"

#include <algorithm>
#include <thread>

#include "generator/emit/emit_host.h"
#include "generator/ir/program_groups.h"
#include "runtime/exec/device_plan.h"

namespace battc::runtime {

std::string cuda_unit_source(const generator::Generated& g, const std::vector<std::vector<int>>& groups) {
  generator::EmitOptions opt;
  opt.groups = groups;
  return generator::emit_cuda_unit(g.batt, opt);
}

std::string cuda_unit_source(const generator::Generated& g) {
  return cuda_unit_source(g, generator::program_groups(g.batt, kDefaultGroupPrograms));
}

int cuda_parts_for(const generator::Generated& g) {
  int values = static_cast<int>(g.batt.nodes().size());
  int threads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  return std::clamp(values / 1000, 1, std::min(8, threads));
}

}  // namespace battc::runtime
