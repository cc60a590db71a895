// runtime/exec/work_items.h: the GPU executor's work items, as a pure
// function the executor and `battc run --dry-run` share: per sample of each
// task, one item per program group with a program asked there, its mask the
// group's programs paired with that very sample.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/abi/batt_abi.h"
#include "runtime/exec/device_plan.h"
#include "runtime/exec/run_result.h"

namespace battc::runtime {

// A work item as the host sees it: a group's asked programs on one sample.
struct ItemRef {
  std::uint32_t task = 0;    // index into the tasks given to make_work_items
  std::uint32_t sample = 0;  // the task's sample (train, then test)
  std::uint32_t group = 0;
  std::uint64_t mask = 0;    // bit k: the group's k-th program is asked
  bool keep_texts = false;   // the sample's values are kept as dump text
};

struct WorkItems {
  std::vector<ItemRef> items;               // by task, then group, then sample
  std::vector<std::size_t> items_per_task;  // what plan_batches takes
  std::vector<std::uint8_t> task_encode;    // per task: some sample keeps texts
  std::uint64_t evaluations = 0;            // asked (sample, program) pairs
};

// `tasks`: the skeleton results of the tasks (their want masks and samples).
// Texts are kept as the CPU executor keeps them: for a sample with asked
// programs, when dumping or when one of them is a differ.
WorkItems make_work_items(const abi::BattInfo& info, const std::vector<const TaskResult*>& tasks,
                          const GroupTable& groups, bool dump);

}  // namespace battc::runtime
