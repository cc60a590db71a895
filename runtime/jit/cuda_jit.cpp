// runtime/jit/cuda_jit.cpp: the CUDA stages in order, with the file cache of
// compile_host.cpp: a hit is an unlocked read of <key>.cubin; a miss takes the
// key's lock, looks again, runs NVRTC and nvJitLink and publishes the cubin
// with its logs. Without NVRTC/nvJitLink found at run time every call is an
// error (stage "probe").
#include "runtime/jit/cuda_jit.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <exception>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <utility>

#include "runtime/jit/cubin_cache.h"
#include "runtime/jit/cuda_cache_key.h"
#include "runtime/jit/cuda_device_runtime.h"
#include "runtime/jit/cuda_libraries.h"
#include "runtime/jit/cuda_modules.h"
#include "runtime/jit/cuda_toolchain.h"

namespace battc::runtime::jit {

namespace {

using Clock = std::chrono::steady_clock;

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}

// The entry's log: both commands and both logs, each log framed by its byte
// count so that a hit gives back exactly what the compile said.
std::string frame_log(const CudaObject& o) {
  std::string parts = o.parts > 1 ? " (" + std::to_string(o.parts) + " parts: -DBATTC_PARTS=n -DBATTC_PART=k)" : "";
  if (o.groups > 0)
    parts += " + " + std::to_string(o.groups) + " program groups (" + std::to_string(o.groups_cached) +
             " from the module cache, the others in " + std::to_string(o.modules_compiled) + " modules)";
  return "$ nvrtc " + joined(o.nvrtc_options) + parts + "\n--- nvrtc log (" + std::to_string(o.nvrtc_log.size()) +
         " bytes) ---\n" + o.nvrtc_log + "\n$ nvJitLink " + joined(o.nvjitlink_options) + " " + o.device_library +
         "\n--- nvJitLink info log (" + std::to_string(o.nvjitlink_log.size()) + " bytes) ---\n" + o.nvjitlink_log +
         "\n";
}

// The framed log named `title` ("" when absent or malformed).
std::string unframe(const std::string& text, const std::string& title) {
  std::string head = "--- " + title + " (";
  size_t at = text.find(head);
  if (at == std::string::npos) return "";
  size_t num = at + head.size();
  size_t end = text.find(" bytes) ---\n", num);
  if (end == std::string::npos) return "";
  size_t n = 0;
  try {
    n = std::stoul(text.substr(num, end - num));
  } catch (...) {
    return "";
  }
  size_t body = end + std::strlen(" bytes) ---\n");
  return body + n <= text.size() ? text.substr(body, n) : "";
}

// NVRTC's options for part k of a unit compiled in `parts` pieces: the
// defaults, then -DBATTC_PARTS/-DBATTC_PART (templates/cuda_unit.cu).
std::vector<std::string> part_options(const std::vector<std::string>& options, int parts, int k) {
  std::vector<std::string> o = options;
  if (parts > 1) {
    o.push_back("-DBATTC_PARTS=" + std::to_string(parts));
    o.push_back("-DBATTC_PART=" + std::to_string(k));
  }
  return o;
}

// Past about this many groups in one NVRTC program, the templates they share
// stop paying back: the 400 arc-dsl solvers' 100 groups took the same CPU
// time as 2, 4 or 8 modules, and more memory the fewer (1.4 GB at 2, 0.7 GB
// at 8; docs/runtime.md, "Modules of several groups").
constexpr size_t kGroupsPerModule = 16;

// One NVRTC program of a build: a part of the main module, or a module of
// one or more groups (runtime/jit/cuda_modules.h), which may come from the
// module cache.
struct Job {
  std::string label;  // for errors: "part 1 of 4", "group <name>", "3 groups: <name>, ..."
  std::string module_source;  // a group module's text ("" for a main part)
  const std::string* source = nullptr;
  std::vector<std::string> options;
  std::string key;  // a group module's cache key ("" when the cache is off)
  std::vector<std::string> member_keys;  // the keys of its groups, when it holds more than one
  std::optional<Result<RelocatableCubin>> done;
  bool cached = false;
};

// The module cache: each module's relocatable cubin under its key, and for a
// group compiled in a module with others, a ref entry under the group's own
// key naming that module's key. So a group is found whichever way it was
// compiled, and a cold compile may put many groups in one module.
struct ModuleCache {
  FileCache cubins;
  FileCache refs;
};

// A cached module's cubin, if there is a sound one.
std::optional<RelocatableCubin> cached_module(const FileCache& cache, const std::string& key) {
  auto entry = sound_entry(cache, key);
  if (!entry) return std::nullopt;
  RelocatableCubin r;
  r.bytes = std::move(entry->first);
  r.log = cache.read_log(key);
  return r;
}

bool is_key(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// The key of the module that holds the group `key`, if a ref says so; a
// malformed ref is dropped.
std::optional<std::string> module_of(const FileCache& refs, const std::string& key) {
  auto path = refs.lookup(key);
  if (!path) return std::nullopt;
  auto bytes = read_bytes(*path);
  std::string target = bytes ? std::string(bytes->begin(), bytes->end()) : "";
  if (!is_key(target)) {
    refs.forget(key);
    return std::nullopt;
  }
  return target;
}

// The groups `todo` (indexes into m.groups) as at most `n` modules of about
// equal text (the largest group first, each into the lightest module), each
// module's groups in the unit's order, so the same groups make the same text.
std::vector<std::vector<size_t>> pack_groups(const CudaGroupModules& m, std::vector<size_t> todo, size_t n) {
  if (todo.empty()) return {};
  n = std::max<size_t>(1, std::min(n, todo.size()));  // so no module is empty
  std::stable_sort(todo.begin(), todo.end(),
                   [&](size_t a, size_t b) { return m.groups[a].text.size() > m.groups[b].text.size(); });
  std::vector<std::vector<size_t>> packs(n);
  std::vector<size_t> bytes(n, 0);
  for (size_t g : todo) {
    size_t k = size_t(std::min_element(bytes.begin(), bytes.end()) - bytes.begin());
    packs[k].push_back(g);
    bytes[k] += m.groups[g].text.size();
  }
  for (auto& p : packs) std::sort(p.begin(), p.end());
  // Largest first, so that the parallel compiles end together.
  std::stable_sort(packs.begin(), packs.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return packs;
}

// The group modules of `groups` as jobs: the cached ones done (each cached
// module once, however many of the unit's groups it holds), the others
// packed into at most `max_modules` modules to compile (0: modules of about
// kGroupsPerModule groups, at least two per thread, so that the parallel
// compiles end together).
std::vector<Job> group_jobs(const CudaGroupModules& groups, const std::vector<std::string>& options,
                            const ModuleCache* cache, const CudaDeviceRuntime& rt, size_t max_modules,
                            size_t threads, CudaObject& out) {
  std::vector<Job> done, todo;
  std::vector<std::string> keys(groups.groups.size());
  std::vector<size_t> uncached;
  std::set<std::string> linked;  // modules already among the jobs
  // Whether the cached module `key` is among the jobs (now, if it is sound).
  auto take = [&](const std::string& key) {
    if (linked.count(key)) return true;
    auto hit = cached_module(cache->cubins, key);
    if (!hit) return false;
    linked.insert(key);
    Job j;
    j.label = "module " + key;
    j.key = key;
    j.done = std::move(*hit);
    j.cached = true;
    done.push_back(std::move(j));
    return true;
  };
  for (size_t g = 0; g < groups.groups.size(); ++g) {
    if (cache) {
      keys[g] = cuda_module_key(cuda_module_source(groups, {g}), options, cuda_toolchain_id(), rt);
      // Compiled alone (its own key), or with others (a ref to their module).
      bool found = take(keys[g]);
      if (!found) {
        auto holder = module_of(cache->refs, keys[g]);
        found = holder && take(*holder);
      }
      if (found) {
        ++out.groups_cached;
        continue;
      }
    }
    uncached.push_back(g);
  }
  if (max_modules == 0) max_modules = std::max(2 * threads, (uncached.size() + kGroupsPerModule - 1) / kGroupsPerModule);
  for (const std::vector<size_t>& pack : pack_groups(groups, uncached, max_modules)) {
    Job j;
    j.label = "group " + groups.groups[pack[0]].name;
    if (pack.size() > 1) j.label = std::to_string(pack.size()) + " groups: " + groups.groups[pack[0]].name + ", ...";
    j.module_source = cuda_module_source(groups, pack);
    j.options = options;
    if (cache) {
      j.key = pack.size() == 1 ? keys[pack[0]] : cuda_module_key(j.module_source, options, cuda_toolchain_id(), rt);
      if (pack.size() > 1)
        for (size_t g : pack) j.member_keys.push_back(keys[g]);
    }
    todo.push_back(std::move(j));
  }
  out.groups = static_cast<int>(groups.groups.size());
  out.modules_compiled = static_cast<int>(todo.size());
  for (Job& j : done) todo.push_back(std::move(j));
  return todo;
}

// NVRTC on the main module's parts and on modules of the groups not in
// `cache` (nullptr: no module cache), at most hardware_concurrency() at a
// time (each is its own NVRTC program), then nvJitLink, into `out`.
Result<bool> build(const EmittedUnit& unit, const CudaJitOptions& options, const ModuleCache* cache,
                   const CudaDeviceRuntime& rt, CudaObject& out) {
  const std::string stem = unit_file_stem(unit.name);
  auto groups = cuda_group_modules(unit.source);
  if (!groups) return groups.error();
  const int threads = std::max(1, int(std::thread::hardware_concurrency()));
  // Group modules first: they are the larger programs.
  std::vector<Job> jobs =
      group_jobs(*groups, out.nvrtc_options, cache, rt, size_t(options.max_group_modules), size_t(threads), out);
  std::vector<std::string> main_options = out.nvrtc_options;
  if (!groups->groups.empty()) main_options.push_back("-DBATTC_GROUP_BODIES=0");  // the groups are modules
  for (int k = 0; k < options.parts; ++k) {
    Job j;
    j.label = options.parts > 1 ? "part " + std::to_string(k) + " of " + std::to_string(options.parts) : "main";
    j.source = &unit.source;
    j.options = part_options(main_options, options.parts, k);
    jobs.push_back(std::move(j));
  }

  std::vector<size_t> todo;
  for (size_t i = 0; i < jobs.size(); ++i)
    if (!jobs[i].done) todo.push_back(i);
  std::atomic<size_t> next{0};
  // A throw in a worker (out of memory, a cache write) is handed to this
  // thread and rethrown after the join, never std::terminate.
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto worker = [&] {
    try {
      for (size_t t = next++; t < todo.size(); t = next++) {
        Job& j = jobs[todo[t]];
        j.done = nvrtc_compile(j.source ? *j.source : j.module_source, stem + ".cu", j.options);
        if (!cache || j.key.empty() || !*j.done) continue;
        publish_entry(cache->cubins, j.key, (*j.done)->bytes, (*j.done)->log);
        std::vector<char> target(j.key.begin(), j.key.end());
        for (const std::string& member : j.member_keys) publish_entry(cache->refs, member, target, "");
      }
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = todo.size();  // the others stop after their job
    }
  };
  int width = std::max(1, std::min(int(todo.size()), threads));
  auto t0 = Clock::now();
  std::vector<std::thread> pool;
  for (int k = 1; k < width; ++k) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  out.nvrtc_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  if (cache && out.modules_compiled > 0) {
    cache->cubins.evict("");
    cache->refs.evict("");
  }

  std::vector<RelocatableCubin> cubins;
  for (Job& j : jobs) {
    auto& r = *j.done;
    if (!r) {
      JitError e = r.error();
      if (jobs.size() > 1) e.message = j.label + ": " + e.message;
      return e;
    }
    if (!r->log.empty() && !j.cached) out.nvrtc_log += (jobs.size() > 1 ? j.label + ":\n" : "") + r->log;
    cubins.push_back(std::move(*r));
  }
  auto linked = nvjitlink_link(cubins, stem, out.device_library, out.nvjitlink_options);
  if (!linked) {
    JitError e = linked.error();
    if (!out.nvrtc_log.empty()) e.log += "\nNVRTC log:\n" + out.nvrtc_log;
    return e;
  }
  out.cubin = std::move(linked->cubin);
  out.nvjitlink_log = std::move(linked->info_log);
  out.nvjitlink_seconds = linked->seconds;
  return true;
}

Result<CudaObject> compile_cached(const EmittedUnit& unit, const CudaJitOptions& options, const std::string& dir,
                                  const CudaDeviceRuntime& rt, CudaObject out) {
  FileCache cache(dir, options.max_cache_bytes, ".cubin");
  // Group modules' cubins, by their own keys, beside the linked units.
  ModuleCache modules{FileCache(dir + "/cuda-modules", options.max_cache_bytes, ".cubin"),
                      FileCache(dir + "/cuda-modules/refs", options.max_cache_bytes, ".ref")};
  auto degrade = [&](const JitError& e) -> Result<CudaObject> {
    out.cache_note = e.what();
    out.cache_key.clear();
    auto built = build(unit, options, nullptr, rt, out);
    if (!built) return built.error();
    return out;
  };
  auto prepared = cache.prepare();
  if (!prepared) return degrade(prepared.error());

  out.cache_key = cuda_cache_key(unit, out.nvrtc_options, out.parts, out.nvjitlink_options, cuda_toolchain_id(), rt);
  auto try_hit = [&]() -> bool {
    auto entry = sound_entry(cache, out.cache_key);
    if (!entry) return false;
    out.cubin = std::move(entry->first);
    out.cubin_path = entry->second;
    std::string log = cache.read_log(out.cache_key);
    out.nvrtc_log = unframe(log, "nvrtc log");
    out.nvjitlink_log = unframe(log, "nvJitLink info log");
    out.cache_hit = true;
    count_cache_lookup(true);
    return true;
  };
  if (try_hit()) return out;

  auto lock = cache.lock(out.cache_key);
  if (!lock) return degrade(lock.error());
  if (try_hit()) return out;  // another writer finished while we waited
  count_cache_lookup(false);

  bool module_cache = modules.cubins.prepare() && modules.refs.prepare();
  auto built = build(unit, options, module_cache ? &modules : nullptr, rt, out);
  if (!built) return built.error();  // failures are not cached
  auto tmp = cache.make_temp_dir(out.cache_key);
  if (!tmp) {
    out.cache_note = tmp.error().what();
    return out;
  }
  RemoveDirOnExit cleanup{*tmp};
  std::string file = *tmp + "/unit.cubin";
  auto written = write_bytes(file, out.cubin);
  auto published = written ? cache.publish(out.cache_key, file, frame_log(out)) : Result<bool>(written.error());
  if (!published) {
    out.cache_note = published.error().what();
    return out;
  }
  out.cubin_path = cache.entry_path(out.cache_key);
  cache.evict(out.cache_key);
  return out;
}

}  // namespace

bool cuda_jit_available() { return cuda_jit_libraries().libs != nullptr; }

Result<CudaObject> compile_cuda(const EmittedUnit& unit, const CudaJitOptions& options) {
  auto t0 = Clock::now();
  if (!cuda_jit_available()) return jit_error("probe", cuda_jit_libraries().why);
  if (options.parts < 1 || options.parts > kMaxCudaParts) {
    return jit_error("options", "parts must be 1.." + std::to_string(kMaxCudaParts) + ", not " +
                                    std::to_string(options.parts));
  }
  auto rt = find_cuda_device_runtime(options.arch);
  if (!rt) return rt.error();

  CudaObject out;
  out.arch = rt->arch;
  out.device_library = rt->library;
  // -arch=sm_XX: NVRTC runs ptxas and gives a cubin; -rdc: the primitives
  // are external (defined in the device library, SASS optimized at build
  // time), so nvJitLink only links. -Ofast-compile=max: cicc and ptxas skip
  // their expensive optimizations on the batt's glue and closure templates;
  // at the default level the 400-solver batt takes many minutes (docs/runtime.md,
  // "CUDA JIT"). -no-source-include: NVRTC otherwise searches the source's
  // own folder, the working directory for "batt.cu", first; run from a battc
  // checkout it found dsl/*.h there as well as under -I, and NVRTC's #pragma
  // once took the two paths for two headers (the first real GPU run failed
  // so). Extra options come last, so they win.
  out.nvrtc_options = {"-arch=" + rt->arch,   "-rdc=true",          "-std=c++20",
                       "--Ofast-compile=max", "-no-source-include", "-I" + rt->include_dir};
  out.nvrtc_options.insert(out.nvrtc_options.end(), options.extra_options.begin(), options.extra_options.end());
  out.nvjitlink_options = {"-arch=" + rt->arch};
  out.parts = options.parts;

  Result<CudaObject> r = out;
  if (auto dir = resolve_cache_dir(options.cache_dir)) {
    r = compile_cached(unit, options, *dir, *rt, std::move(out));
  } else {
    auto built = build(unit, options, nullptr, *rt, out);
    if (built) r = std::move(out);
    else r = built.error();
  }
  if (r) r->seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return r;
}

}  // namespace battc::runtime::jit
