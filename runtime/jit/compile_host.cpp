// runtime/jit/compile_host.cpp: the stages in order. The cache protocol is
// get_or_build's (get_or_build.h): a hit is an unlocked lookup; a miss takes
// the key's lock, looks again, compiles in a temp folder and publishes. A
// cache that cannot be used degrades to an uncached compile (noted in
// LoadedBatt::cache_note), never to a failure.
#include "runtime/jit/compile_host.h"

#include <chrono>
#include <filesystem>
#include <utility>

#include "runtime/jit/cache_key.h"
#include "runtime/jit/get_or_build.h"

namespace battc::runtime::jit {
namespace {

using Clock = std::chrono::steady_clock;

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

}  // namespace

Result<LoadedBatt> compile_host(const EmittedUnit& unit, const JitOptions& options) {
  auto t0 = Clock::now();
  auto cxx = probe_host_compiler();
  if (!cxx) return cxx.error();
  auto rt = find_dsl_runtime();
  if (!rt) return rt.error();

  LoadedBatt out;
  BuildFn build = [&](const std::string& work_dir, const std::string& so) -> Result<std::string> {
    auto obj = compile_unit(unit, *cxx, *rt, options.extra_flags, work_dir, so, unit_parts(unit.source, options.parts));
    if (!obj) return obj.error();
    out.compiled = std::move(*obj);
    return commands_text(out.compiled) + out.compiled.log;
  };
  GetOrBuildOptions how;
  how.artefact_name = "unit.so";
  how.use = [&](const std::string& so) { return load_into(so, out); };

  auto dir = resolve_cache_dir(options.cache_dir);
  if (!dir) {
    // The temp files go with `entry` at the end of this call; the mapping stays.
    auto entry = build_uncached(build, how);
    if (!entry) return entry.error();
  } else {
    FileCache cache(*dir, options.max_cache_bytes);
    out.cache_key = host_cache_key(unit, options.extra_flags, *cxx, *rt);
    auto entry = get_or_build(cache, out.cache_key, build, how);
    if (!entry) return entry.error();
    count_cache_lookup(entry->hit);
    out.cache_hit = entry->hit;
    out.cache_note = entry->note;
    out.compiled.so_path = entry->path;
    if (entry->hit) {
      out.compiled.compiler_id = cxx->id;
      out.compiled.log = cache.read_log(out.cache_key);
    }
  }
  out.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return out;
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
