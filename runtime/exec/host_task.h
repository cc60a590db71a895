// runtime/exec/host_task.h: a task's grids as DSL values, built once before
// execution. The cells live in one buffer owned by the HostTask, so the
// dsl::Grid handles stay valid for as long as it does (it is not copyable).
#pragma once

#include <vector>

#include "runtime/abi/batt_abi.h"
#include "runtime/tasks/task.h"

namespace battc::runtime {

class HostTask {
 public:
  explicit HostTask(const Task& task);
  HostTask(const HostTask&) = delete;
  HostTask& operator=(const HostTask&) = delete;
  HostTask(HostTask&&) = default;

  const abi::TaskIn& task_in() const { return task_in_; }
  // Train samples first, then test samples.
  const std::vector<abi::SampleIn>& samples() const { return samples_; }
  std::size_t n_train() const { return train_in_.size(); }

 private:
  dsl::Grid add(const GridData& g);

  std::vector<dsl::Int> cells_;
  std::vector<dsl::Grid> train_in_, train_out_;
  std::vector<abi::SampleIn> samples_;
  abi::TaskIn task_in_{};
};

}  // namespace battc::runtime
