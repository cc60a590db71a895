// tests/generator/mutate/fits_memo_test.cpp: the memo of which names fit a
// mutation site gives what computing gives, computes each key once, is safe
// from several threads, and starts over past its bound; and a mutator that
// keeps its lists makes the same mutants, draw for draw, as a fresh one.
#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "generator/diag/diagnostics.h"
#include "generator/mutate/fits_memo.h"
#include "generator/mutate/mutate.h"
#include "generator/mutate/program_text.h"
#include "generator/parse/parser.h"

using namespace battc::generator;

TEST_CASE("fits memo: a key's list is computed once and given back as computed", "[generator][mutate]") {
  FitsMemo memo;
  int computed = 0;
  auto compute = [&] {
    ++computed;
    return FitsMemo::Fits{3, 1, 4};
  };
  CHECK(memo.get({1, 2, 3}, compute) == FitsMemo::Fits{3, 1, 4});
  CHECK(memo.get({1, 2, 3}, compute) == FitsMemo::Fits{3, 1, 4});
  CHECK(computed == 1);
  // Another key, even a prefix of the first, is another list.
  CHECK(memo.get({1, 2}, [] { return FitsMemo::Fits{}; }).empty());
  CHECK(memo.get({1, 2, 3, 0}, [] { return FitsMemo::Fits{9}; }) == FitsMemo::Fits{9});
  CHECK(computed == 1);
}

TEST_CASE("fits memo: threads asking the same keys get the same lists", "[generator][mutate]") {
  FitsMemo memo;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (std::uintptr_t k = 0; k < 2000; ++k) {
        auto got = memo.get({k}, [k] { return FitsMemo::Fits{std::uint16_t(k % 7), std::uint16_t(k % 11)}; });
        if (got != FitsMemo::Fits{std::uint16_t(k % 7), std::uint16_t(k % 11)}) ++wrong;
      }
    });
  for (std::thread& t : threads) t.join();
  CHECK(wrong == 0);
}

TEST_CASE("fits memo: past its bound it starts over and still answers", "[generator][mutate]") {
  FitsMemo memo;
  for (std::uintptr_t k = 0; k <= FitsMemo::kMaxKeys; ++k) memo.get({k}, [] { return FitsMemo::Fits{}; });
  int computed = 0;
  CHECK(memo.get({0}, [&] { return ++computed, FitsMemo::Fits{5}; }) == FitsMemo::Fits{5});  // forgotten: computed
  CHECK(computed == 1);
}

TEST_CASE("fits memo: a mutator's kept lists change no draw", "[generator][mutate]") {
  // The same seeded draws of every kind from one mutator used over and over
  // (its lists kept) and from a fresh mutator per draw (nothing kept).
  const char* text = R"PY(
def solve_x(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = recolor(EIGHT, x2)
    x4 = paint(I, x3)
    x5 = vmirror(x4)
    O = replace(x5, ONE, TWO)
    return O
)PY";
  TypeTable tt;
  Signatures sig(tt);
  SourceSet sources;
  Diagnostics diags;
  auto parsed = parse_program_file(sources, sources.add("x.py", text), diags);
  REQUIRE(parsed.programs.size() == 1);
  auto typed = type_program(parsed.programs[0], Dialect::ArcDsl, sig);
  REQUIRE(typed);
  MutationContext ctx{&sig, {0, 1, 2, 8}};
  Mutator kept(sig);
  int made = 0;
  for (int kind = 0; kind < kMutationKinds; ++kind)
    for (std::uint64_t draw = 0; draw < 60; ++draw) {
      Rng a(draw, std::uint64_t(kind)), b(draw, std::uint64_t(kind));
      Mutator fresh(sig);
      auto x = kept.mutate(*typed, MutationKind(kind), a, ctx, &*typed);
      auto y = fresh.mutate(*typed, MutationKind(kind), b, ctx, &*typed);
      REQUIRE(x.has_value() == y.has_value());
      if (!x) continue;
      ++made;
      CHECK(program_text(canonical_program(*x), "m") == program_text(canonical_program(*y), "m"));
      CHECK(a.below(1000000) == b.below(1000000));  // the same draws used
    }
  CHECK(made > 200);
}
