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


namespace {

using Cells = std::set<std::pair<int, std::pair<int, int>>>;

// Python's objects() transcribed with std::set, for the cross-check below.
std::set<Cells> naive_objects(const std::vector<std::vector<int>>& g, bool univalued, bool diagonal, bool without_bg) {
  int h = int(g.size()), w = int(g[0].size());
  bool has_bg = without_bg;
  int bg = 0;
  if (without_bg) {
    std::map<int, int> count;
    for (auto& r : g)
      for (int v : r) ++count[v];
    int best = -1;
    for (auto& [v, k] : count)
      if (k > best) best = k, bg = v;
  }
  auto is_bg = [&](int v) { return has_bg && v == bg; };
  std::set<Cells> objs;
  std::set<std::pair<int, int>> occupied;
  for (int i = 0; i < h; ++i)
    for (int j = 0; j < w; ++j) {
      std::pair<int, int> loc{i, j};
      if (occupied.count(loc)) continue;
      int val = g[i][j];
      if (is_bg(val)) continue;
      Cells obj{{val, loc}};
      std::set<std::pair<int, int>> cands{loc};
      while (!cands.empty()) {
        std::set<std::pair<int, int>> hood;
        for (auto [ci, cj] : cands) {
          int v = g[ci][cj];
          if (univalued ? v == val : !is_bg(v)) {
            obj.insert({v, {ci, cj}});
            occupied.insert({ci, cj});
            for (int di = -1; di <= 1; ++di)
              for (int dj = -1; dj <= 1; ++dj) {
                if ((di == 0 && dj == 0) || (!diagonal && di != 0 && dj != 0)) continue;
                int ni = ci + di, nj = cj + dj;
                if (ni >= 0 && ni < h && nj >= 0 && nj < w) hood.insert({ni, nj});
              }
          }
        }
        cands.clear();
        for (auto& p : hood)
          if (!occupied.count(p)) cands.insert(p);
      }
      objs.insert(obj);
    }
  return objs;
}

// The dump JSON of a set of objects given in canonical (std::set) order.
std::string naive_json(const std::set<Cells>& objs) {
  json all = json::array();
  for (auto& o : objs) {
    json cells = json::array();
    for (auto& [v, p] : o) cells.push_back(json::array({v, json::array({p.first, p.second})}));
    all.push_back(json{{"set", cells}});
  }
  return json{{"set", all}}.dump();
}

}  // namespace

TEST_CASE("objects agrees with Python's search on random grids", "[dsl][objects]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 150; ++round) {
    Eval e;
    int h = 1 + int(rng() % 12), w = 1 + int(rng() % 12), k = 1 + int(rng() % 4);
    std::vector<std::vector<int>> g(h, std::vector<int>(w));
    json rows = json::array();
    for (auto& r : g) {
      for (int& v : r) v = int(rng() % k) * (round % 3 == 0 ? 37 : 1);
      rows.push_back(r);
    }
    Grid grid = e.val<Grid>(rows.dump());
    for (int flags = 0; flags < 8; ++flags) {
      bool u = flags & 1, d = flags & 2, wb = flags & 4;
      INFO("grid " << rows.dump() << " univalued " << u << " diagonal " << d << " without_bg " << wb);
      CHECK(R(e, objects(e.c, grid, u, d, wb)) == naive_json(naive_objects(g, u, d, wb)));
    }
  }
}

TEST_CASE("objects of a full 30x30 grid stays within the arena and budget", "[dsl][objects]") {
  Eval e;
  json rows = json::array();
  for (int i = 0; i < 30; ++i) {
    json r = json::array();
    for (int j = 0; j < 30; ++j) r.push_back((i * 7 + j * 3) % 5 == 0 ? 1 : (i + j) % 2);
    rows.push_back(r);
  }
  Grid g = e.val<Grid>(rows.dump());
  for (int flags = 0; flags < 8; ++flags) {
    Objects objs = objects(e.c, g, flags & 1, flags & 2, flags & 4);
    REQUIRE(e.c.ok());
    i64 cells = 0;
    for (const Object& o : objs) cells += o.n;
    CHECK(cells == ((flags & 4) ? 900 - colorcount(e.c, g, mostcolor(e.c, g)) : 900));
  }
  // One color, 8-connected: a single object of every cell.
  Grid one = canvas(e.c, 3, Pt{30, 30});
  Objects all = objects(e.c, one, true, true, false);
  REQUIRE(all.n == 1);
  CHECK(all[0].n == 900);
  CHECK(objects(e.c, one, true, true, true).n == 0);
  CHECK(e.c.ok());
}
