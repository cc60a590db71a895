// runtime/exec/arena.h: an arena's memory, reserved, not committed: the
// pages come from the kernel as an evaluation first touches them, so a large
// budget (--budget-mb, up to 64 GiB) costs only what is used, and a budget
// the machine cannot even reserve is a clear error, never std::bad_alloc.
// Page aligned.
//
// Released mappings are kept for the next arena of the same size and kind
// (a few, process-wide), with the pages they touched: a search
// makes new evaluation threads and task prologues every round, and the
// kernel's first-touch faults on fresh arenas were a tenth of a short run's
// time. A reused arena holds the last user's bytes, as an evaluation
// thread's arena always did between batt calls: nothing reads arena memory
// it did not write.
#pragma once

#include <cstdint>

#include "dsl/ctx.h"

namespace battc::runtime {

class Arena {
 public:
  Arena() = default;
  // Huge asks for transparent huge pages (where the kernel gives them on
  // request, its "madvise" setting): first touches fault once per 2 MiB
  // instead of once per 4 KiB. For evaluation threads' arenas, filled again
  // and again; a task prologue's few bytes would each zero 2 MiB (the
  // cross product ran 4% slower with every arena huge).
  enum class Pages { Small, Huge };
  // Throws ExecError (runtime/exec/execute.h) when the address space cannot
  // be had.
  explicit Arena(std::uint64_t bytes, Pages pages = Pages::Small);
  ~Arena();
  Arena(Arena&& o) noexcept;
  Arena& operator=(Arena&& o) noexcept;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // A context over the whole arena, empty, status Ok, with `work` units.
  dsl::Ctx ctx(std::int64_t work) const { return dsl::Ctx(mem_, bytes_, work); }
  std::uint64_t bytes() const { return bytes_; }
  // Back to the kept mappings (or to the kernel when enough are kept).
  void release();
  // Every kept mapping back to the kernel (tests, and a caller done with
  // evaluation for good).
  static void trim();

 private:
  dsl::u8* mem_ = nullptr;
  std::uint64_t bytes_ = 0;
  Pages pages_ = Pages::Small;
};

}  // namespace battc::runtime
