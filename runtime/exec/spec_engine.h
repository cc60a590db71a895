// runtime/exec/spec_engine.h: a batt run as data. Its plan
// (runtime/exec/spec_plan_builder.h) names, per value, the cached
// specialization of its statement shape (runtime/abi/spec_abi.h) and its
// operands' slots; the walk (runtime/abi/spec_walk.h) does what the
// whole-batt unit's code does (templates/host_unit.cpp: the S-only values
// once per task, the others per sample where a wanted program needs them, a
// program's status from its first failing statement), so its results equal
// the unit's. It serves the same BattEntry, so the executors, the budget
// re-runs and scoring are shared; with program groups it also serves the
// GPU executor's items (BattEntry::eval_group), by the very walk and plan a
// device runs. Building one costs no compile: only the specs must be loaded.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "generator/ir/batt.h"
#include "runtime/abi/spec_abi.h"
#include "runtime/exec/batt_entry.h"
#include "runtime/exec/spec_plan_builder.h"

namespace battc::runtime {

class SpecEngine {
 public:
  // Resolves every node of `batt` through `find`; `keep_alive` owns what the
  // found specs live in (the spec library). `groups` (program numbers, each
  // group ascending, at most 64) are the GPU executor's work items' groups;
  // none: eval_group is not offered. Throws battc::InternalError (a battc
  // bug) when a spec is missing: the caller ensures them first.
  static std::shared_ptr<const SpecEngine> build(const generator::Batt& batt, const SpecFinder& find,
                                                 std::shared_ptr<const void> keep_alive,
                                                 const std::vector<std::vector<int>>& groups = {});

  // Entry points bound to this engine (they keep it alive).
  BattEntry entry() const;
  const abi::BattInfo& info() const { return info_; }
  const SpecPlan& plan() const { return plan_; }

 private:
  SpecEngine() = default;

  SpecPlan plan_;
  std::vector<void*> fns_;  // the plan's function table on the host
  std::vector<std::string> names_;
  std::vector<const char*> name_ptrs_;
  std::vector<dsl::u8> differ_;
  std::vector<int> group_start_, group_programs_;
  abi::BattInfo info_{};
  std::shared_ptr<const void> keep_alive_;
  std::weak_ptr<const SpecEngine> self_;
};

}  // namespace battc::runtime
