// tests/dsl/golden_registry.h: invokers for the primitive golden test
// (golden_primitives_test.cpp). Each invoker is keyed by the primitive's
// arc-dsl name and the spellings of its argument types, "size(Tuple<Int>)",
// and for a closure-building primitive also by the types of the call made on
// the closure, "rbind(fn_add,Int)(Int)". It decodes the case's arguments from
// dump JSON, calls the primitive (through its fn_<name> functor) and encodes
// the result. Registration files say, at namespace scope:
//   REG(size, Tuple<Int>);
//   REG(apply, fn_first, Objects);
//   REGC(rbind, Call<Int>, fn_add, Int);   // rbind(add, x)(y), y an Int
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "dsl/dsl.h"
#include "runtime/values/json_values.h"

namespace battc::test::golden {

namespace d = battc::dsl;
using runtime::json;

// ---- type spellings (the "types" of cases.jsonl) ------------------------------

template <class T>
struct TypeName {  // anything else is a primitive passed as a value: fn_<name>
  static std::string get() { return std::string("fn_") + T{}.name(); }
};
template <>
struct TypeName<d::Int> {
  static std::string get() { return "Int"; }
};
template <>
struct TypeName<d::Bool> {
  static std::string get() { return "Bool"; }
};
template <>
struct TypeName<d::Pt> {
  static std::string get() { return "Pt"; }
};
template <>
struct TypeName<d::Cell> {
  static std::string get() { return "Cell"; }
};
template <>
struct TypeName<d::Grid> {
  static std::string get() { return "Grid"; }
};
template <>
struct TypeName<d::IntSet> {
  static std::string get() { return "IntSet"; }
};
template <>
struct TypeName<d::Indices> {
  static std::string get() { return "Indices"; }
};
template <>
struct TypeName<d::Object> {
  static std::string get() { return "Object"; }
};
template <>
struct TypeName<d::Objects> {
  static std::string get() { return "Objects"; }
};
template <>
struct TypeName<d::IndicesSet> {
  static std::string get() { return "IndicesSet"; }
};
template <class A, class B>
struct TypeName<d::Pair<A, B>> {
  static std::string get() { return "Pair<" + TypeName<A>::get() + "," + TypeName<B>::get() + ">"; }
};
template <class T>
struct TypeName<d::Tuple<T>> {
  static std::string get() { return "Tuple<" + TypeName<T>::get() + ">"; }
};
template <class T>
struct TypeName<d::FSet<T>> {
  static std::string get() { return "FSet<" + TypeName<T>::get() + ">"; }
};

template <class... T>
std::string type_list() {
  std::vector<std::string> names{TypeName<T>::get()...};
  std::string s = "(";
  for (size_t i = 0; i < names.size(); ++i) s += (i ? "," : "") + names[i];
  return s + ")";
}

// ---- invokers ------------------------------------------------------------------

// What one call gave: ok with the encoded value, or failed with a status.
struct Outcome {
  d::Status status = d::Status::Ok;
  json value;
};
using Invoker = Outcome (*)(d::Ctx& c, const json& args, const json& call);

struct Registry {
  std::map<std::string, Invoker> invokers;
  std::vector<std::string> duplicates;
};
inline Registry& registry() {
  static Registry r;
  return r;
}
inline bool add_invoker(const std::string& key, Invoker f) {
  if (!registry().invokers.emplace(key, f).second) registry().duplicates.push_back(key);
  return true;
}

template <class R>
Outcome finish(d::Ctx& c, const R& r) {
  if (c.failed()) return Outcome{c.status, json()};
  return Outcome{d::Status::Ok, runtime::encode(r)};
}

template <class Fn, class... A, size_t... I>
Outcome invoke(d::Ctx& c, const json& args, std::index_sequence<I...>) {
  std::tuple<A...> a{runtime::decode<A>(c, args.at(I))...};
  return finish(c, Fn{}(c, std::get<I>(a)...));
}

template <class... C>
struct Call {};

template <class Fn, class CallPack, class... A>
struct ClosureInvoker;
template <class Fn, class... C, class... A>
struct ClosureInvoker<Fn, Call<C...>, A...> {
  template <size_t... I, size_t... K>
  static Outcome run(d::Ctx& c, const json& args, const json& call, std::index_sequence<I...>,
                     std::index_sequence<K...>) {
    std::tuple<A...> a{runtime::decode<A>(c, args.at(I))...};
    auto f = Fn{}(c, std::get<I>(a)...);
    if (c.failed()) return Outcome{c.status, json()};
    std::tuple<C...> x{runtime::decode<C>(c, call.at(K))...};
    return finish(c, f(c, std::get<K>(x)...));
  }
};

template <class Fn, class... A>
bool reg(const char* prim) {
  return add_invoker(prim + type_list<A...>(), [](d::Ctx& c, const json& args, const json&) {
    return invoke<Fn, A...>(c, args, std::index_sequence_for<A...>{});
  });
}

template <class Fn, class CallPack, class... A>
struct RegClosure;
template <class Fn, class... C, class... A>
struct RegClosure<Fn, Call<C...>, A...> {
  static bool add(const char* prim) {
    return add_invoker(prim + type_list<A...>() + type_list<C...>(),
                       [](d::Ctx& c, const json& args, const json& call) {
                         return ClosureInvoker<Fn, Call<C...>, A...>::run(
                             c, args, call, std::index_sequence_for<A...>{}, std::index_sequence_for<C...>{});
                       });
  }
};

}  // namespace battc::test::golden

#define GOLDEN_CAT2(a, b) a##b
#define GOLDEN_CAT(a, b) GOLDEN_CAT2(a, b)
// REG(prim, T1, T2, ...): prim called with arguments of types T1, T2, ...
#define REG(prim, ...)                                 \
  [[maybe_unused]] static const bool GOLDEN_CAT(golden_reg_, __LINE__) = \
      ::battc::test::golden::reg<::battc::dsl::fn_##prim, __VA_ARGS__>(#prim)
// REGC(prim, Call<C1, ...>, T1, ...): the closure prim(T1, ...) called on (C1, ...).
#define REGC(prim, ...)                                \
  [[maybe_unused]] static const bool GOLDEN_CAT(golden_reg_, __LINE__) = \
      ::battc::test::golden::RegClosure<::battc::dsl::fn_##prim, __VA_ARGS__>::add(#prim)
