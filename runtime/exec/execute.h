// runtime/exec/execute.h: the CPU executor. Runs a loaded batt over every
// sample of every task on a thread pool: one prologue per task, one
// battc_eval per (task, sample), and a program that ran out of budget in the
// batt is re-run alone with the whole arena before its `budget` is believed.
#pragma once

#include <stdexcept>
#include <vector>

#include "runtime/exec/batt_entry.h"
#include "runtime/exec/exec_options.h"
#include "runtime/exec/run_result.h"
#include "runtime/tasks/task.h"

namespace battc::runtime {

// A unit that cannot be run (missing entry point, other ABI version).
class ExecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws ExecError unless the unit has its entry points and this ABI version.
void check_batt_entry(const BattEntry& entry);

RunResult execute(const BattEntry& entry, const std::vector<Task>& tasks, const ExecOptions& options);

}  // namespace battc::runtime
