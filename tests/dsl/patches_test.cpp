// tests/dsl/patches_test.cpp: the patch primitives on Indices and Objects,
// with empty, single-cell, negative and None coordinates, and the failures
// where Python raises. Expected values come from running arc-dsl's dsl.py
// with canonical set order.
#include "tests/dsl/dsl_test_util.h"

using namespace battc::test;
using namespace battc::dsl;

namespace {

struct P : Eval {
  Indices I(const std::string& text) { return val<Indices>(text); }
  Object O(const std::string& text) { return val<Object>(text); }
  Grid G(const std::string& text) { return val<Grid>(text); }
  // After a call that must fail with status error: checks, then resets.
  bool failed_error() {
    bool r = c.status == Status::Error;
    reset();
    return r;
  }
};

// Shared patches: an L of Indices, an object of two colors, points with
// negative coordinates, an object with two colors on one cell.
const char* kL = "[[0,0],[0,1],[1,1],[2,0]]";
const char* kObj = "[[3,[1,2]],[3,[1,3]],[5,[2,2]],[3,[4,1]]]";
const char* kNeg = "[[-2,-3],[-1,0],[1,-4]]";
const char* kTwoOnOne = "[[1,[0,0]],[2,[0,0]],[1,[2,2]]]";

}  // namespace

TEST_CASE("toindices and recolor", "[dsl][patches]") {
  P e;
  CHECK(enc(toindices(e.c, e.O(kObj))) == J(R"({"set":[[1,2],[1,3],[2,2],[4,1]]})"));
  CHECK(enc(toindices(e.c, e.O(kTwoOnOne))) == J(R"({"set":[[0,0],[2,2]]})"));
  CHECK(enc(toindices(e.c, e.I("[[2,1],[0,0]]"))) == J(R"({"set":[[0,0],[2,1]]})"));
  CHECK(enc(toindices(e.c, e.O("[]"))) == J(R"({"set":[]})"));
  CHECK(enc(toindices(e.c, e.I("[]"))) == J(R"({"set":[]})"));
  CHECK(enc(recolor(e.c, 7, e.O("[[3,[1,2]],[5,[0,2]],[5,[1,2]]]"))) == J(R"({"set":[[7,[0,2]],[7,[1,2]]]})"));
  CHECK(enc(recolor(e.c, 7, e.I("[[-1,2],[0,0]]"))) == J(R"({"set":[[7,[-1,2]],[7,[0,0]]]})"));
  CHECK(enc(recolor(e.c, 7, e.I("[]"))) == J(R"({"set":[]})"));
  CHECK(enc(recolor(e.c, kNone, e.I("[[1,1]]"))) == J(R"({"set":[[null,[1,1]]]})"));
  CHECK(e.c.ok());
}

TEST_CASE("shift and normalize keep the kind of patch", "[dsl][patches]") {
  P e;
  CHECK(enc(shift(e.c, e.I(kL), Pt{-3, 2})) == J(R"({"set":[[-3,2],[-3,3],[-2,3],[-1,2]]})"));
  CHECK(enc(shift(e.c, e.O(kObj), Pt{1, -5})) == J(R"({"set":[[3,[2,-3]],[3,[2,-2]],[3,[5,-4]],[5,[3,-3]]]})"));
  CHECK(enc(shift(e.c, e.I("[]"), Pt{kNone, 1})) == J(R"({"set":[]})"));  // no arithmetic on ()
  CHECK(enc(normalize(e.c, e.I(kNeg))) == J(R"({"set":[[0,1],[1,4],[3,0]]})"));
  CHECK(enc(normalize(e.c, e.O(kObj))) == J(R"({"set":[[3,[0,1]],[3,[0,2]],[3,[3,0]],[5,[1,1]]]})"));
  CHECK(enc(normalize(e.c, e.O("[]"))) == J(R"({"set":[]})"));
  CHECK(e.c.ok());
  shift(e.c, e.I("[[0,0]]"), Pt{kNone, 1});
  CHECK(e.failed_error());
  shift(e.c, e.I("[[2147483647,0]]"), Pt{1, 0});  // beyond battc's Int
  CHECK(e.failed_error());
  // One pass adds every cell unchecked, then the checked one runs where any sum
  // left the range: the same failure wherever in the patch the bad cell is.
  shift(e.c, e.O("[[1,[0,0]],[1,[0,1]],[2,[5,5]],[3,[2147483640,7]]]"), Pt{8, 0});
  CHECK(e.failed_error());
  shift(e.c, e.I("[[-2147483640,0],[0,0],[0,1],[3,3]]"), Pt{-8, 0});
  CHECK(e.failed_error());
  CHECK(enc(shift(e.c, e.I("[[-2147483640,0],[0,0],[0,1]]"), Pt{-7, 2147483645})) ==
        J(R"({"set":[[-2147483647,2147483645],[-7,2147483645],[-7,2147483646]]})"));
  CHECK(e.c.ok());
}

