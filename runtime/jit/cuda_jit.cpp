// runtime/jit/cuda_jit.cpp: the CUDA stages in order, with the file cache of
// compile_host.cpp: a hit is an unlocked read of <key>.cubin; a miss takes the
// key's lock, looks again, runs NVRTC and nvJitLink and publishes the cubin
// with its logs. Without NVRTC/nvJitLink found at run time every call is an
// error (stage "probe").
#include "runtime/jit/cuda_jit.h"

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>

#include "runtime/jit/cuda_cache_key.h"
#include "runtime/jit/cuda_device_runtime.h"
#include "runtime/jit/cuda_libraries.h"
#include "runtime/jit/cuda_modules.h"
#include "runtime/jit/cuda_toolchain.h"

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

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}

bool is_elf(const std::vector<char>& bytes) {
  return bytes.size() > 4 && std::memcmp(bytes.data(), "\x7f" "ELF", 4) == 0;
}

// The entry's log: both commands and both logs, each log framed by its byte
// count so that a hit gives back exactly what the compile said.
std::string frame_log(const CudaObject& o) {
  std::string parts = o.parts > 1 ? " (" + std::to_string(o.parts) + " parts: -DBATTC_PARTS=n -DBATTC_PART=k)" : "";
  if (o.group_modules > 0)
    parts += " + " + std::to_string(o.group_modules) + " group modules (" + std::to_string(o.group_modules_cached) +
             " from the module cache)";
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

std::optional<std::vector<char>> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<char> out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return out;
}

Result<bool> write_bytes(const std::string& path, const std::vector<char>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  out.close();
  if (!out) return jit_error("cache", "cannot write " + path);
  return true;
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

// One NVRTC program of a build: a part of the main module, or a group
// module (runtime/jit/cuda_modules.h), which may come from the module cache.
struct Job {
  std::string label;  // for errors: "part 1 of 4", "group <name>"
  const std::string* source;
  std::vector<std::string> options;
  std::string key;  // a group module's cache key ("" when the cache is off)
  std::optional<Result<RelocatableCubin>> done;
  bool cached = false;
};

// The bytes of the cache entry `key` and its path, if it is a sound ELF
// file; a truncated or foreign one is dropped (the caller rebuilds it).
std::optional<std::pair<std::vector<char>, std::string>> sound_entry(const FileCache& cache, const std::string& key) {
  auto path = cache.lookup(key);
  if (!path) return std::nullopt;
  auto bytes = read_bytes(*path);
  if (!bytes || !is_elf(*bytes)) {
    cache.forget(key);
    return std::nullopt;
  }
  return std::make_pair(std::move(*bytes), *path);
}

// A cached group module's cubin, if there is a sound one.
std::optional<RelocatableCubin> cached_module(const FileCache& cache, const std::string& key) {
  auto entry = sound_entry(cache, key);
  if (!entry) return std::nullopt;
  RelocatableCubin r;
  r.bytes = std::move(entry->first);
  r.log = cache.read_log(key);
  return r;
}

// Publishes a compiled group module; a cache that cannot take it only costs
// a compile next time.
void publish_module(const FileCache& cache, const std::string& key, const RelocatableCubin& cubin) {
  auto tmp = cache.make_temp_dir(key);
  if (!tmp) return;
  RemoveDirOnExit cleanup{*tmp};
  std::string file = *tmp + "/module.cubin";
  if (write_bytes(file, cubin.bytes)) (void)cache.publish(key, file, cubin.log);
}

// NVRTC on the main module's parts and every group module not in `modules`
// (nullptr: no module cache), at most hardware_concurrency() at a time (each
// is its own NVRTC program), then nvJitLink, into `out`.
Result<bool> build(const EmittedUnit& unit, int parts, const FileCache* modules, const CudaDeviceRuntime& rt,
                   CudaObject& out) {
  const std::string stem = unit_file_stem(unit.name);
  auto groups = cuda_group_modules(unit.source);
  if (!groups) return groups.error();
  std::vector<std::string> main_options = out.nvrtc_options;
  if (!groups->empty()) main_options.push_back("-DBATTC_GROUP_BODIES=0");  // each group is its own module
  std::vector<Job> jobs;
  for (int k = 0; k < parts; ++k)
    jobs.push_back({parts > 1 ? "part " + std::to_string(k) + " of " + std::to_string(parts) : std::string("main"),
                    &unit.source, part_options(main_options, parts, k), "", std::nullopt, false});
  for (const CudaGroupModule& m : *groups) {
    Job j{"group " + m.name, &m.source, out.nvrtc_options, "", std::nullopt, false};
    if (modules) {
      j.key = cuda_module_key(m.source, out.nvrtc_options, cuda_toolchain_id(), rt);
      if (auto hit = cached_module(*modules, j.key)) {
        j.done = std::move(*hit);
        j.cached = true;
        ++out.group_modules_cached;
      }
    }
    jobs.push_back(std::move(j));
  }
  out.group_modules = static_cast<int>(groups->size());

  std::vector<size_t> todo;
  for (size_t i = 0; i < jobs.size(); ++i)
    if (!jobs[i].done) todo.push_back(i);
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t t = next++; t < todo.size(); t = next++) {
      Job& j = jobs[todo[t]];
      j.done = nvrtc_compile(*j.source, stem + ".cu", j.options);
      if (modules && !j.key.empty() && *j.done) publish_module(*modules, j.key, **j.done);
    }
  };
  int width = std::max(1, std::min(int(todo.size()), int(std::thread::hardware_concurrency())));
  auto t0 = Clock::now();
  std::vector<std::thread> pool;
  for (int k = 1; k < width; ++k) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  out.nvrtc_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  if (modules && out.group_modules > out.group_modules_cached) modules->evict("");

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
  FileCache modules(dir + "/cuda-modules", options.max_cache_bytes, ".cubin");
  auto degrade = [&](const JitError& e) -> Result<CudaObject> {
    out.cache_note = e.what();
    out.cache_key.clear();
    auto built = build(unit, options.parts, nullptr, rt, out);
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

  auto built = build(unit, options.parts, modules.prepare() ? &modules : nullptr, rt, out);
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
  // "CUDA JIT"). Extra options come last, so they win.
  out.nvrtc_options = {"-arch=" + rt->arch, "-rdc=true", "-std=c++20", "--Ofast-compile=max", "-I" + rt->include_dir};
  out.nvrtc_options.insert(out.nvrtc_options.end(), options.extra_options.begin(), options.extra_options.end());
  out.nvjitlink_options = {"-arch=" + rt->arch};
  out.parts = options.parts;

  Result<CudaObject> r = out;
  if (auto dir = resolve_cache_dir(options.cache_dir)) {
    r = compile_cached(unit, options, *dir, *rt, std::move(out));
  } else {
    auto built = build(unit, options.parts, nullptr, *rt, out);
    if (built) r = std::move(out);
    else r = built.error();
  }
  if (r) r->seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return r;
}

}  // namespace battc::runtime::jit
