// runtime/exec/sample_eval.h: a task's prologue and one sample's evaluation on
// the CPU, exactly as the CPU executor does them: one battc_eval with the
// sample's wanted programs, then each program that ended in `budget` alone
// with the whole arena. The CPU executor and the GPU executor's CPU fallback
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

// Evaluates the programs `want` of one sample and writes their records (and
// texts, when kept) into `sr`.
void eval_sample(const BattEntry& entry, const ExecOptions& opt, EvalScratch& w, const abi::TaskIn& task,
                 const void* prologue, const abi::SampleIn& in, const std::vector<dsl::u8>& want, SampleResult& sr);

}  // namespace battc::runtime