TEST_CASE("dneighbors, ineighbors, neighbors", "[dsl][patches]") {
  P e;
  CHECK(enc(dneighbors(e.c, Pt{0, 0})) == J(R"({"set":[[-1,0],[0,-1],[0,1],[1,0]]})"));
  CHECK(enc(ineighbors(e.c, Pt{2, -1})) == J(R"({"set":[[1,-2],[1,0],[3,-2],[3,0]]})"));
  CHECK(enc(neighbors(e.c, Pt{1, 1})) == J(R"({"set":[[0,0],[0,1],[0,2],[1,0],[1,2],[2,0],[2,1],[2,2]]})"));
  CHECK(e.c.ok());
  dneighbors(e.c, Pt{kNone, 0});
  CHECK(e.failed_error());
}

TEST_CASE("uppermost, lowermost, leftmost, rightmost", "[dsl][patches]") {
  P e;
  CHECK(uppermost(e.c, e.I(kNeg)) == -2);
  CHECK(lowermost(e.c, e.I(kNeg)) == 1);
  CHECK(leftmost(e.c, e.I(kNeg)) == -4);
  CHECK(rightmost(e.c, e.I(kNeg)) == 0);
  CHECK(uppermost(e.c, e.O(kObj)) == 1);
  CHECK(lowermost(e.c, e.O(kObj)) == 4);
  CHECK(leftmost(e.c, e.O(kObj)) == 1);
  CHECK(rightmost(e.c, e.O(kObj)) == 3);
  CHECK(uppermost(e.c, e.I("[[5,7]]")) == 5);
  CHECK(rightmost(e.c, e.I("[[5,7]]")) == 7);
  // min() of one None is None; of None and a number, a TypeError.
  CHECK(uppermost(e.c, e.I("[[null,2]]")) == kNone);
  CHECK(leftmost(e.c, e.I("[[null,2],[1,1]]")) == 1);
  CHECK(e.c.ok());
  uppermost(e.c, e.I("[[null,2],[1,1]]"));
  CHECK(e.failed_error());
  uppermost(e.c, e.I("[]"));
  CHECK(e.failed_error());
  lowermost(e.c, e.O("[]"));
  CHECK(e.failed_error());
  leftmost(e.c, e.O("[]"));
  CHECK(e.failed_error());
  rightmost(e.c, e.I("[]"));
  CHECK(e.failed_error());
}

TEST_CASE("corners of the bounding box", "[dsl][patches]") {
  P e;
  CHECK(enc(ulcorner(e.c, e.I(kNeg))) == J("[-2,-4]"));
  CHECK(enc(urcorner(e.c, e.I(kNeg))) == J("[-2,0]"));
  CHECK(enc(llcorner(e.c, e.I(kNeg))) == J("[1,-4]"));
  CHECK(enc(lrcorner(e.c, e.I(kNeg))) == J("[1,0]"));
  CHECK(enc(ulcorner(e.c, e.O(kObj))) == J("[1,1]"));
  CHECK(enc(urcorner(e.c, e.O(kObj))) == J("[1,3]"));
  CHECK(enc(llcorner(e.c, e.O(kObj))) == J("[4,1]"));
  CHECK(enc(lrcorner(e.c, e.O(kObj))) == J("[4,3]"));
  CHECK(enc(ulcorner(e.c, e.I("[[5,7]]"))) == J("[5,7]"));
  CHECK(enc(ulcorner(e.c, e.I("[[null,7]]"))) == J("[null,7]"));
  CHECK(enc(corners(e.c, e.I(kNeg))) == J(R"({"set":[[-2,-4],[-2,0],[1,-4],[1,0]]})"));
  CHECK(enc(corners(e.c, e.I("[[5,7]]"))) == J(R"({"set":[[5,7]]})"));
  CHECK(enc(corners(e.c, e.I("[[1,1],[1,4]]"))) == J(R"({"set":[[1,1],[1,4]]})"));
  CHECK(enc(corners(e.c, e.O(kObj))) == J(R"({"set":[[1,1],[1,3],[4,1],[4,3]]})"));
  CHECK(e.c.ok());
  ulcorner(e.c, e.I("[[null,7],[1,2]]"));
  CHECK(e.failed_error());
  // Python returns () (and corners {()}) here: battc's kEmptyPt, encoded [].
  e.reset();
  CHECK(enc(ulcorner(e.c, e.I("[]"))) == J("[]"));
  CHECK(enc(urcorner(e.c, e.O("[]"))) == J("[]"));
  CHECK(enc(llcorner(e.c, e.I("[]"))) == J("[]"));
  CHECK(enc(lrcorner(e.c, e.O("[]"))) == J("[]"));
  CHECK(enc(corners(e.c, e.I("[]"))) == J(R"({"set":[[]]})"));
  CHECK(e.c.ok());
  // ...which fails as soon as it is used as a point, as () does in Python
  shift(e.c, e.I("[[1,1]]"), ulcorner(e.c, e.I("[]")));
  CHECK(e.failed_error());
}

