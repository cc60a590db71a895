// runtime/exec/host_task.cpp: copies a loaded task's grids into one buffer
// and points dsl::Grid handles at it.
#include "runtime/exec/host_task.h"

namespace battc::runtime {

namespace {

std::size_t cells_of(const Task& task) {
  std::size_t n = 0;
  for (const auto* samples : {&task.train, &task.test})
    for (const Sample& s : *samples) {
      n += s.input.cells.size();
      if (s.output) n += s.output->cells.size();
    }
  return n;
}

}  // namespace

HostTask::HostTask(const Task& task) {
  cells_.reserve(cells_of(task));  // no reallocation below: the handles stay valid
  for (const Sample& s : task.train) {
    train_in_.push_back(add(s.input));
    train_out_.push_back(add(*s.output));
    samples_.push_back(abi::SampleIn{train_in_.back(), train_out_.back(), 1});
  }
  for (const Sample& s : task.test) {
    dsl::Grid in = add(s.input);
    dsl::Grid out = s.output ? add(*s.output) : dsl::Grid{};
    samples_.push_back(abi::SampleIn{in, out, s.output ? 1 : 0});
  }
  task_in_ = abi::TaskIn{train_in_.data(), train_out_.data(), dsl::i32(train_in_.size())};
}

dsl::Grid HostTask::add(const GridData& g) {
  const dsl::Int* start = cells_.data() + cells_.size();
  cells_.insert(cells_.end(), g.cells.begin(), g.cells.end());
  return dsl::Grid{start, g.h, g.w};
}

}  // namespace battc::runtime
