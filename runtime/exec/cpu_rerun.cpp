// runtime/exec/cpu_rerun.cpp: requests grouped by task; one worker takes a
// whole task (its prologue, then its samples), so no prologue is shared
// between threads.
#include "runtime/exec/cpu_rerun.h"

#include <map>

#include "runtime/exec/host_task.h"
#include "runtime/exec/parallel_for.h"
#include "runtime/exec/sample_eval.h"

namespace battc::runtime {

void rerun_on_cpu(const BattEntry& host, const std::vector<Task>& tasks, const ExecOptions& opt,
                  const std::vector<CpuRerun>& reruns, RunResult& result) {
  if (reruns.empty()) return;
  std::map<std::uint32_t, std::vector<const CpuRerun*>> by_task;
  for (const CpuRerun& r : reruns) by_task[r.task].push_back(&r);
  std::vector<std::pair<std::uint32_t, std::vector<const CpuRerun*>>> groups(by_task.begin(), by_task.end());

  std::vector<EvalScratch> workers(resolve_jobs(opt.jobs));
  parallel_for(groups.size(), opt.jobs, [&](unsigned w, std::size_t g) {
    std::uint32_t t = groups[g].first;
    HostTask ht(tasks.at(t));
    TaskPrologue prologue;
    prologue.run(host, opt, ht.task_in());
    for (const CpuRerun* r : groups[g].second)
      eval_sample(host, opt, workers[w], ht.task_in(), prologue.storage.get(), ht.samples().at(r->sample), r->want,
                  result.tasks[t].samples.at(r->sample));
  });
  for (const EvalScratch& w : workers) {
    result.evaluations += w.evaluations;
    result.batt_calls += w.calls;
    result.reruns += w.reruns;
  }
}

}  // namespace battc::runtime
