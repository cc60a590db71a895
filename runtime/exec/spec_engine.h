// runtime/exec/spec_engine.h: a batt run as data. Each node is one call into
// a cached specialization (runtime/abi/spec_abi.h) with its operands' slots;
// the engine walks the nodes exactly as the whole-batt unit's code does
// (templates/host_unit.cpp: the S-only nodes once per task, the others per
// sample where a wanted program needs them, a program's status from its
// first failing statement), so its results equal the unit's. It serves the
// same BattEntry, so the executors, the budget re-runs and scoring are
// shared. Building one costs no compile: only the specs must be loaded.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "generator/ir/batt.h"
#include "runtime/abi/spec_abi.h"
#include "runtime/exec/batt_entry.h"

namespace battc::runtime {

// The loaded spec of a key, or nullptr.
using SpecFinder = std::function<const abi::SpecEntry*(const std::string& key)>;

class SpecEngine {
 public:
  // Resolves every node of `batt` through `find`; `keep_alive` owns what the
  // found specs live in (the spec library). Throws battc::InternalError (a battc
  // bug) when a spec is missing: the caller ensures them first.
  static std::shared_ptr<const SpecEngine> build(const generator::Batt& batt, const SpecFinder& find,
                                                 std::shared_ptr<const void> keep_alive);

  // Entry points bound to this engine (they keep it alive).
  BattEntry entry() const;
  const abi::BattInfo& info() const { return info_; }

 private:
  struct Op;
  SpecEngine() = default;
  void prologue(const abi::TaskIn* task, dsl::Ctx* ctx, void* storage) const;
  void eval(const abi::TaskIn* task, const void* prologue, const abi::SampleIn* sample, dsl::Ctx* ctx,
            const dsl::u8* want, abi::ProgramOut* out, int encode) const;
  void run_op(const Op& op, dsl::Ctx& c, dsl::i64 work, dsl::u8* st, dsl::u8* pro, dsl::u8* state,
              const abi::SampleIn* sample) const;

  std::vector<Op> ops_;
  std::vector<dsl::u32> arg_locs_;            // operand slots (kInPrologue bit: in the prologue)
  std::vector<int> arg_nodes_;                // operand node numbers, beside arg_locs_
  std::vector<int> prologue_order_, sample_order_;  // node numbers of each phase, in batt order
  std::vector<int> need_start_, need_;        // per program: the sample nodes it needs
  std::vector<int> stmt_start_, stmts_;       // per program: its statements
  std::vector<int> result_;                   // per program: its returned node
  std::vector<abi::RecordFn> record_;         // per program
  std::size_t n_nodes_ = 0;
  std::size_t prologue_slots_ = 0, state_slots_ = 0;  // byte offsets of the slot areas
  std::size_t prologue_bytes_ = 0, state_bytes_ = 0;
  std::vector<std::string> names_;
  std::vector<const char*> name_ptrs_;
  std::vector<dsl::u8> differ_;
  abi::BattInfo info_{};
  std::shared_ptr<const void> keep_alive_;
  std::weak_ptr<const SpecEngine> self_;
};

}  // namespace battc::runtime
