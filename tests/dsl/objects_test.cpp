// tests/dsl/objects_test.cpp: objects, partition, fgpartition against
// arc-dsl's Python results, plus a cross-check of objects() against a direct
// transcription of Python's search on random grids.
#include <map>
#include <random>
#include <set>
#include <utility>

#include "tests/dsl/dsl_test_util.h"

using namespace battc::test;
using namespace battc::dsl;

namespace {

Grid G(Eval& e, const char* s) { return e.val<Grid>(s); }
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

TEST_CASE("objects of [[0,0,1,1],[0,2,0,1],[3,0,2,2],[3,3,0,2]], every flag combination", "[dsl][objects]") {
  Eval e;
  CHECK(R(e, objects(e.c, G(e, "[[0,0,1,1],[0,2,0,1],[3,0,2,2],[3,3,0,2]]"), true, false, true)) == J(R"({"set":[{"set":[[1,[0,2]],[1,[0,3]],[1,[1,3]]]},{"set":[[2,[1,1]]]},{"set":[[2,[2,2]],[2,[2,3]],[2,[3,3]]]},{"set":[[3,[2,0]],[3,[3,0]],[3,[3,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,0,1,1],[0,2,0,1],[3,0,2,2],[3,3,0,2]]"), true, false, false)) == J(R"({"set":[{"set":[[0,[0,0]],[0,[0,1]],[0,[1,0]]]},{"set":[[0,[1,2]]]},{"set":[[0,[2,1]]]},{"set":[[0,[3,2]]]},{"set":[[1,[0,2]],[1,[0,3]],[1,[1,3]]]},{"set":[[2,[1,1]]]},{"set":[[2,[2,2]],[2,[2,3]],[2,[3,3]]]},{"set":[[3,[2,0]],[3,[3,0]],[3,[3,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,0,1,1],[0,2,0,1],[3,0,2,2],[3,3,0,2]]"), true, true, true)) == J(R"({"set":[{"set":[[1,[0,2]],[1,[0,3]],[1,[1,3]]]},{"set":[[2,[1,1]],[2,[2,2]],[2,[2,3]],[2,[3,3]]]},{"set":[[3,[2,0]],[3,[3,0]],[3,[3,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,0,1,1],[0,2,0,1],[3,0,2,2],[3,3,0,2]]"), true, true, false)) == J(R"({"set":[{"set":[[0,[0,0]],[0,[0,1]],[0,[1,0]],[0,[1,2]],[0,[2,1]],[0,[3,2]]]},{"set":[[1,[0,2]],[1,[0,3]],[1,[1,3]]]},{"set":[[2,[1,1]],[2,[2,2]],[2,[2,3]],[2,[3,3]]]},{"set":[[3,[2,0]],[3,[3,0]],[3,[3,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,0,1,1],[0,2,0,1],[3,0,2,2],[3,3,0,2]]"), false, false, true)) == J(R"({"set":[{"set":[[1,[0,2]],[1,[0,3]],[1,[1,3]],[2,[2,2]],[2,[2,3]],[2,[3,3]]]},{"set":[[2,[1,1]]]},{"set":[[3,[2,0]],[3,[3,0]],[3,[3,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,0,1,1],[0,2,0,1],[3,0,2,2],[3,3,0,2]]"), false, false, false)) == J(R"({"set":[{"set":[[0,[0,0]],[0,[0,1]],[0,[1,0]],[0,[1,2]],[0,[2,1]],[0,[3,2]],[1,[0,2]],[1,[0,3]],[1,[1,3]],[2,[1,1]],[2,[2,2]],[2,[2,3]],[2,[3,3]],[3,[2,0]],[3,[3,0]],[3,[3,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,0,1,1],[0,2,0,1],[3,0,2,2],[3,3,0,2]]"), false, true, true)) == J(R"({"set":[{"set":[[1,[0,2]],[1,[0,3]],[1,[1,3]],[2,[1,1]],[2,[2,2]],[2,[2,3]],[2,[3,3]],[3,[2,0]],[3,[3,0]],[3,[3,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,0,1,1],[0,2,0,1],[3,0,2,2],[3,3,0,2]]"), false, true, false)) == J(R"({"set":[{"set":[[0,[0,0]],[0,[0,1]],[0,[1,0]],[0,[1,2]],[0,[2,1]],[0,[3,2]],[1,[0,2]],[1,[0,3]],[1,[1,3]],[2,[1,1]],[2,[2,2]],[2,[2,3]],[2,[3,3]],[3,[2,0]],[3,[3,0]],[3,[3,1]]]}]})"));
}

