// dsl/containers.h: arc-dsl's generic container primitives (size, first,
// combine, merge, order, argmax, ...). Containers are Tuple, FSet, Grid (a
// tuple of rows) and homogeneous Pair; see container.h. Where Python raises
// (an empty max, next() on nothing, a missing method), the value fails.
#pragma once

#include "dsl/container.h"

namespace battc::dsl {

// ---- size, first, last ---------------------------------------------------------

template <class C>
DSL_FN Int size(Ctx&, const C& x) {
  return Container<C>::size(x);
}

template <class C>
DSL_FN elem_of<C> first(Ctx& c, const C& x) {
  if (Container<C>::size(x) == 0) {
    c.fail(Why::Empty);
    return elem_of<C>{};
  }
  return Container<C>::get(x, 0);
}
template <class A, class B>
DSL_FN A first(Ctx&, const Pair<A, B>& x) {
  return x.a;
}

template <class C>
DSL_FN elem_of<C> last(Ctx& c, const C& x) {
  i32 n = Container<C>::size(x);
  if (n == 0) {
    c.fail(Why::Empty);
    return elem_of<C>{};
  }
  return Container<C>::get(x, n - 1);
}
template <class A, class B>
DSL_FN B last(Ctx&, const Pair<A, B>& x) {
  return x.b;
}

// ---- membership --------------------------------------------------------------

template <class V, class C>
DSL_FN Bool contained(Ctx& c, const V& value, const C& container) {
  using E = elem_of<C>;
  if constexpr (is_fset_v<C> && is_same_v<V, E>) {
    c.spend(1);
    return set_contains(container, value);
  } else {
    i32 n = Container<C>::size(container);
    c.spend(n);
    for (i32 i = 0; i < n; ++i) {
      if (py_equal(Container<C>::get(container, i), value)) return true;
    }
    return false;
  }
}

// `value in (a, b)` for a pair of two types (a cell: colour and point).
template <class V, class A, class B>
DSL_FN Bool contained(Ctx& c, const V& value, const Pair<A, B>& p) {
  c.spend(1);
  return py_equal(p.a, value) || py_equal(p.b, value);
}

// ---- building from parts -----------------------------------------------------

template <class T>
DSL_FN FSet<T> initset(Ctx& c, const T& value) {
  T* buf = c.alloc<T>(1);
  if (!buf) return {};
  buf[0] = value;
  return FSet<T>{buf, 1};
}

template <class T>
DSL_FN tuple_of<T> repeat(Ctx& c, const T& item, Int num) {
  if (!not_none(c, num)) return {};
  Builder<tuple_of<T>> out;
  if (!out.start(c, num)) return {};
  for (i32 i = 0; i < num; ++i) out.push(item);
  return out.finish(c);
}

DSL_FN Tuple<Int> interval(Ctx& c, Int start, Int stop, Int step) {
  if (!not_none(c, start) || !not_none(c, stop) || !not_none(c, step)) return {};
  if (step == 0) {
    c.fail(Why::Value);  // range() arg 3 must not be zero
    return {};
  }
  i64 n = step > 0 ? (i64(stop) - start + step - 1) / step : (i64(start) - stop - step - 1) / -i64(step);
  if (n < 0) n = 0;
  Builder<Tuple<Int>> out;
  if (!out.start(c, n)) return {};
  for (i64 k = 0; k < n; ++k) out.push(Int(start + k * step));
  return out.finish(c);
}

// frozenset((i, j) for j in b for i in a). Of two sets (each in canonical
// order, without duplicates) the pairs are in canonical order with a's
// elements outer, so they are written that way and charged what sorting the
// generation order above costs: one ascending run per element of b, when a
// has two or more. Points and cells (products of integer sets) sort through
// a bitmap whose charges depend on the box, so they take the general way.
template <class A, class B>
DSL_FN FSet<Pair<elem_of<A>, elem_of<B>>> product(Ctx& c, const A& a, const B& b) {
  using P = Pair<elem_of<A>, elem_of<B>>;
  i64 na = Container<A>::size(a), nb = Container<B>::size(b);
  Builder<FSet<P>> out;
  if (!out.start(c, na * nb)) return {};
  if constexpr (is_fset_v<A> && is_fset_v<B> && !kBoxSortable<P>) {
    for (i32 i = 0; i < na; ++i)
      for (i32 j = 0; j < nb; ++j) out.push(P{a.p[i], b.p[j]});
    const i32 n = out.items.n;
    if (c.failed()) return {};
    if (!charge_comparison_sort<P>(c, n, na > 1 && nb > 1 ? i32(nb) : 1)) return {};
    return sorted_set(out.items.buf, n);
  } else {
    for (i32 j = 0; j < nb; ++j)
      for (i32 i = 0; i < na; ++i) out.push(P{Container<A>::get(a, i), Container<B>::get(b, j)});
    return out.finish(c);
  }
}

// tuple(zip(a, b))
template <class A, class B>
DSL_FN Tuple<Pair<elem_of<A>, elem_of<B>>> pair(Ctx& c, const A& a, const B& b) {
  using P = Pair<elem_of<A>, elem_of<B>>;
  i32 na = Container<A>::size(a), nb = Container<B>::size(b);
  i32 n = na < nb ? na : nb;
  Builder<Tuple<P>> out;
  if (!out.start(c, n)) return {};
  for (i32 i = 0; i < n; ++i) out.push(P{Container<A>::get(a, i), Container<B>::get(b, i)});
  return out.finish(c);
}

// ---- combining ---------------------------------------------------------------

// type(a)((*a, *b))
template <class A, class B>
DSL_FN same_kind<A, elem_of<A>> combine(Ctx& c, const A& a, const B& b) {
  static_assert(is_same_v<elem_of<A>, elem_of<B>>, "combine: element types differ");
  using Out = same_kind<A, elem_of<A>>;
  i64 na = Container<A>::size(a), nb = Container<B>::size(b);
  Builder<Out> out;
  if (!out.start(c, na + nb)) return {};
  for (i32 i = 0; i < na; ++i) out.push(Container<A>::get(a, i));
  for (i32 i = 0; i < nb; ++i) out.push(Container<B>::get(b, i));
  return out.finish(c);
}

// a & b, frozensets only (a merge of two sorted runs).
template <class T>
DSL_FN FSet<T> intersection(Ctx& c, const FSet<T>& a, const FSet<T>& b) {
  i32 cap = a.n < b.n ? a.n : b.n;
  if (!c.spend(i64(a.n) + b.n)) return {};
  T* buf = c.alloc<T>(cap);
  if (!buf) return {};
  i32 i = 0, j = 0, k = 0;
  while (i < a.n && j < b.n) {
    int r = cmp(a.p[i], b.p[j]);
    if (r == 0) {
      buf[k++] = a.p[i];
      ++i;
      ++j;
    } else if (r < 0) {
      ++i;
    } else {
      ++j;
    }
  }
  return FSet<T>{buf, k};
}

// type(a)(e for e in a if e not in b)
template <class A, class B>
DSL_FN same_kind<A, elem_of<A>> difference(Ctx& c, const A& a, const B& b) {
  using E = elem_of<A>;
  i32 na = Container<A>::size(a);
  Builder<same_kind<A, E>> out;
  if (!out.start(c, na)) return {};
  for (i32 i = 0; i < na; ++i) {
    E e = Container<A>::get(a, i);
    if (!contained(c, e, b)) out.push(e);
  }
  return out.finish(c);
}

// Tuples only: the first occurrence of each element, in order.
template <class C>
DSL_FN same_kind<C, elem_of<C>> dedupe(Ctx& c, const C& tup) {
  static_assert(!Container<C>::is_set, "dedupe takes a tuple");
  using E = elem_of<C>;
  i32 n = Container<C>::size(tup);
  if (!c.spend(i64(n) * n / 4 + 1)) return {};
  Builder<same_kind<C, E>> out;
  if (!out.start(c, n)) return {};
  for (i32 i = 0; i < n; ++i) {
    E e = Container<C>::get(tup, i);
    bool seen = false;
    for (i32 k = 0; k < i && !seen; ++k) seen = eq(Container<C>::get(tup, k), e);
    if (!seen) out.push(e);
  }
  return out.finish(c);
}

template <class V, class C>
DSL_FN same_kind<C, elem_of<C>> remove(Ctx& c, const V& value, const C& container) {
  using E = elem_of<C>;
  i32 n = Container<C>::size(container);
  Builder<same_kind<C, E>> out;
  if (!out.start(c, n)) return {};
  for (i32 i = 0; i < n; ++i) {
    E e = Container<C>::get(container, i);
    if (!py_equal(e, value)) out.push(e);
  }
  return out.finish(c);
}

// container.union(frozenset({value})): frozensets only.
template <class T>
DSL_FN FSet<T> insert(Ctx& c, const T& value, const FSet<T>& container) {
  if (!c.spend(container.n + 1)) return {};
  T* buf = c.alloc<T>(i64(container.n) + 1);
  if (!buf) return {};
  i32 k = 0, i = 0;
  bool placed = false;
  for (; i < container.n; ++i) {
    int r = placed ? -1 : cmp(container.p[i], value);
    if (r > 0) {
      buf[k++] = value;
      placed = true;
    } else if (r == 0) {
      placed = true;
    }
    buf[k++] = container.p[i];
  }
  if (!placed) buf[k++] = value;
  return FSet<T>{buf, k};
}

template <class C, class V>
DSL_FN elem_of<C> other(Ctx& c, const C& container, const V& value) {
  return first(c, remove(c, value, container));
}

// tuple(container): a set in canonical order.
template <class C>
DSL_FN tuple_of<elem_of<C>> totuple(Ctx& c, const C& container) {
  if constexpr (is_same_v<C, tuple_of<elem_of<C>>>) {
    return container;
  } else {
    i32 n = Container<C>::size(container);
    Builder<tuple_of<elem_of<C>>> out;
    if (!out.start(c, n)) return {};
    for (i32 i = 0; i < n; ++i) out.push(Container<C>::get(container, i));
    return out.finish(c);
  }
}

// type(containers)(e for c in containers for e in c)
template <class CC>
DSL_FN same_kind<CC, elem_of<elem_of<CC>>> merge(Ctx& c, const CC& containers) {
  using Inner = elem_of<CC>;
  using E = elem_of<Inner>;
  i32 n = Container<CC>::size(containers);
  i64 total = 0;
  for (i32 i = 0; i < n; ++i) total += Container<Inner>::size(Container<CC>::get(containers, i));
  Builder<same_kind<CC, E>> out;
  if (!out.start(c, total)) return {};
  for (i32 i = 0; i < n; ++i) {
    Inner in = Container<CC>::get(containers, i);
    if constexpr (is_fset_v<Inner> || is_tuple_v<Inner>) {
      out.push_run(in.p, in.n);  // contiguous: one copy, not a push per element
    } else {
      i32 m = Container<Inner>::size(in);
      for (i32 k = 0; k < m; ++k) out.push(Container<Inner>::get(in, k));
    }
  }
  return out.finish(c);
}

// ---- extremes ------------------------------------------------------------------

// max(container, default=0) over integers.
template <class C>
DSL_FN Int maximum(Ctx& c, const C& container) {
  i32 n = Container<C>::size(container);
  if (n == 0) return 0;
  Int best = Int(Container<C>::get(container, 0));
  for (i32 i = 1; i < n; ++i) {
    Int v = Int(Container<C>::get(container, i));
    if (py_less(c, best, v)) best = v;
  }
  return best;
}
template <class C>
DSL_FN Int minimum(Ctx& c, const C& container) {
  i32 n = Container<C>::size(container);
  if (n == 0) return 0;
  Int best = Int(Container<C>::get(container, 0));
  for (i32 i = 1; i < n; ++i) {
    Int v = Int(Container<C>::get(container, i));
    if (py_less(c, v, best)) best = v;
  }
  return best;
}

// Index of the first extreme element by key (Python's max/min keep the first
// of equal keys); -1 for an empty container.
template <bool kMax, class C, class F>
DSL_FN i32 extreme_index(Ctx& c, const C& container, const F& key) {
  i32 n = Container<C>::size(container);
  if (n == 0 || !c.spend(n)) return -1;
  auto best = key(c, Container<C>::get(container, 0));
  i32 at = 0;
  for (i32 i = 1; i < n && c.ok(); ++i) {
    auto k = key(c, Container<C>::get(container, i));
    if (kMax ? py_lt(best, k) : py_lt(k, best)) {  // Python's max/min: strictly better
      best = k;
      at = i;
    }
  }
  return at;
}

template <class C, class F>
DSL_FN elem_of<C> argmax(Ctx& c, const C& container, const F& compfunc) {
  i32 at = extreme_index<true>(c, container, compfunc);
  if (at < 0) {
    c.fail(Why::Empty);
    return elem_of<C>{};
  }
  return Container<C>::get(container, at);
}
template <class C, class F>
DSL_FN elem_of<C> argmin(Ctx& c, const C& container, const F& compfunc) {
  i32 at = extreme_index<false>(c, container, compfunc);
  if (at < 0) {
    c.fail(Why::Empty);
    return elem_of<C>{};
  }
  return Container<C>::get(container, at);
}

// compfunc(max(container, key=compfunc, default=0)): on an empty container
// compfunc gets the integer 0, which only an Int-taking compfunc accepts.
template <bool kMax, class C, class F>
DSL_FN result_t<F, elem_of<C>> valextreme(Ctx& c, const C& container, const F& compfunc) {
  using R = result_t<F, elem_of<C>>;
  i32 at = extreme_index<kMax>(c, container, compfunc);
  if (at < 0) {
    if constexpr (is_same_v<elem_of<C>, Int>) {
      return compfunc(c, Int(0));
    } else {
      c.fail(Why::Empty);
      return R{};
    }
  }
  return compfunc(c, Container<C>::get(container, at));
}
template <class C, class F>
DSL_FN result_t<F, elem_of<C>> valmax(Ctx& c, const C& container, const F& compfunc) {
  return valextreme<true>(c, container, compfunc);
}
template <class C, class F>
DSL_FN result_t<F, elem_of<C>> valmin(Ctx& c, const C& container, const F& compfunc) {
  return valextreme<false>(c, container, compfunc);
}

// max(set(container), key=container.count): tuples only (a frozenset has no
// count()); candidates in canonical order, so ties go to the smallest.
template <bool kMost, class C>
DSL_FN elem_of<C> commonest(Ctx& c, const C& container) {
  using E = elem_of<C>;
  if constexpr (Container<C>::is_set) {
    c.fail(Why::Type);  // 'frozenset' object has no attribute 'count'
    return E{};
  } else {
    i32 n = Container<C>::size(container);
    if (n == 0) {
      c.fail(Why::Empty);
      return E{};
    }
    if (!c.spend(i64(n) * 2 + 1)) return E{};
    u64 m = c.mark();
    E* vals = c.alloc<E>(n);
    if (!vals) return E{};
    for (i32 i = 0; i < n; ++i) vals[i] = Container<C>::get(container, i);
    stable_sort(c, vals, n, CanonLess<E>{});
    E best{};
    i32 best_count = -1;
    for (i32 i = 0; i < n;) {
      i32 k = i;
      while (k < n && eq(vals[k], vals[i])) ++k;
      i32 count = k - i;
      if (best_count < 0 || (kMost ? count > best_count : count < best_count)) {
        best = vals[i];
        best_count = count;
      }
      i = k;
    }
    c.release(m);  // best is a handle into the container, not into vals
    return best;
  }
}
template <class C>
DSL_FN elem_of<C> mostcommon(Ctx& c, const C& container) {
  return commonest<true>(c, container);
}
template <class C>
DSL_FN elem_of<C> leastcommon(Ctx& c, const C& container) {
  return commonest<false>(c, container);
}

// ---- ordering --------------------------------------------------------------------

// tuple(sorted(container, key=compfunc)): stable, keys computed once each.
template <class C, class F>
DSL_FN tuple_of<elem_of<C>> order(Ctx& c, const C& container, const F& compfunc) {
  using E = elem_of<C>;
  using K = result_t<F, E>;
  struct Item {
    K key;
    E value;
  };
  struct ByKey {
    DSL_FN bool operator()(const Item& x, const Item& y) const { return py_lt(x.key, y.key); }
  };
  i32 n = Container<C>::size(container);
  Item* items = c.alloc<Item>(n);
  if (!items) return {};
  for (i32 i = 0; i < n && c.ok(); ++i) {
    E e = Container<C>::get(container, i);
    items[i] = Item{compfunc(c, e), e};
  }
  if (c.failed()) return {};
  stable_sort(c, items, n, ByKey{});
  Builder<tuple_of<E>> out;
  if (!out.start(c, n)) return {};
  for (i32 i = 0; i < n; ++i) out.push(items[i].value);
  return out.finish(c);
}

// ---- filtering -------------------------------------------------------------------

template <class C, class F>
DSL_FN same_kind<C, elem_of<C>> sfilter(Ctx& c, const C& container, const F& condition) {
  using E = elem_of<C>;
  i32 n = Container<C>::size(container);
  Builder<same_kind<C, E>> out;
  if (!out.start(c, n)) return {};
  for (i32 i = 0; i < n && c.ok(); ++i) {
    E e = Container<C>::get(container, i);
    if (condition(c, e)) out.push(e);
  }
  return out.finish(c);
}

template <class C, class F>
DSL_FN auto mfilter(Ctx& c, const C& container, const F& function) {
  return merge(c, sfilter(c, container, function));
}

template <class C, class F>
DSL_FN elem_of<C> extract(Ctx& c, const C& container, const F& condition) {
  using E = elem_of<C>;
  i32 n = Container<C>::size(container);
  c.spend(n);
  for (i32 i = 0; i < n && c.ok(); ++i) {
    E e = Container<C>::get(container, i);
    if (condition(c, e)) return e;
  }
  c.fail(Why::Empty);  // StopIteration
  return E{};
}

// frozenset(item for item in container if len(item) == n)
template <class C>
DSL_FN FSet<elem_of<C>> sizefilter(Ctx& c, const C& container, Int n) {
  using E = elem_of<C>;
  i32 m = Container<C>::size(container);
  Builder<FSet<E>> out;
  if (!out.start(c, m)) return {};
  for (i32 i = 0; i < m; ++i) {
    E e = Container<C>::get(container, i);
    if (Container<E>::size(e) == n) out.push(e);
  }
  return out.finish(c);
}

// ---- mapping ---------------------------------------------------------------------

template <class F, class C>
DSL_FN same_kind<C, result_t<F, elem_of<C>>> apply(Ctx& c, const F& function, const C& container) {
  using R = result_t<F, elem_of<C>>;
  i32 n = Container<C>::size(container);
  Builder<same_kind<C, R>> out;
  if (!out.start(c, n)) return {};
  for (i32 i = 0; i < n && c.ok(); ++i) out.push(function(c, Container<C>::get(container, i)));
  return out.finish(c);
}

template <class F, class C>
DSL_FN auto mapply(Ctx& c, const F& function, const C& container) {
  return merge(c, apply(c, function, container));
}

// type(functions)(function(value) for function in functions)
template <class FC, class V>
DSL_FN auto rapply(Ctx& c, const FC& functions, const V& value) {
  using Fn = elem_of<FC>;
  using R = result_t<Fn, V>;
  i32 n = Container<FC>::size(functions);
  Builder<same_kind<FC, R>> out;
  if (!out.start(c, n)) return same_kind<FC, R>{};
  for (i32 i = 0; i < n && c.ok(); ++i) out.push(Container<FC>::get(functions, i)(c, value));
  return out.finish(c);
}
// A pair of two different callables: a tuple of their two results.
template <class F, class G, class V>
DSL_FN auto rapply(Ctx& c, const Pair<F, G>& functions, const V& value) {
  using R = result_t<F, V>;
  static_assert(is_same_v<R, result_t<G, V>>, "rapply: the functions return different types");
  Builder<tuple_of<R>> out;
  if (!out.start(c, 2)) return tuple_of<R>{};
  out.push(functions.a(c, value));
  if (c.ok()) out.push(functions.b(c, value));
  return out.finish(c);
}

// tuple(function(i, j) for i, j in zip(a, b))
template <class F, class A, class B>
DSL_FN tuple_of<result_t<F, elem_of<A>, elem_of<B>>> papply(Ctx& c, const F& function, const A& a, const B& b) {
  using R = result_t<F, elem_of<A>, elem_of<B>>;
  i32 na = Container<A>::size(a), nb = Container<B>::size(b);
  i32 n = na < nb ? na : nb;
  Builder<tuple_of<R>> out;
  if (!out.start(c, n)) return {};
  for (i32 i = 0; i < n && c.ok(); ++i) out.push(function(c, Container<A>::get(a, i), Container<B>::get(b, i)));
  return out.finish(c);
}

template <class F, class A, class B>
DSL_FN auto mpapply(Ctx& c, const F& function, const A& a, const B& b) {
  return merge(c, papply(c, function, a, b));
}

// frozenset(function(i, j) for j in b for i in a)
template <class F, class A, class B>
DSL_FN FSet<result_t<F, elem_of<A>, elem_of<B>>> prapply(Ctx& c, const F& function, const A& a, const B& b) {
  using R = result_t<F, elem_of<A>, elem_of<B>>;
  i64 na = Container<A>::size(a), nb = Container<B>::size(b);
  Builder<FSet<R>> out;
  if (!out.start(c, na * nb)) return {};
  for (i32 j = 0; j < nb && c.ok(); ++j)
    for (i32 i = 0; i < na && c.ok(); ++i) out.push(function(c, Container<A>::get(a, i), Container<B>::get(b, j)));
  return out.finish(c);
}

}  // namespace battc::dsl
