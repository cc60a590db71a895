// runtime/exec/sample_eval.h: a task's prologue and one sample's evaluation on
// the CPU, exactly as the CPU executor does them: one battc_eval with the
// sample's wanted programs, then the programs that ran out of arena again
// with fewer beside them, down to alone with the whole arena. The CPU executor and the GPU executor's CPU fallback
// share it, so a re-run item is recorded as the CPU backend records it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "runtime/exec/arena.h"
#include "runtime/exec/batt_entry.h"
#include "runtime/exec/exec_options.h"
#include "runtime/exec/run_result.h"

namespace battc::runtime {

// A task's S-only values: its arena must live while the task's samples run.
struct TaskPrologue {
  Arena arena;
  std::unique_ptr<std::max_align_t[]> storage;  // BattInfo::prologue_bytes

  void run(const BattEntry& entry, const ExecOptions& opt, const abi::TaskIn& task);
  void release();
};

// One worker's reusable memory and its counts.
struct EvalScratch {
  bool ready = false;
  Arena arena;
  std::vector<abi::ProgramOut> out;
  std::vector<dsl::u8> alone;  // a want mask with one program
  std::uint64_t evaluations = 0, calls = 0, reruns = 0, skipped = 0;
};

// Re-runs `failed` (programs that ran out of arena beside others) until
// each has run with no more beside it than it fits with: the whole set
// again, then what still fails, and a set where nothing fitted in halves,
// down to a program alone. A
// program's value does not depend on what runs beside it, so its last
// record is the one it gets alone; a batt call costs the batt's size
// whatever it asks, so a level of enumeration whose values overflow the
// arena together takes a few calls, not one per program (it took 44,000
// calls of a 38,000-program batt on one sample). `run(set)` evaluates a
// set and records it; `fails(p)` says whether p is still out of arena.
template <class Run, class Fails>
void rerun_halving(std::vector<int> failed, Run&& run, Fails&& fails) {
  std::vector<std::vector<int>> todo;
  if (!failed.empty()) todo.push_back(std::move(failed));
  while (!todo.empty()) {
    std::vector<int> set = std::move(todo.back());
    todo.pop_back();
    run(set);
    if (set.size() == 1) continue;
    std::vector<int> again;
    for (int p : set)
      if (fails(p)) again.push_back(p);
    if (again.size() < set.size()) {  // fewer beside them now (one: alone)
      if (!again.empty()) todo.push_back(std::move(again));
      continue;
    }
    const auto mid = again.begin() + static_cast<std::ptrdiff_t>(again.size() / 2);  // none fitted: halve
    todo.emplace_back(mid, again.end());
    todo.emplace_back(again.begin(), mid);
  }
}

// Evaluates the programs `want` of one sample and writes their records (and
// texts, when kept) into `sr`.
void eval_sample(const BattEntry& entry, const ExecOptions& opt, EvalScratch& w, const abi::TaskIn& task,
                 const void* prologue, const abi::SampleIn& in, const std::vector<dsl::u8>& want, SampleResult& sr);

}  // namespace battc::runtime
