// dsl/traits.h: the few type traits DSL templates need. NVRTC has no standard
// library headers, so these are written out here instead of <type_traits>.
#pragma once

#include "dsl/base.h"

namespace battc::dsl {

template <class T, class U>
struct is_same_t {
  static constexpr bool value = false;
};
template <class T>
struct is_same_t<T, T> {
  static constexpr bool value = true;
};
template <class T, class U>
inline constexpr bool is_same_v = is_same_t<T, U>::value;

template <class T>
struct remove_cvref_t_ {
  using type = T;
};
template <class T>
struct remove_cvref_t_<const T> {
  using type = T;
};
template <class T>
struct remove_cvref_t_<T&> {
  using type = typename remove_cvref_t_<T>::type;
};
template <class T>
struct remove_cvref_t_<T&&> {
  using type = typename remove_cvref_t_<T>::type;
};
template <class T>
using remove_cvref_t = typename remove_cvref_t_<T>::type;

template <class T>
DSL_HD T&& declval();

// The value type a callable returns for the given arguments (Ctx& first).
struct Ctx;
template <class F, class... A>
using result_t = remove_cvref_t<decltype(declval<const F&>()(declval<Ctx&>(), declval<const A&>()...))>;

}  // namespace battc::dsl
