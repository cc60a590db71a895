// tests/runtime/arena_test.cpp: released arenas are kept for the next arena
// of their size, with what they hold up to kResident, and trim() gives them
// back.
#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

#include "runtime/exec/arena.h"

using battc::runtime::Arena;

namespace {

battc::dsl::u8* base_of(const Arena& a) {
  battc::dsl::Ctx c = a.ctx(1);
  return c.alloc<battc::dsl::u8>(1);
}

}  // namespace

TEST_CASE("arena: a released mapping serves the next arena of its size, not of another", "[exec][arena]") {
  Arena::trim();
  constexpr std::uint64_t kBytes = std::uint64_t(80) << 20;  // past kResident (64 MiB)
  battc::dsl::u8* first = nullptr;
  {
    Arena a(kBytes);
    first = base_of(a);
    REQUIRE(first != nullptr);
    std::memset(first, 0x5a, 4096);
    std::memset(first + (std::uint64_t(70) << 20), 0x5a, 4096);  // beyond what a kept mapping holds
  }
  {
    Arena other(kBytes / 2);
    CHECK(base_of(other) != first);
  }
  Arena b(kBytes);
  REQUIRE(base_of(b) == first);
  CHECK(first[0] == 0x5a);                             // kept: the last user's bytes
  CHECK(first[(std::uint64_t(70) << 20)] == 0);        // given back past kResident: fresh zero pages
  CHECK(b.bytes() == kBytes);
  b.release();
  Arena::trim();
  Arena c(kBytes);
  CHECK(c.bytes() == kBytes);
  CHECK(base_of(c) != nullptr);
}

TEST_CASE("arena: many released at once, the rest go back to the kernel", "[exec][arena]") {
  Arena::trim();
  std::vector<Arena> many;
  for (int i = 0; i < 40; ++i) many.emplace_back(std::uint64_t(1) << 20);
  for (const Arena& a : many) *base_of(a) = 0x5a;
  many.clear();  // 32 kept with their bytes, 8 unmapped
  int kept = 0;
  for (int i = 0; i < 40; ++i) {
    many.emplace_back(std::uint64_t(1) << 20);
    kept += *base_of(many.back()) == 0x5a;  // a fresh mapping reads zero
  }
  CHECK(kept == 32);
  many.clear();
  Arena::trim();
  Arena fresh(std::uint64_t(1) << 20);
  CHECK(*base_of(fresh) == 0);
}

TEST_CASE("arena: a kept mapping serves only an arena of its kind of pages", "[exec][arena]") {
  Arena::trim();
  constexpr std::uint64_t kBytes = std::uint64_t(4) << 20;
  battc::dsl::u8* huge = nullptr;
  {
    Arena a(kBytes, Arena::Pages::Huge);
    huge = base_of(a);
    *huge = 0x5a;
  }
  {
    Arena small(kBytes);  // a prologue's: not the huge one
    CHECK(base_of(small) != huge);
  }
  Arena again(kBytes, Arena::Pages::Huge);
  CHECK(base_of(again) == huge);
  CHECK(*huge == 0x5a);
  Arena moved = std::move(again);
  moved.release();
  Arena third(kBytes, Arena::Pages::Huge);  // the move kept its kind
  CHECK(base_of(third) == huge);
  Arena::trim();
}
