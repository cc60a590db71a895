// tests/dsl/containers_test.cpp: generic container primitives, with the
// canonical-order cases (first, last, argmax, order, totuple, mostcommon on
// ties) and the places where Python raises.
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "tests/dsl/dsl_test_util.h"

using namespace battc::test;
using namespace battc::dsl;

TEST_CASE("sets are canonical: sorted, deduplicated, nested sets by content", "[dsl][containers]") {
  Eval e;
  CHECK(enc(e.val<IntSet>("[3,1,2,3]")) == J(R"({"set":[1,2,3]})"));
  CHECK(enc(e.val<Indices>("[[1,0],[0,5],[0,1]]")) == J(R"({"set":[[0,1],[0,5],[1,0]]})"));
  // cells order by colour, then row, then column
  CHECK(enc(e.val<Object>("[[2,[0,0]],[1,[5,5]],[1,[0,9]]]")) == J(R"({"set":[[1,[0,9]],[1,[5,5]],[2,[0,0]]]})"));
  // sets of sets: by their ascending element sequence, a proper prefix first
  CHECK(enc(e.val<FSet<IntSet>>("[[1,3],[1],[0,9],[1,2]]")) == J(R"({"set":[{"set":[0,9]},{"set":[1]},{"set":[1,2]},{"set":[1,3]}]})"));
}

TEST_CASE("size, first, last", "[dsl][containers]") {
  Eval e;
  auto t = e.val<Tuple<Int>>("[5,3,9]");
  CHECK(size(e.c, t) == 3);
  CHECK(first(e.c, t) == 5);
  CHECK(last(e.c, t) == 9);
  auto s = e.val<IntSet>("[5,3,9]");
  CHECK(first(e.c, s) == 3);  // canonical order, not insertion order
  CHECK(last(e.c, s) == 9);
  auto g = e.val<Grid>("[[1,2],[3,4]]");
  CHECK(size(e.c, g) == 2);
  CHECK(enc(first(e.c, g)) == J("[1,2]"));
  CHECK(enc(last(e.c, g)) == J("[3,4]"));
  CHECK(first(e.c, Pt{7, 8}) == 7);
  CHECK(enc(last(e.c, Cell{7, Pt{1, 2}})) == J("[1,2]"));
  CHECK(e.c.ok());
  first(e.c, e.val<Tuple<Int>>("[]"));
  CHECK(e.c.status == Status::Error);
  e.reset();
  last(e.c, e.val<IntSet>("[]"));
  CHECK(e.c.status == Status::Error);
}

TEST_CASE("contained, initset, insert, remove, other", "[dsl][containers]") {
  Eval e;
  auto s = e.val<Indices>("[[0,0],[1,2]]");
  CHECK(contained(e.c, Pt{1, 2}, s));
  CHECK_FALSE(contained(e.c, Pt{2, 1}, s));
  CHECK(contained(e.c, e.val<Tuple<Int>>("[3,4]"), e.val<Grid>("[[1,2],[3,4]]")));
  CHECK_FALSE(contained(e.c, 3, e.val<Grid>("[[1,2],[3,4]]")));
  CHECK(enc(initset(e.c, Pt{1, 1})) == J(R"({"set":[[1,1]]})"));
  CHECK(enc(insert(e.c, Pt{0, 1}, s)) == J(R"({"set":[[0,0],[0,1],[1,2]]})"));
  CHECK(enc(insert(e.c, Pt{0, 0}, s)) == J(R"({"set":[[0,0],[1,2]]})"));
  CHECK(enc(insert(e.c, Pt{9, 9}, s)) == J(R"({"set":[[0,0],[1,2],[9,9]]})"));
  CHECK(enc(remove(e.c, 2, e.val<Tuple<Int>>("[2,1,2,3]"))) == J("[1,3]"));
  CHECK(enc(remove(e.c, Pt{0, 0}, s)) == J(R"({"set":[[1,2]]})"));
  CHECK(other(e.c, e.val<IntSet>("[4,7]"), 4) == 7);
  CHECK(e.c.ok());
  other(e.c, e.val<IntSet>("[4]"), 4);
  CHECK(e.c.status == Status::Error);
}

