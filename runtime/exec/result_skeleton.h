// runtime/exec/result_skeleton.h: the RunResult an execution fills, before any
// evaluation: the batt's programs, and per task its pairing mask and samples
// (records sized only where the task meets a program). Every executor starts
// from it, so their results have one shape.
#pragma once

#include <vector>

#include "runtime/abi/batt_abi.h"
#include "runtime/exec/exec_options.h"
#include "runtime/exec/run_result.h"
#include "runtime/tasks/task.h"

namespace battc::runtime {

RunResult result_skeleton(const abi::BattInfo& info, const std::vector<Task>& tasks, Pairing pairing);

// Whether the task meets at least one program (its samples are work items).
bool task_paired(const TaskResult& task);

}  // namespace battc::runtime
