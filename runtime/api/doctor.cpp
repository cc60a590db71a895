// runtime/api/doctor.cpp: each probe in the order a run needs them.
#include "runtime/api/doctor.h"

#include <fmt/core.h>
#include <unistd.h>

#include <filesystem>
#include <optional>

#include "runtime/exec/cuda_driver.h"
#include "runtime/jit/cache.h"
#include "runtime/jit/cuda_device_runtime.h"
#include "runtime/jit/cuda_libraries.h"
#include "runtime/jit/dsl_runtime_paths.h"
#include "runtime/jit/host_compiler.h"
#include "runtime/jit/install_layout.h"
#include "runtime/jit/prebuilt_specs.h"

namespace fs = std::filesystem;

namespace battc::runtime::api {
namespace {

int major_of(const std::string& version) { return version.empty() ? 0 : std::atoi(version.c_str()); }

using Items = std::vector<DoctorItem>;

void add(Items& items, std::string name, bool ok, bool needed, std::string detail) {
  items.push_back({std::move(name), ok, needed, std::move(detail)});
}

// An item only the GPU path needs: never needed for a run, and gpu_ready
// needs it ok. (Optional items of the CPU path, as the prebuilt spec packs,
// leave gpu_ready alone.)
void add_gpu(Items& items, std::string name, bool ok, std::string detail) {
  items.push_back({std::move(name), ok, false, std::move(detail), true});
}

// The prebuilt spec packs for this DSL runtime: how many there are (0 when
// none), each item said.
std::size_t probe_prebuilt(Items& items, const jit::Result<jit::DslRuntime>& rt) {
  if (!rt) return 0;
  std::string dir = jit::prebuilt_specs_dir(*rt);
  std::size_t packs = jit::pack_files(dir).size();
  add(items, "prebuilt spec packs", packs > 0, false,
      packs > 0 ? fmt::format("{} packs in {}", packs, dir)
                : "none for this DSL runtime" + (dir.empty() ? std::string() : " (looked in " + dir + ")") +
                      ": every statement shape is compiled at run time");
  return packs;
}

// What the CPU path needs: the install layout, the DSL runtime, and a
// compiler or prebuilt spec packs. Returns the mode (DoctorReport::mode).
std::string probe_install(Items& items) {
  const auto& layout = jit::install_layout();
  add(items, "battc", !layout.prefix.empty(), true,
      layout.prefix.empty() ? layout.binary + ": no install layout found; " + layout.searched
                            : layout.binary + " (install prefix " + layout.prefix + ")");

  auto rt = jit::find_dsl_runtime();
  add(items, "DSL headers and library", bool(rt), true,
      rt ? rt->include_dir + ", " + rt->library : rt.error().message);

  std::size_t prebuilt = probe_prebuilt(items, rt);
  auto cxx = jit::probe_host_compiler();
  // Prebuilt packs stand in for a compiler as far as their shapes go.
  add(items, "host C++ compiler", bool(cxx), prebuilt == 0,
      cxx ? cxx->id : cxx.error().message + (prebuilt ? " (prebuilt spec packs only: new statement shapes cannot be "
                                                        "compiled)"
                                                      : ""));
  return cxx ? "compiler" : prebuilt ? "prebuilt" : "none";
}

// The cache folder, made if it is not there; one that cannot be made or
// written is reported, not thrown.
void probe_cache(Items& items, const std::string& cache_dir) {
  std::optional<std::string> cache;
  cache = jit::resolve_cache_dir(cache_dir.empty() ? std::nullopt : std::optional<std::string>(cache_dir));
  if (!cache) {
    add(items, "cache folder", true, true, "off ($BATTC_CACHE_DIR is empty): every run compiles");
    return;
  }
  std::error_code ec;
  fs::create_directories(*cache, ec);
  bool writable = !ec && ::access(cache->c_str(), W_OK) == 0;
  add(items, "cache folder", writable, true,
      *cache + (writable ? "" : " (not writable: set --cache-dir or $BATTC_CACHE_DIR)"));
}

// The DSL device library of each architecture this battc was built for;
// returns the CUDA version they were built with.
std::string probe_device_libraries(Items& items) {
  const auto archs = jit::cuda_device_archs();
  std::string device_libs;
  bool any_device_lib = false;
  for (const auto& a : archs) {
    auto lib = fs::path(jit::cuda_device_dir()) / ("libbattc_dsl_device_" + a + ".a");
    std::error_code ec;
    bool there = fs::is_regular_file(lib, ec);
    any_device_lib = any_device_lib || there;
    device_libs += (device_libs.empty() ? "" : ", ") + a + (there ? "" : " (missing: " + lib.string() + ")");
  }
  const std::string device_cuda = jit::device_library_cuda_version();
  add_gpu(items, "DSL device libraries", any_device_lib,
      archs.empty() ? "none: this battc was built without nvcc (the GPU backend needs a build with the CUDA toolkit)"
                    : device_libs + " in " + jit::cuda_device_dir() + ", built with CUDA " + device_cuda);
  return device_cuda;
}

void probe_jit_libraries(Items& items, const jit::CudaJitProbe& probe, const std::string& device_cuda) {
  const auto* libs = probe.libs;
  if (!libs) {
    add_gpu(items, "NVRTC and nvJitLink", false, probe.why);
    return;
  }
  add_gpu(items, "NVRTC", true, fmt::format("{}.{} at {}", libs->nvrtc_major, libs->nvrtc_minor, libs->nvrtc_path));
  bool link_ok = int(libs->nvjitlink_major) >= major_of(device_cuda);
  add_gpu(items, "nvJitLink", link_ok,
      fmt::format("{}.{} at {}{}", libs->nvjitlink_major, libs->nvjitlink_minor, libs->nvjitlink_path,
                  link_ok ? "" : " (older than the CUDA " + device_cuda + " the device libraries were built with: "
                                 "install a newer nvidia-nvjitlink wheel or toolkit)"));
}

void probe_driver(Items& items, const jit::CudaJitProbe& probe) {
  const auto& drv = cuda::cuda_driver();
  if (!drv.driver) {
    add_gpu(items, "CUDA driver", false, drv.why);
    return;
  }
  std::string devices;
  for (const auto& d : drv.driver->devices())
    devices += fmt::format("; GPU {}: {} (sm_{}{}, {} SMs, {:.1f} GiB)", d.ordinal, d.name, d.cc_major, d.cc_minor,
                           d.multiprocessors, double(d.total_bytes) / double(1ull << 30));
  int v = drv.driver->version();
  // A cubin made by a newer major version than the driver's will not load
  // (docs/install.md, "Which CUDA, which driver").
  std::string too_old;
  if (probe.libs && v / 1000 < probe.libs->nvrtc_major)
    too_old = fmt::format(" (older than NVRTC {}: cubins will not load; use NVRTC/nvJitLink {} or a newer driver)",
                          probe.libs->nvrtc_major, v / 1000);
  add_gpu(items, "CUDA driver", !drv.driver->devices().empty() && too_old.empty(),
      fmt::format("{} (CUDA {}.{}){}{}", drv.driver->library(), v / 1000, (v % 1000) / 10, too_old,
                  devices.empty() ? "; no device" : devices));
}

}  // namespace

DoctorReport doctor(const std::string& cache_dir) {
  DoctorReport r;
  r.mode = probe_install(r.items);
  probe_cache(r.items, cache_dir);
  // The GPU path: device libraries, NVRTC and nvJitLink, the driver.
  const std::string device_cuda = probe_device_libraries(r.items);
  const auto& probe = jit::cuda_jit_libraries();
  probe_jit_libraries(r.items, probe, device_cuda);
  probe_driver(r.items, probe);

  r.cpu_ready = true;
  for (const auto& i : r.items)
    if (i.needed) r.cpu_ready = r.cpu_ready && i.ok;
  r.gpu_ready = r.cpu_ready;
  for (const auto& i : r.items)
    if (i.gpu) r.gpu_ready = r.gpu_ready && i.ok;
  return r;
}

}  // namespace battc::runtime::api