TEST_CASE("objects of [[1,0,1],[0,1,0],[1,0,1]], every flag combination", "[dsl][objects]") {
  Eval e;
  CHECK(R(e, objects(e.c, G(e, "[[1,0,1],[0,1,0],[1,0,1]]"), true, false, true)) == J(R"({"set":[{"set":[[0,[0,1]]]},{"set":[[0,[1,0]]]},{"set":[[0,[1,2]]]},{"set":[[0,[2,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1,0,1],[0,1,0],[1,0,1]]"), true, false, false)) == J(R"({"set":[{"set":[[0,[0,1]]]},{"set":[[0,[1,0]]]},{"set":[[0,[1,2]]]},{"set":[[0,[2,1]]]},{"set":[[1,[0,0]]]},{"set":[[1,[0,2]]]},{"set":[[1,[1,1]]]},{"set":[[1,[2,0]]]},{"set":[[1,[2,2]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1,0,1],[0,1,0],[1,0,1]]"), true, true, true)) == J(R"({"set":[{"set":[[0,[0,1]],[0,[1,0]],[0,[1,2]],[0,[2,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1,0,1],[0,1,0],[1,0,1]]"), true, true, false)) == J(R"({"set":[{"set":[[0,[0,1]],[0,[1,0]],[0,[1,2]],[0,[2,1]]]},{"set":[[1,[0,0]],[1,[0,2]],[1,[1,1]],[1,[2,0]],[1,[2,2]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1,0,1],[0,1,0],[1,0,1]]"), false, false, true)) == J(R"({"set":[{"set":[[0,[0,1]]]},{"set":[[0,[1,0]]]},{"set":[[0,[1,2]]]},{"set":[[0,[2,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1,0,1],[0,1,0],[1,0,1]]"), false, false, false)) == J(R"({"set":[{"set":[[0,[0,1]],[0,[1,0]],[0,[1,2]],[0,[2,1]],[1,[0,0]],[1,[0,2]],[1,[1,1]],[1,[2,0]],[1,[2,2]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1,0,1],[0,1,0],[1,0,1]]"), false, true, true)) == J(R"({"set":[{"set":[[0,[0,1]],[0,[1,0]],[0,[1,2]],[0,[2,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1,0,1],[0,1,0],[1,0,1]]"), false, true, false)) == J(R"({"set":[{"set":[[0,[0,1]],[0,[1,0]],[0,[1,2]],[0,[2,1]],[1,[0,0]],[1,[0,2]],[1,[1,1]],[1,[2,0]],[1,[2,2]]]}]})"));
}