// merge of many overlapping shifted copies takes the run-merging path
// (enough cells, few runs), which drops equal cells as it merges: the result
// is the set of all cells, for objects and for index sets.
TEST_CASE("merge of overlapping shifted copies", "[dsl][containers]") {
  Eval e;
  auto point_text = [](int i, int j) { return "[" + std::to_string(i) + "," + std::to_string(j) + "]"; };
  auto cell_text = [&](int color, int i, int j) { return "[" + std::to_string(color) + "," + point_text(i, j) + "]"; };
  std::string objects = "[", indices = "[";
  std::set<std::tuple<int, int, int>> want;
  for (int k = 0; k < 8; ++k) {
    std::string obj = "[", idx = "[";
    for (int i = 0; i < 5; ++i)
      for (int j = 0; j < 8; ++j) {
        int color = 1 + (i + j) % 2;
        obj += (obj.size() > 1 ? "," : "") + cell_text(color, i + k, j + k / 2);
        idx += (idx.size() > 1 ? "," : "") + point_text(i + k, j + k / 2);
        want.insert({color, i + k, j + k / 2});
      }
    objects += (k ? "," : "") + obj + "]";
    indices += (k ? "," : "") + idx + "]";
  }
  objects += "]", indices += "]";
  std::string cells = "[", points = "[";
  std::set<std::pair<int, int>> want_points;
  for (const auto& [color, i, j] : want) {
    cells += (cells.size() > 1 ? "," : "") + cell_text(color, i, j);
    want_points.insert({i, j});
  }
  for (const auto& [i, j] : want_points) points += (points.size() > 1 ? "," : "") + point_text(i, j);
  CHECK(enc(merge(e.c, e.val<FSet<Object>>(objects))) == enc(e.val<Object>(cells + "]")));
  CHECK(enc(merge(e.c, e.val<FSet<Indices>>(indices))) == enc(e.val<Indices>(points + "]")));
  CHECK(e.c.ok());
}

