// runtime/jit/spec_library.cpp: the folder, loading packs, compiling the
// missing specs. A pack's cache key hashes its source with everything its
// code depends on (host_cache_key's fields), and the folder's name hashes
// the same environment, so a pack from another compiler or DSL runtime is
// never loaded.
#include "runtime/jit/spec_library.h"

#include <stdlib.h>
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <thread>

#include "generator/diag/internal_error.h"
#include "runtime/jit/cache_key.h"
#include "runtime/jit/get_or_build.h"
#include "runtime/jit/prebuilt_specs.h"
#include "runtime/jit/run_process.h"
#include "runtime/jit/sha256.h"

namespace fs = std::filesystem;

namespace battc::runtime::jit {
namespace {

// Specs per pack at least: each pack pays the DSL headers' parse (about a
// second), so splitting a few specs over several compilers gains nothing.
constexpr std::size_t kMinSpecsPerPack = 48;

std::string folder_key(const HostCompiler& cxx, const DslRuntime& rt, const std::vector<std::string>& flags) {
  // host_cache_key over an empty unit hashes exactly the environment fields.
  std::string env = host_cache_key(EmittedUnit{"specs", ""}, flags, cxx, rt);
  return sha256_hex("spec-abi " + std::to_string(abi::kSpecAbiVersion) + " " + env).substr(0, 24);
}

std::string make_temp_folder() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/battc-specs-XXXXXX";
  if (!mkdtemp(pattern.data())) return "";
  return pattern;
}

// What every pack includes first: precompiled once per folder, it saves the
// DSL headers' parse (about a second of the compiler's time) in every pack.
constexpr const char* kPrelude =
    "// The DSL headers every spec pack includes, precompiled (spec_library.cpp).\n"
    "#include \"dsl/dsl.h\"\n#include \"dsl/encode.h\"\n#include \"runtime/abi/spec_abi.h\"\n"
    "#include \"runtime/abi/unit_support.h\"\n";

// A pack's file opened and checked (its ABI version, its table). Errors are
// stage "load" (a dlopen failure's log is dlerror()'s) or "entry".
Result<LoadedPack> open_pack(const std::string& path) {
  auto module = LoadedModule::open(path);
  if (!module) return module.error();
  auto abi_fn = reinterpret_cast<abi::SpecAbiFn>(module->symbol(abi::kSpecAbiSymbol));
  auto count_fn = reinterpret_cast<abi::SpecCountFn>(module->symbol(abi::kSpecCountSymbol));
  auto table_fn = reinterpret_cast<abi::SpecTableFn>(module->symbol(abi::kSpecTableSymbol));
  if (!abi_fn || !count_fn || !table_fn) return jit_error("entry", "the spec pack " + path + " lacks its entry points");
  if (abi_fn() != abi::kSpecAbiVersion)
    return jit_error("entry", "the spec pack " + path + " is of another spec ABI version");
  LoadedPack pack;
  pack.count = count_fn();
  pack.table = table_fn();
  if (pack.count < 0 || !pack.table) return jit_error("entry", "the spec pack " + path + " has no table");
  pack.module = std::move(*module);
  pack.path = path;
  return pack;
}

// The error of ensure() when specs are missing and nothing can compile them:
// stage "probe" (a request this machine cannot meet), naming the shapes.
JitError missing_without_compiler(const std::vector<generator::SpecDef>& missing, const std::string& prebuilt_dir,
                                  const JitError& probe) {
  std::string shapes;
  for (std::size_t i = 0; i < missing.size() && i < 5; ++i) shapes += (i ? ", '" : "'") + missing[i].key + "'";
  if (missing.size() > 5) shapes += fmt::format(" and {} more", missing.size() - 5);
  return JitError{"probe",
                  fmt::format("no C++ compiler to compile {} statement shape(s) that the prebuilt spec packs ({}) lack: "
                              "{}; install g++ 12+ or clang 15+ (or set $CXX), or leave out the programs using them",
                              missing.size(), prebuilt_dir.empty() ? "none found" : prebuilt_dir, shapes),
                  probe.message + (probe.log.empty() ? "" : "\n" + probe.log)};
}

}  // namespace

struct SpecLibrary::PackJob {
  std::vector<generator::SpecDef> specs;
  std::string key;
  std::optional<JitError> error;
  std::optional<LoadedPack> loaded;
  std::string note;  // why the pack is not in the cache, else ""
};

Result<std::shared_ptr<SpecLibrary>> SpecLibrary::open(const JitOptions& options) {
  auto rt = find_dsl_runtime();
  if (!rt) return rt.error();
  std::shared_ptr<SpecLibrary> lib(new SpecLibrary());
  lib->rt_ = *rt;
  lib->options_ = options;
  lib->load_prebuilt();
  auto cxx = probe_host_compiler();
  if (!cxx) {
    // No compiler: the prebuilt packs are all there is (and the cache's spec
    // folders, keyed by a compiler, cannot be named).
    if (lib->packs_.empty()) return cxx.error();
    lib->no_compiler_ = cxx.error();
    lib->dir_ = lib->prebuilt_dir_;
    return lib;
  }
  lib->cxx_ = *cxx;
  if (auto e = lib->open_cache_folder(folder_key(*cxx, *rt, options.extra_flags))) return *e;
  return lib;
}

