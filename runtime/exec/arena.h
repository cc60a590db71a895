// runtime/exec/arena.h: an arena's memory, left uninitialized so that a large
// budget costs only the pages an evaluation touches (std::vector would zero
// them all). 16-byte aligned, as operator new[] guarantees.
#pragma once

#include <cstdint>
#include <memory>

#include "dsl/ctx.h"

namespace battc::runtime {

class Arena {
 public:
  Arena() = default;
  explicit Arena(std::uint64_t bytes) : mem_(new dsl::u8[bytes ? bytes : 1]), bytes_(bytes) {}

  // A context over the whole arena, empty, status Ok, with `work` units.
  dsl::Ctx ctx(std::int64_t work) const { return dsl::Ctx(mem_.get(), bytes_, work); }
  std::uint64_t bytes() const { return bytes_; }
  void release() {
    mem_.reset();
    bytes_ = 0;
  }

 private:
  std::unique_ptr<dsl::u8[]> mem_;
  std::uint64_t bytes_ = 0;
};

}  // namespace battc::runtime