TEST_CASE("combine, intersection, difference, dedupe, merge", "[dsl][containers]") {
  Eval e;
  CHECK(enc(combine(e.c, e.val<Tuple<Int>>("[3,1]"), e.val<Tuple<Int>>("[1]"))) == J("[3,1,1]"));
  CHECK(enc(combine(e.c, e.val<IntSet>("[3,1]"), e.val<IntSet>("[1,2]"))) == J(R"({"set":[1,2,3]})"));
  CHECK(enc(combine(e.c, e.val<Grid>("[[1,2]]"), e.val<Grid>("[[3,4]]"))) == J("[[1,2],[3,4]]"));
  CHECK(enc(intersection(e.c, e.val<IntSet>("[1,2,3,5]"), e.val<IntSet>("[0,2,5,7]"))) == J(R"({"set":[2,5]})"));
  CHECK(enc(difference(e.c, e.val<IntSet>("[1,2,3]"), e.val<IntSet>("[2]"))) == J(R"({"set":[1,3]})"));
  CHECK(enc(difference(e.c, e.val<Tuple<Int>>("[3,2,1,2]"), e.val<IntSet>("[2]"))) == J("[3,1]"));
  CHECK(enc(dedupe(e.c, e.val<Tuple<Int>>("[3,1,3,2,1]"))) == J("[3,1,2]"));
  CHECK(enc(merge(e.c, e.val<FSet<IntSet>>("[[1,2],[2,3]]"))) == J(R"({"set":[1,2,3]})"));
  CHECK(enc(merge(e.c, e.val<Tuple<Tuple<Pt>>>("[[[1,1]],[[0,0],[1,1]]]"))) == J("[[1,1],[0,0],[1,1]]"));
  // a grid merges to its cells, row by row
  CHECK(enc(merge(e.c, e.val<Grid>("[[1,2],[3,4]]"))) == J("[1,2,3,4]"));
  // a tuple of grids merges to one grid of all their rows
  CHECK(enc(merge(e.c, e.val<Tuple<Grid>>("[[[1]],[[2],[3]]]"))) == J("[[1],[2],[3]]"));
  CHECK(e.c.ok());
  // rows of different widths make a ragged grid, as Python's tuples allow
  Grid ragged = merge(e.c, e.val<Tuple<Grid>>("[[[1]],[[2,3]]]"));
  CHECK(ragged.ragged());
  CHECK(enc(ragged) == J("[[1],[2,3]]"));
  CHECK(size(e.c, ragged) == 2);
  CHECK(enc(last(e.c, ragged)) == J("[2,3]"));
  CHECK(enc(replace(e.c, ragged, 2, 5)) == J("[[1],[5,3]]"));
  CHECK(enc(vmirror(e.c, ragged)) == J("[[1],[3,2]]"));
  CHECK(enc(hmirror(e.c, ragged)) == J("[[2,3],[1]]"));
  // A short row first and a long one last: each output row holds the other's
  // cells (enumeration met this one writing past a short row's buffer).
  Grid wedge = merge(e.c, e.val<Tuple<Grid>>("[[[1]],[[2,3,4,5,6,7,8,9,1,2,3]]]"));
  CHECK(enc(hmirror(e.c, wedge)) == J("[[2,3,4,5,6,7,8,9,1,2,3],[1]]"));
  CHECK(enc(vconcat(e.c, ragged, e.val<Grid>("[[7,7,7]]"))) == J("[[1],[2,3],[7,7,7]]"));
  CHECK(enc(hconcat(e.c, ragged, e.val<Grid>("[[8],[9]]"))) == J("[[1,8],[2,3,9]]"));
  CHECK(equality(e.c, ragged, e.val<Grid>("[[1],[2,3]]")));
  CHECK(enc(crop(e.c, ragged, Pt{0, 1}, Pt{2, 5})) == J("[[],[3]]"));
  CHECK(enc(crop(e.c, ragged, Pt{1, 0}, Pt{1, 1})) == J("[[2]]"));
  CHECK(enc(bottomhalf(e.c, ragged)) == J("[[2,3]]"));
  CHECK(e.c.ok());
  // primitives Python defines on rectangles refuse a ragged grid (rot90,
  // a zip, takes one: tests/dsl/grids_test.cpp)
  upscale(e.c, ragged, 2);
  CHECK(e.c.status == Status::Error);
}

TEST_CASE("maximum, minimum, valmax, valmin default on empty", "[dsl][containers]") {
  Eval e;
  CHECK(maximum(e.c, e.val<IntSet>("[3,-1,7]")) == 7);
  CHECK(minimum(e.c, e.val<Tuple<Int>>("[3,-1,7]")) == -1);
  CHECK(maximum(e.c, e.val<IntSet>("[]")) == 0);
  CHECK(minimum(e.c, e.val<IntSet>("[]")) == 0);
  auto objs = e.val<FSet<Indices>>("[[[0,0]],[[1,1],[1,2]],[[5,5],[5,6]]]");
  CHECK(valmax(e.c, objs, fn_size{}) == 2);
  CHECK(valmin(e.c, objs, fn_size{}) == 1);
  CHECK(valmax(e.c, e.val<IntSet>("[]"), fn_invert{}) == 0);  // compfunc(0)
  CHECK(e.c.ok());
  valmax(e.c, e.val<FSet<Indices>>("[]"), fn_size{});  // len(0) raises
  CHECK(e.c.status == Status::Error);
}

TEST_CASE("argmax and argmin keep the first extreme in canonical order", "[dsl][containers]") {
  Eval e;
  auto objs = e.val<FSet<Indices>>("[[[5,5],[5,6]],[[0,0]],[[1,1],[1,2]]]");
  CHECK(enc(argmax(e.c, objs, fn_size{})) == J(R"({"set":[[1,1],[1,2]]})"));
  CHECK(enc(argmin(e.c, objs, fn_size{})) == J(R"({"set":[[0,0]]})"));
  CHECK(argmax(e.c, e.val<Tuple<Int>>("[-3,3,2]"), fn_invert{}) == -3);
  CHECK(e.c.ok());
  argmax(e.c, e.val<IntSet>("[]"), fn_identity{});
  CHECK(e.c.status == Status::Error);
}

