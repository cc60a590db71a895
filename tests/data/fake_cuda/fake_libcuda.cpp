// tests/data/fake_cuda/fake_libcuda.cpp: a stand-in libcuda for the driver
// loader's tests: it exports every entry point battc binds, and
// $FAKE_CUDA_MODE picks what it reports: "init_fails" (cuInit returns
// CUDA_ERROR_NO_DEVICE, as the real driver does on a machine without a GPU),
// "no_devices", "one_device" (compute capability 9.0), "old_device" (7.0).
// Nothing else works: every other call returns CUDA_ERROR_NOT_SUPPORTED.
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

constexpr int kSuccess = 0, kNoDevice = 100, kNotSupported = 801;

std::string mode() {
  const char* m = std::getenv("FAKE_CUDA_MODE");
  return m ? m : "";
}

}  // namespace

#define FAKE extern "C" __attribute__((visibility("default"))) int

FAKE cuInit(unsigned) { return mode() == "init_fails" ? kNoDevice : kSuccess; }
FAKE cuDriverGetVersion(int* v) {
  *v = 13000;
  return kSuccess;
}
FAKE cuGetErrorName(int r, const char** s) {
  *s = r == kNoDevice ? "CUDA_ERROR_NO_DEVICE" : "CUDA_ERROR_NOT_SUPPORTED";
  return kSuccess;
}
FAKE cuGetErrorString(int r, const char** s) {
  *s = r == kNoDevice ? "no CUDA-capable device is detected" : "operation not supported";
  return kSuccess;
}
FAKE cuDeviceGetCount(int* n) {
  *n = mode() == "one_device" || mode() == "old_device" ? 1 : 0;
  return kSuccess;
}
FAKE cuDeviceGet(int* d, int i) {
  *d = i;
  return kSuccess;
}
FAKE cuDeviceGetName(char* name, int len, int) {
  std::strncpy(name, mode() == "old_device" ? "Fake V100" : "Fake H100", std::size_t(len));
  return kSuccess;
}
FAKE cuDeviceGetAttribute(int* v, int attr, int) {
  bool old = mode() == "old_device";
  *v = attr == 75 ? (old ? 7 : 9) : attr == 76 ? 0 : attr == 16 ? 132 : 0;
  return kSuccess;
}
FAKE cuDeviceTotalMem_v2(std::size_t* n, int) {
  *n = std::size_t(80) << 30;
  return kSuccess;
}
// The driver's own parameter types: a call through a pointer of another
// function type is undefined (UBSan's -fsanitize=function says so).
struct CUctx_st;
FAKE cuDevicePrimaryCtxRetain(CUctx_st**, int) { return kNotSupported; }
FAKE cuDevicePrimaryCtxRelease_v2(int) { return kNotSupported; }
FAKE cuCtxSetCurrent(CUctx_st*) { return kNotSupported; }
FAKE cuCtxSynchronize() { return kNotSupported; }
FAKE cuCtxGetLimit(std::size_t*, int) { return kNotSupported; }
FAKE cuCtxSetLimit(int, std::size_t) { return kNotSupported; }
FAKE cuModuleLoadData(void**, const void*) { return kNotSupported; }
FAKE cuModuleUnload(void*) { return kNotSupported; }
FAKE cuModuleGetFunction(void**, void*, const char*) { return kNotSupported; }
FAKE cuModuleGetGlobal_v2(unsigned long long*, std::size_t*, void*, const char*) { return kNotSupported; }
FAKE cuFuncGetAttribute(int*, int, void*) { return kNotSupported; }
FAKE cuMemGetInfo_v2(std::size_t*, std::size_t*) { return kNotSupported; }
FAKE cuMemAlloc_v2(unsigned long long*, std::size_t) { return kNotSupported; }
FAKE cuMemFree_v2(unsigned long long) { return kNotSupported; }
FAKE cuMemcpyHtoD_v2(unsigned long long, const void*, std::size_t) { return kNotSupported; }
FAKE cuMemcpyDtoH_v2(void*, unsigned long long, std::size_t) { return kNotSupported; }
FAKE cuLaunchKernel(void*, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, void*, void**,
                    void**) {
  return kNotSupported;
}