TEST_CASE("objects of [[5,5,5],[5,4,5],[5,5,5]], every flag combination", "[dsl][objects]") {
  Eval e;
  CHECK(R(e, objects(e.c, G(e, "[[5,5,5],[5,4,5],[5,5,5]]"), true, false, true)) == J(R"({"set":[{"set":[[4,[1,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[5,5,5],[5,4,5],[5,5,5]]"), true, false, false)) == J(R"({"set":[{"set":[[4,[1,1]]]},{"set":[[5,[0,0]],[5,[0,1]],[5,[0,2]],[5,[1,0]],[5,[1,2]],[5,[2,0]],[5,[2,1]],[5,[2,2]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[5,5,5],[5,4,5],[5,5,5]]"), true, true, true)) == J(R"({"set":[{"set":[[4,[1,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[5,5,5],[5,4,5],[5,5,5]]"), true, true, false)) == J(R"({"set":[{"set":[[4,[1,1]]]},{"set":[[5,[0,0]],[5,[0,1]],[5,[0,2]],[5,[1,0]],[5,[1,2]],[5,[2,0]],[5,[2,1]],[5,[2,2]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[5,5,5],[5,4,5],[5,5,5]]"), false, false, true)) == J(R"({"set":[{"set":[[4,[1,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[5,5,5],[5,4,5],[5,5,5]]"), false, false, false)) == J(R"({"set":[{"set":[[4,[1,1]],[5,[0,0]],[5,[0,1]],[5,[0,2]],[5,[1,0]],[5,[1,2]],[5,[2,0]],[5,[2,1]],[5,[2,2]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[5,5,5],[5,4,5],[5,5,5]]"), false, true, true)) == J(R"({"set":[{"set":[[4,[1,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[5,5,5],[5,4,5],[5,5,5]]"), false, true, false)) == J(R"({"set":[{"set":[[4,[1,1]],[5,[0,0]],[5,[0,1]],[5,[0,2]],[5,[1,0]],[5,[1,2]],[5,[2,0]],[5,[2,1]],[5,[2,2]]]}]})"));
}

TEST_CASE("objects of [[0,1,0,2,2],[1,1,0,0,2],[0,0,3,0,0],[4,0,3,3,0]], every flag combination", "[dsl][objects]") {
  Eval e;
  CHECK(R(e, objects(e.c, G(e, "[[0,1,0,2,2],[1,1,0,0,2],[0,0,3,0,0],[4,0,3,3,0]]"), true, false, true)) == J(R"({"set":[{"set":[[1,[0,1]],[1,[1,0]],[1,[1,1]]]},{"set":[[2,[0,3]],[2,[0,4]],[2,[1,4]]]},{"set":[[3,[2,2]],[3,[3,2]],[3,[3,3]]]},{"set":[[4,[3,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,1,0,2,2],[1,1,0,0,2],[0,0,3,0,0],[4,0,3,3,0]]"), true, false, false)) == J(R"({"set":[{"set":[[0,[0,0]]]},{"set":[[0,[0,2]],[0,[1,2]],[0,[1,3]],[0,[2,3]],[0,[2,4]],[0,[3,4]]]},{"set":[[0,[2,0]],[0,[2,1]],[0,[3,1]]]},{"set":[[1,[0,1]],[1,[1,0]],[1,[1,1]]]},{"set":[[2,[0,3]],[2,[0,4]],[2,[1,4]]]},{"set":[[3,[2,2]],[3,[3,2]],[3,[3,3]]]},{"set":[[4,[3,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,1,0,2,2],[1,1,0,0,2],[0,0,3,0,0],[4,0,3,3,0]]"), true, true, true)) == J(R"({"set":[{"set":[[1,[0,1]],[1,[1,0]],[1,[1,1]]]},{"set":[[2,[0,3]],[2,[0,4]],[2,[1,4]]]},{"set":[[3,[2,2]],[3,[3,2]],[3,[3,3]]]},{"set":[[4,[3,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,1,0,2,2],[1,1,0,0,2],[0,0,3,0,0],[4,0,3,3,0]]"), true, true, false)) == J(R"({"set":[{"set":[[0,[0,0]]]},{"set":[[0,[0,2]],[0,[1,2]],[0,[1,3]],[0,[2,0]],[0,[2,1]],[0,[2,3]],[0,[2,4]],[0,[3,1]],[0,[3,4]]]},{"set":[[1,[0,1]],[1,[1,0]],[1,[1,1]]]},{"set":[[2,[0,3]],[2,[0,4]],[2,[1,4]]]},{"set":[[3,[2,2]],[3,[3,2]],[3,[3,3]]]},{"set":[[4,[3,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,1,0,2,2],[1,1,0,0,2],[0,0,3,0,0],[4,0,3,3,0]]"), false, false, true)) == J(R"({"set":[{"set":[[1,[0,1]],[1,[1,0]],[1,[1,1]]]},{"set":[[2,[0,3]],[2,[0,4]],[2,[1,4]]]},{"set":[[3,[2,2]],[3,[3,2]],[3,[3,3]]]},{"set":[[4,[3,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,1,0,2,2],[1,1,0,0,2],[0,0,3,0,0],[4,0,3,3,0]]"), false, false, false)) == J(R"({"set":[{"set":[[0,[0,0]],[0,[0,2]],[0,[1,2]],[0,[1,3]],[0,[2,0]],[0,[2,1]],[0,[2,3]],[0,[2,4]],[0,[3,1]],[0,[3,4]],[1,[0,1]],[1,[1,0]],[1,[1,1]],[2,[0,3]],[2,[0,4]],[2,[1,4]],[3,[2,2]],[3,[3,2]],[3,[3,3]],[4,[3,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,1,0,2,2],[1,1,0,0,2],[0,0,3,0,0],[4,0,3,3,0]]"), false, true, true)) == J(R"({"set":[{"set":[[1,[0,1]],[1,[1,0]],[1,[1,1]],[3,[2,2]],[3,[3,2]],[3,[3,3]]]},{"set":[[2,[0,3]],[2,[0,4]],[2,[1,4]]]},{"set":[[4,[3,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[0,1,0,2,2],[1,1,0,0,2],[0,0,3,0,0],[4,0,3,3,0]]"), false, true, false)) == J(R"({"set":[{"set":[[0,[0,0]],[0,[0,2]],[0,[1,2]],[0,[1,3]],[0,[2,0]],[0,[2,1]],[0,[2,3]],[0,[2,4]],[0,[3,1]],[0,[3,4]],[1,[0,1]],[1,[1,0]],[1,[1,1]],[2,[0,3]],[2,[0,4]],[2,[1,4]],[3,[2,2]],[3,[3,2]],[3,[3,3]],[4,[3,0]]]}]})"));
}

