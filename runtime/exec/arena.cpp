// runtime/exec/arena.cpp: mmap with MAP_NORESERVE: address space now, memory
// on first touch (the kernel's overcommit does the rest).
#include "runtime/exec/arena.h"

#include <sys/mman.h>

#include <string>
#include <utility>

#include "runtime/exec/execute.h"

namespace battc::runtime {

Arena::Arena(std::uint64_t bytes) : bytes_(bytes) {
  void* p = ::mmap(nullptr, bytes ? bytes : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
  if (p == MAP_FAILED) {
    bytes_ = 0;
    throw ExecError("cannot reserve " + std::to_string(bytes >> 20) +
                    " MiB for an evaluation's arena (--budget-mb): lower it, or run fewer --jobs");
  }
  mem_ = static_cast<dsl::u8*>(p);
}

Arena::~Arena() { release(); }

Arena::Arena(Arena&& o) noexcept : mem_(std::exchange(o.mem_, nullptr)), bytes_(std::exchange(o.bytes_, 0)) {}

Arena& Arena::operator=(Arena&& o) noexcept {
  if (this != &o) {
    release();
    mem_ = std::exchange(o.mem_, nullptr);
    bytes_ = std::exchange(o.bytes_, 0);
  }
  return *this;
}

void Arena::release() {
  if (mem_) ::munmap(mem_, bytes_ ? bytes_ : 1);
  mem_ = nullptr;
  bytes_ = 0;
}

}  // namespace battc::runtime
