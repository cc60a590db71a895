// runtime/exec/device_readback.cpp: sort, merge per buffer (gaps included:
// one larger copy beats many small ones, whose latency dominates), download.
#include "runtime/exec/device_readback.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "generator/diag/internal_error.h"

namespace battc::runtime {

namespace {

// Merged ranges may cover gaps up to this size.
constexpr std::uint64_t kMergeGap = 256u << 10;

}  // namespace

DeviceReadback::DeviceReadback(Device& device, Buffers buffers) : device_(device), buffers_(std::move(buffers)) {
  std::sort(buffers_.begin(), buffers_.end());
}

void DeviceReadback::want(DevPtr p, std::uint64_t n) {
  if (n > 0 && !host(p, n)) wanted_.emplace_back(p, p + n);
}

void DeviceReadback::fetch() {
  std::sort(wanted_.begin(), wanted_.end());
  // The buffer holding [b, e), or buffers_.end().
  auto buffer_of = [&](DevPtr b, DevPtr e) {
    auto it = std::upper_bound(buffers_.begin(), buffers_.end(), std::make_pair(b, ~DevPtr(0)));
    if (it == buffers_.begin()) return buffers_.end();
    --it;
    return b >= it->first && e <= it->second ? it : buffers_.end();
  };
  auto download = [&](DevPtr b, DevPtr e) {
    std::vector<unsigned char> bytes(e - b);
    device_.download(bytes.data(), b, e - b);
    bytes_down_ += e - b;
    longest_ = std::max<std::uint64_t>(longest_, e - b);
    fetched_[b] = std::move(bytes);
  };
  for (std::size_t i = 0; i < wanted_.size();) {
    auto [b, e] = wanted_[i];
    auto buf = buffer_of(b, e);
    std::size_t j = i + 1;
    if (buf != buffers_.end())
      for (; j < wanted_.size() && wanted_[j].first <= e + kMergeGap && wanted_[j].second <= buf->second; ++j)
        e = std::max(e, wanted_[j].second);
    download(b, e);
    i = j;
  }
  wanted_.clear();
}

const unsigned char* DeviceReadback::host(DevPtr p, std::uint64_t n) const {
  // Fetched ranges may overlap (a text read again, longer): look back over
  // every range that starts late enough to reach p.
  for (auto it = fetched_.upper_bound(p); it != fetched_.begin();) {
    --it;
    if (it->first + longest_ <= p) break;
    if (p + n <= it->first + it->second.size()) return it->second.data() + (p - it->first);
  }
  return nullptr;
}

std::vector<std::string> DeviceReadback::read_texts(const std::vector<std::pair<DevPtr, DevPtr>>& texts,
                                                    std::uint64_t first_guess) {
  std::vector<std::string> out(texts.size());
  std::vector<std::size_t> open(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) open[i] = i;
  for (std::uint64_t guess = std::max<std::uint64_t>(first_guess, 16); !open.empty(); guess *= 8) {
    for (std::size_t i : open) {
      auto [p, limit] = texts[i];
      if (p >= limit) battc::internal_error("a value text outside its arena slice");
      want(p, std::min<std::uint64_t>(guess, limit - p));
    }
    fetch();
    std::vector<std::size_t> still;
    for (std::size_t i : open) {
      auto [p, limit] = texts[i];
      std::uint64_t n = std::min<std::uint64_t>(guess, limit - p);
      const unsigned char* h = host(p, n);
      const void* nul = h ? std::memchr(h, 0, n) : nullptr;
      if (nul) {
        out[i].assign(reinterpret_cast<const char*>(h), static_cast<const unsigned char*>(nul) - h);
      } else if (n == limit - p) {
        battc::internal_error("a value text without its NUL in its arena slice");
      } else {
        still.push_back(i);
      }
    }
    open = std::move(still);
  }
  return out;
}

}  // namespace battc::runtime
