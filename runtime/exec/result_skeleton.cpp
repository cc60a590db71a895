// runtime/exec/result_skeleton.cpp: programs, masks and empty sample records.
#include "runtime/exec/result_skeleton.h"

#include "runtime/exec/want_mask.h"

namespace battc::runtime {

bool task_paired(const TaskResult& task) {
  for (std::uint8_t w : task.want)
    if (w) return true;
  return false;
}

RunResult result_skeleton(const abi::BattInfo& info, const std::vector<Task>& tasks, Pairing pairing) {
  RunResult r;
  for (int p = 0; p < info.n_programs; ++p) {
    r.programs.emplace_back(info.program_names[p]);
    r.is_differ.push_back(info.program_is_differ[p]);
  }
  r.tasks.reserve(tasks.size());
  for (const Task& task : tasks) {
    TaskResult& tr = r.tasks.emplace_back();
    tr.id = task.id;
    tr.want = task_want_mask(info, task.id, pairing);
    bool any = task_paired(tr);
    std::size_t n_samples = task.train.size() + task.test.size();
    for (std::size_t s = 0; s < n_samples; ++s) {
      SampleResult& sr = tr.samples.emplace_back();
      sr.is_test = s >= task.train.size();
      sr.index = int(sr.is_test ? s - task.train.size() : s);
      sr.has_expected = sr.is_test ? task.test[sr.index].output.has_value() : true;
      if (any) sr.evals.resize(info.n_programs);
    }
  }
  return r;
}

}  // namespace battc::runtime
