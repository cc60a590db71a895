// runtime/exec/execute.cpp: work items are (task, sample) in task order, so
// the workers mostly share a few tasks at a time; a task's prologue runs once,
// on whichever worker reaches the task first, and its arena is freed when the
// task's last sample is done. Each worker owns one arena, reset per call.
#include "runtime/exec/execute.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include "runtime/exec/arena.h"
#include "runtime/exec/host_task.h"
#include "runtime/exec/parallel_for.h"
#include "runtime/exec/record_output.h"
#include "runtime/exec/want_mask.h"

namespace battc::runtime {

namespace {

using dsl::u8;

struct TaskState {
  std::once_flag once;
  Arena arena;                                // the prologue's values
  std::unique_ptr<std::max_align_t[]> prologue;  // BattInfo::prologue_bytes
  std::atomic<std::size_t> samples_left{0};
};

struct Worker {
  bool ready = false;
  Arena arena;
  std::vector<abi::ProgramOut> out;
  std::vector<u8> alone;  // a want mask with one program
  std::uint64_t evaluations = 0, calls = 0, reruns = 0;
};

struct Item {
  std::uint32_t task, sample;
};

class Executor {
 public:
  Executor(const BattEntry& entry, const std::vector<Task>& tasks, const ExecOptions& opt)
      : entry_(entry), info_(*entry.info), opt_(opt), states_(tasks.size()) {
    int n = info_.n_programs;
    for (int p = 0; p < n; ++p) {
      result_.programs.emplace_back(info_.program_names[p]);
      result_.is_differ.push_back(info_.program_is_differ[p]);
    }
    hosts_.reserve(tasks.size());
    for (std::size_t t = 0; t < tasks.size(); ++t) plan_task(tasks[t], std::uint32_t(t));
  }

  RunResult run() {
    auto start = std::chrono::steady_clock::now();
    workers_.resize(resolve_jobs(opt_.jobs));
    std::size_t total = items_.size();
    std::function<void(std::size_t)> tick;
    if (opt_.progress) tick = [&](std::size_t done) { opt_.progress(done, total); };
    parallel_for(total, opt_.jobs, [this](unsigned w, std::size_t i) { run_item(workers_[w], items_[i]); }, tick);
    for (const Worker& w : workers_) {
      result_.evaluations += w.evaluations;
      result_.batt_calls += w.calls;
      result_.reruns += w.reruns;
    }
    result_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return std::move(result_);
  }

 private:
  void plan_task(const Task& task, std::uint32_t t) {
    hosts_.emplace_back(task);
    TaskResult& tr = result_.tasks.emplace_back();
    tr.id = task.id;
    tr.want = task_want_mask(info_, task.id, opt_.pairing);
    bool any = false;
    for (u8 w : tr.want) any = any || w;
    std::size_t n_samples = task.train.size() + task.test.size();
    for (std::size_t s = 0; s < n_samples; ++s) {
      SampleResult& sr = tr.samples.emplace_back();
      sr.is_test = s >= task.train.size();
      sr.index = int(sr.is_test ? s - task.train.size() : s);
      sr.has_expected = hosts_.back().samples()[s].has_expected != 0;
      if (!any) continue;
      sr.evals.resize(info_.n_programs);
      items_.push_back(Item{t, std::uint32_t(s)});
    }
    if (any) states_[t].samples_left = n_samples;
  }

  void run_prologue(std::uint32_t t) {
    TaskState& ts = states_[t];
    ts.arena = Arena(opt_.arena_bytes);
    std::size_t units = (info_.prologue_bytes + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t);
    ts.prologue.reset(new std::max_align_t[units ? units : 1]);
    dsl::Ctx ctx = ts.arena.ctx(opt_.work_budget);
    entry_.prologue(&hosts_[t].task_in(), &ctx, ts.prologue.get());
  }

  // One battc_eval with the worker's arena emptied.
  void call(Worker& w, std::uint32_t t, const abi::SampleIn& in, const u8* want, int encode) {
    dsl::Ctx ctx = w.arena.ctx(opt_.work_budget);
    entry_.eval(&hosts_[t].task_in(), states_[t].prologue.get(), &in, &ctx, want, w.out.data(), encode);
    ++w.calls;
  }

  void run_item(Worker& w, Item item) {
    int n = info_.n_programs;
    if (!w.ready) {
      w.ready = true;
      w.arena = Arena(opt_.arena_bytes);
      w.out.resize(n);
      w.alone.assign(n, 0);
    }
    TaskState& ts = states_[item.task];
    std::call_once(ts.once, [&] { run_prologue(item.task); });
    const abi::SampleIn& in = hosts_[item.task].samples()[item.sample];
    SampleResult& sr = result_.tasks[item.task].samples[item.sample];
    std::vector<u8> want = sample_want_mask(info_, result_.tasks[item.task].want, sr.has_expected);
    int n_want = 0;
    bool differ = false;
    for (int p = 0; p < n; ++p) {
      n_want += want[p];
      differ = differ || (want[p] && info_.program_is_differ[p]);
    }
    if (n_want > 0) {
      // Differs' values are kept for the reports even without a dump.
      int encode = opt_.dump || differ;
      if (encode) sr.texts.resize(n);
      call(w, item.task, in, want.data(), encode);
      for (int p = 0; p < n; ++p)
        if (want[p]) record_output(w.out[p], p, sr, opt_.dump || info_.program_is_differ[p], false);
      w.evaluations += n_want;
      for (int p = 0; p < n && n_want > 1; ++p) {
        if (!want[p] || sr.evals[p].st() != dsl::Status::Budget) continue;
        w.alone[p] = 1;
        call(w, item.task, in, w.alone.data(), encode);
        w.alone[p] = 0;
        record_output(w.out[p], p, sr, opt_.dump || info_.program_is_differ[p], true);
        ++w.reruns;
      }
    }
    if (ts.samples_left.fetch_sub(1) == 1) {  // the task's last sample: free its prologue
      ts.arena.release();
      ts.prologue.reset();
    }
  }

  const BattEntry& entry_;
  const abi::BattInfo& info_;
  const ExecOptions& opt_;
  std::vector<HostTask> hosts_;
  std::vector<TaskState> states_;
  std::vector<Item> items_;
  std::vector<Worker> workers_;
  RunResult result_;
};

void check_entry(const BattEntry& entry) {
  if (!entry.info || !entry.prologue || !entry.eval) throw ExecError("the batt unit lacks an entry point");
  if (entry.info->abi_version != abi::kAbiVersion)
    throw ExecError("the batt unit was built for ABI version " + std::to_string(entry.info->abi_version) +
                    ", this battc runs version " + std::to_string(abi::kAbiVersion));
  if (entry.info->n_programs < 0) throw ExecError("the batt unit reports a negative program count");
}

}  // namespace

RunResult execute(const BattEntry& entry, const std::vector<Task>& tasks, const ExecOptions& options) {
  check_entry(entry);
  Executor ex(entry, tasks, options);
  return ex.run();
}

}  // namespace battc::runtime
