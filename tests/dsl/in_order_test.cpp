// tests/dsl/in_order_test.cpp: primitives that write their result in its
// final order instead of building it and sorting (product of two sets) or
// that skip per-cell arithmetic (upscale of a grid), against the general
// way: the same value, and the same charges (work units left, status, why,
// arena top) under budgets and arenas that run out before, during and after.
#include <random>
#include <vector>

#include "tests/dsl/dsl_test_util.h"

using namespace battc::dsl;

namespace {

struct Outcome {
  std::string value;  // the dump text
  i64 work_left = 0;
  u64 top = 0;
  Status status = Status::Ok;
  Why why = Why::Unspecified;
  bool operator==(const Outcome& o) const {
    return value == o.value && work_left == o.work_left && top == o.top && status == o.status && why == o.why;
  }
};

template <class T>
std::vector<T> random_set(std::mt19937& rng, int n) {
  std::uniform_int_distribution<int> d(-3, 12);
  std::vector<T> v;
  for (int i = 0; i < n; ++i) {
    if constexpr (is_same_v<T, Int>)
      v.push_back(d(rng));
    else
      v.push_back(Pt{d(rng), d(rng)});
  }
  std::sort(v.begin(), v.end(), [](const T& x, const T& y) { return cmp(x, y) < 0; });
  v.erase(std::unique(v.begin(), v.end(), [](const T& x, const T& y) { return cmp(x, y) == 0; }), v.end());
  return v;
}

// product(a, b) in a context of `work` units and `arena` bytes (`used` of
// them taken before): of the two sets, or of the same elements as tuples,
// which build the pairs and sort them.
template <class A, class B>
Outcome product_in(std::vector<A> a, std::vector<B> b, i64 work, u64 arena, u64 used, bool as_sets) {
  std::vector<unsigned char> mem(arena + 64);
  Ctx c(mem.data(), arena, work);
  c.top = used;
  Outcome o;
  if (as_sets)
    o.value = battc::test::enc(product(c, FSet<A>{a.data(), i32(a.size())}, FSet<B>{b.data(), i32(b.size())}));
  else
    o.value = battc::test::enc(product(c, Tuple<A>{a.data(), i32(a.size())}, Tuple<B>{b.data(), i32(b.size())}));
  o.work_left = c.work_left < 0 ? -1 : c.work_left;  // below zero the overspend is never read
  o.top = c.top;
  o.status = c.status;
  o.why = c.why;
  return o;
}

template <class A, class B>
void check_product(std::mt19937& rng, int rounds) {
  const int sizes[] = {0, 1, 2, 3, 7, 9, 16, 30, 70};
  for (int r = 0; r < rounds; ++r) {
    auto a = random_set<A>(rng, sizes[rng() % 9]);
    auto b = random_set<B>(rng, sizes[rng() % 9]);
    const i64 n = i64(a.size() * b.size());
    const Outcome full = product_in(a, b, 1'000'000, 1 << 22, 0, false);
    INFO("sizes " << a.size() << " x " << b.size());
    REQUIRE(product_in(a, b, 1'000'000, 1 << 22, 0, true) == full);
    const i64 spent = 1'000'000 - full.work_left;
    for (i64 w = spent - 3 * n - 1; w <= spent; w += n / 3 + 1) {
      if (w < 0) continue;
      INFO("work " << w);
      REQUIRE(product_in(a, b, w, 1 << 22, 0, true) == product_in(a, b, w, 1 << 22, 0, false));
    }
    const u64 pair = sizeof(Pair<A, B>);
    for (u64 room : {u64(0), pair * n, pair * n + 8, 2 * pair * n, 2 * pair * n + 4 * u64(b.size()) + 8,
                     3 * pair * n + 64}) {
      INFO("arena room " << room);
      REQUIRE(product_in(a, b, 1'000'000, 4096 + room, 4096, true) ==
              product_in(a, b, 1'000'000, 4096 + room, 4096, false));
    }
  }
}

}  // namespace

TEST_CASE("product of two sets: in canonical order as written, charged as the sort", "[dsl][order]") {
  std::mt19937 rng(5);
  check_product<Pt, Pt>(rng, 300);
  check_product<Pt, Int>(rng, 300);
}

TEST_CASE("upscale of a grid: each cell factor x factor times, as index arithmetic says", "[dsl][grids]") {
  battc::test::Eval e;
  std::mt19937 rng(3);
  for (int r = 0; r < 200; ++r) {
    const int h = 1 + int(rng() % 6), w = int(rng() % 6), f = 1 + int(rng() % 4);
    std::vector<Int> cells(std::size_t(h * w));
    for (Int& x : cells) x = Int(rng() % 10);
    const Grid g{cells.data(), h, w};
    const Grid up = upscale(e.c, g, f);
    REQUIRE(e.c.ok());
    REQUIRE(up.h == h * f);
    REQUIRE(up.w == w * f);
    for (int i = 0; i < up.h; ++i)
      for (int j = 0; j < up.w; ++j) REQUIRE(up.at(i, j) == g.at(i / f, j / f));
  }
}
