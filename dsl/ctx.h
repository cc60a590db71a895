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

struct Ctx {
  u8* base = nullptr;  // arena memory, owned by the caller
  u64 cap = 0;         // arena bytes
  u64 top = 0;         // bytes in use
  i64 work_left = 0;   // work units left before `budget`
  Status status = Status::Ok;

  Ctx() = default;
  DSL_FN Ctx(u8* mem, u64 bytes, i64 work) : base(mem), cap(bytes), work_left(work) {}

  DSL_FN bool ok() const { return status == Status::Ok; }
  DSL_FN bool failed() const { return status != Status::Ok; }
  // Records a failure of the value being computed; the first one is kept.
  DSL_FN void fail(Status s = Status::Error) {
    if (status == Status::Ok) status = s;
  }
  // Takes `units` of work; false (and status `budget`) once the budget is gone.
  DSL_FN bool spend(i64 units) {
    work_left -= units;
    if (work_left < 0) {
      fail(Status::Budget);
      return false;
    }
    return true;
  }
  // Room for n objects of T, aligned to 8 bytes; nullptr (and status `budget`)
  // when the arena is full. Callers must check before writing.
  template <class T>
  DSL_FN T* alloc(i64 n) {
    if (n < 0) {
      fail(Status::Error);
      return nullptr;
    }
    u64 bytes = (u64(n) * sizeof(T) + 7u) & ~u64(7);
    if (bytes > cap - top) {
      fail(Status::Budget);
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
