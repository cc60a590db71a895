// tests/dsl/tk_patches_test.cpp: tokpidjin's cell, patch and object
// primitives (dsl/tk_patches.h): (i, j, c) cells in row-major canonical
// order, the edge rules tokpidjin added (frozenset() and () instead of
// failures), the float results battc fails on, and the fused object
// extraction (dsl/tk_objects_fused.h) against o_g on random grids.
#include <random>

#include "tests/dsl/dsl_test_util.h"

using namespace battc::test;
using namespace battc::dsl;

namespace {
template <class F>
bool fails(Eval& e, F f) {
  e.reset();
  f();
  bool out = e.c.status == Status::Error;
  e.reset();
  return out;
}

Grid random_grid(Eval& e, std::mt19937& rng) {
  int h = 1 + static_cast<int>(rng() % 7), w = 1 + static_cast<int>(rng() % 7), colors = 1 + static_cast<int>(rng() % 4);
  json rows = json::array();
  for (int i = 0; i < h; ++i) {
    json row = json::array();
    for (int j = 0; j < w; ++j) row.push_back(static_cast<int>(rng() % colors));
    rows.push_back(row);
  }
  return e.val<Grid>(rows.dump());
}
}  // namespace

TEST_CASE("tk objects: cells are (i, j, c), objects and sets in canonical order", "[dsl][tk]") {
  Eval e;
  Grid g = e.val<Grid>("[[0,2,2],[0,0,3],[1,0,3]]");
  CHECK(enc(o_g(e.c, g, 5)) == J(R"({"set":[{"set":[[0,1,2],[0,2,2]]},{"set":[[1,2,3],[2,2,3]]},{"set":[[2,0,1]]}]})"));
  // not univalued, diagonal, without background: 2, 3 and 1 touch through corners or sides
  CHECK(enc(o_g(e.c, g, 3)) == J(R"({"set":[{"set":[[0,1,2],[0,2,2],[1,2,3],[2,2,3]]},{"set":[[2,0,1]]}]})"));
  // not univalued with background None: the whole grid is one object
  CHECK(o_g(e.c, g, 0).n == 1);
  CHECK(o_g(e.c, g, 0)[0].n == 9);
  CHECK(enc(o_g(e.c, e.val<Grid>("[]"), 5)) == J(R"({"set":[]})"));
  CHECK(fails(e, [&] { o_g(e.c, g, 8); }));  // tokpidjin returns None
  // the top-left cell decides color and colorfilter
  TObject two = e.val<TObject>("[[0,1,2],[0,2,5],[1,0,7]]");
  CHECK(tk_color(e.c, two) == 2);
  CHECK(fails(e, [&] { tk_color(e.c, e.val<TObject>("[]")); }));  // -inf
  CHECK(enc(tk_colorfilter(e.c, e.val<TObjects>("[[[0,0,4]],[[1,1,5]]]"), 5)) == J(R"({"set":[{"set":[[1,1,5]]}]})"));
}

