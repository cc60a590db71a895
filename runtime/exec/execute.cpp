// runtime/exec/execute.cpp: work items are (task, sample) in task order, so
// the workers mostly share a few tasks at a time; a task's prologue runs once,
// on whichever worker reaches the task first, and its arena is freed when the
// task's last sample is done. Each worker owns one arena, reset per call.
// With Evaluation::UntilTrainFails an item is a whole task instead: its
// samples run in order on one worker, and each train pair narrows the
// programs the next sample runs. With skip_out_of_work the first samples of
// every task run as a phase of their own, before the rest.
#include "runtime/exec/execute.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include "runtime/exec/host_task.h"
#include "runtime/exec/parallel_for.h"
#include "runtime/exec/result_skeleton.h"
#include "runtime/exec/sample_eval.h"
#include "runtime/exec/want_mask.h"

namespace battc::runtime {

namespace {

using dsl::u8;

struct TaskState {
  std::once_flag once;
  TaskPrologue prologue;
  std::atomic<std::size_t> samples_left{0};
};

struct Item {
  std::uint32_t task, sample;  // sample kWholeTask: every sample, in order
};
constexpr std::uint32_t kWholeTask = ~std::uint32_t(0);

class Executor {
 public:
  Executor(const BattEntry& entry, const std::vector<Task>& tasks, const ExecOptions& opt)
      : entry_(entry), info_(*entry.info), opt_(opt), states_(tasks.size()) {
    result_ = result_skeleton(info_, tasks, opt_.pairing);
    hosts_.reserve(tasks.size());
    for (std::size_t t = 0; t < tasks.size(); ++t) {
      hosts_.emplace_back(tasks[t]);
      if (!task_paired(result_.tasks[t])) continue;
      std::size_t n_samples = result_.tasks[t].samples.size();
      if (opt_.evaluation == Evaluation::UntilTrainFails) {
        items_.push_back(Item{std::uint32_t(t), kWholeTask});
        states_[t].samples_left = 1;
        continue;
      }
      for (std::size_t s = 0; s < n_samples; ++s) items_.push_back(Item{std::uint32_t(t), std::uint32_t(s)});
      states_[t].samples_left = n_samples;
    }
    // skip_out_of_work: every task's first sample, then the rest.
    if (opt_.skip_out_of_work && opt_.evaluation == Evaluation::All) {
      auto rest = std::stable_partition(items_.begin(), items_.end(), [](const Item& i) { return i.sample == 0; });
      first_phase_ = std::size_t(rest - items_.begin());
    }
    // Whole tasks: the largest first (by the cells of the first input, which
    // every program meets), so that no long task starts last and keeps one
    // worker busy after the others are done.
    if (opt_.evaluation == Evaluation::UntilTrainFails)
      std::stable_sort(items_.begin(), items_.end(), [&](const Item& a, const Item& b) {
        return first_input_cells(a.task) > first_input_cells(b.task);
      });
    // A task with nothing to run is done already.
    for (std::size_t t = 0; t < tasks.size() && opt_.task_done; ++t)
      if (states_[t].samples_left == 0) opt_.task_done(t, result_.tasks[t]);
  }

  RunResult run() {
    auto start = std::chrono::steady_clock::now();
    workers_.resize(resolve_jobs(opt_.jobs));
    std::size_t total = items_.size();
    std::function<void(std::size_t)> tick;
    if (opt_.progress) tick = [&](std::size_t done) { opt_.progress(done, total); };
    if (first_phase_ == 0) {
      parallel_for(total, opt_.jobs, [this](unsigned w, std::size_t i) { run_item(workers_[w], items_[i]); }, tick);
    } else {
      auto phase = [&](std::size_t from, std::size_t to) {
        std::function<void(std::size_t)> shifted;
        if (tick) shifted = [&](std::size_t done) { tick(from + done); };
        parallel_for(to - from, opt_.jobs, [&](unsigned w, std::size_t i) { run_item(workers_[w], items_[from + i]); },
                     shifted);
      };
      phase(0, first_phase_);
      out_of_work_ = programs_out_of_work();
      phase(first_phase_, total);
    }
    for (const EvalScratch& w : workers_) {
      result_.evaluations += w.evaluations;
      result_.batt_calls += w.calls;
      result_.reruns += w.reruns;
      result_.skipped += w.skipped;
    }
    result_.until_train_fails = opt_.evaluation == Evaluation::UntilTrainFails;
    result_.partial = partial_;
    result_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return std::move(result_);
  }

 private:
  bool stopping() const { return opt_.stop && opt_.stop->load(std::memory_order_relaxed); }

