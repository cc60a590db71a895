// runtime/jit/cuda_spec_library.h: the device specs engine's code for one
// architecture: spec packs compiled by NVRTC as __device__ functions
// (templates/spec_pack.cu, the host packs' twins), the kernels that walk a
// spec plan (templates/spec_kernels.cu, compiled once), and their link with
// the DSL device library into the cubin a device loads. A batt is then data
// (its plan): a changed program needs no NVRTC compile, a new statement shape
// one small pack, and a new set of packs one link.
//
// On disk, under <cache>/cuda-specs/ (the cache's one budget, LRU):
//   <pack key>.cubin, its log "table <symbol>" then its spec keys in table
//     order; the pack key hashes its text, the NVRTC options, the toolchain
//     and the device runtime (cuda_module_key);
//   refs/<ref key>.ref: the pack key holding a spec, the ref key hashing the
//     spec's key with the same (so a spec is found in any pack);
//   links/<link key>.cubin: a linked cubin, keyed by its inputs' keys.
// Two processes compiling the same missing spec at once each publish a whole
// pack (by rename) and the last ref wins: both packs stay sound.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "generator/emit/emit_specs.h"
#include "runtime/jit/cache.h"
#include "runtime/jit/cuda_device_runtime.h"
#include "runtime/jit/result.h"

namespace battc::runtime::jit {

// Where a spec's device address is found in a linked cubin: entry `index` of
// the table `symbol` (an array of 8-byte addresses).
struct CudaSpecSlot {
  std::string symbol;
  int index = 0;
};

struct CudaSpecLink {
  std::vector<char> cubin;  // the kernels, the packs and the device library, for cuModuleLoadData
  std::string arch;
  std::map<std::string, CudaSpecSlot> slots;  // every spec key of the linked packs
  int packs = 0;
  bool cache_hit = false;  // the linked cubin came from memory or disk
  double seconds = 0;      // nvJitLink (0 on a hit)
};

struct CudaSpecCompileStats {
  std::size_t needed = 0;   // distinct specs asked for
  std::size_t missing = 0;  // of which were in no pack: compiled now
  std::size_t packs = 0;    // NVRTC programs they were compiled as
  double seconds = 0;       // wall time of those compiles (0 when none)
};

class CudaSpecLibrary {
 public:
  // Checks the toolchain (stage "probe") and the device runtime for `arch`
  // (stages "arch", "runtime"); `cache_dir` as JitOptions::cache_dir (off:
  // packs live in memory only, for this library's life).
  static Result<std::shared_ptr<CudaSpecLibrary>> open(const std::string& arch,
                                                       const std::optional<std::string>& cache_dir,
                                                       std::uint64_t max_cache_bytes = kDefaultCacheMaxBytes);

  // Every spec of `specs` in some pack: the missing ones compiled in up to
  // `jobs` packs at once (at least 48 specs a pack: each parses the DSL
  // headers). Stage "nvrtc" with NVRTC's log when a pack does not compile.
  Result<CudaSpecCompileStats> ensure(const std::vector<generator::SpecDef>& specs, unsigned jobs);

  // The kernels and every pack this library holds (those of `keys`, each
  // ensured first, among them), linked: the same packs give the same cubin,
  // from memory, else from disk, else nvJitLink (stage "nvjitlink").
  Result<std::shared_ptr<const CudaSpecLink>> link(const std::vector<std::string>& keys);

  const std::string& arch() const { return rt_.arch; }

 private:
  struct Pack {
    std::string key, symbol;
    std::vector<std::string> specs;
    std::vector<char> cubin;
  };
  CudaSpecLibrary() = default;
  const Pack* find_pack(const std::string& spec_key);  // known, else through its ref; nullptr if none
  Result<bool> compile_pack(std::vector<const generator::SpecDef*> specs);
  Result<std::vector<char>> kernels();
  std::string ref_key(const std::string& spec_key) const;

  CudaDeviceRuntime rt_;
  std::vector<std::string> nvrtc_options_, nvjitlink_options_;
  std::optional<FileCache> packs_cache_, refs_cache_, links_cache_;
  std::mutex mutex_;                                  // guards the maps below
  std::map<std::string, std::shared_ptr<Pack>> by_key_;  // pack key -> pack
  std::map<std::string, std::shared_ptr<Pack>> of_spec_;  // spec key -> its pack
  std::string last_link_key_;
  std::shared_ptr<const CudaSpecLink> last_link_;
  std::optional<std::vector<char>> kernels_;
};

}  // namespace battc::runtime::jit
