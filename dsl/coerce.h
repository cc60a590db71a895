// dsl/coerce.h: Python lets any iterable stand where arc-dsl says Patch and
// any pair of ints where it says IntegerTuple. The primitives with fixed
// signatures (arithmetic, grids, patches) therefore convert their arguments
// first: a tuple of points becomes Indices, a tuple of cells an Object, a
// tuple of two ints a point. Everything else passes through unchanged.
// generator/types/rule_builder.h (conversion) mirrors this exactly.
#pragma once

#include "dsl/build.h"

namespace battc::dsl {

template <class T>
DSL_FN const T& coerce(Ctx&, const T& x) {
  return x;
}

template <class T>
DSL_FN FSet<T> coerce_to_set(Ctx& c, const T* items, i32 n) {
  T* buf = c.alloc<T>(n);
  if (!buf) return {};
  for (i32 i = 0; i < n; ++i) buf[i] = items[i];
  return make_set(c, buf, n);
}

DSL_FN Indices coerce(Ctx& c, const Tuple<Pt>& x) { return coerce_to_set(c, x.p, x.n); }
DSL_FN Object coerce(Ctx& c, const Tuple<Cell>& x) { return coerce_to_set(c, x.p, x.n); }
DSL_FN TObject coerce(Ctx& c, const Tuple<TCell>& x) { return coerce_to_set(c, x.p, x.n); }
DSL_FN TObject coerce(Ctx& c, const Pair<TCell, TCell>& x) {
  TCell two[2] = {x.a, x.b};
  return coerce_to_set(c, two, 2);
}
DSL_FN Indices coerce(Ctx& c, const Pair<Pt, Pt>& x) {
  Pt two[2] = {x.a, x.b};
  return coerce_to_set(c, two, 2);
}
DSL_FN Object coerce(Ctx& c, const Pair<Cell, Cell>& x) {
  Cell two[2] = {x.a, x.b};
  return coerce_to_set(c, two, 2);
}
// A tuple of ints as a point: Python unpacks it, so it must hold exactly two.
DSL_FN Pt coerce(Ctx& c, const Tuple<Int>& x) {
  if (x.n != 2) {
    c.fail(Why::Value);
    return Pt{0, 0};
  }
  return Pt{x.p[0], x.p[1]};
}
DSL_FN Pt coerce(Ctx&, const Pair<Int, Bool>& x) { return Pt{x.a, Int(x.b)}; }
DSL_FN Pt coerce(Ctx&, const Pair<Bool, Int>& x) { return Pt{Int(x.a), x.b}; }
DSL_FN Pt coerce(Ctx&, const Pair<Bool, Bool>& x) { return Pt{Int(x.a), Int(x.b)}; }

}  // namespace battc::dsl
