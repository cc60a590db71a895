// runtime/exec/gpu_backend.cpp: the checks in the order a user fixes them.
#include "runtime/exec/gpu_backend.h"

#include "runtime/exec/device_plan.h"
#include "runtime/jit/cuda_device_runtime.h"
#include "runtime/jit/cuda_jit.h"
#include "runtime/jit/cuda_libraries.h"

namespace battc::runtime {

GpuAvailability pick_gpus(const std::vector<cuda::DeviceInfo>& devices, const std::vector<std::string>& built) {
  GpuAvailability out;
  std::string skipped;
  for (const cuda::DeviceInfo& d : devices) {
    auto arch = cubin_arch_for(d.cc_major, d.cc_minor, built);
    std::string cc = "sm_" + std::to_string(d.cc_major) + std::to_string(d.cc_minor);
    if (arch) {
      out.gpus.push_back(GpuPick{d.ordinal, *arch, d.name, d.multiprocessors, d.total_bytes});
    } else {
      skipped += (skipped.empty() ? "" : ", ") + ("device " + std::to_string(d.ordinal) + " (" + d.name + ") is " + cc);
    }
  }
  if (out.gpus.empty()) {
    std::string list;
    for (const std::string& a : built) list += (list.empty() ? "" : ",") + a;
    out.why = devices.empty() ? "no CUDA device"
                              : skipped + ", and the DSL device library was built for " +
                                    (list.empty() ? std::string("no architecture") : list) +
                                    " (set BATTC_CUDA_ARCHS at configure time)";
  }
  return out;
}

const GpuAvailability& gpu_availability() {
  static const GpuAvailability a = [] {
    GpuAvailability out;
    // The driver first: on a machine without a GPU, NVRTC and nvJitLink
    // (hundreds of MB) are never opened.
    const cuda::DriverProbe& probe = cuda::cuda_driver();
    if (!probe.driver) {
      out.why = probe.why;
      return out;
    }
    if (jit::cuda_jit_available())
      out = pick_gpus(probe.driver->devices(), jit::cuda_device_archs());
    else
      out.why = jit::cuda_jit_libraries().why;
    // Kept whether or not a GPU is usable: a machine whose driver loads
    // expects its GPU to be used, so a run on the CPU there says why
    // (run_batt.cpp's choose_backend), NVRTC missing included.
    out.driver = probe.driver;
    return out;
  }();
  return a;
}

}  // namespace battc::runtime
