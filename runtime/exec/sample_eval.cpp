// runtime/exec/sample_eval.cpp: the batt call, then the lone re-runs.
#include "runtime/exec/sample_eval.h"

#include "runtime/exec/completion_check.h"
#include "runtime/exec/record_output.h"

#include <chrono>

namespace battc::runtime {

namespace {

// One battc_eval with the scratch arena emptied.
void call(const BattEntry& entry, const ExecOptions& opt, EvalScratch& w, const abi::TaskIn& task, const void* prologue,
          const abi::SampleIn& in, const dsl::u8* want, int encode) {
  dsl::Ctx ctx = w.arena.ctx(opt.work_budget);
  entry.eval(&task, prologue, &in, &ctx, want, w.out.data(), encode);
  ++w.calls;
}

// A record that running with fewer programs beside it could change: out of
// budget, but not out of work.
bool out_of_arena(const EvalRecord& r) {
  return r.st() == dsl::Status::Budget && r.reason() != dsl::Why::Work;
}

}  // namespace

void TaskPrologue::run(const BattEntry& entry, const ExecOptions& opt, const abi::TaskIn& task) {
  arena = Arena(opt.arena_bytes);
  std::size_t units = (entry.info->prologue_bytes + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t);
  storage.reset(new std::max_align_t[units ? units : 1]);
  dsl::Ctx ctx = arena.ctx(opt.work_budget);
  entry.prologue(&task, &ctx, storage.get());
}

void TaskPrologue::release() {
  arena.release();
  storage.reset();
}

void eval_sample(const BattEntry& entry, const ExecOptions& opt, EvalScratch& w, const abi::TaskIn& task,
                 const void* prologue, const abi::SampleIn& in, const std::vector<dsl::u8>& want, SampleResult& sr) {
  const abi::BattInfo& info = *entry.info;
  int n = info.n_programs;
  if (!w.ready) {
    w.ready = true;
    w.arena = Arena(opt.arena_bytes);
    w.out.resize(n);
    w.alone.assign(n, 0);
  }
  int n_want = 0;
  bool differ = false;
  for (int p = 0; p < n; ++p) {
    n_want += want[p];
    differ = differ || (want[p] && info.program_is_differ[p]);
  }
  if (n_want == 0) return;
  auto start = std::chrono::steady_clock::now();
  // Differs' values are kept for the reports even without a dump; value
  // hashes need the text of every value but a grid (record_output).
  int encode = opt.dump || differ                      ? abi::kEncodeValues
               : (opt.grid_stats && opt.value_hashes) ? abi::kEncodeNonGrids
                                                      : 0;
  if (opt.dump || differ) sr.texts.resize(n);
  if (sr.evals.size() != std::size_t(n)) sr.evals.resize(n);
  const abi::SampleIn* stats = opt.grid_stats ? &in : nullptr;
  // Completions read the value's text, there with value hashes.
  CompletionGoal goal;
  if (stats && opt.value_hashes && opt.completions) goal = completion_goal(in);
  auto record = [&](int p, bool rerun) {
    record_output(w.out[p], p, sr, opt.dump || info.program_is_differ[p], rerun, stats);
    if (goal.usable && sr.evals[p].ok() && !sr.evals[p].is_grid()) {
      const CompletionFlags f = completion_check(w.out[p].text, goal);
      sr.evals[p].completes = f.kinds;
      sr.evals[p].fill_colours = f.fill_colours;
      sr.evals[p].crop_margins = f.crop_margins;
    }
  };
  call(entry, opt, w, task, prologue, in, want.data(), encode);
  for (int p = 0; p < n; ++p)
    if (want[p]) record(p, false);
  w.evaluations += n_want;
  // Only the arena is shared in a batt call: a program out of arena may fit
  // with fewer beside it, and alone it has the whole arena. Work budgets are
  // per statement and a statement's work does not depend on the other
  // programs, so one out of work would run out alone at the same place
  // (re-running those was 40% of a cross product's time).
  if (n_want > 1) {
    std::vector<int> failed;
    for (int p = 0; p < n; ++p)
      if (want[p] && out_of_arena(sr.evals[p])) failed.push_back(p);
    w.reruns += failed.size();
    rerun_halving(std::move(failed), [&](const std::vector<int>& set) {
      for (int p : set) w.alone[p] = 1;
      call(entry, opt, w, task, prologue, in, w.alone.data(), encode);
      for (int p : set) w.alone[p] = 0, record(p, true);
    }, [&](int p) { return out_of_arena(sr.evals[p]); });
  }
  sr.seconds += std::chrono::duration<float>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace battc::runtime