TEST_CASE("centerofmass and center", "[dsl][patches]") {
  P e;
  CHECK(enc(centerofmass(e.c, e.I(kL))) == J("[0,0]"));
  CHECK(enc(centerofmass(e.c, e.I(kNeg))) == J("[-1,-3]"));  // floor division
  // Sums over distinct points, divided by the number of cells.
  CHECK(enc(centerofmass(e.c, e.O(kTwoOnOne))) == J("[0,0]"));
  CHECK(enc(centerofmass(e.c, e.O(kObj))) == J("[2,2]"));
  CHECK(enc(center(e.c, e.I(kL))) == J("[1,1]"));
  CHECK(enc(center(e.c, e.I(kNeg))) == J("[0,-2]"));
  CHECK(enc(center(e.c, e.O(kObj))) == J("[3,2]"));
  CHECK(enc(center(e.c, e.I("[[5,7]]"))) == J("[5,7]"));
  CHECK(e.c.ok());
  CHECK(enc(centerofmass(e.c, e.I("[]"))) == J("[]"));  // Python: ()
  CHECK(e.c.ok());
  centerofmass(e.c, e.I("[[null,1]]"));
  CHECK(e.failed_error());
  center(e.c, e.O("[]"));
  CHECK(e.failed_error());
}

// center keeps its results in the Ctx's memo: a second call on the same set
// answers from it and spends exactly the work of the first; a set built where
// a released one was is not mistaken for it; a budget runs out on a hit as on
// the scans.
TEST_CASE("center's memo: the same results and work, nothing stale after release", "[dsl][patches]") {
  P e;
  auto work_of = [&](const auto& patch, Pt& out) {
    i64 before = e.c.work_left;
    out = center(e.c, patch);
    return before - e.c.work_left;
  };
  u64 m = e.c.mark();
  Indices l = e.I(kL);
  Object o = e.O(kObj);
  Pt miss, hit;
  i64 w_miss = work_of(l, miss), w_hit = work_of(l, hit);
  CHECK(enc(miss) == J("[1,1]"));
  CHECK((enc(hit) == enc(miss) && w_hit == w_miss && w_miss > 0));
  w_miss = work_of(o, miss), w_hit = work_of(o, hit);
  CHECK(enc(miss) == J("[3,2]"));
  CHECK((enc(hit) == enc(miss) && w_hit == w_miss && w_miss > 0));
  CHECK(e.c.ok());

  e.c.release(m);
  Indices l2 = e.I("[[7,7],[7,8],[8,8],[9,9]]");  // the length of kL, where kL was
  REQUIRE(l2.p == l.p);
  CHECK(enc(center(e.c, l2)) == J("[8,8]"));

  center(e.c, o);  // o's bytes were released too: recomputed from what is there now
  CHECK(e.c.ok());
  Object o2 = e.O(kObj);
  center(e.c, o2);
  e.c.work_left = 5;  // o2's scans take 4 and 4, then 8
  center(e.c, o2);
  CHECK(e.c.status == Status::Budget);
}

TEST_CASE("position compares centers", "[dsl][patches]") {
  P e;
  CHECK(enc(position(e.c, e.I("[[0,0]]"), e.I("[[0,5]]"))) == J("[0,1]"));
  CHECK(enc(position(e.c, e.I("[[0,5]]"), e.I("[[0,0]]"))) == J("[0,-1]"));
  CHECK(enc(position(e.c, e.I("[[0,0]]"), e.I("[[3,0]]"))) == J("[1,0]"));
  CHECK(enc(position(e.c, e.I("[[3,0]]"), e.I("[[0,0]]"))) == J("[-1,0]"));
  CHECK(enc(position(e.c, e.I("[[0,0]]"), e.I("[[3,3]]"))) == J("[1,1]"));
  CHECK(enc(position(e.c, e.I("[[0,0]]"), e.I("[[3,-3]]"))) == J("[1,-1]"));
  CHECK(enc(position(e.c, e.I("[[3,3]]"), e.I("[[0,0]]"))) == J("[-1,-1]"));
  CHECK(enc(position(e.c, e.O("[[3,[0,0]]]"), e.I("[[1,1],[2,2]]"))) == J("[1,1]"));
  CHECK(enc(position(e.c, e.I("[[1,1],[2,2]]"), e.O("[[3,[0,0]]]"))) == J("[-1,-1]"));
  CHECK(enc(position(e.c, e.O("[[3,[0,0]]]"), e.O("[[3,[0,4]]]"))) == J("[0,1]"));
  CHECK(e.c.ok());
  position(e.c, e.I("[[0,0]]"), e.I("[]"));
  CHECK(e.failed_error());
}

