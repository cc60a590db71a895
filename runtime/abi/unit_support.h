// runtime/abi/unit_support.h: what the host and CUDA unit templates
// (templates/host_unit.cpp, templates/cuda_unit.cu) share beyond the
// emitted text: the statement wrapper, a program's status, and how a
// returned value is recorded. Single source (DSL_FN), NVRTC-safe.
#pragma once

#include "dsl/encode.h"
#include "dsl/order.h"
#include "runtime/abi/batt_abi.h"

namespace battc::abi {

// A statement's status byte: 0 when it succeeded, else the dsl::Status in the
// low two bits and the dsl::Why above them. Emitted code tests it for
// nonzero only; program_failure splits it.
DSL_FN constexpr dsl::u8 status_byte(dsl::Status s, dsl::Why w) {
  return s == dsl::Status::Ok ? dsl::u8(0) : dsl::u8(dsl::u8(s) | dsl::u8(dsl::u8(w) << 2));
}
inline constexpr dsl::u8 kStOperand = status_byte(dsl::Status::Error, dsl::Why::Operand);
inline constexpr dsl::u8 kStNoOutput = status_byte(dsl::Status::Error, dsl::Why::NoOutput);
inline constexpr dsl::u8 kStCIsNone = status_byte(dsl::Status::Error, dsl::Why::CIsNone);

// The status a statement takes from its operands' statuses, folded one at a
// time from 0: 0 while none failed; an operand's budget status when one ran
// out of work or arena; else kStOperand. A budget goes first because it
// means "not decided here": the evaluation is handed on (a GPU item's to the
// CPU, a batt call's to a lone re-run) only when its program's first failing
// statement is a budget, and an operand that is no statement of the program
// (a conversion) would otherwise turn a budget into an error.
DSL_FN constexpr dsl::u8 operand_failure(dsl::u8 acc, dsl::u8 s) {
  if (s == 0 || (acc & 3) == dsl::u8(dsl::Status::Budget)) return acc;
  return (s & 3) == dsl::u8(dsl::Status::Budget) ? s : kStOperand;
}
template <class... S>
DSL_FN constexpr dsl::u8 operands_failed(S... s) {
  dsl::u8 acc = 0;
  ((acc = operand_failure(acc, dsl::u8(s))), ...);
  return acc;
}

// A statement's work budget: `work`, or what is left of the evaluation's
// (a GPU item's cap, dsl::Ctx::item_work_left) when that is less; end_work
// takes what the statement spent from the latter. A statement cut short by
// the cap ends in `budget`, which the GPU executor hands to the CPU.
DSL_FN dsl::i64 start_work(dsl::Ctx& c, dsl::i64 work) {
  c.work_left = work < c.item_work_left ? work : c.item_work_left;
  return c.work_left;
}
DSL_FN void end_work(dsl::Ctx& c, dsl::i64 given) { c.item_work_left -= given - (c.work_left > 0 ? c.work_left : 0); }

}  // namespace battc::abi

// One statement: a fresh status and work budget; a failed statement's
// allocations are dropped, so a runaway value cannot starve the others.
// Used inside emitted chunk functions, where `c` is the context and `e` the
// unit's Env.
#define BATTC_RUN(STATUS, ...)                            \
  do {                                                    \
    u64 mark_ = c.mark();                                 \
    c.status = Status::Ok;                                \
    i64 given_ = ::battc::abi::start_work(c, e.work);     \
    __VA_ARGS__;                                          \
    ::battc::abi::end_work(c, given_);                    \
    STATUS = ::battc::abi::status_byte(c.status, c.why);  \
    if (STATUS != 0) c.release(mark_);                    \
  } while (0)

// Whether this compile defines emitted chunk function number k: every chunk,
// unless the CUDA JIT compiles the unit in BATTC_PARTS parts (-DBATTC_PART=k
// for each, templates/cuda_unit.cu), which share the chunks round-robin.
#if defined(BATTC_PARTS)
#define BATTC_IN_PART(k) ((k) % BATTC_PARTS == BATTC_PART)
#else
#define BATTC_IN_PART(k) 1
#endif

// Emitted statements call primitives and closures through run_call, a real
// call with one body per (result, callee, argument types): a statement is
// then a call instead of the inlined BATTC_RUN sequence, which halves the
// batt's code and so NVRTC's time (docs/runtime.md, "CUDA JIT") and takes a
// tenth off the host compiler's (a call per statement costs nothing next to
// the primitive it calls).
#if defined(__CUDACC__) || defined(__CUDACC_RTC__)
#define BATTC_CALL_FN __device__ __noinline__
#else
#define BATTC_CALL_FN inline __attribute__((noinline))
#endif

