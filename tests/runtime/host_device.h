// tests/runtime/host_device.h: a stand-in Device for tests on machines
// without a GPU. Its "device memory" is host memory and its kernels run a
// host unit's entry points in a loop, under the CUDA kernels' exact contract
// (templates/cuda_unit.cu: slices arena + i * arena_bytes, prologue slots
// prologues + t * stride, group tables, out_stride outs per item), so the
// GPU executor's planning, packing, relocation, copy-back and CPU fallback
// all run for real. It records its launches for the tests to look at.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "runtime/exec/batt_entry.h"
#include "runtime/exec/device.h"

namespace battc::test {

class HostDevice : public runtime::Device {
 public:
  // With eval_group (a unit emitted with groups: jit::BattEntries::eval_group;
  // by default the unit's own BattEntry::eval_group, a spec engine's built
  // with groups) the items run that group code, as the CUDA kernels do, in
  // the unit's groups; without, the whole-batt battc_eval asks the item's
  // programs, in the groups set_groups gives (default: consecutive groups).
  HostDevice(const runtime::BattEntry& unit, std::uint64_t memory_bytes, std::string name = "host stand-in",
             decltype(runtime::BattEntry::eval_group) eval_group = {})
      : unit_(unit), eval_group_(eval_group ? eval_group : unit.eval_group), memory_(memory_bytes),
        name_(std::move(name)) {
    const abi::BattInfo& info = *unit.info;
    std::vector<std::vector<int>> groups;
    if (eval_group_)
      for (int g = 0; g < info.n_groups; ++g)
        groups.emplace_back(info.group_programs + info.group_start[g], info.group_programs + info.group_start[g + 1]);
    groups_ = runtime::group_table(groups, info.n_programs);
  }
  void set_groups(const std::vector<std::vector<int>>& groups) {
    if (eval_group_) throw std::logic_error("the unit's groups are fixed");
    groups_ = runtime::group_table(groups, unit_.info->n_programs);
  }
  ~HostDevice() override {
    for (auto& [p, n] : live_) std::free(reinterpret_cast<void*>(p));
  }

  std::string name() const override { return name_; }
  void bind_thread() override {}
  std::uint64_t free_bytes() override { return memory_ > used_ ? memory_ - used_ : 0; }
  runtime::DevPtr alloc(std::uint64_t bytes) override {
    if (bytes > free_bytes()) throw std::runtime_error(name_ + ": out of memory");
    void* p = std::aligned_alloc(256, (bytes + 255) / 256 * 256);
    if (!p) throw std::runtime_error("aligned_alloc");
    std::memset(p, 0xA5, bytes);  // garbage, as fresh device memory may hold
    used_ += bytes;
    live_[reinterpret_cast<runtime::DevPtr>(p)] = bytes;
    return reinterpret_cast<runtime::DevPtr>(p);
  }
  void free(runtime::DevPtr p) override {
    auto it = live_.find(p);
    if (it == live_.end()) throw std::runtime_error("free of memory never allocated");
    used_ -= it->second;
    live_.erase(it);
    std::free(reinterpret_cast<void*>(p));
  }
  void upload(runtime::DevPtr dst, const void* src, std::uint64_t bytes) override {
    check_range(dst, bytes);
    std::memcpy(reinterpret_cast<void*>(dst), src, bytes);
  }
  void download(void* dst, runtime::DevPtr src, std::uint64_t bytes) override {
    check_range(src, bytes);
    std::memcpy(dst, reinterpret_cast<const void*>(src), bytes);
    downloads.push_back(bytes);
  }
  std::uint64_t prologue_bytes() const override { return unit_.info->prologue_bytes; }
  int n_programs() const override { return programs_override >= 0 ? programs_override : unit_.info->n_programs; }
  runtime::GroupTable group_table() const override { return groups_; }

  void prologue_kernel(const runtime::PrologueLaunch& l) override {
    prologue_launches.push_back(l.n_tasks);
    auto* tasks = reinterpret_cast<const abi::TaskIn*>(l.tasks);
    for (int t = 0; t < l.n_tasks; ++t) {
      dsl::Ctx c(reinterpret_cast<dsl::u8*>(l.arena) + std::uint64_t(t) * l.arena_bytes, l.arena_bytes, l.work);
      unit_.prologue(&tasks[t], &c, reinterpret_cast<dsl::u8*>(l.prologues) + std::uint64_t(t) * l.stride);
    }
  }
  void eval_kernel(const runtime::EvalLaunch& l) override {
    eval_launches.push_back(l.n_items);
    int n = unit_.info->n_programs;
    auto* items = reinterpret_cast<const abi::CudaItem*>(l.items);
    const int* start = groups_.start.data();
    const int* programs = groups_.programs.data();
    std::vector<dsl::u8> want(n);
    std::vector<abi::ProgramOut> all(n);
    for (int i = 0; i < l.n_items; ++i) {
      const abi::CudaItem& item = items[i];
      const int* group = programs + start[item.group];
      const int size = start[item.group + 1] - start[item.group];
      dsl::Ctx c(reinterpret_cast<dsl::u8*>(l.arena) + std::uint64_t(i) * l.arena_bytes, l.arena_bytes, l.work);
      if (l.item_work > 0) c.item_work_left = l.item_work;  // as battc_eval_kernel
      const void* prologue = reinterpret_cast<const dsl::u8*>(l.prologues) + std::uint64_t(item.task) * l.stride;
      auto* out = reinterpret_cast<abi::ProgramOut*>(l.outs) + std::uint64_t(i) * l.out_stride;
      items_run.push_back(item);
      if (eval_group_) {
        eval_group_(prologue, &item.sample, &c, item.group, item.mask, out, l.encode);
        continue;
      }
      std::fill(want.begin(), want.end(), 0);
      for (int k = 0; k < size; ++k) want[group[k]] = (item.mask >> k & 1) != 0;
      // The kernel passes no TaskIn to a sample's evaluation (the prologue
      // holds what depends on the task), so neither does the stand-in; the
      // host unit writes a row of every program, the kernel the group's.
      unit_.eval(nullptr, prologue, &item.sample, &c, want.data(), all.data(), l.encode);
      for (int k = 0; k < size; ++k) out[k] = all[group[k]];
    }
  }

  std::vector<int> prologue_launches, eval_launches;  // tasks / items per launch
  std::vector<abi::CudaItem> items_run;               // every item, in launch order
  std::vector<std::uint64_t> downloads;               // bytes per download
  int programs_override = -1;                         // report another program count

 private:
  // Every copy must stay inside one allocation, as on a device.
  void check_range(runtime::DevPtr p, std::uint64_t n) const {
    auto it = live_.upper_bound(p);
    if (it == live_.begin()) throw std::runtime_error("copy outside device memory");
    --it;
    if (p + n > it->first + it->second) throw std::runtime_error("copy past the end of an allocation");
  }

  const runtime::BattEntry& unit_;
  decltype(runtime::BattEntry::eval_group) eval_group_;
  runtime::GroupTable groups_;
  std::uint64_t memory_, used_ = 0;
  std::string name_;
  std::map<runtime::DevPtr, std::uint64_t> live_;
};

}  // namespace battc::test
