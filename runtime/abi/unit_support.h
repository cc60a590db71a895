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

}  // namespace battc::abi

// One statement: a fresh status and work budget; a failed statement's
// allocations are dropped, so a runaway value cannot starve the others.
// Used inside emitted chunk functions, where `c` is the context and `e` the
// unit's Env.
#define BATTC_RUN(STATUS, ...)                            \
  do {                                                    \
    u64 mark_ = c.mark();                                 \
    c.status = Status::Ok;                                \
    c.work_left = e.work;                                 \
    __VA_ARGS__;                                          \
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

// A program group's State as runtime/abi/group_eval.h sees it: the State
// itself, its status bytes and its need flags (one per slot), and its
// pointers to the per-task values it reads (in the task's Prologue).
struct GroupState {
  void* v = nullptr;
  dsl::u8* st = nullptr;
  dsl::u8* need = nullptr;
  const void** in = nullptr;
};

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
// A returned value into its ProgramOut: a grid and whether it matches the
// known output; its dump JSON in the arena when asked (budget when no room).
template <class T>
DSL_FN void record_value(dsl::Ctx& c, const SampleIn& s, const T& v, ProgramOut& out, int encode) {
  if constexpr (dsl::is_same_v<T, dsl::Grid>) {
    out.is_grid = !v.ragged();  // a ragged tuple of rows is no ARC grid
    out.grid = v;
    out.matches = s.has_expected && dsl::eq(v, s.expected);
  }
  if (encode) {
    out.text = dsl::encode_json(c, v);
    if (!out.text) out.status = dsl::u8(dsl::Status::Budget);
  }
}

// BATTC_RUN around `out = f(c, a...)`, or kStOperand (an operand failed) when
// `failed`: one emitted statement of kind call.
template <class T, class F, class... A>
BATTC_CALL_FN void run_call(dsl::Ctx& c, dsl::i64 work, dsl::u8& status, T& out, bool failed, const F& f,
                            const A&... a) {
  if (failed) {
    status = kStOperand;
    return;
  }
  dsl::u64 mark = c.mark();
  c.status = dsl::Status::Ok;
  c.work_left = work;
  out = f(c, a...);
  status = status_byte(c.status, c.why);
  if (status != 0) c.release(mark);
}

}  // namespace battc::abi
