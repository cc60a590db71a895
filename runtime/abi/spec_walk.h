// runtime/abi/spec_walk.h: the spec engine's walk over a plan
// (runtime/abi/spec_plan.h), one source for the CPU (SpecEngine,
// runtime/exec/spec_engine.h) and the device (templates/spec_kernels.cu):
// the host build calls the spec packs' host functions through the function
// table, the device build their __device__ twins through a table of device
// addresses; the plan and the walk are the same bytes and the same code.
//
// It does what the whole-batt unit's code does (templates/host_unit.cpp):
// the prologue runs every S-only value once per task; an evaluation computes
// the values its asked programs need, in batt order, a failed operand
// failing the statement without running it, then records each asked
// program's outcome from its statements (abi::record_outcomes).
#pragma once

#include "dsl/values.h"
#include "runtime/abi/spec_abi.h"
#include "runtime/abi/spec_plan.h"
#include "runtime/abi/unit_support.h"

namespace battc::abi {

// The value of ParamS: the task's train pairs.
using SpecS = dsl::Tuple<dsl::Pair<dsl::Grid, dsl::Grid>>;

// The programs asked of a group's item: bit k of mask asks for the phase's
// k-th program (abi::CudaItem::mask).
struct SpecMasked {
  dsl::u64 mask;
  DSL_FN int operator()(int k) const { return mask >> k & 1 ? k : -1; }
};

DSL_FN void spec_zero(dsl::u8* p, dsl::u64 n) {
#if defined(__CUDA_ARCH__)
  for (dsl::u64 i = 0; i < n; ++i) p[i] = 0;
#else
  __builtin_memset(p, 0, n);
#endif
}

// Where an operand or a result lives.
DSL_FN const dsl::u8* spec_value(dsl::u32 loc, const dsl::u8* pro_slots, const dsl::u8* slots) {
  return (loc & kSpecInPrologue) ? pro_slots + (loc & ~kSpecInPrologue) : slots + loc;
}

// One op: its value into its slot, its status into st[op.local]. `sample`
// is null in the prologue (only S-only values run there).
DSL_FN void spec_run_op(const void* plan, const SpecPhase& ph, const SpecOp& op, void* const* fns, dsl::Ctx& c,
                        dsl::i64 work, dsl::u8* st, const dsl::u8* pro_slots, dsl::u8* slots,
                        const SampleIn* sample) {
  void* slot = slots + op.offset;
  dsl::u8& status = st[op.local];
  switch (static_cast<SpecOpKind>(op.kind)) {
    case SpecOpKind::Statement: {
      const void* args[kSpecMaxOperands];
      const dsl::u32* loc = spec_at<dsl::u32>(plan, ph.arg_loc) + op.arg_begin;
      const dsl::u32* local = spec_at<dsl::u32>(plan, ph.arg_local) + op.arg_begin;
      dsl::u8 failed = 0;
      for (int k = 0; k < op.n_args; ++k) {
        failed = operand_failure(failed, st[local[k]]);
        args[k] = spec_value(loc[k], pro_slots, slots);
      }
      if (failed) {
        status = failed;
        return;
      }
      reinterpret_cast<StatementFn>(fns[op.fn])(c, work, status, slot, args);
      return;
    }
    case SpecOpKind::Constant:
      reinterpret_cast<ConstantFn>(fns[op.fn])(slot, op.ca, op.cb);
      status = 0;
      return;
    case SpecOpKind::ParamS: status = 0; return;  // spec_prologue writes the slot
    case SpecOpKind::ParamI:
      *static_cast<dsl::Grid*>(slot) = sample->input;
      status = 0;
      return;
    case SpecOpKind::ParamC:
      *static_cast<dsl::Grid*>(slot) = sample->expected;
      status = sample->has_expected ? 0 : kStNoOutput;
      return;
    case SpecOpKind::ParamCNone: status = kStCIsNone; return;  // C is None in a solver
    case SpecOpKind::Prim: status = 0; return;
  }
}

// The task's S-only values into `storage` (the plan's prologue bytes: its
// statuses, then its slots).
DSL_FN void spec_prologue(const void* plan, void* const* fns, const TaskIn& task, dsl::Ctx& c, void* storage) {
  const SpecPhase& ph = spec_prologue_phase(plan);
  dsl::u8* st = static_cast<dsl::u8*>(storage);
  dsl::u8* slots = st + ph.slots_at;
  spec_zero(st, ph.state_bytes);
  auto* pairs = c.alloc<dsl::Pair<dsl::Grid, dsl::Grid>>(task.n_train);
  if (pairs)
    for (dsl::i32 i = 0; i < task.n_train; ++i) pairs[i] = {task.train_in[i], task.train_out[i]};
  const SpecS S{pairs, pairs ? task.n_train : 0};
  const dsl::i64 work = c.work_left;
  const SpecOp* ops = spec_at<SpecOp>(plan, ph.ops);
  for (dsl::u32 i = 0; i < ph.n_ops; ++i) {
    if (static_cast<SpecOpKind>(ops[i].kind) == SpecOpKind::ParamS) *reinterpret_cast<SpecS*>(slots + ops[i].offset) = S;
    spec_run_op(plan, ph, ops[i], fns, c, work, st, slots, slots, nullptr);
  }
}

// One sample through phase `ph` (a group, or the whole batt): out[k] gets
// the phase's k-th program when asked(k) >= 0 (WantedPrograms,
// SpecMasked). Its state (need, statuses, slots) is allocated in c's arena;
// when it does not fit, every outcome stays the arena budget.
template <class Asked>
DSL_FN void spec_eval(const void* plan, const SpecPhase& ph, void* const* fns, const void* prologue,
                      const SampleIn& sample, dsl::Ctx& c, const Asked& asked, ProgramOut* out, int encode) {
  const int n = static_cast<int>(ph.n_programs);
  init_outcomes(out, n);
  dsl::u8* state = c.alloc<dsl::u8>(ph.state_bytes);
  if (!state) return;
  dsl::u8* need = state;
  dsl::u8* st = state + ph.n_local;
  dsl::u8* slots = state + ph.slots_at;
  spec_zero(state, ph.state_bytes);
  const dsl::u8* pro_st = static_cast<const dsl::u8*>(prologue);
  const dsl::u8* pro_slots = pro_st + spec_prologue_phase(plan).slots_at;
  const dsl::u32* imports = spec_at<dsl::u32>(plan, ph.imports);
  for (dsl::u32 i = 0; i < ph.n_imports; ++i) st[imports[2 * i + 1]] = pro_st[imports[2 * i]];

  const ProgramTables tables = spec_program_tables(plan, ph);
  mark_needed(tables, n, asked, need);
  const dsl::i64 work = c.work_left;
  const SpecOp* ops = spec_at<SpecOp>(plan, ph.ops);
  for (dsl::u32 i = 0; i < ph.n_ops; ++i)
    if (need[ops[i].local]) spec_run_op(plan, ph, ops[i], fns, c, work, st, pro_slots, slots, &sample);

  const dsl::u32* result = spec_at<dsl::u32>(plan, ph.result_loc);
  const dsl::u32* record = spec_at<dsl::u32>(plan, ph.record_fn);
  record_outcomes(c, tables, n, asked, st, out, [&](int p, ProgramOut& o) {
    reinterpret_cast<RecordFn>(fns[record[p]])(c, sample, spec_value(result[p], pro_slots, slots), o, encode);
  });
}

}  // namespace battc::abi