TEST_CASE("tk patches: tokpidjin's edge rules", "[dsl][tk]") {
  Eval e;
  Indices none = e.val<Indices>("[]");
  TObject obj = e.val<TObject>("[[1,1,4],[1,2,5]]");
  // shift: a falsy patch gives frozenset(), () as directions the patch itself
  CHECK(enc(tk_shift(e.c, obj, Pt{1, -1})) == J(R"({"set":[[2,0,4],[2,1,5]]})"));
  CHECK(enc(tk_shift(e.c, obj, kEmptyPt)) == enc(obj));
  CHECK(tk_shift(e.c, none, Pt{1, 1}).n == 0);
  // points that are () give frozenset()
  CHECK(tk_connect(e.c, kEmptyPt, Pt{0, 0}).n == 0);
  CHECK(tk_shoot(e.c, Pt{0, 0}, kEmptyPt).n == 0);
  CHECK(tk_neighbors(e.c, kEmptyPt).n == 0);
  CHECK(tk_dneighbors(e.c, TCell{2, 2, 9}).n == 4);
  // empty patches: boxes are frozenset(), center and corners (), extremes fail (nan)
  CHECK(tk_box(e.c, none).n == 0);
  CHECK(tk_backdrop(e.c, none).n == 0);
  CHECK(is_empty_pt(tk_center(e.c, none)));
  CHECK(is_empty_pt(corner(e.c, none, 3)));
  CHECK(fails(e, [&] { tk_uppermost(e.c, none); }));
  CHECK(height_f(e.c, none) == 0);
  CHECK_FALSE(tk_adjacent(e.c, none, obj));    // manhattan is inf
  CHECK(fails(e, [&] { tk_manhattan(e.c, none, obj); }));
  // corner and col_row codes
  CHECK(enc(corner(e.c, obj, 1)) == J("[1,2]"));
  CHECK(enc(corner(e.c, obj, 9)) == J("[1,1]"));  // another code: ulcorner
  CHECK(col_row(e.c, obj, 3) == 2);
  CHECK(col_row(e.c, obj, 7) == kNone);
  // subgrid crops strictly: a box not wholly inside the grid gives ()
  Grid g = e.val<Grid>("[[1,2],[3,4]]");
  CHECK(enc(tk_subgrid(e.c, e.val<Indices>("[[1,1]]"), g)) == J("[[4]]"));
  CHECK(enc(tk_subgrid(e.c, e.val<Indices>("[[1,1],[2,2]]"), g)) == J("[]"));
  // paint of a tuple keeps its order: the later cell on one (i, j) wins
  CHECK(enc(tk_paint(e.c, g, e.val<Tuple<TCell>>("[[0,0,9],[0,0,5]]"))) == J("[[5,2],[3,4]]"));
  CHECK(enc(tk_paint(e.c, g, e.val<TObject>("[[0,0,9],[0,0,5]]"))) == J("[[9,2],[3,4]]"));
  // colors of an object, ranked by count then first appearance
  TObject many = e.val<TObject>("[[0,0,3],[0,1,1],[0,2,1],[1,0,3],[1,1,2]]");
  CHECK(get_color_rank_f(e.c, many, 0) == 3);
  CHECK(get_color_rank_f(e.c, many, -1) == 2);
  CHECK(mostcolor_f(e.c, many) == 1);  // ties go to the smallest color
  CHECK(enc(p_o(e.c, many)) == J("[1,2,3]"));
  // centerofmass sums the distinct points and divides by the number of cells
  CHECK(enc(tk_centerofmass(e.c, e.val<TObject>("[[0,0,1],[0,0,2],[2,2,3]]"))) == J("[0,0]"));
  CHECK(enc(tk_centerofmass(e.c, e.val<TObject>("[[1,1,1],[3,3,2]]"))) == J("[2,2]"));
}

TEST_CASE("tk mirrors of the _i/_o kind and is_no_grid", "[dsl][tk]") {
  Eval e;
  Indices ix = e.val<Indices>("[[0,0],[1,2]]");
  CHECK(enc(hmirror_i(e.c, ix)) == J(R"({"set":[[0,2],[1,0]]})"));
  CHECK(enc(vmirror_o(e.c, e.val<TObject>("[[0,0,1],[1,2,3]]"))) == J(R"({"set":[[0,2,1],[1,0,3]]})"));
  // no guard: the empty patch fails (Python indexes the () ulcorner gives)
  CHECK(fails(e, [&] { hmirror_i(e.c, e.val<Indices>("[]")); }));
  CHECK(fails(e, [&] { vmirror_i(e.c, e.val<Indices>("[]")); }));
  CHECK(vmirror_f(e.c, e.val<Indices>("[]")).n == 0);  // vmirror_f keeps its guard
  CHECK_FALSE(is_no_grid(e.c, e.val<Grid>("[[1,2],[3,4]]")));
  CHECK_FALSE(is_no_grid(e.c, e.val<Grid>("[]")));
  CHECK_FALSE(is_no_grid(e.c, e.val<Tuple<TCell>>("[[0,0,1]]")));  // a tuple of int tuples
  CHECK(is_no_grid(e.c, ix));                                       // a frozenset
  CHECK(is_no_grid(e.c, Pt{1, 2}));                                 // a tuple of ints
  CHECK(is_no_grid(e.c, 3));
}

TEST_CASE("o_g_fused gives o_g's objects for every variant", "[dsl][tk][fuse]") {
  Eval e;
  std::mt19937 rng(20261121);
  for (int round = 0; round < 300; ++round) {
    Grid g = random_grid(e, rng);
    Tuple<TObjects> all = o_g_fused(e.c, g, 0xFF);
    REQUIRE(e.c.ok());
    for (Int k = 0; k < 8; ++k) {
      INFO("round " << round << ", variant " << k << ", grid " << enc(g));
      CHECK(enc(all[k]) == enc(o_g(e.c, g, k)));
      CHECK(enc(o_g_pick(e.c, o_g_fused(e.c, g, 1 << k), k)) == enc(o_g(e.c, g, k)));
    }
    // objects_t finds the same cells, objects by seed, cells by distance
    Tuple<Tuple<TCell>> tup = o_g_t(e.c, g, 5);
    TObjects sets = o_g(e.c, g, 5);
    CHECK(tup.n == sets.n);
    for (i32 k = 0; k + 1 < tup.n; ++k) CHECK(cmp(Pt{tup[k][0].a, tup[k][0].b}, Pt{tup[k + 1][0].a, tup[k + 1][0].b}) < 0);
  }
}
