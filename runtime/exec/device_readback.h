// runtime/exec/device_readback.h: copies back from a device only the bytes the
// host needs after a launch (test samples' grids; value texts for the dump
// and the differs), in few copies: wanted ranges are merged within the
// device buffer they lie in. A text's length is unknown until its NUL is
// seen, so texts are read in growing pieces, never past their item's arena
// slice.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "runtime/exec/device.h"

namespace battc::runtime {

class DeviceReadback {
 public:
  using Buffers = std::vector<std::pair<DevPtr, DevPtr>>;  // [begin, end) of device allocations

  // `buffers`: the device allocations [begin, end) ranges may be merged
  // within; a range outside them (a module constant) is copied on its own.
  DeviceReadback(Device& device, Buffers buffers);

  void want(DevPtr p, std::uint64_t n);
  // Downloads every range wanted since the last fetch.
  void fetch();
  // The host copy of [p, p + n), or nullptr when it was not fetched.
  const unsigned char* host(DevPtr p, std::uint64_t n) const;
  std::uint64_t bytes_down() const { return bytes_down_; }

  // NUL-terminated strings starting at texts[i].first, each lying before
  // texts[i].second; a string that reaches its limit unterminated throws.
  std::vector<std::string> read_texts(const std::vector<std::pair<DevPtr, DevPtr>>& texts,
                                      std::uint64_t first_guess = 4096);

 private:
  Device& device_;
  Buffers buffers_;
  std::vector<std::pair<DevPtr, DevPtr>> wanted_;
  std::map<DevPtr, std::vector<unsigned char>> fetched_;  // start -> bytes
  std::uint64_t longest_ = 0;                             // the longest fetched range
  std::uint64_t bytes_down_ = 0;
};

}  // namespace battc::runtime