TEST_CASE("height, width, shape, portrait", "[dsl][patches]") {
  P e;
  CHECK(height(e.c, e.I(kNeg)) == 4);
  CHECK(width(e.c, e.I(kNeg)) == 5);
  CHECK(enc(shape(e.c, e.O(kObj))) == J("[4,3]"));
  CHECK(height(e.c, e.I("[]")) == 0);
  CHECK(width(e.c, e.O("[]")) == 0);
  CHECK(enc(shape(e.c, e.I("[]"))) == J("[0,0]"));
  CHECK(height(e.c, e.I("[[5,7]]")) == 1);
  CHECK(portrait(e.c, e.I("[[0,0],[2,0]]")));
  CHECK_FALSE(portrait(e.c, e.I("[[0,0],[0,2]]")));
  CHECK_FALSE(portrait(e.c, e.O("[]")));
  CHECK(e.c.ok());
  height(e.c, e.I("[[null,0]]"));  // None - None
  CHECK(e.failed_error());
}

TEST_CASE("square, vline, hline", "[dsl][patches]") {
  P e;
  CHECK(square(e.c, e.I("[[0,0],[0,1],[1,0],[1,1]]")));
  CHECK_FALSE(square(e.c, e.I("[[0,0],[1,1]]")));
  CHECK(square(e.c, e.I("[]")));
  CHECK(square(e.c, e.I("[[5,7]]")));
  CHECK_FALSE(square(e.c, e.O("[[1,[0,0]],[2,[0,0]]]")));  // len counts cells
  CHECK(vline(e.c, e.I("[[0,3],[1,3],[2,3]]")));
  CHECK_FALSE(vline(e.c, e.I("[[0,3],[2,3]]")));
  CHECK_FALSE(vline(e.c, e.I("[]")));
  CHECK(vline(e.c, e.I("[[5,7]]")));
  CHECK(hline(e.c, e.O("[[3,[2,0]],[4,[2,1]]]")));
  CHECK_FALSE(hline(e.c, e.O("[[3,[2,0]],[4,[2,0]]]")));
  CHECK_FALSE(hline(e.c, e.O("[]")));
  // The height differs from the size, so the width (with its None) is never taken.
  CHECK_FALSE(vline(e.c, e.I("[[0,null],[5,2]]")));
  CHECK(e.c.ok());
  vline(e.c, e.I("[[0,null],[1,2]]"));
  CHECK(e.failed_error());
}

TEST_CASE("hmatching, vmatching", "[dsl][patches]") {
  P e;
  CHECK(hmatching(e.c, e.I("[[0,0],[3,1]]"), e.I("[[3,5]]")));
  CHECK_FALSE(hmatching(e.c, e.I("[[0,0],[3,1]]"), e.I("[[4,1]]")));
  CHECK(vmatching(e.c, e.I("[[0,0],[3,1]]"), e.O("[[7,[9,1]]]")));
  CHECK_FALSE(vmatching(e.c, e.O("[[7,[9,1]]]"), e.I("[[0,2]]")));
  CHECK(hmatching(e.c, e.O("[[1,[5,0]],[2,[1,0]]]"), e.O("[[1,[3,3]],[9,[1,7]]]")));
  CHECK(vmatching(e.c, e.O("[[1,[0,5]],[2,[0,1]]]"), e.O("[[1,[3,3]],[9,[7,1]]]")));
  CHECK_FALSE(hmatching(e.c, e.I("[]"), e.I("[[0,0]]")));
  CHECK_FALSE(vmatching(e.c, e.O("[[1,[0,0]]]"), e.O("[]")));
  CHECK(hmatching(e.c, e.I("[[null,0]]"), e.I("[[null,4]]")));  // set intersection: no ordering
  CHECK(e.c.ok());
}

