// generator/mutate/fits_memo.h: which names fit a mutation site, kept by the
// site's types. Whether a primitive fits a site (primitive, function_value,
// lift, compose) depends on types alone, and types are interned (one pointer
// per type), so a site's types are its key. Working a list out types every
// primitive of an arity, about a hundred calls, most of them failing with a
// formatted error: a tenth of a mutation search's CPU time went there before
// the lists were kept. The memo is transparent: a list is what computing it
// gives, in the same order, so every draw is the same.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace battc::generator {

class FitsMemo {
 public:
  // A site's kind and types (pointers) as integers.
  using Key = std::vector<std::uintptr_t>;
  // Indices into the mutator's names of one arity, ascending.
  using Fits = std::vector<std::uint16_t>;

  // The list kept for `key`, else compute()'s, kept. Safe from several
  // threads (the search makes mutants on every core); compute runs outside
  // the lock, so two threads may both compute a new key, and the first
  // stored stays (they are equal).
  Fits get(const Key& key, const std::function<Fits()>& compute) const;

  // The most keys kept; past it the memo starts over (a long search meets
  // new sites all along, and the lists cost nothing to compute again).
  static constexpr std::size_t kMaxKeys = std::size_t(1) << 18;

 private:
  struct Hash {
    std::size_t operator()(const Key& k) const;
  };
  mutable std::mutex mu_;
  mutable std::unordered_map<Key, Fits, Hash> map_;
};

}  // namespace battc::generator
