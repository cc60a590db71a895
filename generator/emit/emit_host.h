// generator/emit/emit_host.h: a batt as a host C++ translation unit, from
// templates/host_unit.cpp. Only node numbers, validated primitive names,
// types built from the type table and resolved constants reach the text.
#pragma once

#include <string>

#include "generator/ir/batt.h"

namespace battc::generator {

struct EmitOptions {
  int chunk_size = 96;  // statements per emitted function (compile time grows with function size)
};

std::string emit_host_unit(const Batt& batt, const EmitOptions& options = {});
// The same batt as a CUDA unit (templates/cuda_unit.cu) for NVRTC: the same
// emitted statements, run by one thread per (task, sample) work item.
std::string emit_cuda_unit(const Batt& batt, const EmitOptions& options = {});

// What both units are made of: each region's text.
struct UnitParts {
  std::string tables, names, prologue_fields, state_fields, chunks, prologue_calls, sample_calls, results;
};
UnitParts emit_unit_parts(const Batt& batt, const EmitOptions& options);

// The template's text with region `name` replaced (exposed for tests).
std::string fill_template_region(const std::string& text, const std::string& name, const std::string& body);

}  // namespace battc::generator
