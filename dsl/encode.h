// dsl/encode.h: a value as the JSON text of the evaluation dump (DESIGN.md,
// Formats), written into the arena: int -> number, bool -> true/false,
// tuple/pair/grid -> array, frozenset -> {"set": [...]}, callable ->
// {"fn": name}, None -> null. Single source, so GPU units can encode too.
#pragma once

#include "dsl/ctx.h"
#include "dsl/values.h"

namespace battc::dsl {

// A growing character buffer in the arena; on a full arena it stops and
// reports failure through the context (budget).
struct TextWriter {
  Ctx* c;
  char* buf = nullptr;
  i64 len = 0;
  i64 cap = 0;

  DSL_FN bool reserve(i64 extra) {
    if (len + extra <= cap) return true;
    i64 ncap = cap * 2 > len + extra ? cap * 2 : len + extra + 64;
    char* nb = c->alloc<char>(ncap);
    if (!nb) return false;
    for (i64 i = 0; i < len; ++i) nb[i] = buf[i];
    buf = nb;
    cap = ncap;
    return true;
  }
  DSL_FN void put(char ch) {
    if (reserve(1)) buf[len++] = ch;
  }
  DSL_FN void put(const char* s) {
    while (*s) put(*s++);
  }
  DSL_FN void put_int(i64 v) {
    char tmp[24];
    int k = 0;
    bool neg = v < 0;
    u64 u = neg ? u64(-(v + 1)) + 1 : u64(v);
    do {
      tmp[k++] = char('0' + u % 10);
      u /= 10;
    } while (u);
    if (neg) put('-');
    while (k) put(tmp[--k]);
  }
  DSL_FN const char* finish() {
    put('\0');
    return c->failed() ? nullptr : buf;
  }
};

DSL_FN void write_json(TextWriter& w, Int v) {
  if (v == kNone)
    w.put("null");
  else
    w.put_int(v);
}
DSL_FN void write_json(TextWriter& w, Bool v) { w.put(v ? "true" : "false"); }
template <class A, class B>
DSL_FN void write_json(TextWriter& w, const Pair<A, B>& v);
template <class A, class B, class C>
DSL_FN void write_json(TextWriter& w, const Triple<A, B, C>& v);
template <class T>
DSL_FN void write_json(TextWriter& w, const Tuple<T>& v);
template <class T>
DSL_FN void write_json(TextWriter& w, const FSet<T>& v);
DSL_FN void write_json(TextWriter& w, const Grid& g);
template <class A, class B>
DSL_FN void write_json(TextWriter& w, const VUnion<A, B>& v) {
  if (v.which == 0)
    write_json(w, v.a);
  else
    write_json(w, v.b);
}
// Anything else is a callable.
template <class F>
DSL_FN void write_json(TextWriter& w, const F& f) {
  w.put("{\"fn\":\"");
  w.put(f.name());
  w.put("\"}");
}

template <class A, class B>
DSL_FN void write_json(TextWriter& w, const Pair<A, B>& v) {
  if constexpr (is_same_v<A, Int> && is_same_v<B, Int>) {
    if (is_empty_pt(v)) {
      w.put("[]");
      return;
    }
  }
  w.put('[');
  write_json(w, v.a);
  w.put(',');
  write_json(w, v.b);
  w.put(']');
}
template <class A, class B, class C>
DSL_FN void write_json(TextWriter& w, const Triple<A, B, C>& v) {
  w.put('[');
  write_json(w, v.a);
  w.put(',');
  write_json(w, v.b);
  w.put(',');
  write_json(w, v.c);
  w.put(']');
}
template <class T>
DSL_FN void write_json(TextWriter& w, const Tuple<T>& v) {
  w.put('[');
  for (i32 i = 0; i < v.n; ++i) {
    if (i) w.put(',');
    write_json(w, v.p[i]);
  }
  w.put(']');
}
template <class T>
DSL_FN void write_json(TextWriter& w, const FSet<T>& v) {
  w.put("{\"set\":[");
  for (i32 i = 0; i < v.n; ++i) {
    if (i) w.put(',');
    write_json(w, v.p[i]);
  }
  w.put("]}");
}
// The text of one int: its length, and the text written at `o`.
DSL_FN i64 json_int_length(Int v) {
  if (v >= 0 && v < 10) return 1;
  if (v == kNone) return 4;
  i64 n = v < 0 ? 2 : 1;
  for (u64 u = v < 0 ? u64(-(i64(v))) : u64(v); u >= 10; u /= 10) ++n;
  return n;
}
DSL_FN char* put_json_int(char* o, Int v) {
  if (v >= 0 && v < 10) {
    *o++ = char('0' + v);
    return o;
  }
  if (v == kNone) {
    for (const char* s = "null"; *s;) *o++ = *s++;
    return o;
  }
  if (v < 0) *o++ = '-';
  u64 u = v < 0 ? u64(-(i64(v))) : u64(v);
  char* end = o + json_int_length(Int(u));
  for (char* q = end; q != o; u /= 10) *--q = char('0' + u % 10);
  return end;
}

// Grids are most of a dump: the exact length first, one reservation (with
// room for finish's NUL), then the digits written in place.
DSL_FN void write_json(TextWriter& w, const Grid& g) {
  i64 n = 2 + (g.h > 0 ? g.h - 1 : 0);
  for (i32 i = 0; i < g.h; ++i) {
    const Int* r = g.rptr(i);
    n += 2 + (g.rlen(i) > 0 ? g.rlen(i) - 1 : 0);
    for (i32 j = 0; j < g.rlen(i); ++j) n += json_int_length(r[j]);
  }
  if (!w.reserve(n + 1)) return;
  char* o = w.buf + w.len;
  *o++ = '[';
  for (i32 i = 0; i < g.h; ++i) {
    if (i) *o++ = ',';
    *o++ = '[';
    const Int* r = g.rptr(i);
    for (i32 j = 0; j < g.rlen(i); ++j) {
      if (j) *o++ = ',';
      o = put_json_int(o, r[j]);
    }
    *o++ = ']';
  }
  *o++ = ']';
  w.len += n;
}

// The dump JSON of v as a NUL-terminated string in the arena, or nullptr
// when the arena is full.
template <class T>
DSL_FN const char* encode_json(Ctx& c, const T& v) {
  TextWriter w{&c};
  write_json(w, v);
  return w.finish();
}

}  // namespace battc::dsl