  void run_item(EvalScratch& w, Item item) {
    TaskState& ts = states_[item.task];
    if (stopping()) {
      partial_ = true;
      if (ts.samples_left.fetch_sub(1) == 1) task_done(item.task);
      return;
    }
    const abi::TaskIn& task = hosts_[item.task].task_in();
    std::call_once(ts.once, [&] { ts.prologue.run(entry_, opt_, task); });
    if (item.sample == kWholeTask) {
      run_until_train_fails(w, item.task, task, ts.prologue.storage.get());
    } else {
      SampleResult& sr = result_.tasks[item.task].samples[item.sample];
      std::vector<u8> want = sample_want_mask(info_, result_.tasks[item.task].want, sr.has_expected);
      if (!out_of_work_.empty()) skip_out_of_work(w, want, sr);
      eval_sample(entry_, opt_, w, task, ts.prologue.storage.get(), hosts_[item.task].samples()[item.sample], want, sr);
    }
    if (ts.samples_left.fetch_sub(1) == 1) task_done(item.task);  // the task's last sample
  }

  void task_done(std::uint32_t t) {
    states_[t].prologue.release();
    if (opt_.task_done) opt_.task_done(t, result_.tasks[t]);
  }

  // After the first phase (skip_out_of_work): per program, whether a
  // task's first sample ran it out of work units.
  std::vector<u8> programs_out_of_work() const {
    std::vector<u8> out(std::size_t(info_.n_programs), 0);
    for (const TaskResult& t : result_.tasks) {
      if (t.samples.empty() || t.samples[0].evals.empty()) continue;
      const std::vector<EvalRecord>& evals = t.samples[0].evals;
      for (std::size_t p = 0; p < out.size() && p < evals.size(); ++p)
        out[p] |= evals[p].evaluated() && evals[p].st() == dsl::Status::Budget && evals[p].reason() == dsl::Why::Work;
    }
    return out;
  }

  // Takes the programs out of work out of `want`, their records marked.
  void skip_out_of_work(EvalScratch& w, std::vector<u8>& want, SampleResult& sr) {
    for (std::size_t p = 0; p < want.size() && p < out_of_work_.size(); ++p) {
      if (!want[p] || !out_of_work_[p]) continue;
      want[p] = 0;
      EvalRecord& r = sr.evals[p];
      r.flags = EvalRecord::kSkipped;
      r.status = std::uint8_t(dsl::Status::Budget);
      r.why = std::uint8_t(dsl::Why::Work);
      ++w.skipped;
    }
  }

  std::int64_t first_input_cells(std::uint32_t t) const {
    const auto& samples = hosts_[t].samples();
    return samples.empty() ? 0 : samples[0].input.cells();
  }

  // The task's samples in order (train pairs first); `alive` loses each
  // solver at its first train pair it does not match.
  void run_until_train_fails(EvalScratch& w, std::uint32_t t, const abi::TaskIn& task, const void* prologue) {
    TaskResult& tr = result_.tasks[t];
    std::vector<u8> alive = tr.want;
    for (std::size_t s = 0; s < tr.samples.size(); ++s) {
      if (stopping()) {
        partial_ = true;
        return;
      }
      SampleResult& sr = tr.samples[s];
      std::vector<u8> want = sample_want_mask(info_, alive, sr.has_expected);
      std::vector<u8> paired = sample_want_mask(info_, tr.want, sr.has_expected);
      for (std::size_t p = 0; p < want.size(); ++p)
        if (paired[p] && !want[p]) {
          sr.evals[p].flags = EvalRecord::kSkipped;
          ++w.skipped;
        }
      eval_sample(entry_, opt_, w, task, prologue, hosts_[t].samples()[s], want, sr);
      if (sr.is_test) continue;
      for (std::size_t p = 0; p < alive.size(); ++p)
        if (alive[p] && !info_.program_is_differ[p] && !(sr.evals[p].ok() && sr.evals[p].matches())) alive[p] = 0;
    }
  }

  const BattEntry& entry_;
  const abi::BattInfo& info_;
  const ExecOptions& opt_;
  std::vector<HostTask> hosts_;
  std::vector<TaskState> states_;
  std::vector<Item> items_;
  std::vector<EvalScratch> workers_;
  RunResult result_;
  std::atomic<bool> partial_{false};
  std::size_t first_phase_ = 0;  // skip_out_of_work: items_[0, first_phase_) are the first samples
  std::vector<u8> out_of_work_;  // then: per program, out of work on some first sample
};

}  // namespace

void check_batt_entry(const BattEntry& entry) {
  if (!entry.info || !entry.prologue || !entry.eval) throw ExecError("the batt unit lacks an entry point");
  if (entry.info->abi_version != abi::kAbiVersion)
    throw ExecError("the batt unit was built for ABI version " + std::to_string(entry.info->abi_version) +
                    ", this battc runs version " + std::to_string(abi::kAbiVersion));
  if (entry.info->n_programs < 0) throw ExecError("the batt unit reports a negative program count");
}

RunResult execute(const BattEntry& entry, const std::vector<Task>& tasks, const ExecOptions& options) {
  check_batt_entry(entry);
  Executor ex(entry, tasks, options);
  return ex.run();
}

}  // namespace battc::runtime
