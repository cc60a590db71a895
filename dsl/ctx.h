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

struct Ctx {
  u8* base = nullptr;  // arena memory, owned by the caller
  u64 cap = 0;         // arena bytes
  u64 top = 0;         // bytes in use
  i64 work_left = 0;   // work units left before `budget`
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
  DSL_FN void release(u64 m) { top = m; }
};

}  // namespace battc::dsl
