// generator/mutate/rng.h: search's random numbers, the same on every
// platform and standard library (std::uniform_int_distribution is not), so
// a seed gives the same programs everywhere. SplitMix64; a stream per
// (seed, round, task) so rounds and tasks do not depend on each other's draws.
#pragma once

#include <cstdint>
#include <vector>

namespace battc::generator {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  Rng(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0) : s_(mix(mix(seed) ^ mix(a + 0x51ed27)) ^ mix(b + 7)) {}

  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ull);
    return mix_step(z);
  }
  // Uniform in [0, n); n > 0. Rejection sampling, so there is no modulo bias.
  std::uint64_t below(std::uint64_t n) {
    std::uint64_t limit = ~std::uint64_t(0) - (~std::uint64_t(0) % n);
    std::uint64_t x;
    do x = next();
    while (x >= limit);
    return x % n;
  }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }
  // An index drawn with probability proportional to weights[i] (all >= 0;
  // uniform when they sum to 0). Integer weights keep it exact.
  std::size_t weighted(const std::vector<std::uint64_t>& weights) {
    std::uint64_t total = 0;
    for (auto w : weights) total += w;
    if (total == 0) return below(weights.size());
    std::uint64_t x = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }

  // A well-mixed function of z (splitmix64's finalizer): orders fixed by
  // content, such as enumeration's ties.
  static std::uint64_t mix(std::uint64_t z) { return mix_step(z + 0x9e3779b97f4a7c15ull); }

 private:
  static std::uint64_t mix_step(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  std::uint64_t s_;
};

}  // namespace battc::generator
