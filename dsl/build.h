// dsl/build.h: constructing values in the arena, and Python's integer
// arithmetic and slicing rules. Every helper here is memory safe on any input:
// when it fails it sets the status and returns an empty value.
#pragma once

#include "dsl/ctx.h"
#include "dsl/order.h"
#include "dsl/values.h"

namespace battc::dsl {

// ---- construction ---------------------------------------------------------

// A set from a scratch buffer the caller filled: sorted and deduplicated in
// place (the buffer becomes the set's storage).
template <class T>
DSL_FN FSet<T> make_set(Ctx& c, T* buf, i32 n) {
  if (c.failed() || buf == nullptr) return {};
  i32 k = sort_unique(c, buf, n);
  return FSet<T>{buf, k};
}

// A set from a buffer already in canonical order without duplicates
// (row-major scans of a grid produce such buffers).
template <class T>
DSL_FN FSet<T> sorted_set(const T* buf, i32 n) {
  return FSet<T>{buf, n};
}

// A grid with uninitialized cells; cells == nullptr on failure.
DSL_FN Grid new_grid(Ctx& c, i64 h, i64 w, Int*& cells) {
  cells = nullptr;
  if (h <= 0) return Grid{};
  if (w < 0) w = 0;
  if (h * w > kInt32Max || h > kInt32Max) {
    c.fail(Status::Budget, Why::Arena);
    return Grid{};
  }
  if (!c.spend(h * w + 1)) return Grid{};
  cells = c.alloc<Int>(h * w);
  if (!cells) return Grid{};
  return Grid{cells, i32(h), i32(w)};
}

// A grid from rows (any lengths): rectangular when they agree, else ragged.
DSL_FN Grid grid_of_rows(Ctx& c, const Tuple<Int>* rows, i32 h) {
  if (h <= 0) return Grid{};
  i64 total = 0;
  bool rect = true;
  for (i32 i = 0; i < h; ++i) {
    total += rows[i].n;
    rect = rect && rows[i].n == rows[0].n;
  }
  if (total > kInt32Max || !c.spend(total + h)) {
    c.fail(Status::Budget, Why::Arena);
    return Grid{};
  }
  Int* cells = c.alloc<Int>(total);
  i32* off = rect ? nullptr : c.alloc<i32>(i64(h) + 1);
  if (!cells || (!rect && !off)) return Grid{};
  i64 k = 0;
  for (i32 i = 0; i < h; ++i) {
    if (off) off[i] = i32(k);
    for (i32 j = 0; j < rows[i].n; ++j) cells[k++] = rows[i].p[j];
  }
  if (off) off[h] = i32(k);
  return Grid{cells, h, rows[0].n, off};
}

// ---- Python integers --------------------------------------------------------

// Python ints are unbounded; battc's are 32-bit and a result outside that
// range fails (status error) instead of wrapping. kNone stands for None.
DSL_FN Int checked(Ctx& c, i64 r) {
  if (r <= i64(kInt32Min) || r > i64(kInt32Max)) {
    c.fail(Why::Value);
    return 0;
  }
  return Int(r);
}
DSL_FN bool not_none(Ctx& c, Int a) {
  if (a == kNone) {
    c.fail(Why::Type);
    return false;
  }
  return true;
}
DSL_FN Int py_add(Ctx& c, Int a, Int b) {
  if (!not_none(c, a) || !not_none(c, b)) return 0;
  return checked(c, i64(a) + b);
}
DSL_FN Int py_sub(Ctx& c, Int a, Int b) {
  if (!not_none(c, a) || !not_none(c, b)) return 0;
  return checked(c, i64(a) - b);
}
DSL_FN Int py_mul(Ctx& c, Int a, Int b) {
  if (!not_none(c, a) || !not_none(c, b)) return 0;
  return checked(c, i64(a) * b);
}
// Floor division and modulo, with Python's signs; x // 0 fails.
DSL_FN Int py_floordiv(Ctx& c, Int a, Int b) {
  if (!not_none(c, a) || !not_none(c, b)) return 0;
  if (b == 0) {
    c.fail(Why::Divide);
    return 0;
  }
  i64 q = i64(a) / b;
  if ((i64(a) % b != 0) && ((a < 0) != (b < 0))) --q;
  return checked(c, q);
}
DSL_FN Int py_mod(Ctx& c, Int a, Int b) {
  if (!not_none(c, a) || !not_none(c, b)) return 0;
  if (b == 0) {
    c.fail(Why::Divide);
    return 0;
  }
  i64 r = i64(a) % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return Int(r);
}
DSL_FN Int py_neg(Ctx& c, Int a) {
  if (!not_none(c, a)) return 0;
  return checked(c, -i64(a));
}
// Ordering comparisons of ints (None cannot be ordered in Python 3).
DSL_FN bool py_less(Ctx& c, Int a, Int b) {
  if (!not_none(c, a) || !not_none(c, b)) return false;
  return a < b;
}

// ---- Python slices ----------------------------------------------------------

// Resolves seq[start:stop] (step 1) on a sequence of length n into [lo, hi).
struct Span {
  i32 lo;
  i32 hi;
  DSL_FN i32 size() const { return hi > lo ? hi - lo : 0; }
};
DSL_FN i64 slice_bound(i64 x, i64 n) {
  if (x < 0) {
    x += n;
    return x < 0 ? 0 : x;
  }
  return x > n ? n : x;
}
DSL_FN Span py_slice(i64 n, i64 start, i64 stop) {
  i64 lo = slice_bound(start, n), hi = slice_bound(stop, n);
  return Span{i32(lo), i32(hi < lo ? lo : hi)};
}

}  // namespace battc::dsl
