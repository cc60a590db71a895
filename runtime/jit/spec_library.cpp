// runtime/jit/spec_library.cpp: the folder, loading packs, compiling the
// missing specs. A pack's cache key hashes its source with everything its
// code depends on (host_cache_key's fields), and the folder's name hashes
// the same environment, so a pack from another compiler or DSL runtime is
// never loaded.
#include "runtime/jit/spec_library.h"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "runtime/jit/cache_key.h"
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

struct PackJob {
  std::vector<generator::SpecDef> specs;
  std::string key;
  std::optional<JitError> error;
  std::string so_path;  // published (or left in a temp folder) pack
  std::string note;
  std::string temp_dir;  // to remove when the pack could not be published
};

}  // namespace

Result<std::shared_ptr<SpecLibrary>> SpecLibrary::open(const JitOptions& options) {
  auto cxx = probe_host_compiler();
  if (!cxx) return cxx.error();
  auto rt = find_dsl_runtime();
  if (!rt) return rt.error();
  std::shared_ptr<SpecLibrary> lib(new SpecLibrary());
  lib->cxx_ = *cxx;
  lib->rt_ = *rt;
  lib->options_ = options;
  std::string key = folder_key(*cxx, *rt, options.extra_flags);
  if (auto dir = resolve_cache_dir(options.cache_dir)) {
    lib->dir_ = *dir + "/specs-" + key;
    std::error_code ec;
    fs::create_directories(lib->dir_, ec);
    if (ec) lib->dir_.clear();  // an unusable cache: degrade to a private folder
  }
  if (lib->dir_.empty()) {
    lib->dir_ = make_temp_folder();
    lib->temporary_ = true;
    if (lib->dir_.empty()) return jit_error("cache", "cannot create a temporary folder for specializations");
  }
  std::vector<std::string> packs;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(lib->dir_, ec))
    if (e.path().extension() == ".so") packs.push_back(e.path().string());
  std::sort(packs.begin(), packs.end());  // the same first-wins order in every process
  std::lock_guard<std::mutex> lock(lib->mu_);
  for (const std::string& p : packs) lib->load_pack(p);
  return lib;
}

SpecLibrary::~SpecLibrary() {
  if (!temporary_) return;
  std::error_code ec;
  fs::remove_all(dir_, ec);  // loaded packs stay mapped until the modules close
}

void SpecLibrary::load_pack(const std::string& path) {
  auto module = LoadedModule::open(path);
  bool ok = module.ok();
  const abi::SpecEntry* table = nullptr;
  int count = 0;
  if (ok) {
    auto abi_fn = reinterpret_cast<abi::SpecAbiFn>(module->symbol(abi::kSpecAbiSymbol));
    auto count_fn = reinterpret_cast<abi::SpecCountFn>(module->symbol(abi::kSpecCountSymbol));
    auto table_fn = reinterpret_cast<abi::SpecTableFn>(module->symbol(abi::kSpecTableSymbol));
    ok = abi_fn && count_fn && table_fn && abi_fn() == abi::kSpecAbiVersion;
    if (ok) {
      count = count_fn();
      table = table_fn();
      ok = count >= 0 && table;
    }
  }
  if (!ok) {  // truncated, foreign or from an older battc: drop it, rebuild on demand
    std::error_code ec;
    fs::remove(path, ec);
    return;
  }
  for (int i = 0; i < count; ++i) index_.emplace(table[i].key, &table[i]);
  modules_.push_back(std::move(*module));
}

const abi::SpecEntry* SpecLibrary::find(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : it->second;
}

std::size_t SpecLibrary::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return index_.size();
}

std::size_t SpecLibrary::pack_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return modules_.size();
}

std::vector<std::string> SpecLibrary::pch_flags() {
  std::call_once(pch_once_, [this] {
    // Built in a temp folder, renamed into place: a reader sees a whole
    // header and its .gch, or none (and then builds its own).
    std::string dir = dir_ + "/pch";
    std::string header = dir + "/spec_prelude.h";
    std::error_code ec;
    if (!fs::exists(header + ".gch", ec)) {
      std::string tmp = dir_ + "/tmp.pch." + std::to_string(::getpid());
      fs::remove_all(tmp, ec);
      fs::create_directories(tmp, ec);
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

Result<SpecCompileStats> SpecLibrary::ensure(const std::vector<generator::SpecDef>& specs, unsigned jobs) {
  auto t0 = std::chrono::steady_clock::now();
  SpecCompileStats stats;
  stats.needed = static_cast<int>(specs.size());
  std::vector<generator::SpecDef> missing;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& d : specs)
      if (!index_.count(d.key)) missing.push_back(d);
  }
  stats.missing = static_cast<int>(missing.size());
  if (missing.empty()) return stats;

  // Sorted by key, so the same missing set makes the same packs (and hits
  // the packs another process published for it).
  std::sort(missing.begin(), missing.end(), [](const auto& x, const auto& y) { return x.key < y.key; });
  std::size_t cores = std::max(1u, jobs ? jobs : std::thread::hardware_concurrency());
  std::size_t n_packs = std::min(cores, (missing.size() + kMinSpecsPerPack - 1) / kMinSpecsPerPack);
  std::vector<PackJob> packs(n_packs);
  for (std::size_t i = 0; i < missing.size(); ++i) packs[i * n_packs / missing.size()].specs.push_back(missing[i]);

  FileCache cache(dir_, options_.max_cache_bytes);
  std::vector<std::string> flags = options_.extra_flags;
  // The key hashes the extra flags only: a pack's code is the same with the
  // precompiled header or without it.
  std::vector<std::string> compile_flags = flags;
  for (const std::string& f : pch_flags()) compile_flags.push_back(f);
  auto build = [&](PackJob& job) {
    EmittedUnit unit{"specs", generator::emit_spec_pack(job.specs)};
    job.key = host_cache_key(unit, flags, cxx_, rt_);
    if (auto hit = cache.lookup(job.key)) {  // another process made this very pack
      job.so_path = *hit;
      return;
    }
    auto lock = cache.lock(job.key);
    if (lock)
      if (auto hit = cache.lookup(job.key)) {
        job.so_path = *hit;
        return;
      }
    auto tmp = cache.make_temp_dir(job.key);
    if (!tmp) {
      job.error = tmp.error();
      return;
    }
    job.temp_dir = *tmp;
    auto obj = compile_unit(unit, cxx_, rt_, compile_flags, *tmp, *tmp + "/specs.so");
    if (!obj) {
      job.error = obj.error();
      return;
    }
    auto published = lock ? cache.publish(job.key, obj->so_path, "$ " + command_line(obj->command) + "\n" + obj->log)
                          : Result<bool>(lock.error());
    if (published) {
      job.so_path = cache.so_path(job.key);
    } else {
      job.so_path = obj->so_path;  // loaded from the temp folder, then removed
      job.note = published.error().what();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < packs.size(); ++i) threads.emplace_back(build, std::ref(packs[i]));
  build(packs[0]);
  for (auto& t : threads) t.join();

  std::optional<JitError> error;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (PackJob& job : packs) {
      if (job.error) {
        if (!error) error = job.error;
      } else {
        load_pack(job.so_path);
        ++stats.packs;
        if (!job.note.empty()) stats.note = job.note;
      }
      std::error_code ec;
      if (!job.temp_dir.empty()) fs::remove_all(job.temp_dir, ec);
    }
    for (const auto& d : missing)
      if (!error && !index_.count(d.key)) error = jit_error("load", "a compiled spec pack lacks the spec '" + d.key + "'");
  }
  if (error) return *error;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace battc::runtime::jit
