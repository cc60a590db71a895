// dsl/ctx.h: the evaluation context every primitive takes first. It owns the
// arena (values are immutable and allocated by a pointer bump, freed all at
// once by reset) and the budget, and it carries the status of the value being
// computed: failure is a status, never an exception, so that DSL code runs
// unchanged on the GPU.
#pragma once

#include "dsl/base.h"

namespace battc::dsl {

// Ok < Error < Budget is not an order of severity: the first failure wins.
enum class Status : u8 { Ok = 0, Error = 1, Budget = 2 };

DSL_FN const char* status_name(Status s) {
  return s == Status::Ok ? "ok" : s == Status::Error ? "error" : "budget";
}

// Why a value failed: what an `error` or `budget` evaluation reports beside
// its status (the dump's "reason", results.json, the summary). Six bits: a
// statement's status byte holds the Status in its low two bits and this above
// them (runtime/abi/unit_support.h).
enum class Why : u8 {
  Unspecified = 0,  // an error no primitive named (Python's exception, in general)
  Empty = 1,        // a container was empty (first, argmax, min of nothing, ...)
  Index = 2,        // an index or rank out of range
  Divide = 3,       // division or modulo by zero
  Type = 4,         // a value of a type Python's code does not take (TypeError, AttributeError)
  Value = 5,        // a value out of the range Python's code takes (ValueError, a negative size, ...)
  Work = 6,         // the work budget ran out (a runaway)
  Arena = 7,        // the arena ran out
  Operand = 8,      // an operand had failed (never the first failure of a program)
  NoOutput = 9,     // a differ's C: the sample's output is not known
  CIsNone = 10,     // a solver's C is None
  Recursion = 11,   // Python's recursion limit
};
inline constexpr int kWhyCount = 12;

DSL_FN const char* why_name(Why w) {
  switch (w) {
    case Why::Unspecified: return "error";
    case Why::Empty: return "empty container";
    case Why::Index: return "index out of range";
    case Why::Divide: return "division by zero";
    case Why::Type: return "wrong type";
    case Why::Value: return "bad value";
    case Why::Work: return "work budget";
    case Why::Arena: return "arena budget";
    case Why::Operand: return "operand failed";
    case Why::NoOutput: return "no known output (C)";
    case Why::CIsNone: return "C is None in a solver";
    case Why::Recursion: return "recursion limit";
  }
  return "error";
}

// Results of a primitive on an arena value met before in this evaluation, by
// the value's address, length and element size (see Ctx::memo). Values are
// immutable, and an address is only used again after release() frees it,
// which drops its entries; a Ctx is made per batt call, so entries never
// outlive the arena contents they describe.
struct MemoEntry {
  const void* p = nullptr;
  i32 n = 0;
  i32 tag = 0;  // which primitive, and the element size
  i64 v = 0;
};
#ifdef __CUDA_ARCH__
inline constexpr int kMemoSlots = 4;  // a GPU thread's Ctx stays small
#else
inline constexpr int kMemoSlots = 512;  // argmin over a hundred objects, per cell
#endif

inline constexpr i64 kNoItemWorkCap = i64(~u64(0) >> 1);

struct Ctx {
  u8* base = nullptr;  // arena memory, owned by the caller
  u64 cap = 0;         // arena bytes
  u64 top = 0;         // bytes in use
  i64 work_left = 0;   // work units left before `budget`
  // Work units left to the whole evaluation, over its statements: a GPU work
  // item's cap (GpuExecOptions::item_work), after which its statements end
  // in `budget` and the CPU evaluates them again with only the per-statement
  // budget, so results never depend on it. Unlimited elsewhere.
  i64 item_work_left = kNoItemWorkCap;
  Status status = Status::Ok;
  Why why = Why::Unspecified;  // with status: why it failed

  Ctx() = default;
  DSL_FN Ctx(u8* mem, u64 bytes, i64 work) : base(mem), cap(bytes), work_left(work) {}

  DSL_FN bool ok() const { return status == Status::Ok; }
  DSL_FN bool failed() const { return status != Status::Ok; }
  // Records a failure of the value being computed; the first one is kept.
  DSL_FN void fail(Why w = Why::Unspecified) { fail(Status::Error, w); }
  DSL_FN void fail(Status s, Why w = Why::Unspecified) {
    if (status != Status::Ok) return;
    status = s;
    why = w;
  }
  // Takes `units` of work; false (and status `budget`) once the budget is gone.
  DSL_FN bool spend(i64 units) {
    work_left -= units;
    if (work_left < 0) {
      fail(Status::Budget, Why::Work);
      return false;
    }
    return true;
  }
  // Room for n objects of T, aligned to 8 bytes; nullptr (and status `budget`)
  // when the arena is full. Callers must check before writing.
  template <class T>
  DSL_FN T* alloc(i64 n) {
    if (n < 0) {
      fail(Status::Error, Why::Value);
      return nullptr;
    }
    u64 bytes = (u64(n) * sizeof(T) + 7u) & ~u64(7);
    if (bytes > cap - top) {
      fail(Status::Budget, Why::Arena);
      return nullptr;
    }
    T* p = reinterpret_cast<T*>(base + top);
    top += bytes;
    return p;
  }
  // Arena watermark: temporaries allocated after mark() can be dropped by
  // release(mark) once nothing refers to them.
  DSL_FN u64 mark() const { return top; }
  DSL_FN void release(u64 m) {
    top = m;
    if (memo_hi < base + m) return;  // no entry in the freed bytes (the usual case)
    memo_hi = nullptr;
    for (MemoEntry& e : memo) {
      if (!in_arena(e.p)) continue;
      if (e.p >= base + m) e = MemoEntry{};
      else if (e.p > memo_hi) memo_hi = e.p;
    }
  }

  // A direct-mapped memo: center() asks the same object again and again when
  // a closure compares every cell with every object (the profile's hottest
  // primitive). A hit must charge the work the computation would have, so
  // budgets end where they did without it.
  MemoEntry memo[kMemoSlots];
  const void* memo_hi = nullptr;  // the highest entry address in the arena
  DSL_FN bool in_arena(const void* p) const { return p >= base && p < base + cap; }
  DSL_FN MemoEntry& memo_slot(const void* p) {
    u64 h = (reinterpret_cast<u64>(p) >> 3) * 0x9E3779B97F4A7C15ull;
    return memo[h >> 52 & u64(kMemoSlots - 1)];
  }
  DSL_FN bool memo_find(const void* p, i32 n, i32 tag, i64& v) {
    const MemoEntry& e = memo_slot(p);
    if (e.p != p || e.n != n || e.tag != tag) return false;
    v = e.v;
    return true;
  }
  DSL_FN void memo_keep(const void* p, i32 n, i32 tag, i64 v) {
    memo_slot(p) = MemoEntry{p, n, tag, v};
    if (in_arena(p) && p > memo_hi) memo_hi = p;
  }
};

}  // namespace battc::dsl