TEST_CASE("manhattan, adjacent", "[dsl][patches]") {
  P e;
  CHECK(manhattan(e.c, e.I("[[0,0],[5,5]]"), e.I("[[2,3],[7,7]]")) == 4);
  CHECK(manhattan(e.c, e.I("[[0,0]]"), e.I("[[0,0]]")) == 0);
  CHECK(manhattan(e.c, e.O("[[3,[-2,-2]]]"), e.O("[[1,[4,4]],[2,[0,1]]]")) == 5);
  CHECK(manhattan(e.c, e.I("[[0,0]]"), e.O("[[1,[-3,4]]]")) == 7);
  CHECK(adjacent(e.c, e.I("[[0,0]]"), e.I("[[0,1]]")));
  CHECK_FALSE(adjacent(e.c, e.I("[[0,0]]"), e.I("[[1,1]]")));
  CHECK_FALSE(adjacent(e.c, e.I("[[0,0]]"), e.I("[[0,0]]")));
  CHECK(adjacent(e.c, e.O("[[2,[4,4]]]"), e.I("[[5,4],[9,9]]")));
  CHECK(e.c.ok());
  manhattan(e.c, e.I("[]"), e.I("[[0,0]]"));
  CHECK(e.failed_error());
  adjacent(e.c, e.O("[[1,[0,0]]]"), e.O("[]"));
  CHECK(e.failed_error());
  manhattan(e.c, e.I("[[null,0]]"), e.I("[[0,0]]"));
  CHECK(e.failed_error());
}

TEST_CASE("manhattan on large patches (distance transform)", "[dsl][patches]") {
  P e;
  // Two 10x10 blocks with a 3-column gap: every pair would be 10,000 checks.
  std::string a = "[", b = "[";
  for (int i = 0; i < 10; ++i)
    for (int j = 0; j < 10; ++j) {
      a += (a.size() > 1 ? "," : "") + std::string("[") + std::to_string(i) + "," + std::to_string(j) + "]";
      b += (b.size() > 1 ? "," : "") + std::string("[") + std::to_string(i + 5) + "," + std::to_string(j + 13) + "]";
    }
  a += "]";
  b += "]";
  CHECK(manhattan(e.c, e.I(a), e.I(b)) == 4);
  CHECK(enc(gravitate(e.c, e.I(a), e.I(b))) == J("[0,3]"));
  CHECK(e.c.ok());
}

TEST_CASE("gravitate", "[dsl][patches]") {
  P e;
  CHECK(enc(gravitate(e.c, e.I("[[0,0]]"), e.I("[[0,5]]"))) == J("[0,4]"));
  CHECK(enc(gravitate(e.c, e.I("[[0,5]]"), e.I("[[0,0]]"))) == J("[0,-4]"));
  CHECK(enc(gravitate(e.c, e.I("[[0,0]]"), e.I("[[5,0]]"))) == J("[4,0]"));
  CHECK(enc(gravitate(e.c, e.I("[[5,0],[5,1]]"), e.I("[[0,1]]"))) == J("[-4,0]"));
  CHECK(enc(gravitate(e.c, e.I("[[0,0]]"), e.I("[[0,100]]"))) == J("[0,42]"));  // at most 42 steps
  CHECK(enc(gravitate(e.c, e.I("[[0,0]]"), e.I("[[0,0]]"))) == J("[-1,0]"));
  CHECK(enc(gravitate(e.c, e.I("[[0,0]]"), e.I("[[0,1]]"))) == J("[0,0]"));
  // Never adjacent: the diagonal is missed.
  CHECK(enc(gravitate(e.c, e.O("[[2,[0,0]],[2,[1,0]]]"), e.I("[[3,3],[4,4]]"))) == J("[0,42]"));
  CHECK(e.c.ok());
  gravitate(e.c, e.I("[]"), e.I("[[0,0]]"));
  CHECK(e.failed_error());
  gravitate(e.c, e.O("[[1,[0,0]]]"), e.O("[]"));
  CHECK(e.failed_error());
}

TEST_CASE("bordering short-circuits like Python", "[dsl][patches]") {
  P e;
  Grid g23 = e.G("[[0,0,0],[0,0,0]]");
  Grid g33 = e.G("[[0,0,0],[0,0,0],[0,0,0]]");
  Grid empty = e.G("[]");
  CHECK(bordering(e.c, e.I("[[0,5]]"), g23));
  CHECK_FALSE(bordering(e.c, e.I("[[1,1]]"), g33));
  CHECK(bordering(e.c, e.I("[[2,1]]"), g33));
  CHECK(bordering(e.c, e.I("[[1,2]]"), g33));
  CHECK(bordering(e.c, e.O("[[4,[1,2]]]"), g33));
  CHECK(bordering(e.c, e.I("[[-1,1]]"), empty));  // lowermost == len(()) - 1
  CHECK(bordering(e.c, e.I("[[0,1]]"), empty));
  CHECK(e.c.ok());
  bordering(e.c, e.I("[[1,1]]"), empty);  // reaches len(grid[0])
  CHECK(e.failed_error());
  bordering(e.c, e.I("[]"), e.G("[[0]]"));
  CHECK(e.failed_error());
}

