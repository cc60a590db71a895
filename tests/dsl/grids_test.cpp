// tests/dsl/grids_test.cpp: grid and element primitives (grids.h) against
// arc-dsl's Python results, empty grids (), grids of empty rows, negative
// slices, degenerate splits and failures included.
#include <map>
#include <random>

#include "dsl/encode.h"
#include "tests/dsl/dsl_test_util.h"

using namespace battc::test;
using namespace battc::dsl;

namespace {

Grid G(Eval& e, const std::string& s) { return e.val<Grid>(s); }
[[maybe_unused]] Object O(Eval& e, const char* s) { return e.val<Object>(s); }
[[maybe_unused]] Indices I(Eval& e, const char* s) { return e.val<Indices>(s); }

// The dump JSON of a result, or "<error>" / "<budget>" when the call failed;
// clears the status for the next call.
template <class T>
std::string R(Eval& e, const T& v) {
  std::string s = e.c.ok() ? enc(v) : std::string("<") + status_name(e.c.status) + ">";
  e.reset();
  return s;
}

}  // namespace

// Expected values below come from running arc-dsl's dsl.py with canonical set
// order (shared/reference/canonical_ref.py) on the same inputs.

TEST_CASE("mostcolor, leastcolor on grids, objects and indices", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, mostcolor(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"))) == J(R"(0)"));
  CHECK(R(e, leastcolor(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"))) == J(R"(1)"));
  CHECK(R(e, mostcolor(e.c, G(e, "[[3,1],[1,3]]"))) == J(R"(1)"));
  CHECK(R(e, leastcolor(e.c, G(e, "[[3,1],[1,3]]"))) == J(R"(1)"));
  CHECK(R(e, mostcolor(e.c, G(e, "[[100,-7,100],[-7,100,2000]]"))) == J(R"(100)"));
  CHECK(R(e, leastcolor(e.c, G(e, "[[100,-7,100],[-7,100,2000]]"))) == J(R"(2000)"));
  CHECK(R(e, mostcolor(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"(0)"));
  CHECK(R(e, leastcolor(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"(7)"));
  CHECK(R(e, mostcolor(e.c, G(e, "[]"))) == "<error>");  // ValueError
  CHECK(R(e, leastcolor(e.c, G(e, "[]"))) == "<error>");  // ValueError
  CHECK(R(e, mostcolor(e.c, G(e, "[[],[]]"))) == "<error>");  // ValueError
  CHECK(R(e, mostcolor(e.c, O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"))) == J(R"(2)"));
  CHECK(R(e, leastcolor(e.c, O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"))) == J(R"(1)"));
  CHECK(R(e, mostcolor(e.c, O(e, "[]"))) == "<error>");  // ValueError
  CHECK(R(e, mostcolor(e.c, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"))) == J(R"(0)"));
  CHECK(R(e, leastcolor(e.c, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"))) == J(R"(1)"));
  CHECK(R(e, leastcolor(e.c, I(e, "[]"))) == "<error>");  // ValueError
}

TEST_CASE("palette, numcolors, colorcount", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, palette(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"))) == J(R"({"set":[0,1,2,3,4]})"));
  CHECK(R(e, palette(e.c, G(e, "[[100,-7,100],[-7,100,2000]]"))) == J(R"({"set":[-7,100,2000]})"));
  CHECK(R(e, palette(e.c, G(e, "[]"))) == J(R"({"set":[]})"));
  CHECK(R(e, palette(e.c, G(e, "[[],[]]"))) == J(R"({"set":[]})"));
  CHECK(R(e, palette(e.c, O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"))) == J(R"({"set":[1,2,3]})"));
  CHECK(R(e, palette(e.c, O(e, "[]"))) == J(R"({"set":[]})"));
  CHECK(R(e, palette(e.c, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"))) == J(R"({"set":[0,1,3]})"));
  CHECK(R(e, numcolors(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"))) == J(R"(5)"));
  CHECK(R(e, numcolors(e.c, G(e, "[[100,-7,100],[-7,100,2000]]"))) == J(R"(3)"));
  CHECK(R(e, numcolors(e.c, G(e, "[]"))) == J(R"(0)"));
  CHECK(R(e, numcolors(e.c, O(e, "[[1,[0,0]],[2,[0,0]],[2,[1,1]]]"))) == J(R"(2)"));
  CHECK(R(e, numcolors(e.c, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"))) == J(R"(3)"));
  CHECK(R(e, colorcount(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 0)) == J(R"(6)"));
  CHECK(R(e, colorcount(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 9)) == J(R"(0)"));
  CHECK(R(e, colorcount(e.c, G(e, "[]"), 0)) == J(R"(0)"));
  CHECK(R(e, colorcount(e.c, O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"), 2)) == J(R"(2)"));
  CHECK(R(e, colorcount(e.c, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"), 3)) == J(R"(2)"));
  CHECK(R(e, colorcount(e.c, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"), 2)) == J(R"(0)"));
}

// The colour tallies count a grid in several lanes from 32 cells on and fall
// back to a sort when the values span 64 or more: every size and range
// against counting by hand (ties to the smaller value, as max() and min()
// over the canonical set order give them).
TEST_CASE("colour tallies of grids of every size and value range agree with counting", "[dsl][grids]") {
  Eval e;
  std::mt19937 rng(7);
  const std::vector<std::pair<int, int>> ranges = {{0, 9}, {0, 63}, {-5, 5}, {0, 70}, {-2000, 2000}};
  for (int n = 1; n <= 70; ++n)
    for (auto [lo, hi] : ranges) {
      std::vector<Int> cells(std::size_t(n), 0);
      std::uniform_int_distribution<int> value(lo, hi), coin(0, 3);
      for (Int& x : cells) x = coin(rng) ? Int(lo < 0 ? 0 : lo) : Int(value(rng));  // mostly one colour
      std::map<Int, int> count;
      for (Int x : cells) ++count[x];
      Int most = count.begin()->first, least = most;
      for (auto [v, k] : count) {
        if (k > count[most]) most = v;
        if (k < count[least]) least = v;
      }
      std::string rows = "[[";
      for (int i = 0; i < n; ++i) rows += (i ? "," : "") + std::to_string(cells[std::size_t(i)]);
      Grid g = G(e, rows + "]]");
      INFO("n " << n << ", values " << lo << ".." << hi);
      CHECK(mostcolor(e.c, g) == most);
      CHECK(leastcolor(e.c, g) == least);
      CHECK(numcolors(e.c, g) == Int(count.size()));
      CHECK(colorcount(e.c, g, cells[0]) == Int(count[cells[0]]));
      FSet<Int> p = palette(e.c, g);
      REQUIRE(p.n == i32(count.size()));
      i32 k = 0;
      for (auto [v, c] : count) CHECK(p.p[k++] == v);
      CHECK(e.c.ok());
      e.reset();
    }
}

TEST_CASE("asindices, ofcolor, asobject, toobject", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, asindices(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"({"set":[[0,0],[0,1],[0,2],[1,0],[1,1],[1,2]]})"));
  CHECK(R(e, asindices(e.c, G(e, "[]"))) == J(R"({"set":[]})"));
  CHECK(R(e, asindices(e.c, G(e, "[[],[]]"))) == J(R"({"set":[]})"));
  CHECK(R(e, ofcolor(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 0)) == J(R"({"set":[[0,0],[0,1],[1,0],[2,1],[2,2],[2,3]]})"));
  CHECK(R(e, ofcolor(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 9)) == J(R"({"set":[]})"));
  CHECK(R(e, ofcolor(e.c, G(e, "[]"), 0)) == J(R"({"set":[]})"));
  CHECK(R(e, asobject(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"))) == J(R"({"set":[[0,[0,0]],[0,[0,1]],[0,[1,0]],[0,[2,1]],[0,[2,2]],[0,[2,3]],[1,[0,2]],[2,[0,3]],[2,[1,3]],[3,[1,1]],[3,[1,2]],[4,[2,0]]]})"));
  CHECK(R(e, asobject(e.c, G(e, "[]"))) == J(R"({"set":[]})"));
  CHECK(R(e, asobject(e.c, G(e, "[[],[]]"))) == J(R"({"set":[]})"));
  CHECK(R(e, asobject(e.c, G(e, "[[100,-7,100],[-7,100,2000]]"))) == J(R"({"set":[[-7,[0,1]],[-7,[1,0]],[100,[0,0]],[100,[0,2]],[100,[1,1]],[2000,[1,2]]]})"));
  CHECK(R(e, toobject(e.c, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"), G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"))) == J(R"({"set":[[0,[0,0]],[1,[0,2]],[3,[1,1]]]})"));
  CHECK(R(e, toobject(e.c, I(e, "[[-1,0],[0,0],[1,2]]"), G(e, "[[1,2,3],[4,5,6]]"))) == J(R"({"set":[[1,[0,0]],[6,[1,2]]]})"));
  CHECK(R(e, toobject(e.c, I(e, "[]"), G(e, "[[1,2,3],[4,5,6]]"))) == J(R"({"set":[]})"));
  CHECK(R(e, toobject(e.c, O(e, "[[1,[0,0]],[2,[0,0]],[2,[1,1]]]"), G(e, "[[1,2,3],[4,5,6]]"))) == J(R"({"set":[[1,[0,0]],[5,[1,1]]]})"));
  CHECK(R(e, toobject(e.c, O(e, "[[7,[-1,-1]],[7,[0,0]],[8,[2,5]]]"), G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"))) == J(R"({"set":[[0,[0,0]]]})"));
  CHECK(R(e, toobject(e.c, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"), G(e, "[]"))) == "<error>");  // IndexError
  CHECK(R(e, toobject(e.c, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"), G(e, "[[],[]]"))) == J(R"({"set":[]})"));
}

TEST_CASE("crop and subgrid follow Python slicing", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, crop(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), Pt{0, 0}, Pt{2, 2})) == J(R"([[1,2],[4,5]])"));
  CHECK(R(e, crop(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), Pt{1, 1}, Pt{5, 5})) == J(R"([[5,6],[8,9]])"));
  CHECK(R(e, crop(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), Pt{-1, 1}, Pt{2, 2})) == J(R"([])"));
  CHECK(R(e, crop(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), Pt{-2, -2}, Pt{1, 1})) == J(R"([[5]])"));
  CHECK(R(e, crop(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), Pt{-2, -3}, Pt{2, 2})) == J(R"([])"));
  CHECK(R(e, crop(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), Pt{0, 0}, Pt{-1, -1})) == J(R"([[1,2],[4,5]])"));
  CHECK(R(e, crop(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), Pt{1, 3}, Pt{2, 2})) == J(R"([[],[]])"));
  CHECK(R(e, crop(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), Pt{3, 0}, Pt{2, 2})) == J(R"([])"));
  CHECK(R(e, crop(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), Pt{0, 0}, Pt{0, 2})) == J(R"([])"));
  CHECK(R(e, crop(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), Pt{-5, -5}, Pt{6, 6})) == J(R"([[1]])"));
  CHECK(R(e, crop(e.c, G(e, "[]"), Pt{0, 0}, Pt{2, 2})) == J(R"([])"));
  CHECK(R(e, crop(e.c, G(e, "[[],[]]"), Pt{0, 0}, Pt{2, 2})) == J(R"([[],[]])"));
  CHECK(R(e, crop(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), Pt{5, kNone}, Pt{1, 1})) == J(R"([])"));
  CHECK(R(e, crop(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), Pt{0, kNone}, Pt{1, 1})) == "<error>");  // TypeError
  CHECK(R(e, subgrid(e.c, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"), G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"([[1,1,2],[1,3,3],[0,0,3],[0,0,0]])"));
  CHECK(R(e, subgrid(e.c, O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"), G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"([[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]])"));
  CHECK(R(e, subgrid(e.c, I(e, "[[1,1],[2,3]]"), G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"([[3,3,0],[0,3,0]])"));
  CHECK(R(e, subgrid(e.c, I(e, "[[-1,0],[0,0],[1,2]]"), G(e, "[[1,2,3],[4,5,6],[7,8,9]]"))) == J(R"([])"));
  CHECK(R(e, subgrid(e.c, O(e, "[[7,[-1,-1]],[7,[0,0]],[8,[2,5]]]"), G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"([])"));
  CHECK(R(e, subgrid(e.c, I(e, "[]"), G(e, "[[1,2,3],[4,5,6],[7,8,9]]"))) == "<error>");  // IndexError
  CHECK(R(e, subgrid(e.c, O(e, "[]"), G(e, "[[1,2,3],[4,5,6],[7,8,9]]"))) == "<error>");  // IndexError
  CHECK(R(e, subgrid(e.c, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"), G(e, "[]"))) == J(R"([])"));
}

TEST_CASE("rotations and mirrors of grids", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, rot90(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[4,1],[5,2],[6,3]])"));
  CHECK(R(e, rot90(e.c, G(e, "[[5]]"))) == J(R"([[5]])"));
  CHECK(R(e, rot90(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, rot90(e.c, G(e, "[[],[]]"))) == J(R"([])"));
  CHECK(R(e, rot180(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[6,5,4],[3,2,1]])"));
  CHECK(R(e, rot180(e.c, G(e, "[[5]]"))) == J(R"([[5]])"));
  CHECK(R(e, rot180(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, rot180(e.c, G(e, "[[],[]]"))) == J(R"([[],[]])"));
  CHECK(R(e, rot270(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[3,6],[2,5],[1,4]])"));
  CHECK(R(e, rot270(e.c, G(e, "[[5]]"))) == J(R"([[5]])"));
  CHECK(R(e, rot270(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, rot270(e.c, G(e, "[[],[]]"))) == J(R"([])"));
  CHECK(R(e, hmirror(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[4,5,6],[1,2,3]])"));
  CHECK(R(e, hmirror(e.c, G(e, "[[5]]"))) == J(R"([[5]])"));
  CHECK(R(e, hmirror(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, hmirror(e.c, G(e, "[[],[]]"))) == J(R"([[],[]])"));
  CHECK(R(e, vmirror(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[3,2,1],[6,5,4]])"));
  CHECK(R(e, vmirror(e.c, G(e, "[[5]]"))) == J(R"([[5]])"));
  CHECK(R(e, vmirror(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, vmirror(e.c, G(e, "[[],[]]"))) == J(R"([[],[]])"));
  CHECK(R(e, dmirror(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[1,4],[2,5],[3,6]])"));
  CHECK(R(e, dmirror(e.c, G(e, "[[5]]"))) == J(R"([[5]])"));
  CHECK(R(e, dmirror(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, dmirror(e.c, G(e, "[[],[]]"))) == J(R"([])"));
  CHECK(R(e, cmirror(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[6,3],[5,2],[4,1]])"));
  CHECK(R(e, cmirror(e.c, G(e, "[[5]]"))) == J(R"([[5]])"));
  CHECK(R(e, cmirror(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, cmirror(e.c, G(e, "[[],[]]"))) == J(R"([])"));
}

TEST_CASE("grid measures", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, height(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"(2)"));
  CHECK(R(e, height(e.c, G(e, "[]"))) == J(R"(0)"));
  CHECK(R(e, height(e.c, G(e, "[[],[]]"))) == J(R"(2)"));
  CHECK(R(e, height(e.c, G(e, "[[5]]"))) == J(R"(1)"));
  CHECK(R(e, height(e.c, G(e, "[[1],[2],[3]]"))) == J(R"(3)"));
  CHECK(R(e, height(e.c, G(e, "[[1,2,3]]"))) == J(R"(1)"));
  CHECK(R(e, width(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"(3)"));
  CHECK(R(e, width(e.c, G(e, "[]"))) == J(R"(0)"));
  CHECK(R(e, width(e.c, G(e, "[[],[]]"))) == J(R"(0)"));
  CHECK(R(e, width(e.c, G(e, "[[5]]"))) == J(R"(1)"));
  CHECK(R(e, width(e.c, G(e, "[[1],[2],[3]]"))) == J(R"(1)"));
  CHECK(R(e, width(e.c, G(e, "[[1,2,3]]"))) == J(R"(3)"));
  CHECK(R(e, shape(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([2,3])"));
  CHECK(R(e, shape(e.c, G(e, "[]"))) == J(R"([0,0])"));
  CHECK(R(e, shape(e.c, G(e, "[[],[]]"))) == J(R"([2,0])"));
  CHECK(R(e, shape(e.c, G(e, "[[5]]"))) == J(R"([1,1])"));
  CHECK(R(e, shape(e.c, G(e, "[[1],[2],[3]]"))) == J(R"([3,1])"));
  CHECK(R(e, shape(e.c, G(e, "[[1,2,3]]"))) == J(R"([1,3])"));
  CHECK(R(e, portrait(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"(false)"));
  CHECK(R(e, portrait(e.c, G(e, "[]"))) == J(R"(false)"));
  CHECK(R(e, portrait(e.c, G(e, "[[],[]]"))) == J(R"(true)"));
  CHECK(R(e, portrait(e.c, G(e, "[[5]]"))) == J(R"(false)"));
  CHECK(R(e, portrait(e.c, G(e, "[[1],[2],[3]]"))) == J(R"(true)"));
  CHECK(R(e, portrait(e.c, G(e, "[[1,2,3]]"))) == J(R"(false)"));
  CHECK(R(e, square(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"(false)"));
  CHECK(R(e, square(e.c, G(e, "[]"))) == "<error>");  // IndexError
  CHECK(R(e, square(e.c, G(e, "[[],[]]"))) == J(R"(false)"));
  CHECK(R(e, square(e.c, G(e, "[[5]]"))) == J(R"(true)"));
  CHECK(R(e, square(e.c, G(e, "[[1],[2],[3]]"))) == J(R"(false)"));
  CHECK(R(e, square(e.c, G(e, "[[1,2,3]]"))) == J(R"(false)"));
  CHECK(R(e, vline(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"(false)"));
  CHECK(R(e, vline(e.c, G(e, "[]"))) == J(R"(false)"));
  CHECK(R(e, vline(e.c, G(e, "[[],[]]"))) == J(R"(false)"));
  CHECK(R(e, vline(e.c, G(e, "[[5]]"))) == J(R"(true)"));
  CHECK(R(e, vline(e.c, G(e, "[[1],[2],[3]]"))) == J(R"(true)"));
  CHECK(R(e, vline(e.c, G(e, "[[1,2,3]]"))) == J(R"(false)"));
  CHECK(R(e, hline(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"(false)"));
  CHECK(R(e, hline(e.c, G(e, "[]"))) == J(R"(false)"));
  CHECK(R(e, hline(e.c, G(e, "[[],[]]"))) == J(R"(false)"));
  CHECK(R(e, hline(e.c, G(e, "[[5]]"))) == J(R"(true)"));
  CHECK(R(e, hline(e.c, G(e, "[[1],[2],[3]]"))) == J(R"(false)"));
  CHECK(R(e, hline(e.c, G(e, "[[1,2,3]]"))) == J(R"(false)"));
}

TEST_CASE("fill, paint, underfill, underpaint", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, fill(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 9, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"))) == J(R"([[9,0,9,2],[0,9,3,2],[4,0,0,0]])"));
  CHECK(R(e, fill(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 9, O(e, "[[7,[-1,-1]],[7,[0,0]],[8,[2,5]]]"))) == J(R"([[9,0,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, fill(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 9, I(e, "[]"))) == J(R"([[0,0,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, fill(e.c, G(e, "[]"), 9, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"))) == "<error>");  // IndexError
  CHECK(R(e, fill(e.c, G(e, "[[],[]]"), 9, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"))) == J(R"([[],[]])"));
  CHECK(R(e, fill(e.c, G(e, "[[1,2,3],[4,5,6]]"), kNone, I(e, "[[0,0]]"))) == J(R"([[null,2,3],[4,5,6]])"));
  CHECK(R(e, paint(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"))) == J(R"([[2,2,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, paint(e.c, G(e, "[[1,2,3],[4,5,6]]"), O(e, "[[1,[0,0]],[2,[0,0]],[2,[1,1]]]"))) == J(R"([[2,2,3],[4,2,6]])"));
  CHECK(R(e, paint(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), O(e, "[[7,[-1,-1]],[7,[0,0]],[8,[2,5]]]"))) == J(R"([[7,0,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, paint(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), O(e, "[]"))) == J(R"([[0,0,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, paint(e.c, G(e, "[]"), O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"))) == "<error>");  // IndexError
  CHECK(R(e, paint(e.c, G(e, "[[],[]]"), O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"))) == J(R"([[],[]])"));
  CHECK(R(e, underfill(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 9, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"))) == J(R"([[9,0,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, underfill(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 9, O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"))) == J(R"([[9,9,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, underfill(e.c, G(e, "[]"), 9, I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"))) == "<error>");  // IndexError
  CHECK(R(e, underfill(e.c, G(e, "[[],[]]"), 9, I(e, "[]"))) == "<error>");  // ValueError
  CHECK(R(e, underpaint(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"))) == J(R"([[2,2,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, underpaint(e.c, G(e, "[[0,0],[0,1]]"), O(e, "[[0,[0,0]],[5,[0,0]],[6,[0,1]],[1,[1,1]]]"))) == J(R"([[5,6],[0,1]])"));
  CHECK(R(e, underpaint(e.c, G(e, "[[1,1],[0,1]]"), O(e, "[[2,[0,0]],[3,[0,0]]]"))) == J(R"([[2,1],[0,1]])"));
  CHECK(R(e, underpaint(e.c, G(e, "[]"), O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"))) == "<error>");  // IndexError
  CHECK(R(e, underpaint(e.c, G(e, "[[],[]]"), O(e, "[]"))) == "<error>");  // ValueError
}

TEST_CASE("cover and move", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, cover(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), I(e, "[[0,0],[0,2],[1,1],[3,0],[3,1]]"))) == J(R"([[0,0,0,2],[0,0,3,2],[4,0,0,0]])"));
  CHECK(R(e, cover(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"))) == J(R"([[0,0,1,2],[0,0,3,2],[4,0,0,0]])"));
  CHECK(R(e, cover(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), I(e, "[]"))) == J(R"([[0,0,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, cover(e.c, G(e, "[]"), I(e, "[]"))) == "<error>");  // ValueError
  CHECK(R(e, cover(e.c, G(e, "[[],[]]"), I(e, "[]"))) == "<error>");  // ValueError
  CHECK(R(e, move(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), O(e, "[[3,[1,1]],[3,[1,2]]]"), Pt{1, 0})) == J(R"([[0,0,1,2],[0,0,0,2],[4,3,3,0]])"));
  CHECK(R(e, move(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), O(e, "[[3,[1,1]],[3,[1,2]]]"), Pt{-1, 2})) == J(R"([[0,0,1,3],[0,0,0,2],[4,0,0,0]])"));
  CHECK(R(e, move(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), O(e, "[[7,[-1,-1]],[7,[0,0]],[8,[2,5]]]"), Pt{1, 1})) == J(R"([[7,0,1,2],[0,7,3,2],[4,0,0,0]])"));
  CHECK(R(e, move(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), O(e, "[]"), Pt{1, 1})) == J(R"([[0,0,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, move(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), O(e, "[[3,[1,1]]]"), Pt{2147483647, 2147483647})) == J(R"([[0,0,1,2],[0,0,3,2],[4,0,0,0]])"));
  CHECK(R(e, move(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), O(e, "[[3,[1,1]]]"), Pt{kNone, 0})) == "<error>");  // TypeError
  CHECK(R(e, move(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), O(e, "[]"), Pt{kNone, 0})) == J(R"([[0,0,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, move(e.c, G(e, "[]"), O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"), Pt{0, 0})) == "<error>");  // ValueError
  CHECK(R(e, move(e.c, G(e, "[[],[]]"), O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"), Pt{0, 0})) == "<error>");  // ValueError
}

TEST_CASE("upscale and downscale", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, hupscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), 2)) == J(R"([[1,1,2,2,3,3],[4,4,5,5,6,6]])"));
  CHECK(R(e, hupscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), 1)) == J(R"([[1,2,3],[4,5,6]])"));
  CHECK(R(e, hupscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), 0)) == J(R"([[],[]])"));
  CHECK(R(e, hupscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), -2)) == J(R"([[],[]])"));
  CHECK(R(e, hupscale(e.c, G(e, "[]"), 2)) == J(R"([])"));
  CHECK(R(e, hupscale(e.c, G(e, "[[],[]]"), 2)) == J(R"([[],[]])"));
  CHECK(R(e, hupscale(e.c, G(e, "[[],[]]"), 0)) == J(R"([[],[]])"));
  CHECK(R(e, hupscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), kNone)) == "<error>");  // TypeError
  CHECK(R(e, hupscale(e.c, G(e, "[[],[]]"), kNone)) == J(R"([[],[]])"));
  CHECK(R(e, vupscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), 2)) == J(R"([[1,2,3],[1,2,3],[4,5,6],[4,5,6]])"));
  CHECK(R(e, vupscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), 1)) == J(R"([[1,2,3],[4,5,6]])"));
  CHECK(R(e, vupscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), 0)) == J(R"([])"));
  CHECK(R(e, vupscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), -2)) == J(R"([])"));
  CHECK(R(e, vupscale(e.c, G(e, "[]"), 2)) == J(R"([])"));
  CHECK(R(e, vupscale(e.c, G(e, "[[],[]]"), 2)) == J(R"([[],[],[],[]])"));
  CHECK(R(e, vupscale(e.c, G(e, "[[],[]]"), 0)) == J(R"([])"));
  CHECK(R(e, vupscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), kNone)) == "<error>");  // TypeError
  CHECK(R(e, vupscale(e.c, G(e, "[[],[]]"), kNone)) == "<error>");  // TypeError
  CHECK(R(e, upscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), 2)) == J(R"([[1,1,2,2,3,3],[1,1,2,2,3,3],[4,4,5,5,6,6],[4,4,5,5,6,6]])"));
  CHECK(R(e, upscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), 1)) == J(R"([[1,2,3],[4,5,6]])"));
  CHECK(R(e, upscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), 0)) == J(R"([])"));
  CHECK(R(e, upscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), -2)) == J(R"([])"));
  CHECK(R(e, upscale(e.c, G(e, "[]"), 2)) == J(R"([])"));
  CHECK(R(e, upscale(e.c, G(e, "[[],[]]"), 2)) == J(R"([[],[],[],[]])"));
  CHECK(R(e, upscale(e.c, G(e, "[[],[]]"), 0)) == J(R"([])"));
  CHECK(R(e, upscale(e.c, G(e, "[[1,2,3],[4,5,6]]"), kNone)) == "<error>");  // TypeError
  CHECK(R(e, upscale(e.c, G(e, "[[],[]]"), kNone)) == "<error>");  // TypeError
  CHECK(R(e, upscale(e.c, O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"), 2)) == J(R"({"set":[[1,[10,10]],[1,[10,11]],[1,[11,10]],[1,[11,11]],[2,[0,0]],[2,[0,1]],[2,[0,2]],[2,[0,3]],[2,[1,0]],[2,[1,1]],[2,[1,2]],[2,[1,3]],[3,[2,2]],[3,[2,3]],[3,[3,2]],[3,[3,3]]]})"));
  CHECK(R(e, upscale(e.c, O(e, "[[7,[-1,-1]],[7,[0,0]],[8,[2,5]]]"), 2)) == J(R"({"set":[[7,[-1,-1]],[7,[-1,0]],[7,[0,-1]],[7,[0,0]],[7,[1,1]],[7,[1,2]],[7,[2,1]],[7,[2,2]],[8,[5,11]],[8,[5,12]],[8,[6,11]],[8,[6,12]]]})"));
  CHECK(R(e, upscale(e.c, O(e, "[[1,[0,0]],[2,[0,0]],[2,[1,1]]]"), 3)) == J(R"({"set":[[1,[0,0]],[1,[0,1]],[1,[0,2]],[1,[1,0]],[1,[1,1]],[1,[1,2]],[1,[2,0]],[1,[2,1]],[1,[2,2]],[2,[0,0]],[2,[0,1]],[2,[0,2]],[2,[1,0]],[2,[1,1]],[2,[1,2]],[2,[2,0]],[2,[2,1]],[2,[2,2]],[2,[3,3]],[2,[3,4]],[2,[3,5]],[2,[4,3]],[2,[4,4]],[2,[4,5]],[2,[5,3]],[2,[5,4]],[2,[5,5]]]})"));
  CHECK(R(e, upscale(e.c, O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"), 0)) == J(R"({"set":[]})"));
  CHECK(R(e, upscale(e.c, O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"), -1)) == J(R"({"set":[]})"));
  CHECK(R(e, upscale(e.c, O(e, "[]"), 3)) == J(R"({"set":[]})"));
  CHECK(R(e, upscale(e.c, O(e, "[]"), kNone)) == J(R"({"set":[]})"));
  CHECK(R(e, upscale(e.c, O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"), kNone)) == "<error>");  // TypeError
  CHECK(R(e, downscale(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 2)) == J(R"([[1,2,2],[0,3,0]])"));
  CHECK(R(e, downscale(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 3)) == J(R"([[1,2],[0,0]])"));
  CHECK(R(e, downscale(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), -2)) == J(R"([[1,2,2],[0,3,0]])"));
  CHECK(R(e, downscale(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 1)) == J(R"([[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]])"));
  CHECK(R(e, downscale(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 10)) == J(R"([[1]])"));
  CHECK(R(e, downscale(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 0)) == "<error>");  // ZeroDivisionError
  CHECK(R(e, downscale(e.c, G(e, "[[],[]]"), 2)) == J(R"([[]])"));
  CHECK(R(e, downscale(e.c, G(e, "[[],[]]"), 0)) == "<error>");  // ZeroDivisionError
  CHECK(R(e, downscale(e.c, G(e, "[]"), 2)) == "<error>");  // IndexError
  CHECK(R(e, downscale(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), kNone)) == "<error>");  // TypeError
}

TEST_CASE("hconcat, vconcat, cellwise", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, hconcat(e.c, G(e, "[[1,2,3],[4,5,6]]"), G(e, "[[1,2,3],[4,5,6],[7,8,9]]"))) == J(R"([[1,2,3,1,2,3],[4,5,6,4,5,6]])"));
  CHECK(R(e, hconcat(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"), G(e, "[[7],[8]]"))) == J(R"([[1,2,3,7],[4,5,6,8]])"));
  CHECK(R(e, hconcat(e.c, G(e, "[[1,2,3],[4,5,6]]"), G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, hconcat(e.c, G(e, "[]"), G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([])"));
  CHECK(R(e, hconcat(e.c, G(e, "[[],[]]"), G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[1,2,3],[4,5,6]])"));
  CHECK(R(e, hconcat(e.c, G(e, "[[],[]]"), G(e, "[[],[]]"))) == J(R"([[],[]])"));
  CHECK(R(e, vconcat(e.c, G(e, "[[1,2,3],[4,5,6]]"), G(e, "[[1,2,3],[4,5,6],[7,8,9]]"))) == J(R"([[1,2,3],[4,5,6],[1,2,3],[4,5,6],[7,8,9]])"));
  CHECK(R(e, vconcat(e.c, G(e, "[[1,2,3],[4,5,6]]"), G(e, "[]"))) == J(R"([[1,2,3],[4,5,6]])"));
  CHECK(R(e, vconcat(e.c, G(e, "[]"), G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[1,2,3],[4,5,6]])"));
  CHECK(R(e, vconcat(e.c, G(e, "[]"), G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, vconcat(e.c, G(e, "[[],[]]"), G(e, "[[]]"))) == J(R"([[],[],[]])"));
  CHECK(R(e, cellwise(e.c, G(e, "[[1,2,3],[4,5,6]]"), G(e, "[[1,0,3],[0,5,0]]"), 9)) == J(R"([[1,9,3],[9,5,9]])"));
  CHECK(R(e, cellwise(e.c, G(e, "[[1,2,3],[4,5,6]]"), G(e, "[[1,2,3,4],[4,5,6,7],[0,0,0,0]]"), 0)) == J(R"([[1,2,3],[4,5,6]])"));
  CHECK(R(e, cellwise(e.c, G(e, "[[1,2,3],[4,5,6]]"), G(e, "[[1,2],[4,5]]"), 0)) == "<error>");  // IndexError
  CHECK(R(e, cellwise(e.c, G(e, "[[1,2,3],[4,5,6]]"), G(e, "[[1,2,3]]"), 0)) == "<error>");  // IndexError
  CHECK(R(e, cellwise(e.c, G(e, "[[1,2,3],[4,5,6]]"), G(e, "[]"), 0)) == "<error>");  // IndexError
  CHECK(R(e, cellwise(e.c, G(e, "[]"), G(e, "[[1,2,3],[4,5,6]]"), 0)) == "<error>");  // IndexError
  CHECK(R(e, cellwise(e.c, G(e, "[[],[]]"), G(e, "[]"), 0)) == J(R"([[],[]])"));
  CHECK(R(e, cellwise(e.c, G(e, "[[1,2,3],[4,5,6]]"), G(e, "[[1,2,3],[4,5,6]]"), kNone)) == J(R"([[1,2,3],[4,5,6]])"));
}

TEST_CASE("hsplit and vsplit, degenerate splits included", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, hsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 1)) == J(R"([[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]])"));
  CHECK(R(e, vsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 1)) == J(R"([[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]])"));
  CHECK(R(e, hsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 2)) == J(R"([[[1,1],[1,3],[0,0],[0,0]],[[2,2],[0,2],[0,0],[0,7]]])"));
  CHECK(R(e, vsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 2)) == J(R"([[[1,1,2,2,2],[1,3,3,0,2]],[[0,0,3,0,0],[0,0,0,0,7]]])"));
  CHECK(R(e, hsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 3)) == J(R"([[[1],[1],[0],[0]],[[2],[3],[3],[0]],[[2],[2],[0],[7]]])"));
  CHECK(R(e, vsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 3)) == J(R"([[[1,1,2,2,2]],[[0,0,3,0,0]],[]])"));
  CHECK(R(e, hsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 4)) == J(R"([[[1],[1],[0],[0]],[[2],[3],[3],[0]],[[2],[2],[0],[7]],[[],[],[],[]]])"));
  CHECK(R(e, vsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 4)) == J(R"([[[1,1,2,2,2]],[[1,3,3,0,2]],[[0,0,3,0,0]],[[0,0,0,0,7]]])"));
  CHECK(R(e, hsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 5)) == J(R"([[[1],[1],[0],[0]],[[1],[3],[0],[0]],[[2],[3],[3],[0]],[[2],[0],[0],[0]],[[2],[2],[0],[7]]])"));
  CHECK(R(e, vsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 5)) == J(R"([[],[],[],[],[]])"));
  CHECK(R(e, hsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 0)) == "<error>");  // ZeroDivisionError
  CHECK(R(e, vsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), 0)) == "<error>");  // ZeroDivisionError
  CHECK(R(e, hsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), -1)) == J(R"([])"));
  CHECK(R(e, vsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), -1)) == J(R"([])"));
  CHECK(R(e, hsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), kNone)) == "<error>");  // TypeError
  CHECK(R(e, vsplit(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), kNone)) == "<error>");  // TypeError
  CHECK(R(e, hsplit(e.c, G(e, "[]"), 2)) == "<error>");  // IndexError
  CHECK(R(e, vsplit(e.c, G(e, "[]"), 2)) == "<error>");  // IndexError
  CHECK(R(e, hsplit(e.c, G(e, "[[],[]]"), 2)) == J(R"([[[],[]],[[],[]]])"));
  CHECK(R(e, vsplit(e.c, G(e, "[[],[]]"), 2)) == J(R"([[[]],[[]]])"));
  CHECK(R(e, vsplit(e.c, G(e, "[[],[]]"), 3)) == J(R"([[],[],[]])"));
  CHECK(R(e, hsplit(e.c, G(e, "[[1,2,3,4,5,6,7]]"), 3)) == J(R"([[[1,2]],[[4,5]],[[7]]])"));
  CHECK(R(e, vsplit(e.c, G(e, "[[1],[2],[3],[4],[5],[6],[7]]"), 3)) == J(R"([[[1],[2]],[[4],[5]],[[7]]])"));
}

TEST_CASE("replace, switch, index, canvas", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, replace(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 0, 7)) == J(R"([[7,7,1,2],[7,3,3,2],[4,7,7,7]])"));
  CHECK(R(e, replace(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 9, 7)) == J(R"([[0,0,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, replace(e.c, G(e, "[]"), 0, 1)) == J(R"([])"));
  CHECK(R(e, replace(e.c, G(e, "[[],[]]"), 0, 1)) == J(R"([[],[]])"));
  CHECK(R(e, switch_(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 0, 3)) == J(R"([[3,3,1,2],[3,0,0,2],[4,3,3,3]])"));
  CHECK(R(e, switch_(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 3, 3)) == J(R"([[0,0,1,2],[0,3,3,2],[4,0,0,0]])"));
  CHECK(R(e, switch_(e.c, G(e, "[[0,0,1,2],[0,3,3,2],[4,0,0,0]]"), 0, 8)) == J(R"([[8,8,1,2],[8,3,3,2],[4,8,8,8]])"));
  CHECK(R(e, switch_(e.c, G(e, "[]"), 0, 8)) == J(R"([])"));
  CHECK(R(e, switch_(e.c, G(e, "[[],[]]"), 0, 8)) == J(R"([[],[]])"));
  CHECK(R(e, index(e.c, G(e, "[[1,2,3],[4,5,6]]"), Pt{1, 2})) == J(R"(6)"));
  CHECK(R(e, index(e.c, G(e, "[[1,2,3],[4,5,6]]"), Pt{2, 0})) == J(R"(null)"));
  CHECK(R(e, index(e.c, G(e, "[[1,2,3],[4,5,6]]"), Pt{-1, 0})) == J(R"(null)"));
  CHECK(R(e, index(e.c, G(e, "[[1,2,3],[4,5,6]]"), Pt{0, 3})) == J(R"(null)"));
  CHECK(R(e, index(e.c, G(e, "[]"), Pt{0, 0})) == "<error>");  // IndexError
  CHECK(R(e, index(e.c, G(e, "[[],[]]"), Pt{0, 0})) == J(R"(null)"));
  CHECK(R(e, index(e.c, G(e, "[[1,2,3],[4,5,6]]"), Pt{-1, kNone})) == J(R"(null)"));
  CHECK(R(e, index(e.c, G(e, "[[1,2,3],[4,5,6]]"), Pt{0, kNone})) == "<error>");  // TypeError
  CHECK(R(e, index(e.c, G(e, "[[1,2,3],[4,5,6]]"), Pt{kNone, 0})) == "<error>");  // TypeError
  CHECK(R(e, canvas(e.c, 4, Pt{2, 3})) == J(R"([[4,4,4],[4,4,4]])"));
  CHECK(R(e, canvas(e.c, 4, Pt{0, 3})) == J(R"([])"));
  CHECK(R(e, canvas(e.c, 4, Pt{-1, 3})) == J(R"([])"));
  CHECK(R(e, canvas(e.c, 4, Pt{2, 0})) == J(R"([[],[]])"));
  CHECK(R(e, canvas(e.c, 4, Pt{2, -3})) == J(R"([[],[]])"));
  CHECK(R(e, canvas(e.c, kNone, Pt{1, 2})) == J(R"([[null,null]])"));
  CHECK(R(e, canvas(e.c, 4, Pt{0, kNone})) == J(R"([])"));
  CHECK(R(e, canvas(e.c, 4, Pt{kNone, 0})) == "<error>");  // TypeError
  CHECK(R(e, canvas(e.c, 4, Pt{1, kNone})) == "<error>");  // TypeError
}

TEST_CASE("trim and halves of grids of every small size", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, trim(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"([[3,3,0],[0,3,0]])"));
  CHECK(R(e, trim(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"))) == J(R"([[5]])"));
  CHECK(R(e, trim(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([])"));
  CHECK(R(e, trim(e.c, G(e, "[[1,2],[3,4]]"))) == J(R"([])"));
  CHECK(R(e, trim(e.c, G(e, "[[1,2,3]]"))) == J(R"([])"));
  CHECK(R(e, trim(e.c, G(e, "[[1],[2],[3]]"))) == J(R"([[]])"));
  CHECK(R(e, trim(e.c, G(e, "[[5]]"))) == J(R"([])"));
  CHECK(R(e, trim(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, trim(e.c, G(e, "[[],[]]"))) == J(R"([])"));
  CHECK(R(e, trim(e.c, G(e, "[[],[],[]]"))) == J(R"([[]])"));
  CHECK(R(e, tophalf(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"([[1,1,2,2,2],[1,3,3,0,2]])"));
  CHECK(R(e, tophalf(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"))) == J(R"([[1,2,3]])"));
  CHECK(R(e, tophalf(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[1,2,3]])"));
  CHECK(R(e, tophalf(e.c, G(e, "[[1,2],[3,4]]"))) == J(R"([[1,2]])"));
  CHECK(R(e, tophalf(e.c, G(e, "[[1,2,3]]"))) == J(R"([])"));
  CHECK(R(e, tophalf(e.c, G(e, "[[1],[2],[3]]"))) == J(R"([[1]])"));
  CHECK(R(e, tophalf(e.c, G(e, "[[5]]"))) == J(R"([])"));
  CHECK(R(e, tophalf(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, tophalf(e.c, G(e, "[[],[]]"))) == J(R"([[]])"));
  CHECK(R(e, tophalf(e.c, G(e, "[[],[],[]]"))) == J(R"([[]])"));
  CHECK(R(e, bottomhalf(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"([[0,0,3,0,0],[0,0,0,0,7]])"));
  CHECK(R(e, bottomhalf(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"))) == J(R"([[7,8,9]])"));
  CHECK(R(e, bottomhalf(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[4,5,6]])"));
  CHECK(R(e, bottomhalf(e.c, G(e, "[[1,2],[3,4]]"))) == J(R"([[3,4]])"));
  CHECK(R(e, bottomhalf(e.c, G(e, "[[1,2,3]]"))) == J(R"([])"));
  CHECK(R(e, bottomhalf(e.c, G(e, "[[1],[2],[3]]"))) == J(R"([[3]])"));
  CHECK(R(e, bottomhalf(e.c, G(e, "[[5]]"))) == J(R"([])"));
  CHECK(R(e, bottomhalf(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, bottomhalf(e.c, G(e, "[[],[]]"))) == J(R"([[]])"));
  CHECK(R(e, bottomhalf(e.c, G(e, "[[],[],[]]"))) == J(R"([[]])"));
  CHECK(R(e, lefthalf(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"([[1,1],[1,3],[0,0],[0,0]])"));
  CHECK(R(e, lefthalf(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"))) == J(R"([[1],[4],[7]])"));
  CHECK(R(e, lefthalf(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[1],[4]])"));
  CHECK(R(e, lefthalf(e.c, G(e, "[[1,2],[3,4]]"))) == J(R"([[1],[3]])"));
  CHECK(R(e, lefthalf(e.c, G(e, "[[1,2,3]]"))) == J(R"([[1]])"));
  CHECK(R(e, lefthalf(e.c, G(e, "[[1],[2],[3]]"))) == J(R"([])"));
  CHECK(R(e, lefthalf(e.c, G(e, "[[5]]"))) == J(R"([])"));
  CHECK(R(e, lefthalf(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, lefthalf(e.c, G(e, "[[],[]]"))) == J(R"([])"));
  CHECK(R(e, lefthalf(e.c, G(e, "[[],[],[]]"))) == J(R"([])"));
  CHECK(R(e, righthalf(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"([[2,2],[0,2],[0,0],[0,7]])"));
  CHECK(R(e, righthalf(e.c, G(e, "[[1,2,3],[4,5,6],[7,8,9]]"))) == J(R"([[3],[6],[9]])"));
  CHECK(R(e, righthalf(e.c, G(e, "[[1,2,3],[4,5,6]]"))) == J(R"([[3],[6]])"));
  CHECK(R(e, righthalf(e.c, G(e, "[[1,2],[3,4]]"))) == J(R"([[2],[4]])"));
  CHECK(R(e, righthalf(e.c, G(e, "[[1,2,3]]"))) == J(R"([[3]])"));
  CHECK(R(e, righthalf(e.c, G(e, "[[1],[2],[3]]"))) == J(R"([])"));
  CHECK(R(e, righthalf(e.c, G(e, "[[5]]"))) == J(R"([])"));
  CHECK(R(e, righthalf(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, righthalf(e.c, G(e, "[[],[]]"))) == J(R"([])"));
  CHECK(R(e, righthalf(e.c, G(e, "[[],[],[]]"))) == J(R"([])"));
}

TEST_CASE("compress and frontiers", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, compress(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"([[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]])"));
  CHECK(R(e, frontiers(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"))) == J(R"({"set":[]})"));
  CHECK(R(e, compress(e.c, G(e, "[[1,1,1],[2,3,2],[4,4,4]]"))) == J(R"([[2,3,2]])"));
  CHECK(R(e, frontiers(e.c, G(e, "[[1,1,1],[2,3,2],[4,4,4]]"))) == J(R"({"set":[{"set":[[1,[0,0]],[1,[0,1]],[1,[0,2]]]},{"set":[[4,[2,0]],[4,[2,1]],[4,[2,2]]]}]})"));
  CHECK(R(e, compress(e.c, G(e, "[[1,2],[1,3]]"))) == J(R"([[2],[3]])"));
  CHECK(R(e, frontiers(e.c, G(e, "[[1,2],[1,3]]"))) == J(R"({"set":[{"set":[[1,[0,0]],[1,[1,0]]]}]})"));
  CHECK(R(e, compress(e.c, G(e, "[[5,5],[5,5]]"))) == J(R"([])"));
  CHECK(R(e, frontiers(e.c, G(e, "[[5,5],[5,5]]"))) == J(R"({"set":[{"set":[[5,[0,0]],[5,[0,1]]]},{"set":[[5,[0,0]],[5,[1,0]]]},{"set":[[5,[0,1]],[5,[1,1]]]},{"set":[[5,[1,0]],[5,[1,1]]]}]})"));
  CHECK(R(e, compress(e.c, G(e, "[[1,2,3]]"))) == J(R"([[]])"));
  CHECK(R(e, frontiers(e.c, G(e, "[[1,2,3]]"))) == J(R"({"set":[{"set":[[1,[0,0]]]},{"set":[[2,[0,1]]]},{"set":[[3,[0,2]]]}]})"));
  CHECK(R(e, compress(e.c, G(e, "[[1],[2]]"))) == J(R"([])"));
  CHECK(R(e, frontiers(e.c, G(e, "[[1],[2]]"))) == J(R"({"set":[{"set":[[1,[0,0]]]},{"set":[[2,[1,0]]]}]})"));
  CHECK(R(e, compress(e.c, G(e, "[[5]]"))) == J(R"([])"));
  CHECK(R(e, frontiers(e.c, G(e, "[[5]]"))) == J(R"({"set":[{"set":[[5,[0,0]]]}]})"));
  CHECK(R(e, compress(e.c, G(e, "[]"))) == J(R"([])"));
  CHECK(R(e, frontiers(e.c, G(e, "[]"))) == "<error>");  // IndexError
  CHECK(R(e, compress(e.c, G(e, "[[],[]]"))) == J(R"([[],[]])"));
  CHECK(R(e, frontiers(e.c, G(e, "[[],[]]"))) == J(R"({"set":[]})"));
  CHECK(R(e, compress(e.c, G(e, "[[0,1,0,0,2],[0,0,0,0,0],[0,3,0,0,4]]"))) == J(R"([[1,2],[3,4]])"));
  CHECK(R(e, frontiers(e.c, G(e, "[[0,1,0,0,2],[0,0,0,0,0],[0,3,0,0,4]]"))) == J(R"({"set":[{"set":[[0,[0,0]],[0,[1,0]],[0,[2,0]]]},{"set":[[0,[0,2]],[0,[1,2]],[0,[2,2]]]},{"set":[[0,[0,3]],[0,[1,3]],[0,[2,3]]]},{"set":[[0,[1,0]],[0,[1,1]],[0,[1,2]],[0,[1,3]],[0,[1,4]]]}]})"));
}

TEST_CASE("occurrences", "[dsl][grids]") {
  Eval e;
  CHECK(R(e, occurrences(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), O(e, "[[3,[1,1]],[3,[1,2]]]"))) == J(R"({"set":[[1,1]]})"));
  CHECK(R(e, occurrences(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), O(e, "[[0,[5,5]],[0,[5,6]]]"))) == J(R"({"set":[[2,0],[2,3],[3,0],[3,1],[3,2]]})"));
  CHECK(R(e, occurrences(e.c, G(e, "[[1,1,2,2,2],[1,3,3,0,2],[0,0,3,0,0],[0,0,0,0,7]]"), O(e, "[[0,[0,0]],[0,[1,0]]]"))) == J(R"({"set":[[1,3],[2,0],[2,1],[2,3]]})"));
  CHECK(R(e, occurrences(e.c, G(e, "[[1,1,1],[1,1,1]]"), O(e, "[[1,[-3,4]],[1,[-2,5]]]"))) == J(R"({"set":[[0,0],[0,1]]})"));
  CHECK(R(e, occurrences(e.c, G(e, "[[1,2,3],[4,5,6]]"), O(e, "[]"))) == J(R"({"set":[[0,0],[0,1],[0,2],[0,3],[1,0],[1,1],[1,2],[1,3],[2,0],[2,1],[2,2],[2,3]]})"));
  CHECK(R(e, occurrences(e.c, G(e, "[[],[]]"), O(e, "[]"))) == J(R"({"set":[[0,0],[1,0],[2,0]]})"));
  CHECK(R(e, occurrences(e.c, G(e, "[[1,2,3],[4,5,6]]"), O(e, "[[9,[0,0]]]"))) == J(R"({"set":[]})"));
  CHECK(R(e, occurrences(e.c, G(e, "[[1,2,3],[4,5,6]]"), O(e, "[[2,[0,0]],[2,[0,1]],[3,[1,1]],[1,[5,5]]]"))) == J(R"({"set":[]})"));
  CHECK(R(e, occurrences(e.c, G(e, "[[1,2,3],[4,5,6]]"), O(e, "[[1,[0,0]],[2,[0,0]],[2,[1,1]]]"))) == J(R"({"set":[]})"));
  CHECK(R(e, occurrences(e.c, G(e, "[]"), O(e, "[]"))) == "<error>");  // IndexError
  CHECK(R(e, occurrences(e.c, G(e, "[[],[]]"), O(e, "[[1,[0,0]]]"))) == J(R"({"set":[]})"));
}

TEST_CASE("huge results run out of budget instead of memory", "[dsl][grids]") {
  // A fresh context each time: a spent budget stays spent.
  { Eval e; CHECK(R(e, canvas(e.c, 0, Pt{100000, 100000})) == "<budget>"); }
  { Eval e; CHECK(R(e, canvas(e.c, 0, Pt{2147483647, 2147483647})) == "<budget>"); }
  { Eval e; CHECK(R(e, upscale(e.c, G(e, "[[1,2],[3,4]]"), 100000)) == "<budget>"); }
  { Eval e; CHECK(R(e, hupscale(e.c, G(e, "[[1,2],[3,4]]"), 2147483647)) == "<budget>"); }
  { Eval e; CHECK(R(e, vupscale(e.c, G(e, "[[1,2],[3,4]]"), 2147483647)) == "<budget>"); }
  { Eval e; CHECK(R(e, upscale(e.c, O(e, "[[1,[0,0]],[2,[3,3]]]"), 50000)) == "<budget>"); }
  { Eval e; CHECK(R(e, hsplit(e.c, G(e, "[[1,2],[3,4]]"), 1 << 30)) == "<budget>"); }
  {
    Eval e;
    CHECK(R(e, occurrences(e.c, canvas(e.c, 0, Pt{3, 3}), O(e, "[[0,[0,0]]]"))) ==
          J(R"({"set":[[0,0],[0,1],[0,2],[1,0],[1,1],[1,2],[2,0],[2,1],[2,2]]})"));
  }
}

TEST_CASE("upscale of an object far from the origin keeps its corner", "[dsl][grids]") {
  Eval e;
  // Coordinates that leave battc's 32-bit Int fail (docs/semantics.md).
  CHECK(R(e, upscale(e.c, O(e, "[[1,[2147483646,0]],[1,[2147483647,0]]]"), 2)) == "<error>");
  CHECK(R(e, upscale(e.c, O(e, "[[1,[-2147483647,0]]]"), 2)) ==
        J(R"({"set":[[1,[-2147483647,0]],[1,[-2147483647,1]],[1,[-2147483646,0]],[1,[-2147483646,1]]]})"));
}

TEST_CASE("color statistics leave no scratch in the arena", "[dsl][grids]") {
  Eval e;
  Grid wide = G(e, "[[100,-7,100],[-7,100,2000],[5,5,5]]");
  Grid narrow = G(e, "[[1,2,2],[3,3,3]]");
  u64 top = e.c.top;
  CHECK(mostcolor(e.c, wide) == 5);
  CHECK(leastcolor(e.c, wide) == 2000);
  CHECK(numcolors(e.c, wide) == 4);
  CHECK(mostcolor(e.c, narrow) == 3);
  CHECK(numcolors(e.c, narrow) == 3);
  CHECK(e.c.top == top);
  CHECK(e.c.ok());
}

TEST_CASE("rotations and diagonal mirrors of a ragged grid stop at its shortest row, as zip does",
          "[dsl][grids][ragged]") {
  Eval e;
  Grid g = e.val<Grid>("[[1,2,3],[4,5],[6,7,8,9]]");
  REQUIRE(g.ragged());
  CHECK(enc(rot90(e.c, g)) == J("[[6,4,1],[7,5,2]]"));
  CHECK(enc(rot270(e.c, g)) == J("[[2,5,7],[1,4,6]]"));
  CHECK(enc(dmirror(e.c, g)) == J("[[1,4,6],[2,5,7]]"));
  CHECK(enc(cmirror(e.c, g)) == J("[[9,5,3],[8,4,2]]"));
  CHECK(enc(dmirror(e.c, e.val<Grid>("[[1,2],[]]"))) == J("[]"));  // an empty row: zip gives nothing
  CHECK(e.c.ok());
}

// The arena encoder writes a grid in one reservation: the same text as the
// host encoder for every kind of cell (one digit, several, negative, the
// extremes, None) and shape (empty, empty rows, ragged), and nullptr with a
// budget status when the arena cannot hold it.
TEST_CASE("encode_json writes grids as the host encoder does", "[dsl][grids]") {
  Eval e;
  for (const char* text : {"[]", "[[]]", "[[],[]]", "[[0]]", "[[9,10],[-1,-10]]", "[[2147483647,-2147483647]]",
                           "[[1,null,3]]", "[[1,2,3],[4],[]]", "[[0,0,0],[5,5,5],[7,8,123456]]"}) {
    INFO(text);
    Grid g = G(e, text);
    const char* out = encode_json(e.c, g);
    REQUIRE(out != nullptr);
    CHECK(std::string(out) == enc(g));
    // Written after other text, as inside a tuple.
    Pair<Int, Grid> p{-3, g};
    const char* pair_out = encode_json(e.c, p);
    REQUIRE(pair_out != nullptr);
    CHECK(std::string(pair_out) == enc(p));
  }
  std::vector<unsigned char> small(24);
  Ctx tiny(small.data(), small.size(), 1000);
  Grid wide = G(e, "[[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]]");
  CHECK(encode_json(tiny, wide) == nullptr);
  CHECK(tiny.status == Status::Budget);
}
