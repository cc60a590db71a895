// runtime/exec/batt_entry.h: the entry points of a loaded batt unit, as the
// JIT (runtime/jit) hands them to the executors. Plain pointers: whoever
// loaded the unit keeps it loaded while an executor runs.
#pragma once

#include "runtime/abi/batt_abi.h"

namespace battc::runtime {

struct BattEntry {
  const abi::BattInfo* info = nullptr;
  abi::PrologueFn prologue = nullptr;
  abi::EvalFn eval = nullptr;
};

}  // namespace battc::runtime
