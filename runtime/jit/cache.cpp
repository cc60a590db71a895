// runtime/jit/cache.cpp: the file cache's moves. Entries are <key>.so (host
// unit or spec pack) or <key>.cubin (CUDA) plus <key>.log; "recently used" is
// the entry's mtime, set on every hit (atime is unreliable under
// relatime/noatime). Lock files are tiny and left in place.
#include "runtime/jit/cache.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace battc::runtime::jit {
namespace {

std::atomic<long long> g_hits{0};
std::atomic<long long> g_misses{0};
std::atomic<long long> g_temp_counter{0};

bool is_entry_name(const std::string& name, std::string* key) {
  // <64 hex>.so, <64 hex>.cubin or <64 hex>.ref (the CUDA module cache's refs)
  std::string_view tail = name.size() > 64 ? std::string_view(name).substr(64) : std::string_view();
  if (tail != ".so" && tail != ".cubin" && tail != ".ref") return false;
  for (int i = 0; i < 64; ++i) {
    char c = name[size_t(i)];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  *key = name.substr(0, 64);
  return true;
}

std::uint64_t file_size_or_0(const fs::path& p) {
  std::error_code ec;
  auto n = fs::file_size(p, ec);
  return ec ? 0 : n;
}

}  // namespace

std::optional<std::string> resolve_cache_dir(const std::optional<std::string>& explicit_dir) {
  if (explicit_dir) {
    if (explicit_dir->empty()) return std::nullopt;
    return *explicit_dir;
  }
  if (const char* v = std::getenv("BATTC_CACHE_DIR")) {
    if (!*v) return std::nullopt;
    return std::string(v);
  }
  if (const char* v = std::getenv("XDG_CACHE_HOME"); v && *v) return std::string(v) + "/battc";
  if (const char* v = std::getenv("HOME"); v && *v) return std::string(v) + "/.cache/battc";
  return std::nullopt;
}

CacheStats cache_stats() { return CacheStats{g_hits.load(), g_misses.load()}; }

void count_cache_lookup(bool hit) { (hit ? g_hits : g_misses).fetch_add(1); }

Result<bool> FileCache::prepare() const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec || !fs::is_directory(dir_)) {
    return jit_error("cache", "cannot create the cache folder " + dir_ + (ec ? ": " + ec.message() : ""));
  }
  return true;
}

void mark_used(const std::string& path) {
  utimensat(AT_FDCWD, path.c_str(), nullptr, 0);  // LRU: now; harmless if read-only
}

std::optional<std::string> FileCache::lookup(const std::string& key) const {
  std::string p = entry_path(key);
  if (access(p.c_str(), R_OK) != 0) return std::nullopt;
  mark_used(p);
  return p;
}

std::string FileCache::read_log(const std::string& key) const {
  std::ifstream in(log_path(key), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

FileCache::Lock::~Lock() {
  if (fd_ >= 0) close(fd_);  // closing releases the flock
}

Result<FileCache::Lock> FileCache::lock(const std::string& key) const {
  std::string p = dir_ + "/" + key + ".lock";
  int fd = open(p.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return jit_error("cache", "cannot open the lock file " + p + ": " + std::strerror(errno));
  while (flock(fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      int e = errno;
      close(fd);
      return jit_error("cache", "cannot lock " + p + ": " + std::strerror(e));
    }
  }
  return Lock(fd);
}

Result<std::string> FileCache::make_temp_dir(const std::string& key) const {
  std::string p = dir_ + "/tmp." + key.substr(0, 16) + "." + std::to_string(getpid()) + "." +
                  std::to_string(g_temp_counter.fetch_add(1));
  std::error_code ec;
  fs::remove_all(p, ec);
  if (!fs::create_directory(p, ec) || ec) {
    return jit_error("cache", "cannot create the temp folder " + p + (ec ? ": " + ec.message() : ""));
  }
  return p;
}

Result<bool> FileCache::publish(const std::string& key, const std::string& built_so, const std::string& log) const {
  std::string tmp_log = built_so + ".log";
  {
    std::ofstream out(tmp_log, std::ios::binary | std::ios::trunc);
    out << log;
    out.close();
    if (!out) return jit_error("cache", "cannot write " + tmp_log);
  }
  if (std::rename(tmp_log.c_str(), log_path(key).c_str()) != 0) {
    return jit_error("cache", "cannot rename " + tmp_log + " into place: " + std::strerror(errno));
  }
  if (std::rename(built_so.c_str(), so_path(key).c_str()) != 0) {
    return jit_error("cache", "cannot rename " + built_so + " into place: " + std::strerror(errno));
  }
  return true;
}

void FileCache::forget(const std::string& key) const {
  std::error_code ec;
  fs::remove(entry_path(key), ec);  // the entry first: without it the entry is gone
  fs::remove(log_path(key), ec);
}

namespace {

struct EvictEntry {
  std::string key;
  fs::path folder;  // where its log and lock are
  fs::path file;
  fs::file_time_type used;
  std::uint64_t bytes;
};

// The entries of one folder into `out` (their bytes into `total`); a
// crashed writer's temp folder there (over an hour old) is removed.
void scan_folder(const fs::path& folder, std::vector<EvictEntry>& out, std::uint64_t& total) {
  const auto now = fs::file_time_type::clock::now();
  std::error_code ec;
  for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::error_code e2;
    auto mtime = fs::last_write_time(it->path(), e2);
    if (e2) continue;
    std::string key;
    if (is_entry_name(name, &key)) {
      std::uint64_t n = file_size_or_0(it->path()) + file_size_or_0(folder / (key + ".log"));
      out.push_back({key, folder, it->path(), mtime, n});
      total += n;
    } else if (name.rfind("tmp.", 0) == 0 && now - mtime > std::chrono::hours(1)) {
      fs::remove_all(it->path(), e2);  // a crashed writer's leftovers
    }
  }
}

}  // namespace

void FileCache::evict(const std::vector<std::string>& keep) const {
  std::vector<EvictEntry> entries;
  std::uint64_t total = 0;
  scan_folder(root_, entries, total);
  std::error_code ec;
  for (auto it = fs::directory_iterator(root_, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code e2;
    if (it->path().filename().string().rfind("specs-", 0) == 0 && it->is_directory(e2))
      scan_folder(it->path(), entries, total);  // spec packs share the budget
  }
  if (total <= max_bytes_) return;
  std::sort(entries.begin(), entries.end(),
            [](const EvictEntry& a, const EvictEntry& b) { return a.used < b.used; });
  for (const auto& e : entries) {
    if (total <= max_bytes_) break;
    if (std::find(keep.begin(), keep.end(), e.key) != keep.end()) continue;
    std::error_code e3;
    fs::remove(e.file, e3);  // the entry first, as in forget()
    fs::remove(e.folder / (e.key + ".log"), e3);
    fs::remove(e.folder / (e.key + ".lock"), e3);
    total -= e.bytes;
  }
}

}  // namespace battc::runtime::jit
