// tests/dsl/arith_test.cpp: numeric and logic primitives, Python's rules
// for floor division, signs, None and overflow included.
#include "tests/dsl/dsl_test_util.h"

using namespace battc::test;
using namespace battc::dsl;

TEST_CASE("add, subtract, multiply on ints and points", "[dsl][arith]") {
  Eval e;
  CHECK(add(e.c, 2, 3) == 5);
  CHECK(enc(add(e.c, Pt{1, 2}, Pt{3, 4})) == J("[4,6]"));
  CHECK(enc(add(e.c, 1, Pt{3, 4})) == J("[4,5]"));
  CHECK(enc(add(e.c, Pt{3, 4}, -1)) == J("[2,3]"));
  CHECK(subtract(e.c, 2, 5) == -3);
  CHECK(enc(subtract(e.c, 10, Pt{3, 4})) == J("[7,6]"));
  CHECK(enc(multiply(e.c, Pt{3, 4}, Pt{-1, 2})) == J("[-3,8]"));
  CHECK(e.c.ok());
}

TEST_CASE("divide floors like Python and fails on zero", "[dsl][arith]") {
  Eval e;
  CHECK(divide(e.c, 7, 2) == 3);
  CHECK(divide(e.c, -7, 2) == -4);
  CHECK(divide(e.c, 7, -2) == -4);
  CHECK(divide(e.c, -7, -2) == 3);
  CHECK(halve(e.c, -3) == -2);
  CHECK(enc(halve(e.c, Pt{5, -5})) == J("[2,-3]"));
  CHECK(e.c.ok());
  divide(e.c, 1, 0);
  CHECK(e.c.status == Status::Error);
  e.reset();
  divide(e.c, Pt{1, 1}, Pt{1, 0});
  CHECK(e.c.failed());
}

TEST_CASE("even, sign, crement, invert, double", "[dsl][arith]") {
  Eval e;
  CHECK(even(e.c, -3) == false);
  CHECK(even(e.c, -4) == true);
  CHECK(sign(e.c, -9) == -1);
  CHECK(enc(sign(e.c, Pt{0, 7})) == J("[0,1]"));
  CHECK(crement(e.c, 0) == 0);
  CHECK(crement(e.c, 3) == 4);
  CHECK(crement(e.c, -3) == -4);
  CHECK(enc(crement(e.c, Pt{-1, 1})) == J("[-2,2]"));
  CHECK(invert(e.c, 5) == -5);
  CHECK(double_(e.c, 21) == 42);
  CHECK(increment(e.c, 1) == 2);
  CHECK(enc(decrement(e.c, Pt{0, 0})) == J("[-1,-1]"));
  CHECK(e.c.ok());
}

TEST_CASE("overflow and None fail instead of wrapping", "[dsl][arith]") {
  Eval e;
  multiply(e.c, 1 << 20, 1 << 20);
  CHECK(e.c.status == Status::Error);
  e.reset();
  add(e.c, kNone, 1);
  CHECK(e.c.status == Status::Error);
  e.reset();
  greater(e.c, kNone, 1);
  CHECK(e.c.failed());
}

TEST_CASE("comparisons and logic", "[dsl][arith]") {
  Eval e;
  CHECK(greater(e.c, 3, 2));
  CHECK_FALSE(greater(e.c, 2, 2));
  CHECK(positive(e.c, 1));
  CHECK_FALSE(positive(e.c, 0));
  CHECK(flip(e.c, false));
  CHECK(both(e.c, true, true));
  CHECK_FALSE(both(e.c, true, false));
  CHECK(either(e.c, false, true));
  CHECK(equality(e.c, Pt{1, 2}, Pt{1, 2}));
  CHECK(equality(e.c, 1, true));
  CHECK_FALSE(equality(e.c, 1, Pt{1, 1}));
  CHECK(branch(e.c, true, 4, 5) == 4);
  CHECK(branch(e.c, false, 4, 5) == 5);
  CHECK(enc(toivec(e.c, 3)) == J("[3,0]"));
  CHECK(enc(tojvec(e.c, 3)) == J("[0,3]"));
  CHECK(enc(astuple(e.c, 3, 4)) == J("[3,4]"));
  CHECK(identity(e.c, 7) == 7);
  CHECK(e.c.ok());
}
