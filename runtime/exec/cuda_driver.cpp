// runtime/exec/cuda_driver.cpp: dlopen, dlsym of every entry point (a missing
// one means a driver too old for battc), cuInit, and the device list.
#include "runtime/exec/cuda_driver.h"

#include <dlfcn.h>

#include <cstdlib>

namespace battc::runtime::cuda {

namespace {

// Binds api.NAME to the symbol NAME; false (and `why`) when it is missing.
template <class Fn>
bool bind(void* lib, Fn& slot, const char* name, std::string& why) {
  void* p = ::dlsym(lib, name);
  if (!p) {
    why = std::string("the CUDA driver lacks ") + name + " (too old for battc?)";
    return false;
  }
  slot = reinterpret_cast<Fn>(p);
  return true;
}

bool bind_all(void* lib, DriverApi& a, std::string& why) {
#define BATTC_BIND(NAME) bind(lib, a.NAME, #NAME, why)
  return BATTC_BIND(cuInit) && BATTC_BIND(cuDriverGetVersion) && BATTC_BIND(cuGetErrorName) &&
         BATTC_BIND(cuGetErrorString) && BATTC_BIND(cuDeviceGetCount) && BATTC_BIND(cuDeviceGet) &&
         BATTC_BIND(cuDeviceGetName) && BATTC_BIND(cuDeviceGetAttribute) && BATTC_BIND(cuDeviceTotalMem_v2) &&
         BATTC_BIND(cuDevicePrimaryCtxRetain) && BATTC_BIND(cuDevicePrimaryCtxRelease_v2) &&
         BATTC_BIND(cuCtxSetCurrent) && BATTC_BIND(cuCtxSynchronize) && BATTC_BIND(cuCtxGetLimit) &&
         BATTC_BIND(cuCtxSetLimit) && BATTC_BIND(cuModuleLoadData) && BATTC_BIND(cuModuleUnload) &&
         BATTC_BIND(cuModuleGetFunction) && BATTC_BIND(cuModuleGetGlobal_v2) && BATTC_BIND(cuFuncGetAttribute) &&
         BATTC_BIND(cuMemGetInfo_v2) && BATTC_BIND(cuMemAlloc_v2) && BATTC_BIND(cuMemFree_v2) &&
         BATTC_BIND(cuMemcpyHtoD_v2) && BATTC_BIND(cuMemcpyDtoH_v2) && BATTC_BIND(cuLaunchKernel);
#undef BATTC_BIND
}

}  // namespace

std::string Driver::error_text(CUresult r) const {
  const char* name = nullptr;
  const char* text = nullptr;
  if (api_.cuGetErrorName) api_.cuGetErrorName(r, &name);
  if (api_.cuGetErrorString) api_.cuGetErrorString(r, &text);
  std::string s = name ? name : "CUDA error " + std::to_string(r);
  if (text) s += std::string(" (") + text + ")";
  return s;
}

void Driver::check(CUresult r, const char* what) const {
  if (r != CUDA_SUCCESS) throw CudaError(std::string(what) + ": " + error_text(r));
}

DriverProbe open_cuda_driver(const std::string& library) {
  std::string path = library;
  if (path.empty()) {
    const char* env = std::getenv("BATTC_LIBCUDA");
    path = env && *env ? env : "libcuda.so.1";
  }
  void* lib = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char* err = ::dlerror();
    return {nullptr, path + " could not be loaded (no NVIDIA driver?): " + (err ? err : "dlopen failed")};
  }
  auto d = std::make_shared<Driver>();
  d->library_ = path;
  std::string why;
  if (!bind_all(lib, d->api_, why)) return {nullptr, why};
  const DriverApi& a = d->api_;
  if (CUresult r = a.cuInit(0); r != CUDA_SUCCESS) return {nullptr, "cuInit failed: " + d->error_text(r)};
  a.cuDriverGetVersion(&d->version_);
  int n = 0;
  if (CUresult r = a.cuDeviceGetCount(&n); r != CUDA_SUCCESS)
    return {nullptr, "cuDeviceGetCount failed: " + d->error_text(r)};
  for (int i = 0; i < n; ++i) {
    CUdevice dev = 0;
    if (CUresult r = a.cuDeviceGet(&dev, i); r != CUDA_SUCCESS)
      return {nullptr, "cuDeviceGet(" + std::to_string(i) + ") failed: " + d->error_text(r)};
    DeviceInfo info;
    info.ordinal = i;
    char name[256] = {};
    if (a.cuDeviceGetName(name, sizeof name - 1, dev) == CUDA_SUCCESS) info.name = name;
    a.cuDeviceGetAttribute(&info.cc_major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev);
    a.cuDeviceGetAttribute(&info.cc_minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev);
    a.cuDeviceGetAttribute(&info.multiprocessors, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, dev);
    std::size_t total = 0;
    if (a.cuDeviceTotalMem_v2(&total, dev) == CUDA_SUCCESS) info.total_bytes = total;
    d->devices_.push_back(std::move(info));
  }
  if (d->devices_.empty()) return {nullptr, "no CUDA device (the driver " + path + " reports none)"};
  return {std::move(d), ""};
}

const DriverProbe& cuda_driver() {
  static const DriverProbe probe = open_cuda_driver("");
  return probe;
}

}  // namespace battc::runtime::cuda
