// dsl/tk_containers.h: tokpidjin's own container, rank, arithmetic and
// sample-helper primitives (dsl/primitives_tokpidjin.def), the ones that
// involve no cells. Where tokpidjin returns a default (None, (), frozenset(),
// 0) instead of raising, the default is a value of the result type when that
// type can hold it (py_none_as and friends below); otherwise, and wherever
// tokpidjin returns math.nan or an infinity, the value fails
// (docs/semantics.md, "tokpidjin dialect").
#pragma once

#include "dsl/arith.h"
#include "dsl/containers.h"

namespace battc::dsl {

// ---- tokpidjin's defaults as values of a result type -----------------------------

// Python's None as a T: an Int holds it (kNone); nothing else does.
template <class T>
DSL_FN T py_none_as(Ctx& c) {
  if constexpr (is_same_v<T, Int>) {
    return kNone;
  } else {
    c.fail(Why::Type);
    return T{};
  }
}
// Python's () as a T: any tuple (an empty Tuple, the grid (), kEmptyPt).
template <class T>
DSL_FN T py_empty_tuple_as(Ctx& c) {
  if constexpr (is_tuple_v<T> || is_same_v<T, Grid>) {
    return T{};
  } else if constexpr (is_same_v<T, Pt>) {
    return kEmptyPt;
  } else {
    c.fail(Why::Type);
    return T{};
  }
}
// Python's frozenset() as a T: any frozenset.
template <class T>
DSL_FN T py_empty_fset_as(Ctx& c) {
  if constexpr (is_fset_v<T>) {
    return T{};
  } else {
    c.fail(Why::Type);
    return T{};
  }
}
// type(container)() as an element of it.
template <class C>
DSL_FN elem_of<C> py_empty_kind_as(Ctx& c) {
  if constexpr (Container<C>::is_set)
    return py_empty_fset_as<elem_of<C>>(c);
  else
    return py_empty_tuple_as<elem_of<C>>(c);
}

namespace detail {
// Python's seq[rank] range test: -n <= rank < n; the position, or -1.
DSL_FN i32 py_index(Int rank, i32 n) {
  if (rank == kNone) return -1;
  if (rank < 0) return i64(rank) + n >= 0 ? i32(i64(rank) + n) : -1;
  return rank < n ? rank : -1;
}
}  // namespace detail

// ---- arithmetic: () is 0 for add/subtract, 1 for multiply/divide --------------------
// An Int is never (), so only point arguments can be. A result whose type
// differs from the arc-dsl overload's (add((), 3) is the int 3 where the
// Pt + Int overload gives a point) fails.

DSL_HD Int tk_add(Ctx& c, Int a, Int b);
DSL_HD Pt tk_add(Ctx& c, Pt a, Pt b);
DSL_HD Pt tk_add(Ctx& c, Int a, Pt b);
DSL_HD Pt tk_add(Ctx& c, Pt a, Int b);
DSL_HD Int tk_subtract(Ctx& c, Int a, Int b);
DSL_HD Pt tk_subtract(Ctx& c, Pt a, Pt b);
DSL_HD Pt tk_subtract(Ctx& c, Int a, Pt b);
DSL_HD Pt tk_subtract(Ctx& c, Pt a, Int b);
DSL_HD Int tk_multiply(Ctx& c, Int a, Int b);
DSL_HD Pt tk_multiply(Ctx& c, Pt a, Pt b);
DSL_HD Pt tk_multiply(Ctx& c, Int a, Pt b);
DSL_HD Pt tk_multiply(Ctx& c, Pt a, Int b);
DSL_HD Int tk_divide(Ctx& c, Int a, Int b);
DSL_HD Pt tk_divide(Ctx& c, Pt a, Pt b);
DSL_HD Pt tk_divide(Ctx& c, Int a, Pt b);
DSL_HD Pt tk_divide(Ctx& c, Pt a, Int b);

// branch on colours (the same function)
template <class A, class B>
DSL_FN auto c_branch(Ctx& c, Bool condition, const A& a, const B& b) {
  return branch(c, condition, a, b);
}

// ---- first, second, last and their _t/_f forms -----------------------------------------

// next(iter(container), None)
template <class C>
DSL_FN elem_of<C> tk_first(Ctx& c, const C& x) {
  if (Container<C>::size(x) == 0) return py_none_as<elem_of<C>>(c);
  return Container<C>::get(x, 0);
}
template <class A, class B>
DSL_FN A tk_first(Ctx&, const Pair<A, B>& x) {
  return x.a;
}
// One bare next() (an empty container raises), then next(it, None).
template <class C>
DSL_FN elem_of<C> second(Ctx& c, const C& x) {
  i32 n = Container<C>::size(x);
  if (n == 0) {
    c.fail(Why::Empty);  // StopIteration
    return elem_of<C>{};
  }
  if (n == 1) return py_none_as<elem_of<C>>(c);
  return Container<C>::get(x, 1);
}
template <class A, class B>
DSL_FN B second(Ctx&, const Pair<A, B>& x) {
  return x.b;
}
// The last element, or () when the container is empty.
template <class C>
DSL_FN elem_of<C> tk_last(Ctx& c, const C& x) {
  i32 n = Container<C>::size(x);
  if (n == 0) return py_empty_tuple_as<elem_of<C>>(c);
  return Container<C>::get(x, n - 1);
}
template <class A, class B>
DSL_FN B tk_last(Ctx&, const Pair<A, B>& x) {
  return x.b;
}
// container[0] / container[-1] if container else (): a non-empty frozenset
// is not subscriptable.
template <bool kFirst, class C>
DSL_FN elem_of<C> first_last_t(Ctx& c, const C& x) {
  i32 n = Container<C>::size(x);
  if (n == 0) return py_empty_tuple_as<elem_of<C>>(c);
  if constexpr (Container<C>::is_set) {
    c.fail(Why::Type);  // TypeError: 'frozenset' object is not subscriptable
    return elem_of<C>{};
  } else {
    return Container<C>::get(x, kFirst ? 0 : n - 1);
  }
}
template <class C>
DSL_FN elem_of<C> first_t(Ctx& c, const C& x) {
  return first_last_t<true>(c, x);
}
template <class A, class B>
DSL_FN A first_t(Ctx&, const Pair<A, B>& x) {
  return x.a;
}
template <class C>
DSL_FN elem_of<C> last_t(Ctx& c, const C& x) {
  return first_last_t<false>(c, x);
}
template <class A, class B>
DSL_FN B last_t(Ctx&, const Pair<A, B>& x) {
  return x.b;
}
// The first / last element in iteration order, or frozenset().
template <class C>
DSL_FN elem_of<C> first_f(Ctx& c, const C& x) {
  if (Container<C>::size(x) == 0) return py_empty_fset_as<elem_of<C>>(c);
  return Container<C>::get(x, 0);
}
template <class A, class B>
DSL_FN A first_f(Ctx&, const Pair<A, B>& x) {
  return x.a;
}
template <class C>
DSL_FN elem_of<C> last_f(Ctx& c, const C& x) {
  i32 n = Container<C>::size(x);
  if (n == 0) return py_empty_fset_as<elem_of<C>>(c);
  return Container<C>::get(x, n - 1);
}
template <class A, class B>
DSL_FN B last_f(Ctx&, const Pair<A, B>& x) {
  return x.b;
}

// ---- searching: extract and other ---------------------------------------------------

// The first element satisfying condition, or frozenset().
template <class C, class F>
DSL_FN elem_of<C> tk_extract(Ctx& c, const C& container, const F& condition) {
  using E = elem_of<C>;
  i32 n = Container<C>::size(container);
  c.spend(n);
  for (i32 i = 0; i < n && c.ok(); ++i) {
    E e = Container<C>::get(container, i);
    if (condition(c, e)) return e;
  }
  if (c.failed()) return E{};
  return py_empty_fset_as<E>(c);
}

// The first element != value (in iteration order), or the default D.
template <int kDefault /*0 None, 1 (), 2 frozenset()*/, class C, class V>
DSL_FN elem_of<C> other_impl(Ctx& c, const C& container, const V& value) {
  using E = elem_of<C>;
  i32 n = Container<C>::size(container);
  c.spend(n);
  for (i32 i = 0; i < n; ++i) {
    E e = Container<C>::get(container, i);
    if (!py_equal(e, value)) return e;
  }
  if constexpr (kDefault == 0)
    return py_none_as<E>(c);
  else if constexpr (kDefault == 1)
    return py_empty_tuple_as<E>(c);
  else
    return py_empty_fset_as<E>(c);
}
template <class C, class V>
DSL_FN elem_of<C> tk_other(Ctx& c, const C& container, const V& value) {
  return other_impl<0>(c, container, value);
}
template <class C, class V>
DSL_FN elem_of<C> other_t(Ctx& c, const C& container, const V& value) {
  return other_impl<1>(c, container, value);
}
template <class C, class V>
DSL_FN elem_of<C> other_f(Ctx& c, const C& container, const V& value) {
  return other_impl<2>(c, container, value);
}

// ---- same as arc-dsl's generic ones ---------------------------------------------------

template <class A, class B>
DSL_FN auto difference_tuple(Ctx& c, const A& a, const B& b) {
  return difference(c, a, b);
}
template <class CC>
DSL_FN auto merge_f(Ctx& c, const CC& x) {
  return merge(c, x);
}
template <class CC>
DSL_FN auto merge_t(Ctx& c, const CC& x) {
  return merge(c, x);
}
template <class C>
DSL_FN Int tk_size_t(Ctx& c, const C& x) {
  return size(c, x);
}
template <class C>
DSL_FN Int size_f(Ctx& c, const C& x) {
  return size(c, x);
}
template <class C, class F>
DSL_FN auto valmax_t(Ctx& c, const C& x, const F& f) {
  return valmax(c, x, f);
}
template <class C, class F>
DSL_FN auto valmax_f(Ctx& c, const C& x, const F& f) {
  return valmax(c, x, f);
}
template <class C, class F>
DSL_FN auto valmin_t(Ctx& c, const C& x, const F& f) {
  return valmin(c, x, f);
}
template <class C, class F>
DSL_FN auto valmin_f(Ctx& c, const C& x, const F& f) {
  return valmin(c, x, f);
}
template <class C, class F>
DSL_FN auto argmax_t(Ctx& c, const C& x, const F& f) {
  return argmax(c, x, f);
}
template <class C, class F>
DSL_FN auto argmax_f(Ctx& c, const C& x, const F& f) {
  return argmax(c, x, f);
}
template <class C, class F>
DSL_FN auto argmin_t(Ctx& c, const C& x, const F& f) {
  return argmin(c, x, f);
}
template <class C, class F>
DSL_FN auto argmin_f(Ctx& c, const C& x, const F& f) {
  return argmin(c, x, f);
}
template <class C>
DSL_FN auto mostcommon_t(Ctx& c, const C& x) {
  return mostcommon(c, x);
}
template <class C>
DSL_FN auto leastcommon_t(Ctx& c, const C& x) {
  return leastcommon(c, x);
}
// mostcommon over list(container): on a frozenset every count is 1, so the
// canonical minimum (max/min keep the first of equal keys).
template <class C>
DSL_FN elem_of<C> mostcommon_f(Ctx& c, const C& x) {
  if constexpr (Container<C>::is_set)
    return first(c, x);
  else
    return mostcommon(c, x);
}
template <class C>
DSL_FN elem_of<C> leastcommon_f(Ctx& c, const C& x) {
  if constexpr (Container<C>::is_set)
    return first(c, x);
  else
    return leastcommon(c, x);
}
template <class V, class C>
DSL_FN auto remove_f(Ctx& c, const V& value, const C& x) {
  return remove(c, value, x);
}
template <class F, class C>
DSL_FN auto apply_f(Ctx& c, const F& f, const C& x) {
  return apply(c, f, x);
}
template <class FC, class V>
DSL_FN auto rapply_f(Ctx& c, const FC& fs, const V& value) {
  return rapply(c, fs, value);
}
template <class F, class C>
DSL_FN auto mapply_f(Ctx& c, const F& f, const C& x) {
  return mapply(c, f, x);
}
template <class C, class F>
DSL_FN auto mfilter_f(Ctx& c, const C& x, const F& f) {
  return mfilter(c, x, f);
}

// ---- forced result kinds -------------------------------------------------------------

// a + b: tuples only (a frozenset operand raises TypeError).
template <class A, class B>
DSL_FN tuple_of<elem_of<A>> combine_t(Ctx& c, const A& a, const B& b) {
  static_assert(is_same_v<elem_of<A>, elem_of<B>>, "combine_t: element types differ");
  if constexpr (Container<A>::is_set || Container<B>::is_set) {
    c.fail(Why::Type);
    return {};
  } else {
    return combine(c, a, b);
  }
}
// a | b: frozensets only.
template <class A, class B>
DSL_FN FSet<elem_of<A>> combine_f(Ctx& c, const A& a, const B& b) {
  static_assert(is_same_v<elem_of<A>, elem_of<B>>, "combine_f: element types differ");
  if constexpr (!Container<A>::is_set || !Container<B>::is_set) {
    c.fail(Why::Type);
    return {};
  } else {
    return combine(c, a, b);
  }
}

// tuple(e for e in container if condition(e))
template <class C, class F>
DSL_FN tuple_of<elem_of<C>> sfilter_t(Ctx& c, const C& container, const F& condition) {
  using E = elem_of<C>;
  i32 n = Container<C>::size(container);
  Builder<tuple_of<E>> out;
  if (!out.start(c, n)) return {};
  for (i32 i = 0; i < n && c.ok(); ++i) {
    E e = Container<C>::get(container, i);
    if (condition(c, e)) out.push(e);
  }
  return out.finish(c);
}
// frozenset(e for e in container if condition(e)); mfilter_t is the same
// (the filtered elements, not merged).
template <class C, class F>
DSL_FN FSet<elem_of<C>> sfilter_f(Ctx& c, const C& container, const F& condition) {
  using E = elem_of<C>;
  i32 n = Container<C>::size(container);
  Builder<FSet<E>> out;
  if (!out.start(c, n)) return {};
  for (i32 i = 0; i < n && c.ok(); ++i) {
    E e = Container<C>::get(container, i);
    if (condition(c, e)) out.push(e);
  }
  return out.finish(c);
}
template <class C, class F>
DSL_FN FSet<elem_of<C>> mfilter_t(Ctx& c, const C& container, const F& function) {
  return sfilter_f(c, container, function);
}

template <class V, class C>
DSL_FN tuple_of<elem_of<C>> remove_t(Ctx& c, const V& value, const C& container) {
  using E = elem_of<C>;
  i32 n = Container<C>::size(container);
  Builder<tuple_of<E>> out;
  if (!out.start(c, n)) return {};
  for (i32 i = 0; i < n; ++i) {
    E e = Container<C>::get(container, i);
    if (!py_equal(e, value)) out.push(e);
  }
  return out.finish(c);
}

template <class F, class C>
DSL_FN tuple_of<result_t<F, elem_of<C>>> apply_t(Ctx& c, const F& function, const C& container) {
  using R = result_t<F, elem_of<C>>;
  i32 n = Container<C>::size(container);
  Builder<tuple_of<R>> out;
  if (!out.start(c, n)) return {};
  for (i32 i = 0; i < n && c.ok(); ++i) out.push(function(c, Container<C>::get(container, i)));
  return out.finish(c);
}

template <class FC, class V>
DSL_FN auto rapply_t(Ctx& c, const FC& functions, const V& value) {
  using Fn = elem_of<FC>;
  using R = result_t<Fn, V>;
  i32 n = Container<FC>::size(functions);
  Builder<tuple_of<R>> out;
  if (!out.start(c, n)) return tuple_of<R>{};
  for (i32 i = 0; i < n && c.ok(); ++i) out.push(Container<FC>::get(functions, i)(c, value));
  return out.finish(c);
}
template <class F, class G, class V>
DSL_FN auto rapply_t(Ctx& c, const Pair<F, G>& functions, const V& value) {
  return rapply(c, functions, value);
}

// The concatenation, in order, of the elements of each function(e): a tuple.
template <class F, class C>
DSL_FN auto mapply_t(Ctx& c, const F& function, const C& container) {
  return merge(c, apply_t(c, function, container));
}

// ---- ranks ---------------------------------------------------------------------------

// container[rank] for a tuple; math.nan (a failure here) out of range or for
// anything but a tuple.
template <class C>
DSL_FN elem_of<C> get_nth_t(Ctx& c, const C& container, Int rank) {
  using E = elem_of<C>;
  if constexpr (Container<C>::is_set) {
    c.fail(Why::Type);  // nan
    return E{};
  } else {
    i32 at = detail::py_index(rank, Container<C>::size(container));
    if (at < 0) {
      c.fail(Why::Index);  // nan
      return E{};
    }
    return Container<C>::get(container, at);
  }
}
// The element at position rank (from the end when negative) in iteration
// order, or frozenset().
template <class C>
DSL_FN elem_of<C> get_nth_f(Ctx& c, const C& container, Int rank) {
  if (!not_none(c, rank)) return elem_of<C>{};
  i32 at = detail::py_index(rank, Container<C>::size(container));
  if (at < 0) return py_empty_fset_as<elem_of<C>>(c);
  return Container<C>::get(container, at);
}

namespace detail {
struct IdentityKey {
  template <class T>
  DSL_FN T operator()(Ctx&, const T& x) const {
    return x;
  }
};
// sorted(container, key=key), stable; with kReverse Python's reverse=True
// (reverse, stable sort, reverse: equal keys keep their order). Elements
// with their keys, in an arena buffer of n; nullptr on failure.
template <class E, class K>
struct Keyed {
  K key;
  E value;
};
template <bool kReverse, class C, class F>
DSL_FN Keyed<elem_of<C>, result_t<F, elem_of<C>>>* sorted_by_key(Ctx& c, const C& container, const F& key, i32& n) {
  using E = elem_of<C>;
  using K = result_t<F, E>;
  using Item = Keyed<E, K>;
  struct ByKey {
    DSL_FN bool operator()(const Item& x, const Item& y) const { return py_lt(x.key, y.key); }
  };
  n = Container<C>::size(container);
  if (!c.spend(n)) return nullptr;
  Item* items = c.alloc<Item>(n);
  if (!items && n > 0) return nullptr;
  for (i32 i = 0; i < n && c.ok(); ++i) {
    E e = Container<C>::get(container, kReverse ? n - 1 - i : i);
    items[i] = Item{key(c, e), e};
  }
  if (c.failed()) return nullptr;
  stable_sort(c, items, n, ByKey{});
  if (kReverse) {
    for (i32 i = 0, j = n - 1; i < j; ++i, --j) {
      Item t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
  }
  return items;
}
}  // namespace detail

// sorted(container, key=key)[rank]: None when empty, IndexError out of range.
template <class C, class F>
DSL_FN elem_of<C> get_nth_by_key_t(Ctx& c, const C& container, Int rank, const F& key) {
  using E = elem_of<C>;
  i32 n;
  auto* items = detail::sorted_by_key<false>(c, container, key, n);
  if (c.failed()) return E{};
  if (n == 0) return py_none_as<E>(c);
  i32 at = rank == kNone ? -1 : detail::py_index(rank, n);
  if (at < 0) {
    c.fail(rank == kNone ? Why::Type : Why::Index);
    return E{};
  }
  return items[at].value;
}
// Skips rank items of sorted(container, key=key) (none when rank < 0) and
// returns the next, or None.
template <class C, class F>
DSL_FN elem_of<C> get_nth_by_key_f(Ctx& c, const C& container, Int rank, const F& key) {
  using E = elem_of<C>;
  if (!not_none(c, rank)) return E{};
  i32 n;
  auto* items = detail::sorted_by_key<false>(c, container, key, n);
  if (c.failed()) return E{};
  i64 at = rank < 0 ? 0 : rank;
  if (at >= n) return py_none_as<E>(c);
  return items[at].value;
}

// sorted(container, reverse=True)[rank], or 0.
template <class C>
DSL_FN elem_of<C> get_rank(Ctx& c, const C& container, Int rank) {
  using E = elem_of<C>;
  if (!not_none(c, rank)) return E{};
  i32 n;
  auto* items = detail::sorted_by_key<true>(c, container, detail::IdentityKey{}, n);
  if (c.failed()) return E{};
  i32 at = detail::py_index(rank, n);
  if (at < 0) {
    if constexpr (is_same_v<E, Int> || is_same_v<E, Bool>) {
      return E(0);
    } else {
      c.fail(Why::Index);  // the int 0 is no E
      return E{};
    }
  }
  return items[at].value;
}

// sorted(container, key=compfunc, reverse=True)[rank], or type(container)()
// (Default 0), () (1) or frozenset() (2).
template <int kDefault, class C, class F>
DSL_FN elem_of<C> arg_rank(Ctx& c, const C& container, const F& compfunc, Int rank) {
  using E = elem_of<C>;
  if (!not_none(c, rank)) return E{};
  i32 n;
  auto* items = detail::sorted_by_key<true>(c, container, compfunc, n);
  if (c.failed()) return E{};
  i32 at = detail::py_index(rank, n);
  if (at >= 0) return items[at].value;
  if constexpr (kDefault == 0)
    return py_empty_kind_as<C>(c);
  else if constexpr (kDefault == 1)
    return py_empty_tuple_as<E>(c);
  else
    return py_empty_fset_as<E>(c);
}
template <class C, class F>
DSL_FN elem_of<C> get_arg_rank(Ctx& c, const C& container, const F& compfunc, Int rank) {
  return arg_rank<0>(c, container, compfunc, rank);
}
template <class C, class F>
DSL_FN elem_of<C> get_arg_rank_t(Ctx& c, const C& container, const F& compfunc, Int rank) {
  return arg_rank<1>(c, container, compfunc, rank);
}
template <class C, class F>
DSL_FN elem_of<C> get_arg_rank_f(Ctx& c, const C& container, const F& compfunc, Int rank) {
  return arg_rank<2>(c, container, compfunc, rank);
}

// compfunc(sorted(container, key=compfunc)[rank]), or compfunc(0) (which
// only a function of Int can take here; anything else fails).
template <class C, class F>
DSL_FN result_t<F, elem_of<C>> get_val_rank(Ctx& c, const C& container, const F& compfunc, Int rank) {
  using E = elem_of<C>;
  using K = result_t<F, E>;
  if (!not_none(c, rank)) return K{};
  i32 n;
  auto* items = detail::sorted_by_key<false>(c, container, compfunc, n);
  if (c.failed()) return K{};
  i32 at = detail::py_index(rank, n);
  if (at >= 0) return items[at].key;
  if constexpr (is_same_v<E, Int>) {
    return compfunc(c, Int(0));
  } else {
    c.fail(Why::Index);
    return K{};
  }
}
template <class C, class F>
DSL_FN auto get_val_rank_t(Ctx& c, const C& container, const F& compfunc, Int rank) {
  return get_val_rank(c, container, compfunc, rank);
}
template <class C, class F>
DSL_FN auto get_val_rank_f(Ctx& c, const C& container, const F& compfunc, Int rank) {
  return get_val_rank(c, container, compfunc, rank);
}

// sorted(set(container), key=container.count)[rank]: distinct values in
// canonical order, stably sorted by ascending count. kDefault as arg_rank;
// kList counts in list(container), so frozensets are taken too.
template <int kDefault, bool kList, class C>
DSL_FN elem_of<C> common_rank(Ctx& c, const C& container, Int rank) {
  using E = elem_of<C>;
  if constexpr (Container<C>::is_set && !kList) {
    c.fail(Why::Type);  // 'frozenset' object has no attribute 'count'
    return E{};
  } else {
    if (!not_none(c, rank)) return E{};
    struct Counted {
      i32 count;
      E value;
    };
    struct ByCount {
      DSL_FN bool operator()(const Counted& x, const Counted& y) const { return x.count < y.count; }
    };
    i32 n = Container<C>::size(container);
    if (!c.spend(i64(n) * 2 + 1)) return E{};
    E* vals = c.alloc<E>(n);
    Counted* ranked = c.alloc<Counted>(n);
    if (n > 0 && (!vals || !ranked)) return E{};
    for (i32 i = 0; i < n; ++i) vals[i] = Container<C>::get(container, i);
    stable_sort(c, vals, n, CanonLess<E>{});
    i32 m = 0;
    for (i32 i = 0; i < n;) {
      i32 k = i;
      while (k < n && eq(vals[k], vals[i])) ++k;
      ranked[m++] = Counted{k - i, vals[i]};
      i = k;
    }
    stable_sort(c, ranked, m, ByCount{});
    i32 at = detail::py_index(rank, m);
    if (at >= 0) return ranked[at].value;
    if constexpr (kDefault == 0)
      return py_empty_kind_as<C>(c);
    else if constexpr (kDefault == 1)
      return py_empty_tuple_as<E>(c);
    else
      return py_empty_fset_as<E>(c);
  }
}
template <class C>
DSL_FN elem_of<C> get_common_rank(Ctx& c, const C& container, Int rank) {
  return common_rank<0, false>(c, container, rank);
}
template <class C>
DSL_FN elem_of<C> get_common_rank_t(Ctx& c, const C& container, Int rank) {
  return common_rank<1, false>(c, container, rank);
}
template <class C>
DSL_FN elem_of<C> get_common_rank_f(Ctx& c, const C& container, Int rank) {
  return common_rank<2, true>(c, container, rank);
}

// ---- samples: tuples of (input, output) pairs ------------------------------------------

// The pairs whose two members differ, as a tuple.
template <class S>
DSL_FN tuple_of<elem_of<S>> dedupe_pair_tuple(Ctx& c, const S& samples) {
  using E = elem_of<S>;
  static_assert(is_pair_v<E>, "dedupe_pair_tuple: the elements are not pairs");
  i32 n = Container<S>::size(samples);
  Builder<tuple_of<E>> out;
  if (!out.start(c, n)) return {};
  for (i32 i = 0; i < n; ++i) {
    E e = Container<S>::get(samples, i);
    if (!py_equal(e.a, e.b)) out.push(e);
  }
  return out.finish(c);
}

namespace detail {
// dedupe(mapply_t(function, apply(first or second, S))): the elements of
// each function(x) over the pair members x, first occurrences only.
template <bool kFirst, class S, class F>
DSL_FN auto sample_side(Ctx& c, const S& samples, const F& function) {
  using P = elem_of<S>;
  using X = decltype(P{}.a);
  using R = result_t<F, X>;
  using E = elem_of<R>;
  i32 n = Container<S>::size(samples);
  // apply(first, S) keeps type(S): a set of pairs gives a set of members
  Builder<same_kind<S, X>> side;
  if (!side.start(c, n)) return tuple_of<E>{};
  for (i32 i = 0; i < n; ++i) {
    P p = Container<S>::get(samples, i);
    side.push(kFirst ? p.a : p.b);
  }
  auto xs = side.finish(c);
  if (c.failed()) return tuple_of<E>{};
  return dedupe(c, mapply_t(c, function, xs));
}
template <bool kInputs, class S, class F>
DSL_FN auto c_diff(Ctx& c, const S& samples, const F& function) {
  auto x = sample_side<true>(c, samples, function);
  auto y = sample_side<false>(c, samples, function);
  using T = decltype(x);
  if (c.failed()) return T{};
  return kInputs ? difference(c, x, y) : difference(c, y, x);
}
}  // namespace detail

// Elements function finds in some input and in no output (c_iz), or the
// other way round (c_zo), in first-seen order.
template <class S, class F>
DSL_FN auto c_iz(Ctx& c, const S& samples, const F& function) {
  return detail::c_diff<true>(c, samples, function);
}
template <class S, class F>
DSL_FN auto c_zo(Ctx& c, const S& samples, const F& function) {
  return detail::c_diff<false>(c, samples, function);
}
template <class S, class F, class P>
DSL_FN auto c_iz_n(Ctx& c, const S& samples, const F& function, const P& pick) {
  auto x = c_iz(c, samples, function);
  using R = decltype(pick(c, x));
  if (c.failed()) return R{};
  return pick(c, x);
}
template <class S, class F, class P>
DSL_FN auto c_zo_n(Ctx& c, const S& samples, const F& function, const P& pick) {
  auto x = c_zo(c, samples, function);
  using R = decltype(pick(c, x));
  if (c.failed()) return R{};
  return pick(c, x);
}

}  // namespace battc::dsl
