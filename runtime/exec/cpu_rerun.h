// runtime/exec/cpu_rerun.h: evaluations the GPU gives back (status `budget`
// on the device: its arena slice or the work budget ran out, or the item's
// state did not fit at all) evaluated again on the CPU with the CPU's larger
// arena, exactly as the CPU executor would: the sample's handed-back programs
// in one battc_eval, then any still out of budget alone. So no result is lost
// to the device's smaller memory, and the dump equals the CPU backend's.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/exec/batt_entry.h"
#include "runtime/exec/exec_options.h"
#include "runtime/exec/run_result.h"
#include "runtime/tasks/task.h"

namespace battc::runtime {

struct CpuRerun {
  std::uint32_t task = 0, sample = 0;  // indices into tasks / the task's samples (train, then test)
  std::vector<std::uint8_t> want;      // the programs to evaluate again
};

// Overwrites those records in `result` (whose tasks are `tasks`, in order)
// and adds the CPU's evaluations, calls and lone re-runs to its counts. Tasks
// are spread over opt.jobs threads; a task's prologue runs once.
void rerun_on_cpu(const BattEntry& host, const std::vector<Task>& tasks, const ExecOptions& opt,
                  const std::vector<CpuRerun>& reruns, RunResult& result);

}  // namespace battc::runtime