TEST_CASE("mostcommon and leastcommon: tuples only, ties to the smallest", "[dsl][containers]") {
  Eval e;
  CHECK(mostcommon(e.c, e.val<Tuple<Int>>("[3,1,3,1,2]")) == 1);
  CHECK(leastcommon(e.c, e.val<Tuple<Int>>("[3,1,3,1,2,2,0,5]")) == 0);
  CHECK(enc(mostcommon(e.c, e.val<Grid>("[[1,2],[0,0],[1,2]]"))) == J("[1,2]"));
  CHECK(e.c.ok());
  mostcommon(e.c, e.val<IntSet>("[1,2]"));  // a frozenset has no count()
  CHECK(e.c.status == Status::Error);
  e.reset();
  leastcommon(e.c, e.val<Tuple<Int>>("[]"));
  CHECK(e.c.status == Status::Error);
}

TEST_CASE("order is a stable sort by key, totuple is canonical", "[dsl][containers]") {
  Eval e;
  auto objs = e.val<FSet<Indices>>("[[[5,5],[5,6]],[[0,0]],[[1,1],[1,2]],[[9,9]]]");
  CHECK(enc(order(e.c, objs, fn_size{})) == J(R"([{"set":[[0,0]]},{"set":[[9,9]]},{"set":[[1,1],[1,2]]},{"set":[[5,5],[5,6]]}])"));
  CHECK(enc(order(e.c, e.val<Tuple<Int>>("[3,-3,2,-2]"), fn_invert{})) == J("[3,2,-2,-3]"));
  CHECK(enc(totuple(e.c, e.val<IntSet>("[9,1,5]"))) == J("[1,5,9]"));
  CHECK(enc(totuple(e.c, e.val<Tuple<Int>>("[9,1,5]"))) == J("[9,1,5]"));
  // a long input goes through the merge passes of the sort
  Tuple<Int> big = interval(e.c, 100, 0, -1);
  auto sorted = order(e.c, big, fn_identity{});
  REQUIRE(sorted.n == 100);
  for (int i = 0; i < 100; ++i) CHECK(sorted[i] == i + 1);
  CHECK(e.c.ok());
}

TEST_CASE("repeat, interval, product, pair", "[dsl][containers]") {
  Eval e;
  CHECK(enc(repeat(e.c, Pt{1, 2}, 3)) == J("[[1,2],[1,2],[1,2]]"));
  CHECK(enc(repeat(e.c, 7, 0)) == J("[]"));
  CHECK(enc(repeat(e.c, 7, -2)) == J("[]"));
  CHECK(enc(repeat(e.c, e.val<Tuple<Int>>("[1,2]"), 2)) == J("[[1,2],[1,2]]"));  // a grid
  CHECK(enc(interval(e.c, 0, 5, 2)) == J("[0,2,4]"));
  CHECK(enc(interval(e.c, 5, 0, -2)) == J("[5,3,1]"));
  CHECK(enc(interval(e.c, 0, 0, 1)) == J("[]"));
  CHECK(enc(interval(e.c, 3, 0, 1)) == J("[]"));
  CHECK(enc(product(e.c, e.val<IntSet>("[1,0]"), e.val<IntSet>("[5]"))) == J(R"({"set":[[0,5],[1,5]]})"));
  CHECK(enc(pair(e.c, e.val<Tuple<Int>>("[1,2,3]"), e.val<Tuple<Int>>("[4,5]"))) == J("[[1,4],[2,5]]"));
  CHECK(e.c.ok());
  interval(e.c, 0, 5, 0);
  CHECK(e.c.status == Status::Error);
}

