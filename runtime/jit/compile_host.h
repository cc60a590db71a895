// runtime/jit/compile_host.h: the host JIT in one call: probe the compiler,
// find the DSL runtime, look in the cache, compile on a miss, dlopen, find the
// entry points. Every failure comes back as a JitError naming its stage.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/jit/batt_entries.h"
#include "runtime/jit/cache.h"
#include "runtime/jit/compile_unit.h"
#include "runtime/jit/loaded_module.h"
#include "runtime/jit/result.h"

namespace battc::runtime::jit {

struct JitOptions {
  std::optional<std::string> cache_dir;       // --cache-dir: "" = off; unset = env/default (cache.h)
  std::vector<std::string> extra_flags;       // after the default flags, in this order
  std::uint64_t max_cache_bytes = kDefaultCacheMaxBytes;
  unsigned parts = 0;  // a unit's compile in parallel parts: 0 one per hardware thread (compile_unit.h)
  // The prebuilt spec packs' root (prebuilt_specs.h): "" none; unset:
  // $BATTC_PREBUILT_SPECS_DIR, else the install's lib/battc/specs.
  std::optional<std::string> prebuilt_specs;
};

// A loaded unit: the entry points (info_fn, prologue, eval, info) stay valid
// while `module` lives; copies share it.
struct LoadedBatt : BattEntries {
  std::shared_ptr<LoadedModule> module;
  CompiledObject compiled;  // on a hit: so_path, compiler_id and the cached log only
  std::string cache_key;    // "" when the cache was off
  bool cache_hit = false;
  double seconds = 0;       // wall time of compile_host (compile or cache hit, plus load)
  std::string cache_note;   // why the cache was not used although it was on, else ""
};

Result<LoadedBatt> compile_host(const EmittedUnit& unit, const JitOptions& options = {});

// Whether compile_host would be a cache hit (no compile, no load). False
// when the cache is off or the compiler or DSL runtime cannot be found.
bool host_unit_cached(const EmittedUnit& unit, const JitOptions& options = {});

}  // namespace battc::runtime::jit
