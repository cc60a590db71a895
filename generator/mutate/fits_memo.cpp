// generator/mutate/fits_memo.cpp
#include "generator/mutate/fits_memo.h"

namespace battc::generator {

std::size_t FitsMemo::Hash::operator()(const Key& k) const {
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ k.size();
  for (std::uintptr_t v : k) {
    h ^= static_cast<std::uint64_t>(v) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
  }
  return static_cast<std::size_t>(h ^ (h >> 32));
}

FitsMemo::Fits FitsMemo::get(const Key& key, const std::function<Fits()>& compute) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = map_.find(key);
    if (it != map_.end()) return it->second;
  }
  Fits fits = compute();
  std::lock_guard<std::mutex> lock(mu_);
  if (map_.size() >= kMaxKeys) map_.clear();
  map_.emplace(key, fits);
  return fits;
}

}  // namespace battc::generator
