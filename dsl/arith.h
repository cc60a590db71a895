// dsl/arith.h: arc-dsl's numeric and logic primitives. "Numerical" is Int or
// Pt (IntegerTuple); each primitive has one overload per Python branch. Bool
// arguments convert to Int where arithmetic meets them, as in Python.
#pragma once

#include "dsl/build.h"
#include "dsl/coerce.h"

namespace battc::dsl {

DSL_FN Int add(Ctx& c, Int a, Int b) { return py_add(c, a, b); }
DSL_FN Pt add(Ctx& c, Pt a, Pt b) { return Pt{py_add(c, a.a, b.a), py_add(c, a.b, b.b)}; }
DSL_FN Pt add(Ctx& c, Int a, Pt b) { return Pt{py_add(c, a, b.a), py_add(c, a, b.b)}; }
DSL_FN Pt add(Ctx& c, Pt a, Int b) { return Pt{py_add(c, a.a, b), py_add(c, a.b, b)}; }

DSL_FN Int subtract(Ctx& c, Int a, Int b) { return py_sub(c, a, b); }
DSL_FN Pt subtract(Ctx& c, Pt a, Pt b) { return Pt{py_sub(c, a.a, b.a), py_sub(c, a.b, b.b)}; }
DSL_FN Pt subtract(Ctx& c, Int a, Pt b) { return Pt{py_sub(c, a, b.a), py_sub(c, a, b.b)}; }
DSL_FN Pt subtract(Ctx& c, Pt a, Int b) { return Pt{py_sub(c, a.a, b), py_sub(c, a.b, b)}; }

DSL_FN Int multiply(Ctx& c, Int a, Int b) { return py_mul(c, a, b); }
DSL_FN Pt multiply(Ctx& c, Pt a, Pt b) { return Pt{py_mul(c, a.a, b.a), py_mul(c, a.b, b.b)}; }
DSL_FN Pt multiply(Ctx& c, Int a, Pt b) { return Pt{py_mul(c, a, b.a), py_mul(c, a, b.b)}; }
DSL_FN Pt multiply(Ctx& c, Pt a, Int b) { return Pt{py_mul(c, a.a, b), py_mul(c, a.b, b)}; }

DSL_FN Int divide(Ctx& c, Int a, Int b) { return py_floordiv(c, a, b); }
DSL_FN Pt divide(Ctx& c, Pt a, Pt b) {
  Int i = py_floordiv(c, a.a, b.a);
  return Pt{i, py_floordiv(c, a.b, b.b)};
}
DSL_FN Pt divide(Ctx& c, Int a, Pt b) {
  Int i = py_floordiv(c, a, b.a);
  return Pt{i, py_floordiv(c, a, b.b)};
}
DSL_FN Pt divide(Ctx& c, Pt a, Int b) {
  Int i = py_floordiv(c, a.a, b);
  return Pt{i, py_floordiv(c, a.b, b)};
}

DSL_FN Int invert(Ctx& c, Int n) { return py_neg(c, n); }
DSL_FN Pt invert(Ctx& c, Pt n) { return Pt{py_neg(c, n.a), py_neg(c, n.b)}; }

DSL_FN Bool even(Ctx& c, Int n) { return py_mod(c, n, 2) == 0; }

DSL_FN Int double_(Ctx& c, Int n) { return py_mul(c, n, 2); }
DSL_FN Pt double_(Ctx& c, Pt n) { return Pt{py_mul(c, n.a, 2), py_mul(c, n.b, 2)}; }

DSL_FN Int halve(Ctx& c, Int n) { return py_floordiv(c, n, 2); }
DSL_FN Pt halve(Ctx& c, Pt n) { return Pt{py_floordiv(c, n.a, 2), py_floordiv(c, n.b, 2)}; }

DSL_FN Bool flip(Ctx&, Bool b) { return !b; }
DSL_FN Bool flip(Ctx&, Int b) { return b == 0; }

DSL_FN Int increment(Ctx& c, Int x) { return py_add(c, x, 1); }
DSL_FN Pt increment(Ctx& c, Pt x) { return Pt{py_add(c, x.a, 1), py_add(c, x.b, 1)}; }
DSL_FN Int decrement(Ctx& c, Int x) { return py_sub(c, x, 1); }
DSL_FN Pt decrement(Ctx& c, Pt x) { return Pt{py_sub(c, x.a, 1), py_sub(c, x.b, 1)}; }

DSL_FN Int crement(Ctx& c, Int x) {
  if (!not_none(c, x)) return 0;
  return x == 0 ? 0 : (x > 0 ? py_add(c, x, 1) : py_sub(c, x, 1));
}
DSL_FN Pt crement(Ctx& c, Pt x) { return Pt{crement(c, x.a), crement(c, x.b)}; }

DSL_FN Int sign(Ctx& c, Int x) {
  if (!not_none(c, x)) return 0;
  return x == 0 ? 0 : (x > 0 ? 1 : -1);
}
DSL_FN Pt sign(Ctx& c, Pt x) { return Pt{sign(c, x.a), sign(c, x.b)}; }

DSL_FN Bool positive(Ctx& c, Int x) { return py_less(c, 0, x); }
DSL_FN Bool greater(Ctx& c, Int a, Int b) { return py_less(c, b, a); }

DSL_FN Pt toivec(Ctx&, Int i) { return Pt{i, 0}; }
DSL_FN Pt tojvec(Ctx&, Int j) { return Pt{0, j}; }
DSL_FN Pt astuple(Ctx&, Int a, Int b) { return Pt{a, b}; }
// astuple of other values builds a general pair.
template <class A, class B>
DSL_FN Pair<A, B> astuple(Ctx&, const A& a, const B& b) {
  return Pair<A, B>{a, b};
}

// `a and b` / `a or b` on booleans.
DSL_FN Bool both(Ctx&, Bool a, Bool b) { return a && b; }
DSL_FN Bool either(Ctx&, Bool a, Bool b) { return a || b; }

template <class T>
DSL_FN T identity(Ctx&, const T& x) {
  return x;
}

template <class A, class B>
DSL_FN Bool equality(Ctx&, const A& a, const B& b) {
  return py_equal(a, b);
}

template <class T>
DSL_FN T branch(Ctx&, Bool condition, const T& a, const T& b) {
  return condition ? a : b;
}
// Two values of different types: the one the condition picks, as a VUnion
// that later primitives dispatch on (functors.h, vcall). (Two functions make
// a Choice, closures.h.)
template <class A, class B>
  requires(!is_dsl_function_v<A> && !is_dsl_function_v<B>)
DSL_FN VUnion<A, B> branch(Ctx&, Bool condition, const A& a, const B& b) {
  VUnion<A, B> u{};
  u.which = condition ? 0 : 1;
  if (condition) u.a = a;
  else u.b = b;
  return u;
}
// A tuple of points or cells against a set of them: the set (converting the
// tuple when it is chosen), so both branches have one type.
DSL_FN Indices branch(Ctx& c, Bool condition, const Tuple<Pt>& a, const Indices& b) {
  return condition ? coerce(c, a) : b;
}
DSL_FN Indices branch(Ctx& c, Bool condition, const Indices& a, const Tuple<Pt>& b) {
  return condition ? a : coerce(c, b);
}
DSL_FN Object branch(Ctx& c, Bool condition, const Tuple<Cell>& a, const Object& b) {
  return condition ? coerce(c, a) : b;
}
DSL_FN Object branch(Ctx& c, Bool condition, const Object& a, const Tuple<Cell>& b) {
  return condition ? a : coerce(c, b);
}

}  // namespace battc::dsl
