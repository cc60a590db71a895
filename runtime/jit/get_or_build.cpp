// runtime/jit/get_or_build.cpp: the protocol's steps in order, and the
// worker threads. The temp folder is held by a shared_ptr from its creation
// on, so every way out (an error value, a throw in `build` or `use`) removes
// it unless the artefact in it is handed back unpublished.
#include "runtime/jit/get_or_build.h"

#include <stdlib.h>

#include <cstdlib>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "generator/diag/internal_error.h"

namespace fs = std::filesystem;

namespace battc::runtime::jit {
namespace {

struct TempFolder {
  std::string path;
  explicit TempFolder(std::string p) : path(std::move(p)) {}
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// A build that succeeded wrote its artefact: the build callbacks are ours.
void check_built(const std::string& artefact) {
  std::error_code ec;
  BATTC_ASSERT(fs::is_regular_file(artefact, ec), "a build succeeded without writing its artefact " + artefact);
}

// The entry if present and sound (`use` accepts it); an unsound one is dropped.
std::optional<std::string> sound_entry(const FileCache& cache, const std::string& key, const UseFn& use) {
  auto path = cache.lookup(key);
  if (!path) return std::nullopt;
  if (use && !use(*path)) {
    cache.forget(key);  // truncated, foreign or stale: build it again
    return std::nullopt;
  }
  return path;
}

// Builds in `folder` and takes the artefact into use there, unpublished.
Result<CacheEntry> build_in(std::shared_ptr<const TempFolder> folder, const BuildFn& build,
                            const GetOrBuildOptions& options, std::string note) {
  std::string artefact = folder->path + "/" + options.artefact_name;
  auto log = build(folder->path, artefact);
  if (!log) return log.error();
  check_built(artefact);
  if (options.use)
    if (auto used = options.use(artefact); !used) return used.error();
  CacheEntry entry;
  entry.path = artefact;
  entry.note = std::move(note);
  entry.temp = std::move(folder);
  return entry;
}

// A private folder under $TMPDIR for a build the cache cannot take.
Result<CacheEntry> build_private(const BuildFn& build, const GetOrBuildOptions& options, std::string note) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/battc-jit-XXXXXX";
  if (!mkdtemp(pattern.data())) return jit_error("compile", "cannot create a temp folder " + pattern);
  return build_in(std::make_shared<const TempFolder>(pattern), build, options, std::move(note));
}

}  // namespace

Result<CacheEntry> build_uncached(const BuildFn& build, const GetOrBuildOptions& options) {
  return build_private(build, options, "");
}

Result<CacheEntry> get_or_build(const FileCache& cache, const std::string& key, const BuildFn& build,
                                const GetOrBuildOptions& options) {
  CacheEntry found;
  found.hit = true;
  if (auto prepared = cache.prepare(); !prepared) return build_private(build, options, prepared.error().what());
  if (auto path = sound_entry(cache, key, options.use)) {
    found.path = *path;
    return found;
  }
  auto lock = cache.lock(key);
  if (!lock) return build_private(build, options, lock.error().what());
  if (auto path = sound_entry(cache, key, options.use)) {  // another writer finished while we waited
    found.path = *path;
    return found;
  }
  auto tmp = cache.make_temp_dir(key);
  if (!tmp) return build_private(build, options, tmp.error().what());
  auto folder = std::make_shared<const TempFolder>(*tmp);
  std::string artefact = *tmp + "/" + options.artefact_name;
  auto log = build(*tmp, artefact);
  if (!log) return log.error();  // failures are not cached
  check_built(artefact);
  if (auto published = cache.publish(key, artefact, *log); !published) {
    cache.forget(key);  // a log renamed before the entry's rename failed
    auto use = options.use ? options.use(artefact) : Result<bool>(true);
    if (!use) return use.error();
    CacheEntry entry{artefact, false, false, published.error().what(), std::move(folder)};
    return entry;
  }
  CacheEntry entry{cache.entry_path(key), false, true, "", nullptr};
  if (options.use)
    if (auto used = options.use(entry.path); !used) {
      cache.forget(key);  // it built but is not usable: keep nothing
      return used.error();
    }
  if (options.evict) cache.evict(key);
  return entry;
}

void run_in_threads(std::size_t n, const std::function<void(std::size_t)>& job) {
  std::mutex mu;
  std::exception_ptr failure;
  auto keep_first = [&] {
    std::lock_guard<std::mutex> lock(mu);
    if (!failure) failure = std::current_exception();
  };
  std::vector<std::thread> threads;
  threads.reserve(n);
  try {
    for (std::size_t i = 0; i < n; ++i)
      threads.emplace_back([&, i] {
        try {
          job(i);
        } catch (...) {
          keep_first();
        }
      });
  } catch (...) {  // a thread that could not start: wait for the others, then report
    keep_first();
  }
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace battc::runtime::jit
