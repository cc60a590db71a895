// runtime/exec/device_plan.cpp: arithmetic only; no driver, no memory.
#include "runtime/exec/device_plan.h"
#include "generator/diag/internal_error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "runtime/abi/batt_abi.h"

namespace battc::runtime {

namespace {

// "sm_90" -> 90; -1 when malformed.
int arch_number(const std::string& arch) {
  if (arch.rfind("sm_", 0) != 0 || arch.size() < 5) return -1;
  int v = -1;
  auto [p, ec] = std::from_chars(arch.data() + 3, arch.data() + arch.size(), v);
  return ec == std::errc() && p == arch.data() + arch.size() ? v : -1;
}

std::string mib(std::uint64_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB"; }

}  // namespace

std::optional<std::string> cubin_arch_for(int cc_major, int cc_minor, const std::vector<std::string>& built) {
  std::optional<std::string> best;
  int best_v = -1;
  for (const std::string& a : built) {
    int v = arch_number(a);
    if (v < 0 || v / 10 != cc_major || v % 10 > cc_minor || v <= best_v) continue;
    best_v = v;
    best = a;
  }
  return best;
}

GroupTable group_table(const std::vector<std::vector<int>>& groups, int n_programs) {
  GroupTable t;
  auto add = [&](const std::vector<int>& g) {
    if (g.empty() || g.size() > std::size_t(abi::kMaxGroupPrograms))
      battc::internal_error("a program group of " + std::to_string(g.size()) + " programs");
    t.programs.insert(t.programs.end(), g.begin(), g.end());
    t.start.push_back(int(t.programs.size()));
    t.max_size = std::max(t.max_size, int(g.size()));
  };
  if (groups.empty()) {
    for (int p = 0; p < n_programs; p += kDefaultGroupPrograms) {
      std::vector<int> g;
      for (int q = p; q < std::min(n_programs, p + kDefaultGroupPrograms); ++q) g.push_back(q);
      add(g);
    }
    return t;
  }
  std::vector<char> seen(std::size_t(std::max(n_programs, 0)), 0);
  for (const auto& g : groups) {
    for (int p : g) {
      if (p < 0 || p >= n_programs || seen[std::size_t(p)])
        battc::internal_error("program groups are not a partition of the batt's programs");
      seen[std::size_t(p)] = 1;
    }
    add(g);
  }
  if (int(t.programs.size()) != n_programs)
    battc::internal_error("program groups leave programs out");
  return t;
}

int choose_group_size(std::uint64_t samples, int programs, std::uint64_t threads_wanted) {
  for (int size = kLargestChosenGroup; size > 1; --size) {
    std::uint64_t groups = (std::uint64_t(std::max(programs, 0)) + size - 1) / size;
    if (samples * groups >= threads_wanted) return size;
  }
  return 1;
}

std::vector<std::pair<std::size_t, std::size_t>> split_tasks(const std::vector<std::size_t>& items_per_task,
                                                             const std::vector<double>& weights) {
  std::size_t n_dev = weights.size();
  std::vector<std::pair<std::size_t, std::size_t>> out(n_dev, {0, 0});
  if (n_dev == 0) return out;
  double total_w = 0;
  for (double w : weights) total_w += std::max(w, 0.0);
  double total_items = 0;
  for (std::size_t n : items_per_task) total_items += double(n);
  // Device d's share of the items ends at ends[d].
  std::vector<double> ends(n_dev);
  double acc = 0;
  for (std::size_t d = 0; d < n_dev; ++d) {
    acc += total_w > 0 ? std::max(weights[d], 0.0) / total_w : 1.0 / double(n_dev);
    ends[d] = acc * total_items;
  }
  ends.back() = total_items + 1;  // rounding never leaves a task out
  std::size_t d = 0, t = 0;
  double before = 0;  // items of the tasks already placed
  std::size_t begin = 0;
  for (; t < items_per_task.size(); ++t) {
    double middle = before + double(items_per_task[t]) / 2;
    while (d + 1 < n_dev && middle >= ends[d]) {
      out[d] = {begin, t};
      begin = t;
      ++d;
    }
    before += double(items_per_task[t]);
  }
  out[d] = {begin, items_per_task.size()};
  for (std::size_t rest = d + 1; rest < n_dev; ++rest) out[rest] = {items_per_task.size(), items_per_task.size()};
  return out;
}

BatchPlan plan_batches(const std::vector<std::size_t>& items_per_task, const DeviceFootprint& need,
                       std::uint64_t free_bytes, const MemoryPolicy& policy) {
  BatchPlan plan;
  std::uint64_t keep = std::max<std::uint64_t>(std::uint64_t(double(free_bytes) * policy.margin), policy.reserve_bytes);
  std::uint64_t smallest = need.fixed_bytes + need.per_task_bytes + need.per_item_bytes;
  if (free_bytes < keep || free_bytes - keep < smallest) {
    plan.error = "not enough free device memory: " + mib(free_bytes) + " free, " + mib(keep) +
                 " kept back, and the tasks plus one task's prologue and one evaluation need " + mib(smallest);
    return plan;
  }
  plan.usable_bytes = free_bytes - keep - need.fixed_bytes;
  const std::uint64_t usable = plan.usable_bytes;
  const std::uint64_t per_item = std::max<std::uint64_t>(need.per_item_bytes, 1);
  const std::uint64_t max_launch = std::max<std::uint64_t>(policy.max_items_per_launch, 1);
  std::size_t item = 0;
  for (std::size_t t = 0, n = items_per_task.size(); t < n;) {
    Round r;
    r.task_begin = t;
    std::uint64_t tasks = 0, items = 0;
    while (t < n && (tasks + 1) * need.per_task_bytes + (items + items_per_task[t]) * per_item <= usable) {
      items += items_per_task[t];
      ++tasks;
      ++t;
    }
    if (tasks == 0) {  // one task whose items do not fit at once
      items = items_per_task[t];
      tasks = 1;
      ++t;
    }
    r.task_end = t;
    std::uint64_t cap = std::min((usable - tasks * need.per_task_bytes) / per_item, max_launch);
    for (std::uint64_t done = 0; done < items;) {
      std::uint64_t k = std::min(cap, items - done);
      r.launches.emplace_back(item + done, item + done + k);
      plan.max_launch_items = std::max<std::size_t>(plan.max_launch_items, k);
      done += k;
    }
    item += items;
    plan.max_round_tasks = std::max<std::size_t>(plan.max_round_tasks, tasks);
    plan.rounds.push_back(std::move(r));
  }
  return plan;
}

}  // namespace battc::runtime