void SpecLibrary::load_prebuilt() {
  prebuilt_dir_ = prebuilt_specs_dir(rt_, options_.prebuilt_specs);
  std::lock_guard<std::mutex> lock(mu_);
  for (const std::string& p : pack_files(prebuilt_dir_)) {
    auto pack = open_pack(p);
    if (!pack) continue;  // read only: a pack that does not load is left alone, its specs compiled if needed
    pack->prebuilt = true;
    add_pack(std::move(*pack));
  }
}

std::optional<JitError> SpecLibrary::open_cache_folder(const std::string& key) {
  if (auto dir = resolve_cache_dir(options_.cache_dir)) {
    dir_ = *dir + "/specs-" + key;
    cache_root_ = *dir;
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) dir_.clear();  // an unusable cache: degrade to a private folder
  }
  if (dir_.empty()) {
    dir_ = make_temp_folder();
    cache_root_.clear();
    temporary_ = true;
    if (dir_.empty()) return jit_error("cache", "cannot create a temporary folder for specializations");
  }
  FileCache cache = pack_cache();
  std::lock_guard<std::mutex> lock(mu_);
  for (const std::string& p : pack_files(dir_)) {
    auto pack = open_pack(p);
    if (pack)
      add_pack(std::move(*pack));
    else  // truncated, foreign or from an older battc: drop it, rebuild on demand
      cache.forget(fs::path(p).stem().string());
  }
  return std::nullopt;
}

SpecLibrary::~SpecLibrary() {
  if (!temporary_) return;
  std::error_code ec;
  fs::remove_all(dir_, ec);  // loaded packs stay mapped until the modules close
}

FileCache SpecLibrary::pack_cache() const { return FileCache(dir_, options_.max_cache_bytes, ".so", cache_root_); }

void SpecLibrary::add_pack(LoadedPack pack) {
  std::size_t at = packs_.size();
  for (int i = 0; i < pack.count; ++i) index_.emplace(pack.table[i].key, Indexed{&pack.table[i], at});
  packs_.push_back(std::move(pack));
}

const abi::SpecEntry* SpecLibrary::find(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : it->second.entry;
}

std::size_t SpecLibrary::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return index_.size();
}

std::size_t SpecLibrary::pack_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return packs_.size();
}

std::size_t SpecLibrary::prebuilt_pack_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<std::size_t>(
      std::count_if(packs_.begin(), packs_.end(), [](const LoadedPack& p) { return p.prebuilt; }));
}

Result<int> SpecLibrary::export_prebuilt(const std::string& root) const {
  fs::path to = fs::path(root) / prebuilt_specs_key(rt_);
  std::error_code ec;
  fs::create_directories(to, ec);
  if (ec) return jit_error("cache", "cannot create " + to.string() + ": " + ec.message());
  std::vector<std::string> paths;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const LoadedPack& p : packs_)
      if (!p.prebuilt) paths.push_back(p.path);
  }
  int copied = 0;
  for (const std::string& from : paths) {
    fs::path target = to / fs::path(from).filename();
    if (fs::exists(target, ec)) continue;  // the same key: the same pack
    fs::copy_file(from, target, ec);
    if (ec) return jit_error("cache", "cannot copy " + from + " to " + target.string() + ": " + ec.message());
    ++copied;
  }
  return copied;
}

std::vector<std::string> SpecLibrary::pch_flags() {
  std::call_once(pch_once_, [this] {
    // Built in a temp folder, renamed into place: a reader sees a whole
    // header and its .gch, or none (and then builds its own).
    std::string dir = dir_ + "/pch";
    std::string header = dir + "/spec_prelude.h";
    std::error_code ec;
    std::string tmp = dir_ + "/tmp.pch.XXXXXX";
    if (!fs::exists(header + ".gch", ec) && mkdtemp(tmp.data())) {
      {
        std::ofstream(tmp + "/spec_prelude.h") << kPrelude;
      }
      std::vector<std::string> argv = {cxx_.path, "-std=c++20", "-O1", "-fPIC", "-fvisibility=hidden",
                                       "-I" + rt_.include_dir};
      argv.insert(argv.end(), options_.extra_flags.begin(), options_.extra_flags.end());
      argv.insert(argv.end(), {"-x", "c++-header", tmp + "/spec_prelude.h", "-o", tmp + "/spec_prelude.h.gch"});
      ProcessResult r = run_process(argv);
      if (r.succeeded()) fs::rename(tmp, dir, ec);  // fails harmlessly when another process won
      fs::remove_all(tmp, ec);
    }
    if (fs::exists(header + ".gch", ec)) pch_flags_ = {"-include", header, "-Winvalid-pch"};
  });
  return pch_flags_;
}