TEST_CASE("sfilter, mfilter, extract, sizefilter", "[dsl][containers]") {
  Eval e;
  CHECK(enc(sfilter(e.c, e.val<IntSet>("[1,2,3,4]"), fn_even{})) == J(R"({"set":[2,4]})"));
  CHECK(enc(sfilter(e.c, e.val<Tuple<Int>>("[4,1,2]"), fn_even{})) == J("[4,2]"));
  auto objs = e.val<FSet<Indices>>("[[[0,0]],[[1,1],[1,2]],[[5,5],[5,6]]]");
  CHECK(enc(mfilter(e.c, objs, matcher(e.c, fn_size{}, 2))) == J(R"({"set":[[1,1],[1,2],[5,5],[5,6]]})"));
  CHECK(enc(sizefilter(e.c, objs, 2)) == J(R"({"set":[{"set":[[1,1],[1,2]]},{"set":[[5,5],[5,6]]}]})"));
  CHECK(extract(e.c, e.val<Tuple<Int>>("[1,3,4,6]"), fn_even{}) == 4);
  CHECK(e.c.ok());
  extract(e.c, e.val<Tuple<Int>>("[1,3]"), fn_even{});
  CHECK(e.c.status == Status::Error);  // StopIteration
}

TEST_CASE("apply keeps the container kind, mapply merges", "[dsl][containers]") {
  Eval e;
  // a set of results deduplicates
  CHECK(enc(apply(e.c, fn_halve{}, e.val<IntSet>("[1,2,3]"))) == J(R"({"set":[0,1]})"));
  CHECK(enc(apply(e.c, fn_halve{}, e.val<Tuple<Int>>("[1,2,3]"))) == J("[0,1,1]"));
  // rows of a grid map to a tuple
  CHECK(enc(apply(e.c, fn_size{}, e.val<Grid>("[[1,2],[3,4],[5,6]]"))) == J("[2,2,2]"));
  CHECK(enc(apply(e.c, fn_dedupe{}, e.val<Grid>("[[1,1],[3,3]]"))) == J("[[1],[3]]"));
  CHECK(enc(mapply(e.c, fn_totuple{}, e.val<FSet<IntSet>>("[[2,1],[3]]"))) == J(R"({"set":[1,2,3]})"));
  CHECK(enc(mapply(e.c, rbind(e.c, fn_repeat{}, 2), e.val<Tuple<Int>>("[2,1]"))) == J("[2,2,1,1]"));
  CHECK(e.c.ok());
  // a failure inside the mapped function fails the whole value
  apply(e.c, fn_first{}, e.val<Tuple<Tuple<Int>>>("[[1],[]]"));
  CHECK(e.c.status == Status::Error);
}

TEST_CASE("papply, mpapply, prapply, rapply", "[dsl][containers]") {
  Eval e;
  CHECK(enc(papply(e.c, fn_add{}, e.val<Tuple<Int>>("[1,2,3]"), e.val<Tuple<Int>>("[10,20]"))) == J("[11,22]"));
  CHECK(enc(papply(e.c, fn_equality{}, e.val<Tuple<Int>>("[1,2]"), e.val<Tuple<Int>>("[1,3]"))) == J("[true,false]"));
  CHECK(enc(mpapply(e.c, fn_astuple{}, e.val<Tuple<Int>>("[1,2]"), e.val<Tuple<Int>>("[3,4]"))) == J("[1,3,2,4]"));
  CHECK(enc(prapply(e.c, fn_add{}, e.val<IntSet>("[1,2]"), e.val<IntSet>("[10,20]"))) == J(R"({"set":[11,12,21,22]})"));
  auto fs = Pair<fn_size, fn_size>{};
  CHECK(enc(rapply(e.c, fs, e.val<IntSet>("[1,2]"))) == J("[2,2]"));
  auto two = astuple(e.c, fn_first{}, fn_last{});
  CHECK(enc(rapply(e.c, two, e.val<Tuple<Int>>("[4,5,6]"))) == J("[4,6]"));
  CHECK(e.c.ok());
}
