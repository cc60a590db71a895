// tests/dsl/tk_containers_test.cpp: tokpidjin's own container, rank,
// arithmetic and sample primitives (dsl/tk_containers.h), with their
// defaults (None, (), frozenset(), 0) and the cases that fail in battc
// (math.nan, a default of a type the result cannot hold).
#include "tests/dsl/dsl_test_util.h"

using namespace battc::test;
using namespace battc::dsl;

namespace {
// Runs f on a fresh status; true when it failed with status error.
template <class F>
bool fails(Eval& e, F f) {
  e.reset();
  f();
  bool out = e.c.status == Status::Error;
  e.reset();
  return out;
}
}  // namespace

TEST_CASE("tk arithmetic: () is 0 for add/subtract, 1 for multiply/divide", "[dsl][tk]") {
  Eval e;
  CHECK(tk_add(e.c, 2, 3) == 5);
  CHECK(enc(tk_add(e.c, kEmptyPt, Pt{1, 2})) == J("[1,2]"));
  CHECK(enc(tk_add(e.c, Pt{1, 2}, kEmptyPt)) == J("[1,2]"));
  CHECK(enc(tk_subtract(e.c, kEmptyPt, Pt{1, 2})) == J("[-1,-2]"));
  CHECK(enc(tk_multiply(e.c, kEmptyPt, Pt{3, 4})) == J("[3,4]"));
  CHECK(enc(tk_divide(e.c, kEmptyPt, Pt{1, 2})) == J("[1,0]"));  // 1 // (1, 2)
  CHECK(enc(tk_divide(e.c, Pt{7, 8}, kEmptyPt)) == J("[7,8]"));
  CHECK(enc(tk_add(e.c, Pt{1, 2}, 3)) == J("[4,5]"));
  CHECK(e.c.ok());
  // the results Python gives are ints where the point overload gives a point
  CHECK(fails(e, [&] { tk_add(e.c, kEmptyPt, kEmptyPt); }));
  CHECK(fails(e, [&] { tk_add(e.c, 3, kEmptyPt); }));
  CHECK(fails(e, [&] { tk_multiply(e.c, kEmptyPt, 3); }));
  CHECK(fails(e, [&] { tk_divide(e.c, Pt{1, 1}, Pt{0, 1}); }));
}

TEST_CASE("tk first, second, last and the _t/_f forms", "[dsl][tk]") {
  Eval e;
  auto t = e.val<Tuple<Int>>("[5,3,9]");
  auto s = e.val<IntSet>("[5,3,9]");
  auto none = e.val<Tuple<Int>>("[]");
  auto nos = e.val<FSet<IntSet>>("[]");
  CHECK(tk_first(e.c, t) == 5);
  CHECK(tk_first(e.c, none) == kNone);  // None
  CHECK(second(e.c, s) == 5);
  CHECK(second(e.c, e.val<Tuple<Int>>("[4]")) == kNone);
  CHECK(tk_last(e.c, s) == 9);
  CHECK(enc(tk_last(e.c, e.val<Tuple<Pt>>("[]"))) == J("[]"));  // ()
  CHECK(first_t(e.c, t) == 5);
  CHECK(last_t(e.c, t) == 9);
  CHECK(enc(first_t(e.c, e.val<Tuple<Grid>>("[]"))) == J("[]"));
  CHECK(first_f(e.c, s) == 3);
  CHECK(last_f(e.c, s) == 9);
  CHECK(enc(first_f(e.c, nos)) == J(R"({"set":[]})"));
  CHECK(enc(last_f(e.c, nos)) == J(R"({"set":[]})"));
  CHECK(first(e.c, Pt{7, 8}) == 7);
  CHECK(second(e.c, Pt{7, 8}) == 8);
  CHECK(e.c.ok());
  CHECK(fails(e, [&] { second(e.c, none); }));           // StopIteration
  CHECK(fails(e, [&] { first_t(e.c, s); }));             // frozenset not subscriptable
  CHECK(fails(e, [&] { first_f(e.c, none); }));          // frozenset() is no int
  CHECK(fails(e, [&] { tk_last(e.c, none); }));          // () is no int
  CHECK(fails(e, [&] { tk_first(e.c, nos); }));          // None is no set
}

