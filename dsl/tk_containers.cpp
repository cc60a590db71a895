// dsl/tk_containers.cpp: tokpidjin's arithmetic, where () stands for 0
// (add, subtract) or 1 (multiply, divide). Only a point can be (): kEmptyPt.
// Where the substitution changes the result's type from the arc-dsl
// overload's (add((), 3) is the int 3, add((), ()) the int 0), the value
// fails (docs/semantics.md, "tokpidjin dialect").
#include "dsl/tk_containers.h"

#include "dsl/arith.h"

namespace battc::dsl {

namespace {

// op(a, b) on points with () as the neutral value n: a point from the
// other operand, or failure when both are ().
template <class Op>
DSL_HD Pt pt_pt(Ctx& c, Pt a, Pt b, Int n, const Op& op) {
  bool ea = is_empty_pt(a), eb = is_empty_pt(b);
  if (ea && eb) {
    c.fail(Why::Type);  // the int op(n, n), not a point
    return Pt{0, 0};
  }
  if (ea) return op(c, n, b);
  if (eb) return op(c, a, n);
  return op(c, a, b);
}
// op(int, point): () as the point makes the result the int op(a, n).
template <class Op>
DSL_HD Pt int_pt(Ctx& c, Int a, Pt b, const Op& op) {
  if (is_empty_pt(b)) {
    c.fail(Why::Type);
    return Pt{0, 0};
  }
  return op(c, a, b);
}
template <class Op>
DSL_HD Pt pt_int(Ctx& c, Pt a, Int b, const Op& op) {
  if (is_empty_pt(a)) {
    c.fail(Why::Type);
    return Pt{0, 0};
  }
  return op(c, a, b);
}

struct Add {
  template <class A, class B>
  DSL_HD Pt operator()(Ctx& c, A a, B b) const { return add(c, a, b); }
};
struct Sub {
  template <class A, class B>
  DSL_HD Pt operator()(Ctx& c, A a, B b) const { return subtract(c, a, b); }
};
struct Mul {
  template <class A, class B>
  DSL_HD Pt operator()(Ctx& c, A a, B b) const { return multiply(c, a, b); }
};
struct Div {
  template <class A, class B>
  DSL_HD Pt operator()(Ctx& c, A a, B b) const { return divide(c, a, b); }
};

}  // namespace

DSL_HD Int tk_add(Ctx& c, Int a, Int b) { return add(c, a, b); }
DSL_HD Pt tk_add(Ctx& c, Pt a, Pt b) { return pt_pt(c, a, b, 0, Add{}); }
DSL_HD Pt tk_add(Ctx& c, Int a, Pt b) { return int_pt(c, a, b, Add{}); }
DSL_HD Pt tk_add(Ctx& c, Pt a, Int b) { return pt_int(c, a, b, Add{}); }

DSL_HD Int tk_subtract(Ctx& c, Int a, Int b) { return subtract(c, a, b); }
DSL_HD Pt tk_subtract(Ctx& c, Pt a, Pt b) { return pt_pt(c, a, b, 0, Sub{}); }
DSL_HD Pt tk_subtract(Ctx& c, Int a, Pt b) { return int_pt(c, a, b, Sub{}); }
DSL_HD Pt tk_subtract(Ctx& c, Pt a, Int b) { return pt_int(c, a, b, Sub{}); }

DSL_HD Int tk_multiply(Ctx& c, Int a, Int b) { return multiply(c, a, b); }
DSL_HD Pt tk_multiply(Ctx& c, Pt a, Pt b) { return pt_pt(c, a, b, 1, Mul{}); }
DSL_HD Pt tk_multiply(Ctx& c, Int a, Pt b) { return int_pt(c, a, b, Mul{}); }
DSL_HD Pt tk_multiply(Ctx& c, Pt a, Int b) { return pt_int(c, a, b, Mul{}); }

DSL_HD Int tk_divide(Ctx& c, Int a, Int b) { return divide(c, a, b); }
DSL_HD Pt tk_divide(Ctx& c, Pt a, Pt b) { return pt_pt(c, a, b, 1, Div{}); }
DSL_HD Pt tk_divide(Ctx& c, Int a, Pt b) { return int_pt(c, a, b, Div{}); }
DSL_HD Pt tk_divide(Ctx& c, Pt a, Int b) { return pt_int(c, a, b, Div{}); }

}  // namespace battc::dsl
