// runtime/exec/device_plan.h: the GPU executor's planning, as pure functions
// tested on the CPU: which cubin architecture a device runs, which tasks each
// device takes, and how a device's tasks and work items are cut into rounds
// and launches that fit its free memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace battc::runtime {

// The newest of `built` ("sm_75", "sm_90", ...) a device of compute
// capability major.minor runs: a cubin runs on its own major version at the
// same or a higher minor. nullopt when none does (e.g. sm_100 with only sm_90).
std::optional<std::string> cubin_arch_for(int cc_major, int cc_minor, const std::vector<std::string>& built);

// Tasks (items_per_task[t] work items each, in order) into one contiguous
// range [begin, end) per device, sized in proportion to `weights` (e.g. the
// devices' multiprocessor counts) by work items. A task goes to the device
// whose share holds its middle item; a device may get an empty range.
std::vector<std::pair<std::size_t, std::size_t>> split_tasks(const std::vector<std::size_t>& items_per_task,
                                                             const std::vector<double>& weights);

// The program groups as the eval kernel reads them (abi::CudaItem): group g
// is programs[start[g] .. start[g + 1]).
struct GroupTable {
  std::vector<int> start = {0};
  std::vector<int> programs;
  int max_size = 0;  // the ProgramOut row of an item
  std::size_t size() const { return start.size() - 1; }
};

// Checks that `groups` is a partition of 0 .. n_programs - 1 into groups of
// 1 .. abi::kMaxGroupPrograms programs (a battc bug otherwise: throws
// battc::InternalError). Empty `groups`: consecutive groups of
// kDefaultGroupPrograms.
constexpr int kDefaultGroupPrograms = 4;
GroupTable group_table(const std::vector<std::vector<int>>& groups, int n_programs);

// The group size that keeps a device busy: the largest (at most
// kLargestChosenGroup) whose items, samples x groups, still reach
// `threads_wanted`; 1 when even single programs do not. Smaller groups mean
// more threads but less shared work per thread, and a warp's threads stay
// together only while they run the same group's statements.
constexpr int kLargestChosenGroup = 16;
// Threads a launch should keep per multiprocessor: half of the 2,048 an SM
// of sm_80/sm_90 holds (the T4's hold 1,024), since a kernel this heavy in
// registers does not reach full occupancy.
constexpr std::uint64_t kThreadsWantedPerSm = 1024;
int choose_group_size(std::uint64_t samples, int programs, std::uint64_t threads_wanted);

// Device memory one run needs.
struct DeviceFootprint {
  std::uint64_t fixed_bytes = 0;     // resident for the whole run: packed tasks, want masks
  std::uint64_t per_task_bytes = 0;  // a task's prologue slot and its prologue arena
  std::uint64_t per_item_bytes = 0;  // a work item's arena slice, its ProgramOut row and CudaItem
};

struct MemoryPolicy {
  double margin = 0.10;                        // of free memory left unused...
  std::uint64_t reserve_bytes = 256ull << 20;  // ...and at least this much (driver, stacks, others)
  std::uint64_t max_items_per_launch = 1u << 20;
};

// A round: the prologue kernel over tasks [task_begin, task_end), then the
// eval kernel over each launch's item range (items numbered across the
// device's tasks in order; a round's items are exactly its tasks' items).
struct Round {
  std::size_t task_begin = 0, task_end = 0;
  std::vector<std::pair<std::size_t, std::size_t>> launches;
};

struct BatchPlan {
  std::vector<Round> rounds;
  std::uint64_t usable_bytes = 0;    // free memory less the margin and fixed bytes
  std::size_t max_round_tasks = 0;   // the buffers to allocate: prologue slots...
  std::size_t max_launch_items = 0;  // ...and item slots
  std::string error;                 // set when not even one task and one item fit
};

// Greedy: a round takes whole tasks while their prologues and all their items
// fit; a task whose items alone do not fit gets a round of its own whose
// items go in several launches over the same arena slices.
BatchPlan plan_batches(const std::vector<std::size_t>& items_per_task, const DeviceFootprint& need,
                       std::uint64_t free_bytes, const MemoryPolicy& policy = {});

}  // namespace battc::runtime
