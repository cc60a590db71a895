// runtime/jit/cuda_spec_library.cpp: packs and refs through the file cache
// (or memory only), NVRTC per pack in parallel threads, one nvJitLink per
// new set of packs.
#include "runtime/jit/cuda_spec_library.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <sstream>

#include "generator/emit/spec_kernels_template.h"
#include "runtime/abi/spec_plan.h"
#include "runtime/jit/cubin_cache.h"
#include "runtime/jit/cuda_cache_key.h"
#include "runtime/jit/cuda_libraries.h"
#include "runtime/jit/cuda_toolchain.h"
#include "runtime/jit/get_or_build.h"
#include "runtime/jit/sha256.h"

namespace battc::runtime::jit {

namespace {

using Clock = std::chrono::steady_clock;

// As the host spec library's packs: each NVRTC program parses the DSL
// headers, so fewer than this many specs a pack waste that parse.
constexpr std::size_t kMinSpecsPerPack = 48;

// A pack's log: "table <symbol>", then its spec keys, one a line.
std::string pack_log(const std::string& symbol, const std::vector<std::string>& specs) {
  std::string log = "table " + symbol + "\n";
  for (const std::string& k : specs) log += k + "\n";
  return log;
}

bool parse_pack_log(const std::string& log, std::string& symbol, std::vector<std::string>& specs) {
  std::istringstream in(log);
  std::string line;
  if (!std::getline(in, line) || line.rfind("table battc_spec_table_", 0) != 0) return false;
  symbol = line.substr(6);
  while (std::getline(in, line))
    if (!line.empty()) specs.push_back(line);
  return !specs.empty();
}

}  // namespace

Result<std::shared_ptr<CudaSpecLibrary>> CudaSpecLibrary::open(const std::string& arch,
                                                               const std::optional<std::string>& cache_dir,
                                                               std::uint64_t max_cache_bytes) {
  if (!cuda_jit_libraries().libs) return jit_error("probe", cuda_jit_libraries().why);
  auto rt = find_cuda_device_runtime(arch);
  if (!rt) return rt.error();
  std::shared_ptr<CudaSpecLibrary> lib(new CudaSpecLibrary());
  lib->rt_ = *rt;
  // The CUDA unit's options (runtime/jit/cuda_jit.cpp says why each).
  lib->nvrtc_options_ = {"-arch=" + rt->arch,   "-rdc=true",          "-std=c++20",
                         "--Ofast-compile=max", "-no-source-include", "-I" + rt->include_dir};
  lib->nvjitlink_options_ = {"-arch=" + rt->arch};
  if (auto dir = resolve_cache_dir(cache_dir)) {
    const std::string root = *dir + "/cuda-specs";
    FileCache packs(root, max_cache_bytes, ".cubin", *dir), refs(root + "/refs", max_cache_bytes, ".ref", *dir),
        links(root + "/links", max_cache_bytes, ".cubin", *dir);
    // An unusable cache folder means memory only, never a failure.
    if (packs.prepare() && refs.prepare() && links.prepare()) {
      lib->packs_cache_ = std::move(packs);
      lib->refs_cache_ = std::move(refs);
      lib->links_cache_ = std::move(links);
    }
  }
  return lib;
}

std::string CudaSpecLibrary::ref_key(const std::string& spec_key) const {
  return cuda_module_key("spec plan " + std::to_string(abi::kSpecPlanVersion) + ": " + spec_key, nvrtc_options_,
                         cuda_toolchain_id(), rt_);
}

const CudaSpecLibrary::Pack* CudaSpecLibrary::find_pack(const std::string& spec_key) {
  if (auto it = of_spec_.find(spec_key); it != of_spec_.end()) return it->second.get();
  if (!refs_cache_) return nullptr;
  auto ref = refs_cache_->lookup(ref_key(spec_key));
  auto target = ref ? read_bytes(*ref) : std::nullopt;
  if (!target) return nullptr;
  const std::string pack_key(target->begin(), target->end());
  std::shared_ptr<Pack> pack;
  if (auto it = by_key_.find(pack_key); it != by_key_.end()) {
    pack = it->second;
  } else {
    auto entry = sound_entry(*packs_cache_, pack_key);
    if (!entry) return nullptr;
    pack = std::make_shared<Pack>();
    pack->key = pack_key;
    pack->cubin = std::move(entry->first);
    if (!parse_pack_log(packs_cache_->read_log(pack_key), pack->symbol, pack->specs)) {
      packs_cache_->forget(pack_key);
      return nullptr;
    }
    by_key_[pack_key] = pack;
    for (const std::string& k : pack->specs) of_spec_.emplace(k, pack);
  }
  auto it = of_spec_.find(spec_key);
  return it == of_spec_.end() ? nullptr : it->second.get();  // a ref to a pack without it: compiled again
}

Result<bool> CudaSpecLibrary::compile_pack(std::vector<const generator::SpecDef*> specs) {
  std::sort(specs.begin(), specs.end(), [](auto* a, auto* b) { return a->key < b->key; });
  std::vector<generator::SpecDef> defs;
  std::string keys;
  for (const generator::SpecDef* d : specs) defs.push_back(*d), keys += d->key + "\n";
  auto pack = std::make_shared<Pack>();
  pack->symbol = "battc_spec_table_" + sha256_hex(keys).substr(0, 24);
  const std::string text = generator::emit_device_spec_pack(defs, pack->symbol);
  auto cubin = nvrtc_compile(text, "spec_pack.cu", nvrtc_options_);
  if (!cubin) return cubin.error();
  pack->key = cuda_module_key(text, nvrtc_options_, cuda_toolchain_id(), rt_);
  pack->cubin = std::move(cubin->bytes);
  for (const generator::SpecDef& d : defs) pack->specs.push_back(d.key);
  if (packs_cache_) {
    publish_entry(*packs_cache_, pack->key, pack->cubin, pack_log(pack->symbol, pack->specs));
    const std::vector<char> target(pack->key.begin(), pack->key.end());
    for (const std::string& k : pack->specs) publish_entry(*refs_cache_, ref_key(k), target, "");
  }
  std::lock_guard lock(mutex_);
  by_key_[pack->key] = pack;
  for (const std::string& k : pack->specs) of_spec_[k] = pack;
  return true;
}

Result<CudaSpecCompileStats> CudaSpecLibrary::ensure(const std::vector<generator::SpecDef>& specs, unsigned jobs) {
  CudaSpecCompileStats stats;
  std::vector<const generator::SpecDef*> missing;
  std::set<std::string> seen;
  {
    std::lock_guard lock(mutex_);
    for (const generator::SpecDef& d : specs) {
      if (!seen.insert(d.key).second) continue;
      if (!find_pack(d.key)) missing.push_back(&d);
    }
  }
  stats.needed = seen.size();
  stats.missing = missing.size();
  if (missing.empty()) return stats;
  const std::size_t n_packs =
      std::max<std::size_t>(1, std::min<std::size_t>(std::max(jobs, 1u), missing.size() / kMinSpecsPerPack));
  std::vector<std::vector<const generator::SpecDef*>> packs(n_packs);
  for (std::size_t i = 0; i < missing.size(); ++i) packs[i % n_packs].push_back(missing[i]);
  std::vector<std::optional<JitError>> errors(n_packs);
  const auto t0 = Clock::now();
  run_in_threads(n_packs, [&](std::size_t k) {
    auto r = compile_pack(packs[k]);
    if (!r) errors[k] = r.error();
  });
  stats.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  stats.packs = n_packs;
  for (auto& e : errors)
    if (e) return *e;
  if (packs_cache_) packs_cache_->evict("");
  return stats;
}

Result<std::vector<char>> CudaSpecLibrary::kernels() {
  if (kernels_) return *kernels_;
  const std::string text = generator::kSpecKernelsTemplate;
  const std::string key = cuda_module_key(text, nvrtc_options_, cuda_toolchain_id(), rt_);
  if (packs_cache_)
    if (auto hit = sound_entry(*packs_cache_, key)) return *(kernels_ = std::move(hit->first));
  auto cubin = nvrtc_compile(text, "spec_kernels.cu", nvrtc_options_);
  if (!cubin) return cubin.error();
  if (packs_cache_) publish_entry(*packs_cache_, key, cubin->bytes, cubin->log);
  return *(kernels_ = std::move(cubin->bytes));
}

Result<std::shared_ptr<const CudaSpecLink>> CudaSpecLibrary::link(const std::vector<std::string>& keys) {
  std::lock_guard lock(mutex_);
  for (const std::string& k : keys)
    if (!find_pack(k)) return jit_error("cuda-specs", "the spec '" + k + "' was not ensured before the link");
  // Every pack this library holds, not only those of `keys`: the link then
  // changes only when a pack is added, and a search's rounds share it.
  const std::map<std::string, std::shared_ptr<Pack>>& packs = by_key_;
  auto kernel_cubin = kernels();
  if (!kernel_cubin) return kernel_cubin.error();
  std::string inputs = "kernels " + sha256_hex(std::string_view(kernel_cubin->data(), kernel_cubin->size())) + "\n";
  for (const auto& [key, p] : packs) inputs += key + "\n";
  const std::string link_key = cuda_module_key("spec link: " + inputs, nvjitlink_options_, cuda_toolchain_id(), rt_);
  if (last_link_ && last_link_key_ == link_key) return last_link_;

  auto out = std::make_shared<CudaSpecLink>();
  out->arch = rt_.arch;
  out->packs = static_cast<int>(packs.size());
  for (const auto& [key, p] : packs)
    for (std::size_t i = 0; i < p->specs.size(); ++i) out->slots[p->specs[i]] = CudaSpecSlot{p->symbol, int(i)};
  auto hit = links_cache_ ? sound_entry(*links_cache_, link_key) : std::nullopt;
  if (hit) {
    out->cubin = std::move(hit->first);
    out->cache_hit = true;
  } else {
    std::vector<RelocatableCubin> parts(1);
    parts[0].bytes = *kernel_cubin;
    for (const auto& [key, p] : packs) parts.emplace_back().bytes = p->cubin;
    auto linked = nvjitlink_link(parts, "spec_engine", rt_.library, nvjitlink_options_);
    if (!linked) return linked.error();
    out->cubin = std::move(linked->cubin);
    out->seconds = linked->seconds;
    if (links_cache_) {
      publish_entry(*links_cache_, link_key, out->cubin, linked->info_log);
      links_cache_->evict(link_key);
    }
  }
  last_link_key_ = link_key;
  last_link_ = out;
  return last_link_;
}

}  // namespace battc::runtime::jit
