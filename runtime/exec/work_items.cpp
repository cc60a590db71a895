// runtime/exec/work_items.cpp
#include "runtime/exec/work_items.h"

#include <bit>

#include "runtime/exec/want_mask.h"

namespace battc::runtime {

WorkItems make_work_items(const abi::BattInfo& info, const std::vector<const TaskResult*>& tasks,
                          const GroupTable& groups, bool dump) {
  const int n = info.n_programs;
  WorkItems w;
  w.task_encode.assign(tasks.size(), 0);
  for (std::size_t lt = 0; lt < tasks.size(); ++lt) {
    const TaskResult& tr = *tasks[lt];
    const std::size_t before = w.items.size();
    std::vector<std::vector<std::uint8_t>> wants;
    std::vector<bool> keep;
    for (const SampleResult& sr : tr.samples) {
      wants.push_back(sample_want_mask(info, tr.want, sr.has_expected));
      bool k = dump;
      for (int p = 0; p < n; ++p) k = k || (wants.back()[p] && info.program_is_differ[p]);
      keep.push_back(k);
      w.task_encode[lt] = w.task_encode[lt] || k;
    }
    for (std::size_t g = 0; g < groups.size(); ++g)
      for (std::size_t s = 0; s < tr.samples.size(); ++s) {
        std::uint64_t mask = 0;
        for (int k = groups.start[g]; k < groups.start[g + 1]; ++k)
          if (wants[s][groups.programs[k]]) mask |= std::uint64_t(1) << (k - groups.start[g]);
        if (!mask) continue;
        w.items.push_back(ItemRef{std::uint32_t(lt), std::uint32_t(s), std::uint32_t(g), mask, bool(keep[s])});
        w.evaluations += std::uint64_t(std::popcount(mask));
      }
    w.items_per_task.push_back(w.items.size() - before);
  }
  return w;
}

}  // namespace battc::runtime
