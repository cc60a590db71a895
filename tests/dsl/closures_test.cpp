// tests/dsl/closures_test.cpp: closures built by compose, chain, fork,
// matcher, rbind, lbind and power, and primitives passed as values.
#include "tests/dsl/dsl_test_util.h"

using namespace battc::test;
using namespace battc::dsl;

TEST_CASE("compose and chain apply right to left", "[dsl][closures]") {
  Eval e;
  auto f = compose(e.c, fn_double{}, fn_increment{});
  CHECK(f(e.c, 3) == 8);
  auto g = chain(e.c, fn_invert{}, fn_double{}, fn_increment{});
  CHECK(g(e.c, 3) == -8);
  CHECK(enc(f) == J(R"({"fn":"<lambda>"})"));
  CHECK(enc(fn_first{}) == J(R"({"fn":"first"})"));
  CHECK(e.c.ok());
  // a failure inside stops the rest
  auto h = compose(e.c, fn_double{}, fn_first{});
  h(e.c, e.val<Tuple<Int>>("[]"));
  CHECK(e.c.status == Status::Error);
}

TEST_CASE("rbind and lbind fix an argument at any arity", "[dsl][closures]") {
  Eval e;
  CHECK(rbind(e.c, fn_subtract{}, 1)(e.c, 10) == 9);
  CHECK(lbind(e.c, fn_subtract{}, 1)(e.c, 10) == -9);
  auto upto = rbind(e.c, fn_interval{}, 2);  // a 2-argument closure
  CHECK(enc(upto(e.c, 0, 7)) == J("[0,2,4,6]"));
  auto lb = lbind(e.c, lbind(e.c, fn_branch{}, true), 5);
  CHECK(lb(e.c, 6) == 5);
  CHECK(e.c.ok());
}

TEST_CASE("fork and matcher", "[dsl][closures]") {
  Eval e;
  auto f = fork(e.c, fn_add{}, fn_first{}, fn_last{});
  CHECK(f(e.c, e.val<Tuple<Int>>("[1,5,9]")) == 10);
  auto m = matcher(e.c, fn_size{}, 2);
  CHECK(m(e.c, e.val<IntSet>("[1,2]")));
  CHECK_FALSE(m(e.c, e.val<IntSet>("[1]")));
  CHECK(enc(sfilter(e.c, e.val<FSet<IntSet>>("[[1],[1,2],[3,4]]"), m)) == J(R"({"set":[{"set":[1,2]},{"set":[3,4]}]})"));
  CHECK(e.c.ok());
}

TEST_CASE("power applies a function n times and refuses n < 1", "[dsl][closures]") {
  Eval e;
  auto p = power(e.c, fn_double{}, 3);
  CHECK(p(e.c, 1) == 8);
  auto one = power(e.c, fn_first{}, 1);
  CHECK(enc(one) == J(R"({"fn":"first"})"));
  auto twice = power(e.c, fn_dedupe{}, 2);
  CHECK(enc(twice(e.c, e.val<Grid>("[[1,2],[1,2],[3,4]]"))) == J("[[1,2],[3,4]]"));
  CHECK(e.c.ok());
  power(e.c, fn_double{}, 0);  // Python recurses forever
  CHECK(e.c.status == Status::Error);
}

TEST_CASE("sets of closures are ordered by what they capture", "[dsl][closures]") {
  Eval e;
  // apply(lbind(add, ...)) over a set gives a set of closures; rapply calls each
  auto adders = apply(e.c, lbind(e.c, fn_lbind{}, fn_add{}), e.val<IntSet>("[3,1,2]"));
  CHECK(adders.n == 3);
  CHECK(enc(rapply(e.c, adders, 10)) == J(R"({"set":[11,12,13]})"));
  CHECK(e.c.ok());
}

TEST_CASE("FnUnion: different functions in one container", "[dsl][closures]") {
  Eval e;
  using U = FnUnion<fn_cmirror, fn_dmirror, fn_hmirror, fn_vmirror>;
  // combine(astuple(cmirror, dmirror), astuple(hmirror, vmirror)) as the generator widens it
  auto a = convert_to<Tuple<U>>(e.c, Pair<fn_cmirror, fn_dmirror>{});
  auto b = convert_to<Tuple<U>>(e.c, Pair<fn_hmirror, fn_vmirror>{});
  auto all = combine(e.c, a, b);
  REQUIRE(all.n == 4);
  CHECK(enc(all) == J(R"([{"fn":"cmirror"},{"fn":"dmirror"},{"fn":"hmirror"},{"fn":"vmirror"}])"));
  Grid g = e.val<Grid>("[[1,2],[3,4]]");
  CHECK(enc(rapply(e.c, all, g)) == J("[[[4,2],[3,1]],[[1,3],[2,4]],[[3,4],[1,2]],[[2,1],[4,3]]]"));
  // a smaller union widens into a larger one, member by member
  using U2 = FnUnion<fn_dmirror, fn_hmirror>;
  U wide = into<U>(into<U2>(fn_hmirror{}));
  CHECK(std::string(wide.name()) == "hmirror");
  CHECK(enc(wide(e.c, g)) == J("[[3,4],[1,2]]"));
  // a set of them: insert(vmirror, {identity}) widens the set, which is re-sorted
  using V = FnUnion<fn_identity, fn_vmirror>;
  FSet<fn_identity> ids = initset(e.c, fn_identity{});
  FSet<V> both = insert(e.c, into<V>(fn_vmirror{}), convert_to<FSet<V>>(e.c, ids));
  REQUIRE(both.n == 2);
  CHECK(enc(both) == J(R"({"set":[{"fn":"identity"},{"fn":"vmirror"}]})"));
  CHECK(e.c.ok());
}

TEST_CASE("VUnion: a branch between functions of different result types", "[dsl][closures]") {
  Eval e;
  Object obj = e.val<Object>("[[3,[1,1]]]");
  // branch(flag, identity, outbox) applied to an object: an Object or Indices
  auto pick_id = branch(e.c, true, fn_identity{}, fn_outbox{});
  auto pick_box = branch(e.c, false, fn_identity{}, fn_outbox{});
  auto x = pick_id(e.c, obj);
  auto y = pick_box(e.c, obj);
  CHECK(x.which == 0);
  CHECK(y.which == 1);
  CHECK(enc(x) == J(R"({"set":[[3,[1,1]]]})"));
  CHECK(enc(y) == J(R"({"set":[[0,0],[0,1],[0,2],[1,0],[1,2],[2,0],[2,1],[2,2]]})"));
  // primitives dispatch on it: outbox takes both and gives Indices either way
  CHECK(enc(fn_outbox{}(e.c, x)) == J(R"({"set":[[0,0],[0,1],[0,2],[1,0],[1,2],[2,0],[2,1],[2,2]]})"));
  CHECK(fn_size{}(e.c, y) == 8);
  CHECK(equality(e.c, x, obj));
  CHECK_FALSE(equality(e.c, y, obj));
  CHECK(e.c.ok());
}
