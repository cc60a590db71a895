// runtime/values/json_values.h: DSL values to and from the JSON of the
// evaluation dump (DESIGN.md, Formats): int -> number, bool -> true/false,
// tuple (pair, grid) -> array, frozenset -> {"set": [...]} in canonical
// order, callable -> {"fn": name}, None -> null. Host only.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "dsl/dsl.h"

namespace battc::runtime {

using nlohmann::json;
namespace d = battc::dsl;

// ---- encode -------------------------------------------------------------------

inline json encode(d::Int v) { return v == d::kNone ? json(nullptr) : json(v); }
inline json encode(d::Bool v) { return json(v); }
template <class A, class B>
json encode(const d::Pair<A, B>& v);
template <class A, class B, class C>
json encode(const d::Triple<A, B, C>& v) {
  return json::array({encode(v.a), encode(v.b), encode(v.c)});
}
template <class T>
json encode(const d::Tuple<T>& v);
template <class T>
json encode(const d::FSet<T>& v);
inline json encode(const d::Grid& g);
template <class A, class B>
json encode(const d::VUnion<A, B>& v) {
  return v.which == 0 ? encode(v.a) : encode(v.b);
}
// Anything else is a callable.
template <class F>
json encode(const F& f) {
  return json{{"fn", d::fn_name(f)}};
}

template <class A, class B>
json encode(const d::Pair<A, B>& v) {
  if constexpr (d::is_same_v<A, d::Int> && d::is_same_v<B, d::Int>)
    if (d::is_empty_pt(v)) return json::array();  // Python's ()
  return json::array({encode(v.a), encode(v.b)});
}
template <class T>
json encode(const d::Tuple<T>& v) {
  json a = json::array();
  for (d::i32 i = 0; i < v.n; ++i) a.push_back(encode(v.p[i]));
  return a;
}
template <class T>
json encode(const d::FSet<T>& v) {
  json a = json::array();
  for (d::i32 i = 0; i < v.n; ++i) a.push_back(encode(v.p[i]));
  return json{{"set", a}};
}
inline json encode(const d::Grid& g) {
  json rows = json::array();
  for (d::i32 i = 0; i < g.h; ++i) {
    json r = json::array();
    for (d::i32 j = 0; j < g.rlen(i); ++j) r.push_back(encode(g.rptr(i)[j]));
    rows.push_back(std::move(r));
  }
  return rows;
}

// ---- decode -------------------------------------------------------------------
// Builds a value of a known C++ type from its JSON, in the context's arena.
// Throws std::invalid_argument on JSON that does not fit the type.

template <class T>
struct Decoder;

template <class T>
T decode(d::Ctx& c, const json& j) {
  return Decoder<T>::get(c, j);
}

template <>
struct Decoder<d::Int> {
  static d::Int get(d::Ctx&, const json& j) {
    if (j.is_null()) return d::kNone;
    if (!j.is_number_integer()) throw std::invalid_argument("expected an integer, got " + j.dump());
    return j.get<d::Int>();
  }
};
template <>
struct Decoder<d::Bool> {
  static d::Bool get(d::Ctx&, const json& j) {
    if (!j.is_boolean()) throw std::invalid_argument("expected a boolean, got " + j.dump());
    return j.get<bool>();
  }
};
template <class A, class B>
struct Decoder<d::Pair<A, B>> {
  static d::Pair<A, B> get(d::Ctx& c, const json& j) {
    // [] is (), which a point holds as kEmptyPt (dsl/values.h)
    if constexpr (std::is_same_v<d::Pair<A, B>, d::Pt>)
      if (j.is_array() && j.empty()) return d::kEmptyPt;
    if (!j.is_array() || j.size() != 2) throw std::invalid_argument("expected a pair, got " + j.dump());
    return d::Pair<A, B>{decode<A>(c, j[0]), decode<B>(c, j[1])};
  }
};
template <class A, class B, class C>
struct Decoder<d::Triple<A, B, C>> {
  static d::Triple<A, B, C> get(d::Ctx& c, const json& j) {
    if (!j.is_array() || j.size() != 3) throw std::invalid_argument("expected a triple, got " + j.dump());
    return d::Triple<A, B, C>{decode<A>(c, j[0]), decode<B>(c, j[1]), decode<C>(c, j[2])};
  }
};
template <class T>
struct Decoder<d::Tuple<T>> {
  static d::Tuple<T> get(d::Ctx& c, const json& j) {
    if (!j.is_array()) throw std::invalid_argument("expected a tuple, got " + j.dump());
    T* buf = c.alloc<T>(static_cast<d::i64>(j.size()));
    if (!buf) throw std::invalid_argument("arena full");
    for (size_t i = 0; i < j.size(); ++i) buf[i] = decode<T>(c, j[i]);
    return d::Tuple<T>{buf, static_cast<d::i32>(j.size())};
  }
};
template <class T>
struct Decoder<d::FSet<T>> {
  static d::FSet<T> get(d::Ctx& c, const json& j) {
    const json& items = j.is_object() && j.contains("set") ? j["set"] : j;
    d::Tuple<T> t = decode<d::Tuple<T>>(c, items);
    return d::make_set(c, const_cast<T*>(t.p), t.n);
  }
};
template <>
struct Decoder<d::Grid> {
  static d::Grid get(d::Ctx& c, const json& j) {
    if (!j.is_array()) throw std::invalid_argument("expected a grid, got " + j.dump());
    if (j.empty()) return d::Grid{};
    std::vector<d::Tuple<d::Int>> rows;
    for (const json& r : j) rows.push_back(decode<d::Tuple<d::Int>>(c, r));
    d::Grid g = d::grid_of_rows(c, rows.data(), static_cast<d::i32>(rows.size()));
    if (c.failed()) throw std::invalid_argument("arena full");
    return g;
  }
};

// A primitive passed as a value, {"fn": name}: its functor, default-constructed.
template <class F>
struct FnDecoder {
  static F get(d::Ctx&, const json& j) {
    if (!j.is_object() || !j.contains("fn") || j["fn"] != F{}.name())
      throw std::invalid_argument(std::string("expected {\"fn\": \"") + F{}.name() + "\"}, got " + j.dump());
    return F{};
  }
};
#define BATTC_PRIM(N, CXX, PARAMS, RET) \
  template <>                           \
  struct Decoder<d::fn_##N> : FnDecoder<d::fn_##N> {};
#include "dsl/primitives.def"
#undef BATTC_PRIM
// tokpidjin's own primitives (dsl/primitives_tokpidjin.def)
#define BATTC_TK_SAME(N)
#define BATTC_TK_ALIAS(N, TARGET)
#define BATTC_TK_PRIM(N, INTERNAL, PARAMS, RET) \
  template <>                                   \
  struct Decoder<d::fn_##INTERNAL> : FnDecoder<d::fn_##INTERNAL> {};
#include "dsl/primitives_tokpidjin.def"
#undef BATTC_TK_SAME
#undef BATTC_TK_ALIAS
#undef BATTC_TK_PRIM

}  // namespace battc::runtime