TEST_CASE("tk extract, other and their defaults", "[dsl][tk]") {
  Eval e;
  auto objs = e.val<FSet<Indices>>("[[[0,0]],[[1,1],[1,2]]]");
  auto two = RBind<fn_equality, Int>{fn_equality{}, 2};
  CHECK(enc(tk_extract(e.c, objs, Compose<decltype(two), fn_size>{two, fn_size{}})) == J(R"({"set":[[1,1],[1,2]]})"));
  auto nine = RBind<fn_equality, Int>{fn_equality{}, 9};
  CHECK(enc(tk_extract(e.c, objs, Compose<decltype(nine), fn_size>{nine, fn_size{}})) == J(R"({"set":[]})"));
  CHECK(tk_other(e.c, e.val<IntSet>("[4,7]"), 4) == 7);
  CHECK(tk_other(e.c, e.val<IntSet>("[4]"), 4) == kNone);
  CHECK(other_t(e.c, e.val<Tuple<Int>>("[4,4,5]"), 4) == 5);
  CHECK(enc(other_t(e.c, e.val<Tuple<Pt>>("[[1,1]]"), Pt{1, 1})) == J("[]"));
  CHECK(enc(other_f(e.c, objs, e.val<Indices>("[[0,0]]"))) == J(R"({"set":[[1,1],[1,2]]})"));
  CHECK(enc(other_f(e.c, e.val<FSet<Indices>>("[[[0,0]]]"), e.val<Indices>("[[0,0]]"))) == J(R"({"set":[]})"));
  CHECK(e.c.ok());
  CHECK(fails(e, [&] { tk_extract(e.c, e.val<Tuple<Int>>("[1,3]"), fn_even{}); }));
  CHECK(fails(e, [&] { other_t(e.c, e.val<Tuple<Int>>("[4]"), 4); }));
}

TEST_CASE("tk forced kinds: combine_t/f, sfilter_t/f, mfilter_t, remove_t, apply_t, mapply_t", "[dsl][tk]") {
  Eval e;
  auto t = e.val<Tuple<Int>>("[3,1,3]");
  auto s = e.val<IntSet>("[4,1,2]");
  CHECK(enc(combine_t(e.c, t, e.val<Tuple<Int>>("[0]"))) == J("[3,1,3,0]"));
  CHECK(enc(combine_f(e.c, s, e.val<IntSet>("[9]"))) == J(R"({"set":[1,2,4,9]})"));
  CHECK(enc(sfilter_t(e.c, s, fn_even{})) == J("[2,4]"));
  CHECK(enc(sfilter_f(e.c, e.val<Tuple<Int>>("[4,2,4]"), fn_even{})) == J(R"({"set":[2,4]})"));
  // mfilter_t keeps the filtered elements, not merged
  auto sets = e.val<Tuple<IntSet>>("[[1,2],[3]]");
  auto big = RBind<fn_greater, Int>{fn_greater{}, 1};
  CHECK(enc(mfilter_t(e.c, sets, Compose<decltype(big), fn_size>{big, fn_size{}})) == J(R"({"set":[{"set":[1,2]}]})"));
  CHECK(enc(mfilter_f(e.c, e.val<FSet<IntSet>>("[[1,2],[3]]"), Compose<decltype(big), fn_size>{big, fn_size{}})) ==
        J(R"({"set":[1,2]})"));
  CHECK(enc(remove_t(e.c, 2, s)) == J("[1,4]"));
  CHECK(enc(remove_f(e.c, 2, s)) == J(R"({"set":[1,4]})"));
  CHECK(enc(apply_t(e.c, fn_invert{}, s)) == J("[-1,-2,-4]"));
  CHECK(enc(apply_f(e.c, fn_even{}, s)) == J(R"({"set":[false,true]})"));
  CHECK(enc(mapply_t(e.c, fn_identity{}, e.val<FSet<IntSet>>("[[2,1],[1]]"))) == J("[1,1,2]"));
  CHECK(tk_size_t(e.c, t) == 3);
  CHECK(size_f(e.c, s) == 3);
  CHECK(enc(merge_t(e.c, e.val<FSet<IntSet>>("[[2,1],[1]]"))) == J(R"({"set":[1,2]})"));  // type(containers)
  CHECK(mostcommon_f(e.c, s) == 1);
  CHECK(mostcommon_f(e.c, t) == 3);
  CHECK(leastcommon_f(e.c, t) == 1);
  CHECK(enc(dedupe_pair_tuple(e.c, e.val<Tuple<Pt>>("[[1,1],[1,2],[3,3]]"))) == J("[[1,2]]"));
  CHECK(e.c.ok());
  CHECK(fails(e, [&] { combine_t(e.c, s, s); }));
  CHECK(fails(e, [&] { combine_f(e.c, t, t); }));
  CHECK(fails(e, [&] { mostcommon_f(e.c, e.val<IntSet>("[]")); }));
}