TEST_CASE("objects of empty and tiny grids", "[dsl][objects]") {
  Eval e;
  CHECK(R(e, objects(e.c, G(e, "[]"), true, false, true)) == "<error>");  // ValueError
  CHECK(R(e, objects(e.c, G(e, "[]"), false, true, false)) == "<error>");  // IndexError
  CHECK(R(e, objects(e.c, G(e, "[]"), true, true, false)) == "<error>");  // IndexError
  CHECK(R(e, objects(e.c, G(e, "[]"), false, false, true)) == "<error>");  // ValueError
  CHECK(R(e, objects(e.c, G(e, "[[],[]]"), true, false, true)) == "<error>");  // ValueError
  CHECK(R(e, objects(e.c, G(e, "[[],[]]"), false, true, false)) == J(R"({"set":[]})"));
  CHECK(R(e, objects(e.c, G(e, "[[],[]]"), true, true, false)) == J(R"({"set":[]})"));
  CHECK(R(e, objects(e.c, G(e, "[[],[]]"), false, false, true)) == "<error>");  // ValueError
  CHECK(R(e, objects(e.c, G(e, "[[7]]"), true, false, true)) == J(R"({"set":[]})"));
  CHECK(R(e, objects(e.c, G(e, "[[7]]"), false, true, false)) == J(R"({"set":[{"set":[[7,[0,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[7]]"), true, true, false)) == J(R"({"set":[{"set":[[7,[0,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[7]]"), false, false, true)) == J(R"({"set":[]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1,2,3]]"), true, false, true)) == J(R"({"set":[{"set":[[2,[0,1]]]},{"set":[[3,[0,2]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1,2,3]]"), false, true, false)) == J(R"({"set":[{"set":[[1,[0,0]],[2,[0,1]],[3,[0,2]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1,2,3]]"), true, true, false)) == J(R"({"set":[{"set":[[1,[0,0]]]},{"set":[[2,[0,1]]]},{"set":[[3,[0,2]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1,2,3]]"), false, false, true)) == J(R"({"set":[{"set":[[2,[0,1]],[3,[0,2]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1],[1],[2]]"), true, false, true)) == J(R"({"set":[{"set":[[2,[2,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1],[1],[2]]"), false, true, false)) == J(R"({"set":[{"set":[[1,[0,0]],[1,[1,0]],[2,[2,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1],[1],[2]]"), true, true, false)) == J(R"({"set":[{"set":[[1,[0,0]],[1,[1,0]]]},{"set":[[2,[2,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[1],[1],[2]]"), false, false, true)) == J(R"({"set":[{"set":[[2,[2,0]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[2,2],[2,2]]"), true, false, true)) == J(R"({"set":[]})"));
  CHECK(R(e, objects(e.c, G(e, "[[2,2],[2,2]]"), false, true, false)) == J(R"({"set":[{"set":[[2,[0,0]],[2,[0,1]],[2,[1,0]],[2,[1,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[2,2],[2,2]]"), true, true, false)) == J(R"({"set":[{"set":[[2,[0,0]],[2,[0,1]],[2,[1,0]],[2,[1,1]]]}]})"));
  CHECK(R(e, objects(e.c, G(e, "[[2,2],[2,2]]"), false, false, true)) == J(R"({"set":[]})"));
}