TEST_CASE("color and colorfilter", "[dsl][patches]") {
  P e;
  CHECK(color(e.c, e.O("[[3,[1,2]],[5,[0,0]]]")) == 3);
  CHECK(color(e.c, e.I("[[4,1],[2,3]]")) == 2);  // the first point's row
  CHECK(e.c.ok());
  color(e.c, e.O("[]"));
  CHECK(e.failed_error());
  color(e.c, e.I("[]"));
  CHECK(e.failed_error());

  auto objs = e.val<Objects>(R"([[[3,[1,2]]], [[5,[0,0]],[3,[0,1]]], [[5,[4,4]]]])");
  CHECK(enc(colorfilter(e.c, objs, 5)) == J(R"({"set":[{"set":[[5,[4,4]]]}]})"));
  CHECK(enc(colorfilter(e.c, objs, 3)) == J(R"({"set":[{"set":[[3,[0,1]],[5,[0,0]]]},{"set":[[3,[1,2]]]}]})"));
  CHECK(enc(colorfilter(e.c, e.val<Objects>("[]"), 3)) == J(R"({"set":[]})"));
  auto sets = e.val<IndicesSet>("[[[3,0]], [[1,1],[3,3]]]");
  CHECK(enc(colorfilter(e.c, sets, 1)) == J(R"({"set":[{"set":[[1,1],[3,3]]}]})"));
  CHECK(e.c.ok());
  colorfilter(e.c, e.val<Objects>(R"([[], [[3,[1,2]]]])"), 3);
  CHECK(e.failed_error());
}

TEST_CASE("connect and shoot", "[dsl][patches]") {
  P e;
  CHECK(enc(connect(e.c, Pt{1, 1}, Pt{1, 4})) == J(R"({"set":[[1,1],[1,2],[1,3],[1,4]]})"));
  CHECK(enc(connect(e.c, Pt{4, 2}, Pt{1, 2})) == J(R"({"set":[[1,2],[2,2],[3,2],[4,2]]})"));
  CHECK(enc(connect(e.c, Pt{3, 3}, Pt{0, 0})) == J(R"({"set":[[0,0],[1,1],[2,2],[3,3]]})"));
  CHECK(enc(connect(e.c, Pt{0, 3}, Pt{3, 0})) == J(R"({"set":[[0,3],[1,2],[2,1],[3,0]]})"));
  CHECK(enc(connect(e.c, Pt{3, 0}, Pt{0, 3})) == J(R"({"set":[[0,3],[1,2],[2,1],[3,0]]})"));
  CHECK(enc(connect(e.c, Pt{0, 0}, Pt{2, 3})) == J(R"({"set":[]})"));
  CHECK(enc(connect(e.c, Pt{2, 2}, Pt{2, 2})) == J(R"({"set":[[2,2]]})"));
  std::string diag = "{\"set\":[";
  for (int k = 0; k <= 42; ++k) diag += (k ? "," : "") + std::string("[") + std::to_string(k) + "," + std::to_string(k) + "]";
  diag += "]}";
  CHECK(enc(shoot(e.c, Pt{0, 0}, Pt{1, 1})) == J(diag));
  Indices left = shoot(e.c, Pt{5, 5}, Pt{0, -1});
  REQUIRE(left.n == 43);
  CHECK(enc(left.p[0]) == J("[5,-37]"));
  CHECK(enc(left.p[42]) == J("[5,5]"));
  CHECK(enc(shoot(e.c, Pt{0, 0}, Pt{0, 0})) == J(R"({"set":[[0,0]]})"));
  CHECK(enc(shoot(e.c, Pt{0, 0}, Pt{2, 1})) == J(R"({"set":[]})"));
  // Far-off ends need no Int beyond the line itself.
  CHECK(enc(shoot(e.c, Pt{0, 0}, Pt{100000000, 100000001})) == J(R"({"set":[]})"));
  CHECK(e.c.ok());
  connect(e.c, Pt{kNone, 0}, Pt{1, 0});
  CHECK(e.failed_error());
  shoot(e.c, Pt{0, 0}, Pt{kNone, 1});
  CHECK(e.failed_error());
  shoot(e.c, Pt{2147483620, 0}, Pt{1, 0});  // points beyond battc's Int
  CHECK(e.failed_error());
}

TEST_CASE("vfrontier and hfrontier", "[dsl][patches]") {
  P e;
  Indices v = vfrontier(e.c, Pt{3, 4});
  REQUIRE(v.n == 30);
  CHECK(enc(v.p[0]) == J("[0,4]"));
  CHECK(enc(v.p[29]) == J("[29,4]"));
  Indices h = hfrontier(e.c, Pt{-3, 4});
  REQUIRE(h.n == 30);
  CHECK(enc(h.p[0]) == J("[-3,0]"));
  CHECK(enc(h.p[29]) == J("[-3,29]"));
  Indices n = vfrontier(e.c, Pt{kNone, kNone});  // no arithmetic on the location
  REQUIRE(n.n == 30);
  CHECK(enc(n.p[7]) == J("[7,null]"));
  CHECK(e.c.ok());
}

