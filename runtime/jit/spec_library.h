// runtime/jit/spec_library.h: the cached specializations (runtime/abi/
// spec_abi.h) of one compiler and DSL runtime. They live as spec packs in a
// folder of the JIT cache, specs-<key>/, one shared object per compile; the
// library loads every pack there, and compiles the specs a batt needs that no
// pack has yet, in parallel packs, published like cache entries (lock, temp
// folder, rename). So after a few programs nothing new needs compiling, and
// a program set that changes every round costs no more than its new shapes.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "generator/emit/emit_specs.h"
#include "runtime/abi/spec_abi.h"
#include "runtime/jit/compile_host.h"

namespace battc::runtime::jit {

// What one ensure() did.
struct SpecCompileStats {
  int needed = 0;    // distinct specs asked for
  int missing = 0;   // of those, not in any loaded pack
  int packs = 0;     // packs compiled (in parallel)
  double seconds = 0;
  std::string note;  // why a pack was not kept in the cache, else ""
};

class SpecLibrary {
 public:
  // The spec folder of options.cache_dir (a private temp folder, removed with
  // the library, when the cache is off), with every pack in it loaded. A pack
  // that does not load is deleted and its specs compiled again when needed.
  static Result<std::shared_ptr<SpecLibrary>> open(const JitOptions& options);
  ~SpecLibrary();
  SpecLibrary(const SpecLibrary&) = delete;
  SpecLibrary& operator=(const SpecLibrary&) = delete;

  // nullptr when no loaded pack has the key.
  const abi::SpecEntry* find(const std::string& key) const;

  // Makes every spec of `specs` findable: compiles the missing ones in up to
  // `jobs` packs at once, publishes them to the folder and loads them.
  // Thread-safe; a compile error is stage "compile" with the compiler's log.
  Result<SpecCompileStats> ensure(const std::vector<generator::SpecDef>& specs, unsigned jobs);

  const std::string& dir() const { return dir_; }
  std::size_t size() const;          // specs loaded
  std::size_t pack_count() const;    // packs loaded

 private:
  SpecLibrary() = default;
  void load_pack(const std::string& path);  // under mu_
  // The flags that make a pack compile include the DSL headers precompiled
  // (built once per folder); empty when the precompiled header cannot be made.
  std::vector<std::string> pch_flags();

  std::string dir_;
  bool temporary_ = false;
  HostCompiler cxx_;
  DslRuntime rt_;
  JitOptions options_;
  mutable std::mutex mu_;
  std::vector<LoadedModule> modules_;
  std::unordered_map<std::string, const abi::SpecEntry*> index_;
  std::once_flag pch_once_;
  std::vector<std::string> pch_flags_;
};

}  // namespace battc::runtime::jit
