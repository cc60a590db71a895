// runtime/exec/device_image.h: the tasks a device runs, packed into one
// buffer so they go up in one copy: every grid's cells, each task's train
// grid arrays, the TaskIn array the prologue kernel reads, and each sample's
// SampleIn the work items copy. Pointers inside are stored as offsets from
// the buffer's start and listed, so the same bytes serve any device address:
// relocated(base) adds the address where the buffer lands. The layouts are
// the ABI structs' own (host and NVPTX are both LP64).
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/abi/batt_abi.h"
#include "runtime/tasks/task.h"

namespace battc::runtime {

struct DeviceImage {
  std::vector<unsigned char> bytes;
  std::vector<std::uint64_t> pointer_slots;         // offsets of pointer fields holding an offset
  std::uint64_t tasks_offset = 0;                   // abi::TaskIn[n_tasks], in the given order
  std::vector<std::vector<std::uint64_t>> samples;  // per task, per sample (train, then test): its SampleIn

  // The bytes with every listed pointer moved to `base` + its offset.
  std::vector<unsigned char> relocated(std::uint64_t base) const;
  // A SampleIn (pointers as they are in `image`, e.g. relocated bytes).
  static abi::SampleIn sample_in(const std::vector<unsigned char>& image, std::uint64_t offset);
};

DeviceImage pack_device_image(const std::vector<const Task*>& tasks);

}  // namespace battc::runtime
