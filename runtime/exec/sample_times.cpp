// runtime/exec/sample_times.cpp: one sort of the samples by time.
#include "runtime/exec/sample_times.h"

#include <algorithm>

namespace battc::runtime {

SampleTimes sample_times(const RunResult& run, std::size_t keep) {
  std::vector<SampleTime> all;
  for (const TaskResult& t : run.tasks)
    for (const SampleResult& s : t.samples) {
      std::size_t evaluated = 0;
      for (const EvalRecord& r : s.evals) evaluated += r.evaluated();
      if (evaluated == 0) continue;
      all.push_back({t.id, s.name(), double(s.seconds), evaluated});
    }
  SampleTimes out;
  out.samples = all.size();
  for (const SampleTime& s : all) out.total_seconds += s.seconds;
  std::sort(all.begin(), all.end(), [](const SampleTime& a, const SampleTime& b) { return a.seconds > b.seconds; });
  std::size_t top = std::max<std::size_t>(1, all.size() / 1000);
  double slow = 0;
  for (std::size_t i = 0; i < top && i < all.size(); ++i) slow += all[i].seconds;
  out.slowest_permille_share = out.total_seconds > 0 ? slow / out.total_seconds : 0;
  all.resize(std::min(keep, all.size()));
  out.slowest = std::move(all);
  return out;
}

}  // namespace battc::runtime
