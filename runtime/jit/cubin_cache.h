// runtime/jit/cubin_cache.h: file helpers for the CUDA caches' entries
// (cubins, refs) in a FileCache, shared by the CUDA unit's JIT
// (cuda_jit.cpp) and the device spec library (cuda_spec_library.cpp).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/jit/cache.h"
#include "runtime/jit/result.h"

namespace battc::runtime::jit {

// Removes a folder (and what it holds) when it goes out of scope.
struct RemoveDirOnExit {
  std::string dir;
  ~RemoveDirOnExit();
};

bool is_elf(const std::vector<char>& bytes);
std::optional<std::vector<char>> read_bytes(const std::string& path);
Result<bool> write_bytes(const std::string& path, const std::vector<char>& bytes);

// The bytes of the cache entry `key` and its path, if it is a sound ELF
// file; a truncated or foreign one is dropped (the caller rebuilds it).
std::optional<std::pair<std::vector<char>, std::string>> sound_entry(const FileCache& cache, const std::string& key);

// Publishes `bytes` as the entry `key` with `log`; a cache that cannot take
// it only costs a compile next time.
void publish_entry(const FileCache& cache, const std::string& key, const std::vector<char>& bytes,
                   const std::string& log);

}  // namespace battc::runtime::jit
