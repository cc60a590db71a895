// runtime/jit/spec_library.h: the cached specializations (runtime/abi/
// spec_abi.h) of one compiler and DSL runtime. They live as spec packs in a
// folder of the JIT cache, specs-<key>/, one shared object per compile; the
// library loads every pack there, and compiles the specs a batt needs that no
// pack has yet, in parallel packs, each a cache entry (get_or_build.h: lock,
// temp folder, rename) under the cache's one size budget, evicted like the
// units. So after a few programs nothing new needs compiling, and a program
// set that changes every round costs no more than its new shapes.
// Prebuilt packs shipped with battc (prebuilt_specs.h) are loaded first;
// with no C++ compiler on the machine the library holds only those, and
// ensure() refuses a spec they lack, naming it.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "generator/emit/emit_specs.h"
#include "runtime/abi/spec_abi.h"
#include "runtime/jit/compile_host.h"

namespace battc::runtime::jit {

// One spec pack, loaded: its table stays valid while `module` lives.
struct LoadedPack {
  LoadedModule module;
  const abi::SpecEntry* table = nullptr;
  int count = 0;
  std::string path;
  bool prebuilt = false;  // from the read-only prebuilt folder: never marked used or deleted
};

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
  // The prebuilt packs of this DSL runtime (options.prebuilt_specs), then the
  // spec folder of options.cache_dir (a private temp folder, removed with
  // the library, when the cache is off), with every pack in it loaded. A
  // cached pack that does not load is deleted and its specs compiled again
  // when needed (a prebuilt one is skipped). With no C++ compiler the
  // library holds the prebuilt packs alone (can_compile() is false), and
  // with none of those either, open() is the compiler probe's error.
  static Result<std::shared_ptr<SpecLibrary>> open(const JitOptions& options);
  ~SpecLibrary();
  SpecLibrary(const SpecLibrary&) = delete;
  SpecLibrary& operator=(const SpecLibrary&) = delete;

  // nullptr when no loaded pack has the key.
  const abi::SpecEntry* find(const std::string& key) const;

  // Makes every spec of `specs` findable: compiles the missing ones in up to
  // `jobs` packs at once (one thread each), publishes them to the folder and
  // loads them; the packs that hold the others are marked used (LRU).
  // Thread-safe; a compile error is stage "compile" with the compiler's log.
  // Without a compiler, a missing spec is an error of stage "probe" naming
  // the missing shapes.
  // A throw in a pack's thread comes back here after the join: battc's own
  // bugs (InternalError) and std::bad_alloc are rethrown, any other
  // exception is a stage "cache" error.
  Result<SpecCompileStats> ensure(const std::vector<generator::SpecDef>& specs, unsigned jobs);

  const std::string& dir() const { return dir_; }
  std::size_t size() const;          // specs loaded
  std::size_t pack_count() const;    // packs loaded

  // Whether a missing spec can be compiled here (a C++ compiler was found).
  bool can_compile() const { return !no_compiler_; }
  // Why not (the compiler probe's error); nullptr when can_compile().
  const JitError* no_compiler() const { return no_compiler_ ? &*no_compiler_ : nullptr; }
  const std::string& prebuilt_dir() const { return prebuilt_dir_; }  // "" when none was looked for
  std::size_t prebuilt_pack_count() const;

  // Copies the packs this library compiled or found in its cache folder
  // (not the prebuilt ones) into <root>/<prebuilt_specs_key>/, where a later
  // battc with this DSL runtime loads them as prebuilt (tools/
  // build_wheels.sh, `battc compile --specs-out`). Returns the packs copied.
  Result<int> export_prebuilt(const std::string& root) const;

 private:
  struct PackJob;
  struct Indexed {
    const abi::SpecEntry* entry;
    std::size_t pack;  // in packs_
  };

  SpecLibrary() = default;
  void add_pack(LoadedPack pack);  // under mu_
  void load_prebuilt();            // the prebuilt folder's packs
  // The cache's spec folder (or a private one) and its packs; an error only
  // when not even a private folder can be made.
  std::optional<JitError> open_cache_folder(const std::string& key);
  // The specs of `specs` no loaded pack has; marks the packs of the others used.
  std::vector<generator::SpecDef> missing_specs(const std::vector<generator::SpecDef>& specs);
  // Gets or builds one pack (a thread of ensure()) and loads it into `job`.
  void build_pack(PackJob& job, const FileCache& cache, const std::vector<std::string>& compile_flags);
  // Runs the jobs, one thread each; a throw in one becomes an error value
  // unless it is battc's bug or out of memory (ensure()).
  std::optional<JitError> run_jobs(std::vector<PackJob>& jobs, const FileCache& cache);
  // The flags that make a pack compile include the DSL headers precompiled
  // (built once per folder); empty when the precompiled header cannot be made.
  std::vector<std::string> pch_flags();
  FileCache pack_cache() const;

  std::string dir_;
  std::string prebuilt_dir_;
  std::optional<JitError> no_compiler_;
  std::string cache_root_;  // the cache folder holding dir_ ("" when temporary_)
  bool temporary_ = false;
  HostCompiler cxx_;
  DslRuntime rt_;
  JitOptions options_;
  mutable std::mutex mu_;
  std::vector<LoadedPack> packs_;
  std::unordered_map<std::string, Indexed> index_;
  std::once_flag pch_once_;
  std::vector<std::string> pch_flags_;
};

}  // namespace battc::runtime::jit
