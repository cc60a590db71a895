// runtime/exec/arena.h: an arena's memory, reserved, not committed: the
// pages come from the kernel as an evaluation first touches them, so a large
// budget (--budget-mb, up to 64 GiB) costs only what is used, and a budget
// the machine cannot even reserve is a clear error, never std::bad_alloc.
// Page aligned.
#pragma once

#include <cstdint>

#include "dsl/ctx.h"

namespace battc::runtime {

class Arena {
 public:
  Arena() = default;
  // Throws ExecError (runtime/exec/execute.h) when the address space cannot
  // be had.
  explicit Arena(std::uint64_t bytes);
  ~Arena();
  Arena(Arena&& o) noexcept;
  Arena& operator=(Arena&& o) noexcept;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // A context over the whole arena, empty, status Ok, with `work` units.
  dsl::Ctx ctx(std::int64_t work) const { return dsl::Ctx(mem_, bytes_, work); }
  std::uint64_t bytes() const { return bytes_; }
  void release();

 private:
  dsl::u8* mem_ = nullptr;
  std::uint64_t bytes_ = 0;
};

}  // namespace battc::runtime