std::vector<generator::SpecDef> SpecLibrary::missing_specs(const std::vector<generator::SpecDef>& specs) {
  std::vector<generator::SpecDef> missing;
  std::vector<std::string> used;
  {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<bool> seen(packs_.size(), false);
    for (const auto& d : specs) {
      auto it = index_.find(d.key);
      if (it == index_.end()) {
        missing.push_back(d);
      } else if (!seen[it->second.pack]) {
        seen[it->second.pack] = true;
        if (!packs_[it->second.pack].prebuilt) used.push_back(packs_[it->second.pack].path);
      }
    }
  }
  if (!temporary_)
    for (const std::string& path : used) mark_used(path);  // LRU, as a unit's hit
  return missing;
}

void SpecLibrary::build_pack(PackJob& job, const FileCache& cache, const std::vector<std::string>& compile_flags) {
  BATTC_ASSERT_SITE("spec_library.build_pack");  // the tests break a pack's thread here
  EmittedUnit unit{"specs", generator::emit_spec_pack(job.specs)};
  // The key hashes the extra flags only: a pack's code is the same with the
  // precompiled header or without it.
  job.key = host_cache_key(unit, options_.extra_flags, cxx_, rt_);
  BuildFn build = [&](const std::string& work_dir, const std::string& so) -> Result<std::string> {
    auto obj = compile_unit(unit, cxx_, rt_, compile_flags, work_dir, so);
    if (!obj) return obj.error();
    return "$ " + command_line(obj->command) + "\n" + obj->log;
  };
  GetOrBuildOptions how;
  how.artefact_name = "specs.so";
  how.evict = false;  // once for all packs, after they are loaded (ensure())
  how.use = [&](const std::string& path) -> Result<bool> {
    auto pack = open_pack(path);
    if (!pack) return pack.error();
    job.loaded.emplace(std::move(*pack));
    return true;
  };
  auto entry = get_or_build(cache, job.key, build, how);
  if (!entry) {
    job.error = entry.error();
    job.loaded.reset();
    return;
  }
  job.note = entry->note;
}

std::optional<JitError> SpecLibrary::run_jobs(std::vector<PackJob>& jobs, const FileCache& cache) {
  std::vector<std::string> compile_flags = options_.extra_flags;
  for (const std::string& f : pch_flags()) compile_flags.push_back(f);
  try {
    run_in_threads(jobs.size(), [&](std::size_t i) { build_pack(jobs[i], cache, compile_flags); });
  } catch (const InternalError&) {
    throw;  // battc's bug: the library's boundary reports it
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    return jit_error("cache", std::string("building a spec pack failed: ") + e.what());
  } catch (...) {
    return jit_error("cache", "building a spec pack failed: an exception that is not a std::exception");
  }
  for (const PackJob& job : jobs)
    if (job.error) return job.error;
  return std::nullopt;
}

Result<SpecCompileStats> SpecLibrary::ensure(const std::vector<generator::SpecDef>& specs, unsigned jobs) {
  auto t0 = std::chrono::steady_clock::now();
  SpecCompileStats stats;
  stats.needed = static_cast<int>(specs.size());
  std::vector<generator::SpecDef> missing = missing_specs(specs);
  stats.missing = static_cast<int>(missing.size());
  if (missing.empty()) return stats;
  if (no_compiler_) return missing_without_compiler(missing, prebuilt_dir_, *no_compiler_);

  // Sorted by key, so the same missing set makes the same packs (and hits
  // the packs another process published for it).
  std::sort(missing.begin(), missing.end(), [](const auto& x, const auto& y) { return x.key < y.key; });
  std::size_t cores = std::max(1u, jobs ? jobs : std::thread::hardware_concurrency());
  std::size_t n_packs = std::min(cores, (missing.size() + kMinSpecsPerPack - 1) / kMinSpecsPerPack);
  std::vector<PackJob> packs(n_packs);
  for (std::size_t i = 0; i < missing.size(); ++i) packs[i * n_packs / missing.size()].specs.push_back(missing[i]);

  FileCache cache = pack_cache();
  std::optional<JitError> error = run_jobs(packs, cache);
  std::vector<std::string> keep;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (PackJob& job : packs) {
      if (!job.loaded) continue;
      add_pack(std::move(*job.loaded));
      keep.push_back(job.key);
      ++stats.packs;
      if (!job.note.empty()) stats.note = job.note;
    }
    if (!error)
      for (const auto& d : missing)
        BATTC_ASSERT(index_.count(d.key), "a spec pack compiled for the spec '" + d.key + "' lacks it");
  }
  if (!temporary_ && !keep.empty()) cache.evict(keep);  // the packs are loaded: their files may go
  if (error) return *error;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace battc::runtime::jit