TEST_CASE("partition and fgpartition", "[dsl][objects]") {
  Eval e;
  CHECK(R(e, partition(e.c, G(e, "[[0,0,1,1],[0,2,0,1],[3,0,2,2],[3,3,0,2]]"))) == J(R"({"set":[{"set":[[0,[0,0]],[0,[0,1]],[0,[1,0]],[0,[1,2]],[0,[2,1]],[0,[3,2]]]},{"set":[[1,[0,2]],[1,[0,3]],[1,[1,3]]]},{"set":[[2,[1,1]],[2,[2,2]],[2,[2,3]],[2,[3,3]]]},{"set":[[3,[2,0]],[3,[3,0]],[3,[3,1]]]}]})"));
  CHECK(R(e, fgpartition(e.c, G(e, "[[0,0,1,1],[0,2,0,1],[3,0,2,2],[3,3,0,2]]"))) == J(R"({"set":[{"set":[[1,[0,2]],[1,[0,3]],[1,[1,3]]]},{"set":[[2,[1,1]],[2,[2,2]],[2,[2,3]],[2,[3,3]]]},{"set":[[3,[2,0]],[3,[3,0]],[3,[3,1]]]}]})"));
  CHECK(R(e, partition(e.c, G(e, "[[1,0],[0,1]]"))) == J(R"({"set":[{"set":[[0,[0,1]],[0,[1,0]]]},{"set":[[1,[0,0]],[1,[1,1]]]}]})"));
  CHECK(R(e, fgpartition(e.c, G(e, "[[1,0],[0,1]]"))) == J(R"({"set":[{"set":[[1,[0,0]],[1,[1,1]]]}]})"));
  CHECK(R(e, partition(e.c, G(e, "[[-5,1000],[1000,7]]"))) == J(R"({"set":[{"set":[[-5,[0,0]]]},{"set":[[7,[1,1]]]},{"set":[[1000,[0,1]],[1000,[1,0]]]}]})"));
  CHECK(R(e, fgpartition(e.c, G(e, "[[-5,1000],[1000,7]]"))) == J(R"({"set":[{"set":[[-5,[0,0]]]},{"set":[[7,[1,1]]]}]})"));
  CHECK(R(e, partition(e.c, G(e, "[[4]]"))) == J(R"({"set":[{"set":[[4,[0,0]]]}]})"));
  CHECK(R(e, fgpartition(e.c, G(e, "[[4]]"))) == J(R"({"set":[]})"));
  CHECK(R(e, partition(e.c, G(e, "[]"))) == J(R"({"set":[]})"));
  CHECK(R(e, fgpartition(e.c, G(e, "[]"))) == "<error>");  // ValueError
  CHECK(R(e, partition(e.c, G(e, "[[],[]]"))) == J(R"({"set":[]})"));
  CHECK(R(e, fgpartition(e.c, G(e, "[[],[]]"))) == "<error>");  // ValueError
}