TEST_CASE("tk get_nth_t, get_nth_f, get_nth_by_key", "[dsl][tk]") {
  Eval e;
  auto t = e.val<Tuple<Int>>("[5,3,9]");
  CHECK(get_nth_t(e.c, t, 0) == 5);
  CHECK(get_nth_t(e.c, t, -1) == 9);
  CHECK(get_nth_t(e.c, Pt{4, 6}, 1) == 6);
  CHECK(fails(e, [&] { get_nth_t(e.c, t, 3); }));                   // nan
  CHECK(fails(e, [&] { get_nth_t(e.c, t, -4); }));                  // nan
  CHECK(fails(e, [&] { get_nth_t(e.c, e.val<IntSet>("[1]"), 0); }));  // not a tuple: nan
  auto objs = e.val<FSet<Indices>>("[[[5,5]],[[0,0]],[[1,1],[1,2]]]");
  CHECK(enc(get_nth_f(e.c, objs, 0)) == J(R"({"set":[[0,0]]})"));
  CHECK(enc(get_nth_f(e.c, objs, -1)) == J(R"({"set":[[5,5]]})"));
  CHECK(enc(get_nth_f(e.c, objs, 3)) == J(R"({"set":[]})"));
  CHECK(enc(get_nth_f(e.c, objs, -4)) == J(R"({"set":[]})"));
  CHECK(enc(get_nth_f(e.c, e.val<Grid>("[[1,2],[3,4]]"), 1)) == J("[3,4]"));
  CHECK(get_nth_f(e.c, t, 1) == 3);
  CHECK(e.c.ok());
  CHECK(fails(e, [&] { get_nth_f(e.c, t, 3); }));  // frozenset() is no int
  CHECK(get_nth_by_key_t(e.c, t, 0, fn_invert{}) == 9);
  CHECK(get_nth_by_key_t(e.c, t, -1, fn_identity{}) == 9);
  CHECK(get_nth_by_key_t(e.c, e.val<Tuple<Int>>("[]"), 5, fn_identity{}) == kNone);
  CHECK(fails(e, [&] { get_nth_by_key_t(e.c, t, 3, fn_identity{}); }));  // IndexError
  CHECK(get_nth_by_key_f(e.c, t, 1, fn_identity{}) == 5);
  CHECK(get_nth_by_key_f(e.c, t, -1, fn_identity{}) == 3);  // a negative rank is 0
  CHECK(get_nth_by_key_f(e.c, t, 3, fn_identity{}) == kNone);
}

