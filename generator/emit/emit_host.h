// generator/emit/emit_host.h: a batt as a host C++ translation unit, from
// templates/host_unit.cpp. Only node numbers, validated primitive names,
// types built from the type table and resolved constants reach the text.
#pragma once

#include <string>

#include "generator/ir/batt.h"

namespace battc::generator {

struct EmitOptions {
  int chunk_size = 96;  // statements per emitted function (compile time grows with function size)
  // Program groups (generator::program_groups) to emit as group States and
  // functions (generator/emit/emit_groups.h); the CUDA unit needs them.
  std::vector<std::vector<int>> groups;
};

// The whole batt for the CPU engine, plus battc_eval_group over
// options.groups when there are any (what the CPU tests of the GPU run).
std::string emit_host_unit(const Batt& batt, const EmitOptions& options = {});
// The batt as a CUDA unit (templates/cuda_unit.cu) for NVRTC: the prologue's
// statements and each group's (options.groups, which must not be empty), run
// by one thread per (sample, group) work item.
std::string emit_cuda_unit(const Batt& batt, const EmitOptions& options);

// What the units are made of: each region's text. whole_batt: the State of
// every per-sample value and the functions computing them (the host unit's
// battc_eval); the prologue's are always there.
struct UnitParts {
  std::string tables, names, prologue_fields, state_fields, chunks, prologue_calls, sample_calls, results;
  std::string group_tables, group_chunks, group_imports, group_alloc, group_run, group_results;
};
UnitParts emit_unit_parts(const Batt& batt, const EmitOptions& options, bool whole_batt = true);

// The template's text with region `name` replaced (exposed for tests).
std::string fill_template_region(const std::string& text, const std::string& name, const std::string& body);

}  // namespace battc::generator
