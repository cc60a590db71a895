// runtime/jit/cache.h: the on-disk cache of compiled units, crash- and
// race-safe like jitify's LRUFileCache: readers take no lock; a writer takes
// <key>.lock, checks again, builds in a temp folder and rename()s into place
// (that protocol is written once, in get_or_build.h). One folder holds host
// entries (<key>.so) and CUDA entries (<key>.cubin); its spec folders
// (specs-*/, spec_library.h) hold spec packs (<key>.so), all under one budget.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/jit/result.h"

namespace battc::runtime::jit {

constexpr std::uint64_t kDefaultCacheMaxBytes = std::uint64_t(2) << 30;  // 2 GiB

// The folder: `explicit_dir` (--cache-dir) if given, else $BATTC_CACHE_DIR,
// else $XDG_CACHE_HOME/battc, else $HOME/.cache/battc. An empty value (explicit
// or env) turns the cache off: nullopt. No HOME either: off.
std::optional<std::string> resolve_cache_dir(const std::optional<std::string>& explicit_dir);

// Process-wide counts of host-cache lookups.
struct CacheStats {
  long long hits = 0;
  long long misses = 0;
};
CacheStats cache_stats();
void count_cache_lookup(bool hit);

// Marks a cache file as used now (its mtime: the LRU clock). Harmless when
// the file is read-only or gone.
void mark_used(const std::string& path);

class FileCache {
 public:
  // `entry_ext` is this cache's kind of entry: ".so" (host), ".cubin" (CUDA)
  // or ".ref" (a CUDA group's module key, runtime/jit/cuda_jit.cpp).
  // `budget_root` is the folder whose budget evict() keeps: "" for `dir`
  // itself; a spec folder's cache names the cache folder it lies in.
  FileCache(std::string dir, std::uint64_t max_bytes, std::string entry_ext = ".so", std::string budget_root = "")
      : dir_(std::move(dir)),
        max_bytes_(max_bytes),
        ext_(std::move(entry_ext)),
        root_(budget_root.empty() ? dir_ : std::move(budget_root)) {}

  // Creates the folder. Stage "cache" errors.
  Result<bool> prepare() const;

  const std::string& dir() const { return dir_; }
  std::string entry_path(const std::string& key) const { return dir_ + "/" + key + ext_; }
  std::string so_path(const std::string& key) const { return entry_path(key); }
  std::string log_path(const std::string& key) const { return dir_ + "/" + key + ".log"; }

  // The entry's path (.so or .cubin) if it exists (and marks it recently used). No lock.
  std::optional<std::string> lookup(const std::string& key) const;
  // The entry's log ("" if absent).
  std::string read_log(const std::string& key) const;

  // An exclusive flock on <key>.lock, released when this object dies.
  class Lock {
   public:
    explicit Lock(int fd = -1) : fd_(fd) {}
    ~Lock();
    Lock(Lock&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
    Lock& operator=(Lock&&) = delete;

   private:
    int fd_;
  };
  Result<Lock> lock(const std::string& key) const;

  // A fresh folder <dir>/tmp.<key prefix>.<pid>.<n> for one writer's files.
  Result<std::string> make_temp_dir(const std::string& key) const;

  // Moves `built_so` into place as <key><ext>, after writing <key>.log; both by
  // rename, so a reader sees a whole entry or none.
  Result<bool> publish(const std::string& key, const std::string& built_so, const std::string& log) const;

  // Drops an entry (e.g. one that no longer loads).
  void forget(const std::string& key) const;

  // Under the budget root: removes the least recently used entries of every
  // kind, in the root and in its spec folders (specs-*/), never one of
  // `keep`, until their total is at most max_bytes; and temp folders left by
  // crashed writers (over 1 hour old) there.
  void evict(const std::vector<std::string>& keep) const;
  void evict(const std::string& keep) const { evict(std::vector<std::string>{keep}); }

 private:
  std::string dir_;
  std::uint64_t max_bytes_;
  std::string ext_;
  std::string root_;
};

}  // namespace battc::runtime::jit