TEST_CASE("backdrop and delta", "[dsl][patches]") {
  P e;
  CHECK(enc(backdrop(e.c, e.I(kNeg))) ==
        J(R"({"set":[[-2,-4],[-2,-3],[-2,-2],[-2,-1],[-2,0],[-1,-4],[-1,-3],[-1,-2],[-1,-1],[-1,0],
                     [0,-4],[0,-3],[0,-2],[0,-1],[0,0],[1,-4],[1,-3],[1,-2],[1,-1],[1,0]]})"));
  CHECK(enc(backdrop(e.c, e.O("[[3,[1,2]],[5,[2,2]]]"))) == J(R"({"set":[[1,2],[2,2]]})"));
  CHECK(enc(backdrop(e.c, e.I("[]"))) == J(R"({"set":[]})"));
  CHECK(enc(delta(e.c, e.I(kL))) == J(R"({"set":[[1,0],[2,1]]})"));
  CHECK(enc(delta(e.c, e.O(kTwoOnOne))) == J(R"({"set":[[0,1],[0,2],[1,0],[1,1],[1,2],[2,0],[2,1]]})"));
  CHECK(enc(delta(e.c, e.O("[]"))) == J(R"({"set":[]})"));
  CHECK(enc(delta(e.c, e.I("[[5,5]]"))) == J(R"({"set":[]})"));
  CHECK(e.c.ok());
  backdrop(e.c, e.I("[[null,1]]"));  // range(None, ...)
  CHECK(e.failed_error());
}

TEST_CASE("inbox, outbox, box", "[dsl][patches]") {
  P e;
  CHECK(enc(inbox(e.c, e.I("[[0,0],[4,5]]"))) ==
        J(R"({"set":[[1,1],[1,2],[1,3],[1,4],[2,1],[2,4],[3,1],[3,2],[3,3],[3,4]]})"));
  CHECK(enc(inbox(e.c, e.I("[[0,0],[2,2]]"))) == J(R"({"set":[[1,1]]})"));
  // A box too small to shrink turns inside out.
  CHECK(enc(inbox(e.c, e.I("[[5,5]]"))) == J(R"({"set":[[4,4],[4,5],[4,6],[5,4],[5,6],[6,4],[6,5],[6,6]]})"));
  CHECK(enc(inbox(e.c, e.I("[[0,0],[1,3]]"))) == J(R"({"set":[[0,1],[0,2],[1,1],[1,2]]})"));
  CHECK(enc(outbox(e.c, e.I("[[0,0],[1,2]]"))) ==
        J(R"({"set":[[-1,-1],[-1,0],[-1,1],[-1,2],[-1,3],[0,-1],[0,3],[1,-1],[1,3],[2,-1],[2,0],[2,1],[2,2],[2,3]]})"));
  CHECK(enc(outbox(e.c, e.O("[[3,[5,5]]]"))) == J(R"({"set":[[4,4],[4,5],[4,6],[5,4],[5,6],[6,4],[6,5],[6,6]]})"));
  CHECK(enc(box(e.c, e.I("[[0,0],[3,2]]"))) ==
        J(R"({"set":[[0,0],[0,1],[0,2],[1,0],[1,2],[2,0],[2,2],[3,0],[3,1],[3,2]]})"));
  CHECK(enc(box(e.c, e.I("[[1,1],[1,4]]"))) == J(R"({"set":[[1,1],[1,2],[1,3],[1,4]]})"));
  CHECK(enc(box(e.c, e.I("[[5,5]]"))) == J(R"({"set":[[5,5]]})"));
  CHECK(enc(box(e.c, e.O("[[3,[1,2]],[5,[2,4]]]"))) == J(R"({"set":[[1,2],[1,3],[1,4],[2,2],[2,3],[2,4]]})"));
  CHECK(enc(box(e.c, e.I("[]"))) == J(R"({"set":[]})"));
  CHECK(enc(box(e.c, e.O("[]"))) == J(R"({"set":[]})"));
  CHECK(e.c.ok());
  inbox(e.c, e.I("[]"));
  CHECK(e.failed_error());
  outbox(e.c, e.O("[]"));
  CHECK(e.failed_error());
}

