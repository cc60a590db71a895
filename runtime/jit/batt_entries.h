// runtime/jit/batt_entries.h: the entry stage: the three functions every batt
// unit exports (and battc_eval_group, which only some have) (runtime/abi/batt_abi.h), looked up in a LoadedModule, with
// the unit's ABI version checked against the runtime's before anything runs.
#pragma once

#include "runtime/abi/batt_abi.h"
#include "runtime/jit/loaded_module.h"
#include "runtime/jit/result.h"

namespace battc::runtime::jit {

struct BattEntries {
  abi::InfoFn info_fn = nullptr;
  abi::PrologueFn prologue = nullptr;
  abi::EvalFn eval = nullptr;
  abi::EvalGroupFn eval_group = nullptr;  // units emitted with groups only
  const abi::BattInfo* info = nullptr;  // info_fn()'s answer, checked
};

// Errors are stage "entry": a missing symbol, a null info, or an ABI version
// other than abi::kAbiVersion (the unit was built for another runtime).
Result<BattEntries> find_batt_entries(const LoadedModule& module);

}  // namespace battc::runtime::jit
