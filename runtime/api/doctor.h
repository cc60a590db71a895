// runtime/api/doctor.h: what battc found on this machine, for `battc doctor`
// and the Python module's battc.doctor(): its install layout, the host
// compiler, NVRTC and nvJitLink, the DSL device libraries, the CUDA driver
// and devices, and the cache folder. Each item says what was found or why not.
#pragma once

#include <string>
#include <vector>

namespace battc::runtime::api {

struct DoctorItem {
  std::string name;    // "host compiler", "NVRTC", ...
  bool ok = false;
  bool needed = true;  // false: a run works without it
  std::string detail;  // what was found (path, version) or why not
  bool gpu = false;    // an item of the GPU path (gpu_ready needs it ok)
};

struct DoctorReport {
  std::vector<DoctorItem> items;
  // How a CPU run gets the code of a statement shape: "compiler" (new shapes
  // are compiled; prebuilt spec packs are used first), "prebuilt" (no
  // compiler: only the shapes of the prebuilt spec packs; a run needing
  // another is refused, a search skips it), "none" (neither).
  std::string mode;
  bool cpu_ready = false;  // every needed item is ok: `battc run` works on the CPU
  bool gpu_ready = false;  // and every item of the GPU path is ok too
};

// Probes everything (opens NVRTC, nvJitLink and the driver if present).
DoctorReport doctor(const std::string& cache_dir = "");

}  // namespace battc::runtime::api