TEST_CASE("hperiod and vperiod", "[dsl][patches]") {
  P e;
  CHECK(hperiod(e.c, e.O("[[1,[0,0]],[2,[0,1]],[1,[0,2]],[2,[0,3]]]")) == 2);
  CHECK(hperiod(e.c, e.O("[[1,[0,0]],[2,[0,1]],[1,[0,2]],[2,[0,3]],[1,[0,4]]]")) == 2);
  CHECK(hperiod(e.c, e.O("[[1,[5,5]],[1,[5,6]],[1,[5,7]]]")) == 1);
  CHECK(hperiod(e.c, e.O("[[1,[0,0]],[2,[0,1]],[3,[0,2]]]")) == 3);
  CHECK(hperiod(e.c, e.O("[[1,[0,0]],[1,[0,3]]]")) == 3);
  CHECK(hperiod(e.c, e.O("[]")) == 0);
  CHECK(hperiod(e.c, e.O("[[3,[2,2]]]")) == 1);
  CHECK(vperiod(e.c, e.O("[[1,[0,0]],[2,[1,0]],[1,[2,0]],[2,[3,0]]]")) == 2);
  CHECK(vperiod(e.c, e.O("[[1,[-3,1]],[1,[-2,1]],[1,[-1,1]],[4,[-2,0]]]")) == 2);
  CHECK(vperiod(e.c, e.O("[[1,[0,0]],[2,[1,0]],[3,[2,0]]]")) == 3);
  CHECK(vperiod(e.c, e.O("[]")) == 0);
  // Indices: fine while the loop is empty, then a point is no cell.
  CHECK(hperiod(e.c, e.I("[[0,0],[1,0]]")) == 1);
  CHECK(vperiod(e.c, e.I("[[0,0],[0,1]]")) == 1);
  CHECK(hperiod(e.c, e.I("[[0,0]]")) == 1);
  CHECK(vperiod(e.c, e.I("[]")) == 0);
  CHECK(e.c.ok());
  hperiod(e.c, e.I("[[0,0],[0,1]]"));
  CHECK(e.failed_error());
  vperiod(e.c, e.I("[[0,0],[1,0]]"));
  CHECK(e.failed_error());
}

TEST_CASE("hmirror, vmirror, dmirror, cmirror on patches", "[dsl][patches]") {
  P e;
  CHECK(enc(hmirror(e.c, e.I(kL))) == J(R"({"set":[[0,0],[1,1],[2,0],[2,1]]})"));
  CHECK(enc(hmirror(e.c, e.O(kObj))) == J(R"({"set":[[3,[1,1]],[3,[4,2]],[3,[4,3]],[5,[3,2]]]})"));
  CHECK(enc(hmirror(e.c, e.I(kNeg))) == J(R"({"set":[[-2,-4],[0,0],[1,-3]]})"));
  CHECK(enc(vmirror(e.c, e.I(kL))) == J(R"({"set":[[0,0],[0,1],[1,0],[2,1]]})"));
  CHECK(enc(vmirror(e.c, e.O(kObj))) == J(R"({"set":[[3,[1,1]],[3,[1,2]],[3,[4,3]],[5,[2,2]]]})"));
  CHECK(enc(dmirror(e.c, e.I(kL))) == J(R"({"set":[[0,0],[0,2],[1,0],[1,1]]})"));
  CHECK(enc(dmirror(e.c, e.O(kObj))) == J(R"({"set":[[3,[1,4]],[3,[2,1]],[3,[3,1]],[5,[2,2]]]})"));
  CHECK(enc(dmirror(e.c, e.I(kNeg))) == J(R"({"set":[[-2,-1],[-1,-4],[2,-3]]})"));
  CHECK(enc(cmirror(e.c, e.I(kL))) == J(R"({"set":[[0,1],[0,2],[1,0],[1,2]]})"));
  CHECK(enc(cmirror(e.c, e.O(kObj))) == J(R"({"set":[[3,[1,4]],[3,[2,4]],[3,[3,1]],[5,[2,3]]]})"));
  CHECK(enc(cmirror(e.c, e.I(kNeg))) == J(R"({"set":[[-2,-2],[1,-1],[2,-4]]})"));
  CHECK(enc(cmirror(e.c, e.I("[[5,7]]"))) == J(R"({"set":[[5,7]]})"));
  CHECK(enc(hmirror(e.c, e.O(kTwoOnOne))) == J(R"({"set":[[1,[0,2]],[1,[2,0]],[2,[2,0]]]})"));
  CHECK(e.c.ok());
  hmirror(e.c, e.I("[]"));
  CHECK(e.failed_error());
  vmirror(e.c, e.O("[]"));
  CHECK(e.failed_error());
  dmirror(e.c, e.I("[]"));
  CHECK(e.failed_error());
  cmirror(e.c, e.O("[]"));
  CHECK(e.failed_error());
}
