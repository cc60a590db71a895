// dsl/values.h: the DSL's value types. Every value is a small trivially
// copyable handle; the cells or elements it points to live in the arena of the
// evaluation that made it and are never written after construction.
//
//   Int, Bool         arc-dsl's Integer and Boolean
//   Pair<A, B>        a 2-tuple; Pt = Pair<Int, Int> is IntegerTuple,
//                     Cell = Pair<Int, Pt> is (color, (row, col))
//   Triple<A, B, C>   a 3-tuple; TCell = Triple<Int, Int, Int> is the tokpidjin
//                     dialect's cell (row, col, color)
//   Tuple<T>          a tuple of any length
//   FSet<T>           a frozenset, stored in ascending canonical order
//                     without duplicates (see order.h)
//   Grid              a tuple of rows of Int, stored row-major; h == 0 is the
//                     empty tuple (), h > 0 with w == 0 a tuple of empty rows.
//                     Rows of unequal length (Python allows them: vconcat of
//                     two widths) make a ragged grid: `off` then holds h + 1
//                     row offsets and w is the first row's length. Only the
//                     primitives that Python defines row by row accept one
//                     (detail::readable refuses it elsewhere).
#pragma once

#include "dsl/base.h"
#include "dsl/traits.h"

namespace battc::dsl {

using Int = i32;
using Bool = bool;

// Python's None, where a primitive returns it (index() outside the grid).
// Arithmetic on it fails like Python's TypeError; it encodes as null.
constexpr Int kNone = kInt32Min;

template <class A, class B>
struct Pair {
  A a;
  B b;
};
using Pt = Pair<Int, Int>;
using Cell = Pair<Int, Pt>;

template <class A, class B, class C>
struct Triple {
  A a;
  B b;
  C c;
};
// tokpidjin's cell: (i, j, c), so its objects iterate row-major.
using TCell = Triple<Int, Int, Int>;

// Python's empty tuple () where arc-dsl returns a point: ulcorner and
// friends of an empty patch. It equals only itself, arithmetic on it fails
// (both parts are None), and it encodes as [].
constexpr Pt kEmptyPt{kNone, kNone};
DSL_FN bool is_empty_pt(const Pt& p) { return p.a == kNone && p.b == kNone; }

// A value of one of two types: what branch() between two functions gives
// when they return different types for the argument (Python returns
// whichever the chosen one made). Primitives dispatch on it (functors.h).
template <class A, class B>
struct VUnion {
  u8 which;  // 0: a, 1: b
  A a;
  B b;
};
template <class T>
struct is_vunion_t {
  static constexpr bool value = false;
};
template <class A, class B>
struct is_vunion_t<VUnion<A, B>> {
  static constexpr bool value = true;
};
template <class T>
inline constexpr bool is_vunion_v = is_vunion_t<T>::value;

// Functions (primitive functors, closures) have a name(), values do not.
template <class T>
inline constexpr bool is_dsl_function_v = requires(const T& f) { f.name(); };

template <class T>
struct Tuple {
  const T* p = nullptr;
  i32 n = 0;
  DSL_FN const T& operator[](i32 i) const { return p[i]; }
  DSL_FN const T* begin() const { return p; }
  DSL_FN const T* end() const { return p + n; }
};

template <class T>
struct FSet {
  const T* p = nullptr;
  i32 n = 0;
  DSL_FN const T& operator[](i32 i) const { return p[i]; }
  DSL_FN const T* begin() const { return p; }
  DSL_FN const T* end() const { return p + n; }
};

struct Grid {
  const Int* c = nullptr;
  i32 h = 0;
  i32 w = 0;
  const i32* off = nullptr;  // ragged grids only
  // Rectangular grids only (the fast path every grid primitive takes):
  DSL_FN Int at(i32 i, i32 j) const { return c[i64(i) * w + j]; }
  DSL_FN const Int* row(i32 i) const { return c + i64(i) * w; }
  DSL_FN i64 cells() const { return off ? i64(off[h]) : i64(h) * w; }
  // Any grid:
  DSL_FN bool ragged() const { return off != nullptr; }
  DSL_FN i32 rlen(i32 i) const { return off ? off[i + 1] - off[i] : w; }
  DSL_FN const Int* rptr(i32 i) const { return off ? c + off[i] : c + i64(i) * w; }
};

using IntSet = FSet<Int>;
using Indices = FSet<Pt>;
using Object = FSet<Cell>;
using Objects = FSet<Object>;
using IndicesSet = FSet<Indices>;
using TObject = FSet<TCell>;   // tokpidjin's Object
using TObjects = FSet<TObject>;

// Shape traits used by generic primitives.
template <class T>
struct is_tuple_t {
  static constexpr bool value = false;
};
template <class T>
struct is_tuple_t<Tuple<T>> {
  static constexpr bool value = true;
};
template <class T>
struct is_fset_t {
  static constexpr bool value = false;
};
template <class T>
struct is_fset_t<FSet<T>> {
  static constexpr bool value = true;
};
template <class T>
struct is_pair_t {
  static constexpr bool value = false;
};
template <class A, class B>
struct is_pair_t<Pair<A, B>> {
  static constexpr bool value = true;
};
template <class T>
struct is_triple_t {
  static constexpr bool value = false;
};
template <class A, class B, class C>
struct is_triple_t<Triple<A, B, C>> {
  static constexpr bool value = true;
};
template <class T>
inline constexpr bool is_triple_v = is_triple_t<T>::value;
template <class T>
inline constexpr bool is_tuple_v = is_tuple_t<T>::value;
template <class T>
inline constexpr bool is_fset_v = is_fset_t<T>::value;
template <class T>
inline constexpr bool is_pair_v = is_pair_t<T>::value;

}  // namespace battc::dsl
