// runtime/exec/arena.cpp: mmap with MAP_NORESERVE: address space now, memory
// on first touch (the kernel's overcommit does the rest).
#include "runtime/exec/arena.h"

#include <sys/mman.h>

#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "runtime/exec/execute.h"

namespace battc::runtime {
namespace {

// Released mappings kept for reuse: at most kKept (two per thread of a
// 16-core machine: its evaluation threads' and prologues' arenas).
constexpr std::size_t kKept = 32;

struct Mapping {
  void* p;
  std::uint64_t bytes;
  Arena::Pages pages;  // reused only for the same kind: a prologue in huge pages zeroes 2 MiB a touch
};

struct Kept {
  std::mutex m;
  std::vector<Mapping> maps;
};

Kept& kept() {
  static Kept* k = new Kept;  // never destroyed: arenas may be released during exit
  return *k;
}

void* take_kept(std::uint64_t bytes, Arena::Pages pages) {
  Kept& k = kept();
  std::lock_guard<std::mutex> lock(k.m);
  for (std::size_t i = k.maps.size(); i-- > 0;)
    if (k.maps[i].bytes == bytes && k.maps[i].pages == pages) {
      void* p = k.maps[i].p;
      k.maps.erase(k.maps.begin() + static_cast<std::ptrdiff_t>(i));
      return p;
    }
  return nullptr;
}

// What a kept mapping holds on to: its first kResident bytes stay touched,
// the rest goes back to the kernel (a runaway's hundreds of megabytes are
// not kept for the rounds after it).
constexpr std::uint64_t kResident = std::uint64_t(64) << 20;

bool keep(void* p, std::uint64_t bytes, Arena::Pages pages) {
  Kept& k = kept();
  {
    std::lock_guard<std::mutex> lock(k.m);
    if (k.maps.size() >= kKept) return false;
  }
  // Outside the lock (other threads release too); the count is checked again.
  if (bytes > kResident) ::madvise(static_cast<char*>(p) + kResident, bytes - kResident, MADV_DONTNEED);
  std::lock_guard<std::mutex> lock(k.m);
  if (k.maps.size() >= kKept) return false;
  k.maps.push_back({p, bytes, pages});
  return true;
}

}  // namespace

Arena::Arena(std::uint64_t bytes, Pages pages) : bytes_(bytes), pages_(pages) {
  if (void* p = take_kept(bytes, pages)) {
    mem_ = static_cast<dsl::u8*>(p);
    return;
  }
  void* p = ::mmap(nullptr, bytes ? bytes : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
  if (p == MAP_FAILED) {
    bytes_ = 0;
    throw ExecError("cannot reserve " + std::to_string(bytes >> 20) +
                    " MiB for an evaluation's arena (--budget-mb): lower it, or run fewer --jobs");
  }
  if (pages == Pages::Huge) ::madvise(p, bytes ? bytes : 1, MADV_HUGEPAGE);  // advice: may be ignored
  mem_ = static_cast<dsl::u8*>(p);
}

Arena::~Arena() { release(); }

Arena::Arena(Arena&& o) noexcept
    : mem_(std::exchange(o.mem_, nullptr)), bytes_(std::exchange(o.bytes_, 0)), pages_(o.pages_) {}

Arena& Arena::operator=(Arena&& o) noexcept {
  if (this != &o) {
    release();
    mem_ = std::exchange(o.mem_, nullptr);
    bytes_ = std::exchange(o.bytes_, 0);
    pages_ = o.pages_;
  }
  return *this;
}

void Arena::release() {
  if (mem_ && !keep(mem_, bytes_, pages_)) ::munmap(mem_, bytes_ ? bytes_ : 1);
  mem_ = nullptr;
  bytes_ = 0;
}

void Arena::trim() {
  Kept& k = kept();
  std::lock_guard<std::mutex> lock(k.m);
  for (const Mapping& m : k.maps) ::munmap(m.p, m.bytes ? m.bytes : 1);
  k.maps.clear();
}

}  // namespace battc::runtime
