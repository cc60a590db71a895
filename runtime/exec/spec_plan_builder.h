// runtime/exec/spec_plan_builder.h: a batt and its program groups as a spec
// plan (runtime/abi/spec_plan.h), the block the spec engine walks on the CPU
// and, copied as is, on a device. Building one compiles nothing: each node
// names the loaded specialization of its shape (runtime/abi/spec_abi.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "generator/ir/batt.h"
#include "runtime/abi/spec_abi.h"

namespace battc::runtime {

// The loaded spec of a key, or nullptr.
using SpecFinder = std::function<const abi::SpecEntry*(const std::string& key)>;

struct SpecPlan {
  std::vector<std::uint64_t> block;  // the plan's bytes (8-aligned), abi::SpecPlanHeader first
  // The function table the plan's ops index: each spec used, once. The host
  // calls each entry's fn; a device the __device__ twin of the same key.
  std::vector<const abi::SpecEntry*> fns;
  std::uint64_t prologue_bytes = 0;  // storage of a task's prologue (16-aligned)
  std::vector<std::vector<int>> groups;

  const void* data() const { return block.data(); }
  std::size_t bytes() const { return block.size() * sizeof(std::uint64_t); }
  // The host's table: each fns[i]->fn.
  std::vector<void*> host_functions() const;
};

// The plan of `batt`: the prologue, a phase per group of `groups` (each a
// list of program numbers in ascending order, at most abi::kMaxGroupPrograms;
// none is fine), and the whole batt. Throws battc::InternalError (a battc
// bug) when a spec is missing (callers load them first) or a limit of the
// plan's format is passed.
SpecPlan build_spec_plan(const generator::Batt& batt, const std::vector<std::vector<int>>& groups,
                         const SpecFinder& find);

}  // namespace battc::runtime
