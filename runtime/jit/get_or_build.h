// runtime/jit/get_or_build.h: the cache protocol, written once for every
// kind of entry (compiled host units, spec packs): look up (no lock), take
// the key's lock, look again, build in a temp folder, publish by rename(),
// take the entry into use, evict. A cache that cannot be used (no folder,
// no lock, no temp folder, a failed rename) degrades to an unpublished
// build, noted, never to a failure; a failed build publishes nothing and
// leaves no temp folder. Also the worker threads that build entries in
// parallel: a throw in one comes back to the caller, never std::terminate.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "runtime/jit/cache.h"
#include "runtime/jit/result.h"

namespace battc::runtime::jit {

// Writes the artefact to `artefact` (a file in `work_dir`, a fresh folder
// for the build's other files) and returns the log to keep beside the entry.
// Success without the artefact is battc's bug (InternalError). A throw goes
// to get_or_build's caller, with the lock released and the folder removed.
using BuildFn = std::function<Result<std::string>(const std::string& work_dir, const std::string& artefact)>;

// Takes an artefact into use (e.g. dlopen and check it). On a found entry a
// failure means the entry is unsound: it is dropped and built again; on a
// fresh build the failure is the result (and the entry is dropped).
using UseFn = std::function<Result<bool>(const std::string& path)>;

struct GetOrBuildOptions {
  std::string artefact_name = "artefact";  // the file's name in the build folder
  UseFn use;                               // none: every present entry is sound
  bool evict = true;  // evict after a new entry; false: the caller evicts once for a batch
};

struct CacheEntry {
  std::string path;        // the cache's entry, or the artefact in a temp folder when not published
  bool hit = false;        // found in the cache: nothing was built
  bool published = false;  // built here and now in the cache
  std::string note;        // why a built artefact is not in the cache, else ""
  // Keeps an unpublished artefact's temp folder; removed with the last copy
  // (a loaded module's mapping stays valid).
  std::shared_ptr<const void> temp;
};

// The entry `key` of `cache`, built by `build` when absent.
Result<CacheEntry> get_or_build(const FileCache& cache, const std::string& key, const BuildFn& build,
                                const GetOrBuildOptions& options = {});

// The cache off: builds in a private folder under $TMPDIR (CacheEntry::temp)
// and takes the artefact into use.
Result<CacheEntry> build_uncached(const BuildFn& build, const GetOrBuildOptions& options = {});

// Runs job(0) .. job(n-1), each on a thread of its own, and returns when all
// have ended. A job's exception is caught in its thread; after the join the
// first one caught is rethrown here.
void run_in_threads(std::size_t n, const std::function<void(std::size_t)>& job);

}  // namespace battc::runtime::jit
