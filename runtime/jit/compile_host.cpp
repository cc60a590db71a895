// runtime/jit/compile_host.cpp: the stages in order. With the cache on, a hit
// is an unlocked lookup; a miss takes the key's lock, looks again, compiles in
// a temp folder and publishes. A cache that cannot be used degrades to an
// uncached compile (noted in LoadedBatt::cache_note), never to a failure.
#include "runtime/jit/compile_host.h"

#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <utility>

#include "runtime/jit/cache_key.h"
#include "runtime/jit/run_process.h"

namespace fs = std::filesystem;

namespace battc::runtime::jit {
namespace {

using Clock = std::chrono::steady_clock;

struct RemoveDirOnExit {
  std::string dir;
  ~RemoveDirOnExit() {
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir, ec);
  }
};

// Loads `so_path` and finds the entries into `out`.
Result<bool> load_into(const std::string& so_path, LoadedBatt& out) {
  auto module = LoadedModule::open(so_path);
  if (!module) return module.error();
  auto entries = find_batt_entries(*module);
  if (!entries) return entries.error();
  static_cast<BattEntries&>(out) = *entries;
  out.module = std::make_shared<LoadedModule>(std::move(*module));
  return true;
}

// Compile into a private temp folder, load, then delete the files (the
// mapping stays valid after unlink).
Result<LoadedBatt> compile_uncached(const EmittedUnit& unit, const HostCompiler& cxx, const DslRuntime& rt,
                                    const JitOptions& options, LoadedBatt out) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/battc-jit-XXXXXX";
  if (!mkdtemp(pattern.data())) return jit_error("compile", "cannot create a temp folder " + pattern);
  RemoveDirOnExit cleanup{pattern};
  auto obj = compile_unit(unit, cxx, rt, options.extra_flags, pattern, pattern + "/unit.so",
                          unit_parts(unit.source, options.parts));
  if (!obj) return obj.error();
  out.compiled = std::move(*obj);
  auto loaded = load_into(out.compiled.so_path, out);
  if (!loaded) return loaded.error();
  return out;
}

Result<LoadedBatt> compile_cached(const EmittedUnit& unit, const HostCompiler& cxx, const DslRuntime& rt,
                                  const JitOptions& options, const std::string& dir, LoadedBatt out) {
  FileCache cache(dir, options.max_cache_bytes);
  auto degrade = [&](const JitError& e) {
    out.cache_note = e.what();
    return compile_uncached(unit, cxx, rt, options, std::move(out));
  };
  auto prepared = cache.prepare();
  if (!prepared) return degrade(prepared.error());

  out.cache_key = host_cache_key(unit, options.extra_flags, cxx, rt);
  auto try_hit = [&]() -> bool {
    auto so = cache.lookup(out.cache_key);
    if (!so) return false;
    if (!load_into(*so, out)) {  // truncated or foreign file: drop it, rebuild
      cache.forget(out.cache_key);
      return false;
    }
    out.compiled.so_path = *so;
    out.compiled.compiler_id = cxx.id;
    out.compiled.log = cache.read_log(out.cache_key);
    out.cache_hit = true;
    count_cache_lookup(true);
    return true;
  };
  if (try_hit()) return out;

  auto lock = cache.lock(out.cache_key);
  if (!lock) return degrade(lock.error());
  if (try_hit()) return out;  // another writer finished while we waited
  count_cache_lookup(false);

  auto tmp = cache.make_temp_dir(out.cache_key);
  if (!tmp) return degrade(tmp.error());
  RemoveDirOnExit cleanup{*tmp};
  auto obj = compile_unit(unit, cxx, rt, options.extra_flags, *tmp, *tmp + "/unit.so",
                          unit_parts(unit.source, options.parts));
  if (!obj) return obj.error();  // failures are not cached
  out.compiled = std::move(*obj);
  auto published = cache.publish(out.cache_key, out.compiled.so_path,
                                 commands_text(out.compiled) + out.compiled.log);
  if (!published) {
    out.cache_note = published.error().what();
    auto loaded = load_into(out.compiled.so_path, out);  // still in the temp folder
    if (!loaded) return loaded.error();
    return out;
  }
  out.compiled.so_path = cache.so_path(out.cache_key);
  cache.evict(out.cache_key);
  auto loaded = load_into(out.compiled.so_path, out);
  if (!loaded) return loaded.error();
  return out;
}

}  // namespace

Result<LoadedBatt> compile_host(const EmittedUnit& unit, const JitOptions& options) {
  auto t0 = Clock::now();
  auto cxx = probe_host_compiler();
  if (!cxx) return cxx.error();
  auto rt = find_dsl_runtime();
  if (!rt) return rt.error();

  auto dir = resolve_cache_dir(options.cache_dir);
  Result<LoadedBatt> r = dir ? compile_cached(unit, *cxx, *rt, options, *dir, LoadedBatt{})
                             : compile_uncached(unit, *cxx, *rt, options, LoadedBatt{});
  if (r) r->seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return r;
}

bool host_unit_cached(const EmittedUnit& unit, const JitOptions& options) {
  auto dir = resolve_cache_dir(options.cache_dir);
  if (!dir) return false;
  auto cxx = probe_host_compiler();
  if (!cxx) return false;
  auto rt = find_dsl_runtime();
  if (!rt) return false;
  FileCache cache(*dir, options.max_cache_bytes);
  return std::filesystem::exists(cache.so_path(host_cache_key(unit, options.extra_flags, *cxx, *rt)));
}

}  // namespace battc::runtime::jit
