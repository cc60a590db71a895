// tests/dsl/box_sort_test.cpp: the bitmap sort of points and cells
// (dsl/box_sort.h) against the comparison sort it stands in for: the same
// set, and the same charges (work units left, status, why, arena top) under
// budgets and arenas that run out before, during and after the sort.
#include <array>
#include <random>
#include <vector>

#include "tests/dsl/dsl_test_util.h"

using namespace battc::dsl;

namespace {

using Coords = std::array<i64, 3>;  // a point or cell as (colour, i, j), comparable

template <class T>
Coords coords(const T& x) {
  Coords k;
  box_coords(x, k[0], k[1], k[2]);
  return k;
}

struct Outcome {
  std::vector<Coords> set;
  i64 work_left = 0;
  u64 top = 0;
  Status status = Status::Ok;
  Why why = Why::Unspecified;
  bool operator==(const Outcome& o) const {
    return set == o.set && work_left == o.work_left && top == o.top && status == o.status &&
           why == o.why;
  }
};

// Sorts a copy of `in` in a context of `work` units and `arena` bytes (with
// `used` bytes taken before), by the dispatching sort or by comparisons.
template <class T>
Outcome sort_in(const std::vector<T>& in, i64 work, u64 arena, u64 used, bool comparisons) {
  std::vector<unsigned char> mem(arena + 64);
  Ctx c(mem.data(), arena, work);
  c.top = used;
  std::vector<T> a = in;
  i32 n = i32(a.size());
  i32 k;
  if (comparisons) {
    i32 runs = 1;
    for (i32 i = 1; i < n; ++i) runs += cmp(a[i], a[i - 1]) < 0;
    k = comparison_sort_unique(c, a.data(), n, runs);
  } else {
    k = sort_unique(c, a.data(), n);
  }
  Outcome o{{}, c.work_left, c.top, c.status, c.why};
  for (i32 i = 0; i < k; ++i) o.set.push_back(coords(a[i]));
  // Below zero the amount overspent is never read (end_work clamps it).
  if (o.work_left < 0) o.work_left = -1;
  return o;
}

Pt random_pt(std::mt19937& rng, int lo, int hi) {
  std::uniform_int_distribution<int> d(lo, hi);
  return Pt{d(rng), d(rng)};
}

// A random patch: n points in [lo, hi]^2, in one of three shapes of input
// (shuffled, a few ascending runs as a merge makes, nearly sorted).
template <class T>
std::vector<T> random_patch(std::mt19937& rng, int n, int lo, int hi, int colours) {
  std::vector<T> a;
  std::uniform_int_distribution<int> colour(0, colours - 1);
  for (int i = 0; i < n; ++i) {
    if constexpr (is_same_v<T, Pt>)
      a.push_back(random_pt(rng, lo, hi));
    else
      a.push_back(Cell{colour(rng), random_pt(rng, lo, hi)});
  }
  int shape = int(rng() % 3);
  if (shape == 1) {  // runs of about n / 8, each ascending
    int run = n / 8 + 1;
    for (int i = 0; i < n; i += run)
      std::sort(a.begin() + i, a.begin() + std::min(n, i + run), [](const T& x, const T& y) { return cmp(x, y) < 0; });
  } else if (shape == 2 && n > 2) {
    std::sort(a.begin(), a.end(), [](const T& x, const T& y) { return cmp(x, y) < 0; });
    std::swap(a[0], a[n - 1]);
  }
  return a;
}

template <class T>
void check_same_as_comparisons(std::mt19937& rng, int rounds) {
  const int sizes[] = {2, 5, 17, 40, 63, 64, 65, 100, 257, 900};
  for (int r = 0; r < rounds; ++r) {
    int n = sizes[r % 10];
    int span = int(rng() % 4) == 0 ? 400 : 12;  // most boxes fit, some do not
    int lo = int(rng() % 3) == 0 ? -7 : 0;
    auto in = random_patch<T>(rng, n, lo, lo + span, 1 + int(rng() % 10));
    const Outcome full = sort_in(in, 1'000'000, 1 << 20, 0, true);
    REQUIRE(sort_in(in, 1'000'000, 1 << 20, 0, false) == full);
    // Budgets ending at each charge; arenas full at each allocation.
    i64 spent = 1'000'000 - full.work_left;
    for (i64 w = spent - 2 * n; w <= spent; w += (n + 1) / 2) {
      if (w < 0) continue;
      INFO("n " << n << ", work " << w);
      REQUIRE(sort_in(in, w, 1 << 20, 0, false) == sort_in(in, w, 1 << 20, 0, true));
    }
    for (u64 room : {u64(0), u64(8), u64(4 * n), u64(4 * n + 8), u64(sizeof(T) * n), u64(sizeof(T) * n + 4 * n + 16)}) {
      INFO("n " << n << ", arena room " << room);
      REQUIRE(sort_in(in, 1'000'000, 4096 + room, 4096, false) == sort_in(in, 1'000'000, 4096 + room, 4096, true));
    }
  }
}

}  // namespace

TEST_CASE("box sort: points sort as the comparison sort does, at its cost", "[dsl][order]") {
  std::mt19937 rng(7);
  check_same_as_comparisons<Pt>(rng, 400);
}

TEST_CASE("box sort: cells sort as the comparison sort does, at its cost", "[dsl][order]") {
  std::mt19937 rng(11);
  check_same_as_comparisons<Cell>(rng, 400);
}

TEST_CASE("box sort: boxes too large or at the integer limits fall back", "[dsl][order]") {
  // Extents near 2^32 must neither overflow nor fit.
  std::vector<Pt> far = {Pt{kInt32Max, 0}, Pt{kInt32Min, 0}, Pt{0, kInt32Max}, Pt{0, kInt32Min}};
  CHECK_FALSE(box_fits(point_box(far.data(), 4), kBoxMaxWords));
  const Outcome o = sort_in(far, 1000, 1 << 16, 0, false);
  CHECK(o == sort_in(far, 1000, 1 << 16, 0, true));
  REQUIRE(o.set.size() == 4);
  CHECK(o.set[0] == Coords{0, kInt32Min, 0});
  CHECK(o.set[3] == Coords{0, kInt32Max, 0});
  // A box that fits exactly: 64 positions in one word, every one taken twice.
  std::vector<Pt> full;
  for (int i = 7; i >= 0; --i)
    for (int j = 0; j < 8; ++j) full.push_back(Pt{i, j}), full.push_back(Pt{i, j});
  CHECK(box_fits(point_box(full.data(), i32(full.size())), 1));
  const Outcome f = sort_in(full, 10'000, 1 << 16, 0, false);
  CHECK(f == sort_in(full, 10'000, 1 << 16, 0, true));
  CHECK(f.set.size() == 64);
}
