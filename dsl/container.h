// dsl/container.h: how generic primitives see a container, and how they build
// one. Python's `type(container)(...)` keeps the container's kind: tuples and
// grids (a grid is a tuple of rows) give tuples, frozensets give frozensets.
// A tuple whose elements are int tuples is always a Grid here (ragged when
// the rows differ in length).
#pragma once

#include "dsl/build.h"
#include "dsl/traits.h"

namespace battc::dsl {

// ---- the tuple type for elements of type T ---------------------------------

template <class T>
struct tuple_of_t {
  using type = Tuple<T>;
};
template <>
struct tuple_of_t<Tuple<Int>> {
  using type = Grid;
};
template <class T>
using tuple_of = typename tuple_of_t<T>::type;

// ---- reading containers -------------------------------------------------------

template <class C>
struct Container;  // undefined: not a container

template <class T>
struct Container<Tuple<T>> {
  using elem = T;
  static constexpr bool is_set = false;
  template <class R>
  using out = tuple_of<R>;
  DSL_FN static i32 size(const Tuple<T>& x) { return x.n; }
  DSL_FN static T get(const Tuple<T>& x, i32 i) { return x.p[i]; }
};
template <class T>
struct Container<FSet<T>> {
  using elem = T;
  static constexpr bool is_set = true;
  template <class R>
  using out = FSet<R>;
  DSL_FN static i32 size(const FSet<T>& x) { return x.n; }
  DSL_FN static T get(const FSet<T>& x, i32 i) { return x.p[i]; }
};
template <>
struct Container<Grid> {
  using elem = Tuple<Int>;
  static constexpr bool is_set = false;
  template <class R>
  using out = tuple_of<R>;
  DSL_FN static i32 size(const Grid& g) { return g.h; }
  DSL_FN static Tuple<Int> get(const Grid& g, i32 i) { return Tuple<Int>{g.rptr(i), g.rlen(i)}; }
};
// A pair of two values of one type is a tuple of length 2.
template <class T>
struct Container<Pair<T, T>> {
  using elem = T;
  static constexpr bool is_set = false;
  template <class R>
  using out = tuple_of<R>;
  DSL_FN static i32 size(const Pair<T, T>&) { return 2; }
  DSL_FN static T get(const Pair<T, T>& x, i32 i) { return i == 0 ? x.a : x.b; }
};

// A triple of three values of one type is a tuple of length 3.
template <class T>
struct Container<Triple<T, T, T>> {
  using elem = T;
  static constexpr bool is_set = false;
  template <class R>
  using out = tuple_of<R>;
  DSL_FN static i32 size(const Triple<T, T, T>&) { return 3; }
  DSL_FN static T get(const Triple<T, T, T>& x, i32 i) { return i == 0 ? x.a : i == 1 ? x.b : x.c; }
};

template <class C>
using elem_of = typename Container<C>::elem;
template <class C, class R>
using same_kind = typename Container<C>::template out<R>;

// ---- building containers ---------------------------------------------------

// Builder<Out> collects elements, then finish() yields the value. Capacity is
// fixed at start; push past it is a bug in the caller, so it is refused.
template <class Out>
struct Builder;

template <class T>
struct Builder<Tuple<T>> {
  T* buf = nullptr;
  i32 n = 0;
  i32 cap = 0;
  DSL_FN bool start(Ctx& c, i64 capacity) {
    if (capacity < 0) capacity = 0;
    if (capacity > kInt32Max || !c.spend(capacity)) {
      c.fail(Status::Budget, Why::Arena);
      return false;
    }
    cap = i32(capacity);
    buf = c.alloc<T>(capacity);
    return buf != nullptr || capacity == 0;
  }
  DSL_FN void push(const T& v) {
    if (n < cap) buf[n++] = v;
  }
  // m elements at once (a set's or a tuple's storage), as m pushes.
  DSL_FN void push_run(const T* p, i32 m) {
    if (m > cap - n) m = cap - n;
    for (i32 i = 0; i < m; ++i) buf[n + i] = p[i];
    n += m;
  }
  DSL_FN Tuple<T> finish(Ctx& c) {
    if (c.failed()) return {};
    return Tuple<T>{buf, n};
  }
};

template <class T>
struct Builder<FSet<T>> {
  Builder<Tuple<T>> items;
  DSL_FN bool start(Ctx& c, i64 capacity) { return items.start(c, capacity); }
  DSL_FN void push(const T& v) { items.push(v); }
  DSL_FN void push_run(const T* p, i32 m) { items.push_run(p, m); }
  DSL_FN FSet<T> finish(Ctx& c) {
    if (c.failed()) return {};
    return make_set(c, items.buf, items.n);
  }
};

// Rows collected into a grid (ragged when their lengths differ).
template <>
struct Builder<Grid> {
  Builder<Tuple<Tuple<Int>>> rows;
  DSL_FN bool start(Ctx& c, i64 capacity) { return rows.start(c, capacity); }
  DSL_FN void push(const Tuple<Int>& r) { rows.push(r); }
  DSL_FN void push_run(const Tuple<Int>* p, i32 m) { rows.push_run(p, m); }
  DSL_FN Grid finish(Ctx& c) {
    if (c.failed()) return Grid{};
    return grid_of_rows(c, rows.buf, rows.n);
  }
};

}  // namespace battc::dsl
