// runtime/exec/batt_entry.h: the entry points of a batt as the executors
// call them: a loaded unit's exported functions (runtime/jit), or the spec
// engine's (runtime/exec/spec_engine.h) bound to the engine. Whoever made
// the entry keeps what it points into alive while an executor runs (a
// bound engine keeps itself alive).
#pragma once

#include <functional>

#include "runtime/abi/batt_abi.h"

namespace battc::runtime {

struct BattEntry {
  const abi::BattInfo* info = nullptr;
  // abi::PrologueFn's and abi::EvalFn's contracts. Called once per task and
  // once per sample, so the indirection costs nothing measurable.
  std::function<void(const abi::TaskIn*, dsl::Ctx*, void*)> prologue;
  std::function<void(const abi::TaskIn*, const void*, const abi::SampleIn*, dsl::Ctx*, const dsl::u8*,
                     abi::ProgramOut*, int)>
      eval;
  // abi::EvalGroupFn's: one GPU work item (a group's asked programs on one
  // sample) on the host. Empty unless the batt was built with program groups
  // (a unit emitted with them, a spec engine given them).
  std::function<void(const void*, const abi::SampleIn*, dsl::Ctx*, int, unsigned long long, abi::ProgramOut*, int)>
      eval_group;
};

}  // namespace battc::runtime
