// dsl/closures.h: callables. Every primitive has a functor fn_<name> so it can
// be passed as a value (apply(first, x)); compose, chain, fork, matcher, rbind,
// lbind and power build closures, which are plain structs holding what they
// capture. A callable is called as f(ctx, args...). A closure stops at the
// first failure inside it, as Python's exception would.
#pragma once

#include "dsl/arith.h"
#include "dsl/order.h"

namespace battc::dsl {

// Names as the evaluation dump prints them: a primitive by its name, a
// closure as Python's "<lambda>".
template <class F>
DSL_FN const char* fn_name(const F& f) {
  return f.name();
}

template <class Outer, class Inner>
struct Compose {
  Outer outer;
  Inner inner;
  DSL_FN const char* name() const { return "<lambda>"; }
  template <class X>
  DSL_FN auto operator()(Ctx& c, const X& x) const {
    auto y = inner(c, x);
    using R = decltype(outer(c, y));
    if (c.failed()) return R{};
    return outer(c, y);
  }
};

template <class H, class G, class F>
struct Chain {
  H h;
  G g;
  F f;
  DSL_FN const char* name() const { return "<lambda>"; }
  template <class X>
  DSL_FN auto operator()(Ctx& c, const X& x) const {
    auto y = f(c, x);
    using Z = decltype(g(c, y));
    using R = decltype(h(c, declval<const Z&>()));
    if (c.failed()) return R{};
    auto z = g(c, y);
    if (c.failed()) return R{};
    return h(c, z);
  }
};

template <class F, class T>
struct Matcher {
  F f;
  T target;
  DSL_FN const char* name() const { return "<lambda>"; }
  template <class X>
  DSL_FN Bool operator()(Ctx& c, const X& x) const {
    auto y = f(c, x);
    if (c.failed()) return false;
    return equality(c, y, target);
  }
};

// rbind fixes the last argument, lbind the first, whatever the arity of the
// call (Python picks the lambda from the function's own arity; a call with
// another number of arguments is rejected by the type checker).
template <class F, class X>
struct RBind {
  F f;
  X fixed;
  DSL_FN const char* name() const { return "<lambda>"; }
  template <class... A>
  DSL_FN auto operator()(Ctx& c, const A&... a) const {
    return f(c, a..., fixed);
  }
};
template <class F, class X>
struct LBind {
  F f;
  X fixed;
  DSL_FN const char* name() const { return "<lambda>"; }
  template <class... A>
  DSL_FN auto operator()(Ctx& c, const A&... a) const {
    return f(c, fixed, a...);
  }
};

template <class Outer, class A, class B>
struct Fork {
  Outer outer;
  A a;
  B b;
  DSL_FN const char* name() const { return "<lambda>"; }
  template <class X>
  DSL_FN auto operator()(Ctx& c, const X& x) const {
    auto u = a(c, x);
    auto v = b(c, x);
    using R = decltype(outer(c, u, v));
    if (c.failed()) return R{};
    return outer(c, u, v);
  }
};

// f applied n times (n >= 1; power() refuses anything else). The first step
// may change the type (f: X -> Y), the others must keep it (f: Y -> Y).
template <class F>
struct Power {
  F f;
  Int n;
  DSL_FN const char* name() const { return n == 1 ? fn_name(f) : "<lambda>"; }
  template <class X>
  DSL_FN auto operator()(Ctx& c, const X& x) const {
    auto y = f(c, x);
    for (Int k = 1; k < n && c.ok(); ++k) {
      if (!c.spend(1)) break;
      y = f(c, y);
    }
    return y;
  }
};

// branch() between two different callables: which one is a runtime value.
template <class F, class G>
struct Choice {
  Bool first;
  F f;
  G g;
  DSL_FN const char* name() const { return first ? fn_name(f) : fn_name(g); }
  template <class... A>
  DSL_FN auto operator()(Ctx& c, const A&... a) const {
    using R1 = decltype(f(c, a...));
    using R2 = decltype(g(c, a...));
    if constexpr (is_same_v<R1, R2>) {
      return first ? f(c, a...) : g(c, a...);
    } else {  // the two return different types: a VUnion of them
      VUnion<R1, R2> u{};
      u.which = first ? 0 : 1;
      if (first)
        u.a = f(c, a...);
      else
        u.b = g(c, a...);
      return u;
    }
  }
};

// power(f, N) with a constant N: unrolled, so f may change the type at each
// step (power(first, 2) on a tuple of tuples).
template <class F, int N>
struct PowerN {
  static_assert(N >= 1, "power count must be at least 1");
  F f;
  DSL_FN const char* name() const { return N == 1 ? fn_name(f) : "<lambda>"; }
  template <class X>
  DSL_FN auto operator()(Ctx& c, const X& x) const {
    if constexpr (N == 1) {
      return f(c, x);
    } else {
      auto y = PowerN<F, N - 1>{f}(c, x);
      using R = decltype(f(c, y));
      if (c.failed()) return R{};
      return f(c, y);
    }
  }
};

// One of several callables, which one being a runtime value: what a
// container holds when different functions go into it
// (combine(astuple(cmirror, dmirror), astuple(hmirror, vmirror))). The
// generator lists the members in one canonical order and never nests a
// union in a union. Calling it calls the active member; the members return
// one type for the arguments (the type checker sees to that).
template <class... Fs>
struct FnUnion;
template <class F>
struct FnUnion<F> {
  u8 which = 0;  // always 0
  F f{};
  DSL_FN const char* name() const { return fn_name(f); }
  template <class... A>
  DSL_FN auto operator()(Ctx& c, const A&... a) const {
    return f(c, a...);
  }
};
template <class F, class G, class... Rest>
struct FnUnion<F, G, Rest...> {
  u8 which = 0;  // 0: f; else the active member is in rest
  F f{};
  FnUnion<G, Rest...> rest{};
  DSL_FN const char* name() const { return which == 0 ? fn_name(f) : rest.name(); }
  template <class... A>
  DSL_FN auto operator()(Ctx& c, const A&... a) const {
    if (which == 0) return f(c, a...);
    return rest(c, a...);
  }
};

template <class F>
DSL_FN int cmp(const FnUnion<F>& x, const FnUnion<F>& y) {
  return cmp(x.f, y.f);
}
template <class F, class G, class... Rest>
DSL_FN int cmp(const FnUnion<F, G, Rest...>& x, const FnUnion<F, G, Rest...>& y) {
  if (x.which != y.which) return x.which < y.which ? -1 : 1;
  return x.which == 0 ? cmp(x.f, y.f) : cmp(x.rest, y.rest);
}

template <class T>
struct is_fn_union_t {
  static constexpr bool value = false;
};
template <class... Fs>
struct is_fn_union_t<FnUnion<Fs...>> {
  static constexpr bool value = true;
};

// into<U>(x): the union U holding x, a member of U or a smaller union whose
// members are all in U.
template <class X, class F>
DSL_FN FnUnion<F> into_member(const X& x, FnUnion<F>*) {
  static_assert(is_same_v<X, F>, "not a member of the union");
  FnUnion<F> u{};
  u.f = x;
  return u;
}
template <class X, class F, class G, class... Rest>
DSL_FN FnUnion<F, G, Rest...> into_member(const X& x, FnUnion<F, G, Rest...>*) {
  FnUnion<F, G, Rest...> u{};
  if constexpr (is_same_v<X, F>) {
    u.f = x;
  } else {
    u.which = 1;
    u.rest = into_member(x, static_cast<FnUnion<G, Rest...>*>(nullptr));
  }
  return u;
}
template <class U, class X>
DSL_FN U into(const X& x);
template <class U, class X>
DSL_FN U into_union(const FnUnion<X>& x) {
  return into<U>(x.f);
}
template <class U, class X, class Y, class... Xs>
DSL_FN U into_union(const FnUnion<X, Y, Xs...>& x) {
  return x.which == 0 ? into<U>(x.f) : into_union<U>(x.rest);
}
template <class U, class X>
DSL_FN U into(const X& x) {
  if constexpr (is_same_v<U, X>)
    return x;
  else if constexpr (is_fn_union_t<X>::value)
    return into_union<U>(x);
  else
    return into_member(x, static_cast<U*>(nullptr));
}

// convert_to<T>(c, x): x as type T, where the generator unified types:
// a callable into a union, and containers of them element by element (a
// pair of two callables becomes a tuple). A set is re-sorted: the order of
// unions differs from the order of their members.
template <class T, class X>
struct ConvertTo {
  DSL_FN static T run(Ctx&, const X& x) { return into<T>(x); }
};
template <class T>
struct ConvertTo<T, T> {
  DSL_FN static T run(Ctx&, const T& x) { return x; }
};
template <class T, class X>
struct ConvertTo<Tuple<T>, Tuple<X>> {
  DSL_FN static Tuple<T> run(Ctx& c, const Tuple<X>& x) {
    T* buf = c.alloc<T>(x.n);
    if (!buf) return {};
    for (i32 i = 0; i < x.n; ++i) buf[i] = ConvertTo<T, X>::run(c, x.p[i]);
    return Tuple<T>{buf, x.n};
  }
};
template <class T, class X>
struct ConvertTo<FSet<T>, FSet<X>> {
  DSL_FN static FSet<T> run(Ctx& c, const FSet<X>& x) {
    T* buf = c.alloc<T>(x.n);
    if (!buf) return {};
    for (i32 i = 0; i < x.n; ++i) buf[i] = ConvertTo<T, X>::run(c, x.p[i]);
    return make_set(c, buf, x.n);
  }
};
template <class T, class A, class B>
struct ConvertTo<Tuple<T>, Pair<A, B>> {
  DSL_FN static Tuple<T> run(Ctx& c, const Pair<A, B>& x) {
    T* buf = c.alloc<T>(2);
    if (!buf) return {};
    buf[0] = ConvertTo<T, A>::run(c, x.a);
    buf[1] = ConvertTo<T, B>::run(c, x.b);
    return Tuple<T>{buf, 2};
  }
};
template <class T, class X>
DSL_FN T convert_to(Ctx& c, const X& x) {
  return ConvertTo<T, X>::run(c, x);
}

// Closures compare by what they capture (order.h explains why that is enough).
template <class O, class I>
DSL_FN int cmp(const Compose<O, I>& x, const Compose<O, I>& y) {
  int r = cmp(x.outer, y.outer);
  return r ? r : cmp(x.inner, y.inner);
}
template <class H, class G, class F>
DSL_FN int cmp(const Chain<H, G, F>& x, const Chain<H, G, F>& y) {
  int r = cmp(x.h, y.h);
  if (!r) r = cmp(x.g, y.g);
  return r ? r : cmp(x.f, y.f);
}
template <class F, class T>
DSL_FN int cmp(const Matcher<F, T>& x, const Matcher<F, T>& y) {
  int r = cmp(x.f, y.f);
  return r ? r : cmp(x.target, y.target);
}
template <class F, class X>
DSL_FN int cmp(const RBind<F, X>& x, const RBind<F, X>& y) {
  int r = cmp(x.f, y.f);
  return r ? r : cmp(x.fixed, y.fixed);
}
template <class F, class X>
DSL_FN int cmp(const LBind<F, X>& x, const LBind<F, X>& y) {
  int r = cmp(x.f, y.f);
  return r ? r : cmp(x.fixed, y.fixed);
}
template <class O, class A, class B>
DSL_FN int cmp(const Fork<O, A, B>& x, const Fork<O, A, B>& y) {
  int r = cmp(x.outer, y.outer);
  if (!r) r = cmp(x.a, y.a);
  return r ? r : cmp(x.b, y.b);
}
template <class F, class G>
DSL_FN int cmp(const Choice<F, G>& x, const Choice<F, G>& y) {
  int r = cmp(x.first, y.first);
  if (!r) r = cmp(x.f, y.f);
  return r ? r : cmp(x.g, y.g);
}
template <class F, int N>
DSL_FN int cmp(const PowerN<F, N>& x, const PowerN<F, N>& y) {
  return cmp(x.f, y.f);
}
template <class F>
DSL_FN int cmp(const Power<F>& x, const Power<F>& y) {
  int r = cmp(x.f, y.f);
  return r ? r : cmp(x.n, y.n);
}

// ---- the closure-building primitives ------------------------------------------

template <class O, class I>
DSL_FN Compose<O, I> compose(Ctx&, const O& outer, const I& inner) {
  return Compose<O, I>{outer, inner};
}
template <class H, class G, class F>
DSL_FN Chain<H, G, F> chain(Ctx&, const H& h, const G& g, const F& f) {
  return Chain<H, G, F>{h, g, f};
}
template <class F, class T>
DSL_FN Matcher<F, T> matcher(Ctx&, const F& function, const T& target) {
  return Matcher<F, T>{function, target};
}
template <class F, class X>
DSL_FN RBind<F, X> rbind(Ctx&, const F& function, const X& fixed) {
  return RBind<F, X>{function, fixed};
}
template <class F, class X>
DSL_FN LBind<F, X> lbind(Ctx&, const F& function, const X& fixed) {
  return LBind<F, X>{function, fixed};
}
template <class O, class A, class B>
DSL_FN Fork<O, A, B> fork(Ctx&, const O& outer, const A& a, const B& b) {
  return Fork<O, A, B>{outer, a, b};
}
template <class F, class G>
DSL_FN Choice<F, G> branch(Ctx&, Bool condition, const F& a, const G& b) {
  return Choice<F, G>{condition, a, b};
}
// Python recurses n - 1 times while building the closure: n < 1 never ends
// (RecursionError), and so does n near the recursion limit.
constexpr Int kPythonRecursionLimit = 1000;
template <class F>
DSL_FN Power<F> power(Ctx& c, const F& function, Int n) {
  if (n < 1 || n >= kPythonRecursionLimit - 10) c.fail(Why::Recursion);
  return Power<F>{function, n};
}

}  // namespace battc::dsl