namespace battc::abi {

// A program's outcome from its statements' status bytes: the first failing
// statement in program order is where Python raises (an operand fails before
// any statement that uses it), so its status, reason and index are the
// program's.
DSL_FN void program_failure(const dsl::u8* st, const int* stmts, int begin, int end, ProgramOut& out) {
  out.status = 0;
  for (int i = begin; i < end; ++i) {
    dsl::u8 b = st[stmts[i]];
    if (b == 0) continue;
    out.status = dsl::u8(b & 3);
    out.why = dsl::u8(b >> 2);
    out.stmt = dsl::u16(i - begin);
    return;
  }
}
// Where an evaluation's programs find what they need and what they state:
// program p needs the slots need[need_start[p] .. need_start[p + 1]) and its
// statements are stmts[stmt_start[p] .. stmt_start[p + 1]), in program order
// (the unit's kNeed*/kStmt* tables, a group's kGNeed*/kGStmt*, the spec
// engine's plan).
struct ProgramTables {
  const int* need_start;
  const int* need;
  const int* stmt_start;
  const int* stmts;
};

// The programs an evaluation is asked for, as mark_needed and
// record_outcomes take them: called with k, the program whose outcome goes in
// out[k] (an index into the ProgramTables), or -1 when out[k] is not asked.
// A whole batt's: out[k] is program k, asked when want[k] (want nullptr: all).
struct WantedPrograms {
  const dsl::u8* want;
  DSL_FN int operator()(int k) const { return !want || want[k] ? k : -1; }
};
// A group's: out[k] is the group's k-th program, programs[k], asked when bit
// k of mask is set (abi::CudaItem::mask).
struct MaskedPrograms {
  const int* programs;
  dsl::u64 mask;
  DSL_FN int operator()(int k) const { return mask >> k & 1 ? programs[k] : -1; }
};

// The three steps every evaluation of programs shares (battc_eval,
// eval_group in runtime/abi/group_eval.h, the spec engine's eval):
//   init_outcomes before the run: each out[k] is the arena-budget failure,
//     what it stays when the run's State does not fit (evaluated 0);
//   mark_needed once the State is there: the needed nodes of every asked
//     program flagged (the run computes only those);
//   record_outcomes after the run: each asked program marked evaluated, its
//     outcome from its statements (program_failure), and `finish(p, out[k])`
//     recording its returned value when it succeeded.
DSL_FN void init_outcomes(ProgramOut* out, int n) {
  for (int k = 0; k < n; ++k)
    out[k] = ProgramOut{dsl::u8(dsl::Status::Budget), 0, 0, 0, dsl::u8(dsl::Why::Arena), 0, dsl::Grid{}, nullptr};
}
template <class Asked>
DSL_FN void mark_needed(const ProgramTables& t, int n, const Asked& asked, dsl::u8* need) {
  for (int k = 0; k < n; ++k) {
    const int p = asked(k);
    if (p < 0) continue;
    for (int j = t.need_start[p]; j < t.need_start[p + 1]; ++j) need[t.need[j]] = 1;
  }
}
// `st`: the run's status bytes, indexed as the tables' statements. The
// context's status is cleared before each program: the encoder gives up on a
// failed context, and the run leaves the last statement's status there.
template <class Asked, class Finish>
DSL_FN void record_outcomes(dsl::Ctx& c, const ProgramTables& t, int n, const Asked& asked, const dsl::u8* st,
                            ProgramOut* out, const Finish& finish) {
  for (int k = 0; k < n; ++k) {
    const int p = asked(k);
    if (p < 0) continue;
    out[k].evaluated = 1;
    program_failure(st, t.stmts, t.stmt_start[p], t.stmt_start[p + 1], out[k]);
    c.status = dsl::Status::Ok;
    if (out[k].status == 0) finish(p, out[k]);
  }
}

// A returned value into its ProgramOut: a grid and whether it matches the
// known output; its dump JSON in the arena when asked (`encode`, batt_abi.h;
// budget when no room).
template <class T>
DSL_FN void record_value(dsl::Ctx& c, const SampleIn& s, const T& v, ProgramOut& out, int encode) {
  if constexpr (dsl::is_same_v<T, dsl::Grid>) {
    out.is_grid = !v.ragged();  // a ragged tuple of rows is no ARC grid
    out.grid = v;
    out.matches = s.has_expected && dsl::eq(v, s.expected);
    if (encode == kEncodeNonGrids && out.is_grid) return;
  }
  if (encode) {
    out.text = dsl::encode_json(c, v);
    if (!out.text) out.status = dsl::u8(dsl::Status::Budget);
  }
}

// BATTC_RUN around `out = f(c, a...)`, or the status `failed` when an
// operand failed (operands_failed): one emitted statement of kind call.
template <class T, class F, class... A>
BATTC_CALL_FN void run_call(dsl::Ctx& c, dsl::i64 work, dsl::u8& status, T& out, dsl::u8 failed, const F& f,
                            const A&... a) {
  if (failed) {
    status = failed;
    return;
  }
  dsl::u64 mark = c.mark();
  c.status = dsl::Status::Ok;
  const dsl::i64 given = start_work(c, work);
  out = f(c, a...);
  end_work(c, given);
  status = status_byte(c.status, c.why);
  if (status != 0) c.release(mark);
}

}  // namespace battc::abi
