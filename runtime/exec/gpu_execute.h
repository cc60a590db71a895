// runtime/exec/gpu_execute.h: the GPU executor (DESIGN.md step 8). The tasks
// are split over the devices; on each, the tasks go up packed in one buffer
// and run in rounds sized from free memory: the prologue kernel once per
// task, the eval kernel over the round's (sample, program group) work items,
// one thread and one arena slice each, asking only the programs paired with
// that sample. ProgramOut comes back; grids and texts
// only where the results keep them. Evaluations that end in `budget` on the
// device are evaluated again on the CPU with the host unit of the same batt,
// so the RunResult (and the dump) is the CPU executor's.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/exec/batt_entry.h"
#include "runtime/exec/device.h"
#include "runtime/exec/device_plan.h"
#include "runtime/exec/exec_options.h"
#include "runtime/exec/run_result.h"
#include "runtime/tasks/task.h"

namespace battc::runtime {

struct GpuExecOptions {
  // Arena of one evaluation and of one task's prologue on the device; each is
  // capped at ExecOptions::arena_bytes, so the device never keeps a value the
  // CPU would have run out of memory for.
  // Measured on the stand-in device (docs/runtime.md "Work items and
  // arenas"): of arc-dsl's 400 solvers x the first 40 ARC-AGI-1 training
  // tasks (66,000 evaluations in groups of 3), 5.7% need more than 64 KiB
  // and go back to the CPU, 1.14% more than 384 KiB, 1.01% more than 448
  // KiB, 0.93% more than 512 KiB. Small arenas are what let 100,000 items
  // share a device: 448 KiB puts ARC-AGI-1 training x those solvers in one
  // launch on an H100.
  std::uint64_t item_arena_bytes = 448 * 1024;
  std::uint64_t prologue_arena_bytes = 4 * kMiB;
  // Work units one item (a program group on a sample) may spend on the
  // device over all its statements; 0: no cap. An item that passes it ends
  // its statements in `budget`, and the CPU evaluates them again with only
  // the per-statement budget (ExecOptions::work_budget), so results are the
  // same with any cap. One launch runs as long as its slowest threads, and a
  // GPU thread's serial work is far slower than a CPU core's: on an H200 the
  // 400 solvers' cross product (one launch of 137,440 items) ran its device
  // part in 19.2 s uncapped, 18.3 s at 4,000,000, 11.3 s at 250,000, 4.5 s
  // at 60,000 (3.4% of evaluations to the CPU), 0.9 s at 5,000 (24%: the
  // CPU then does most of the work); docs/runtime.md, "The GPU check:
  // measured".
  static constexpr std::int64_t kDefaultItemWork = 60'000;
  std::int64_t item_work = kDefaultItemWork;
  MemoryPolicy memory;
};

// What a device needs for a run (the executor's allocations, which
// `--dry-run` plans with): the prologue slot stride and the two arena slices,
// 16-aligned, both arenas capped at the CPU's (cpu_arena_bytes); and the
// footprint: the packed tasks; per task its slot and prologue arena; per item
// its arena slice, ProgramOut row (the largest group) and CudaItem.
struct DeviceSizes {
  std::uint64_t stride = 0, item_arena = 0, prologue_arena = 0;
  DeviceFootprint footprint;
};
DeviceSizes device_sizes(const GpuExecOptions& gpu, std::uint64_t cpu_arena_bytes, std::uint64_t prologue_bytes,
                         std::uint64_t image_bytes, int largest_group);

struct GpuRunStats {
  std::size_t devices = 0, rounds = 0, launches = 0, items = 0;
  std::uint64_t fallback_evaluations = 0;  // (sample, program) pairs given back to the CPU
  std::uint64_t fallback_samples = 0;
  std::uint64_t bytes_up = 0, bytes_down = 0;
  double device_seconds = 0;  // summed over devices: kernels and copies
  double cpu_seconds = 0;     // the CPU re-runs
};

// `host` is the same batt's host unit (program names, pairing, CPU re-runs);
// every device holds its CUDA unit. ExecOptions as for execute(): pairing,
// work budget, the CPU arena (re-runs), dump, jobs (re-runs), progress.
RunResult execute_on_devices(const std::vector<Device*>& devices, const BattEntry& host, const std::vector<Task>& tasks,
                             const ExecOptions& options, const GpuExecOptions& gpu, GpuRunStats* stats = nullptr);

}  // namespace battc::runtime