TEST_CASE("tk rank functions: directions, ties and defaults", "[dsl][tk]") {
  Eval e;
  auto t = e.val<Tuple<Int>>("[5,3,9,3]");
  CHECK(get_rank(e.c, t, 0) == 9);
  CHECK(get_rank(e.c, t, -1) == 3);
  CHECK(get_rank(e.c, t, 2) == 3);
  CHECK(get_rank(e.c, t, 4) == 0);
  // get_arg_rank: key descending, stable; L1 is the last of the minimum keys
  auto objs = e.val<FSet<Indices>>("[[[0,0]],[[1,1],[1,2]],[[5,5]]]");
  CHECK(enc(get_arg_rank_f(e.c, objs, fn_size{}, 0)) == J(R"({"set":[[1,1],[1,2]]})"));
  CHECK(enc(get_arg_rank_f(e.c, objs, fn_size{}, -1)) == J(R"({"set":[[5,5]]})"));
  CHECK(enc(get_arg_rank_f(e.c, objs, fn_size{}, 1)) == J(R"({"set":[[0,0]]})"));
  CHECK(enc(get_arg_rank_f(e.c, objs, fn_size{}, 3)) == J(R"({"set":[]})"));
  CHECK(enc(get_arg_rank(e.c, objs, fn_size{}, 3)) == J(R"({"set":[]})"));
  auto tobjs = e.val<Tuple<Indices>>("[[[0,0]],[[1,1],[1,2]]]");
  CHECK(fails(e, [&] { get_arg_rank(e.c, tobjs, fn_size{}, 2); }));  // () is no set
  CHECK(enc(get_arg_rank_t(e.c, e.val<Tuple<Grid>>("[[[1]],[[2,2]]]"), fn_width{}, 2)) == J("[]"));
  CHECK(get_arg_rank_t(e.c, t, fn_invert{}, 0) == 3);
  // get_val_rank: key ascending, the key value; compfunc(0) out of range
  CHECK(get_val_rank_f(e.c, objs, fn_size{}, 0) == 1);
  CHECK(get_val_rank_f(e.c, objs, fn_size{}, -1) == 2);
  CHECK(get_val_rank(e.c, t, fn_invert{}, 5) == 0);
  CHECK(fails(e, [&] { get_val_rank_f(e.c, objs, fn_size{}, 5); }));  // size(0) raises
  // get_common_rank: count ascending, ties ascending by value
  auto u = e.val<Tuple<Int>>("[2,2,7,7,1]");
  CHECK(get_common_rank(e.c, u, 0) == 1);
  CHECK(get_common_rank(e.c, u, -1) == 7);  // the most common, largest on ties
  CHECK(get_common_rank_t(e.c, u, 1) == 2);
  CHECK(get_common_rank_f(e.c, e.val<IntSet>("[8,3]"), -1) == 8);
  CHECK(enc(get_common_rank_f(e.c, objs, 5)) == J(R"({"set":[]})"));
  CHECK(enc(get_common_rank_t(e.c, e.val<Tuple<Pt>>("[[1,1]]"), 5)) == J("[]"));
  CHECK(e.c.ok());
  CHECK(fails(e, [&] { get_common_rank(e.c, e.val<IntSet>("[]"), 0); }));  // frozenset has no count
  CHECK(fails(e, [&] { get_common_rank_t(e.c, u, 3); }));                   // () is no int
  CHECK(fails(e, [&] { get_rank(e.c, t, kNone); }));
}

TEST_CASE("tk samples: c_iz, c_zo, a_mr", "[dsl][tk]") {
  Eval e;
  auto S = e.val<Tuple<Pair<Grid, Grid>>>("[[[[1,2]],[[2,3]]],[[[4,1]],[[1,1]]]]");
  CHECK(enc(c_iz(e.c, S, fn_p_g{})) == J("[4]"));
  CHECK(enc(c_zo(e.c, S, fn_p_g{})) == J("[3]"));
  CHECK(c_iz_n(e.c, S, fn_p_g{}, fn_first_f{}) == 4);
  CHECK(enc(c_iz(e.c, S, fn_palette_t{})) == J("[4]"));
  auto M = e.val<Tuple<Pair<Grid, Grid>>>("[[[[1,2],[3,4]],[[2,1],[4,3]]]]");
  CHECK(a_mr(e.c, M) == 2);  // vmirror
  CHECK(a_mr(e.c, e.val<Tuple<Pair<Grid, Grid>>>("[]")) == 0);
  CHECK(a_mr(e.c, e.val<Tuple<Pair<Grid, Grid>>>("[[[[1,2]],[[5]]]]")) == kNone);
  CHECK(a_mr(e.c, e.val<Tuple<Pair<Grid, Grid>>>("[[[[1,2]],[[1,2]]]]")) == 0);  // hmirror of one row
  CHECK(e.c.ok());
}
