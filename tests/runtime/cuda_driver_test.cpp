// tests/runtime/cuda_driver_test.cpp: the driver loader without a GPU. A
// missing libcuda, a driver whose cuInit fails or that reports no device,
// and a device no DSL device library serves are each one clear reason; a
// stand-in libcuda (tests/data/fake_cuda) plays the driver. Where the CUDA
// toolkit is present, battc's own driver declarations are checked against
// <cuda.h>.
#include <catch2/catch.hpp>

#include "runtime/exec/cuda_device.h"
#include "runtime/exec/cuda_driver.h"
#include "runtime/exec/gpu_backend.h"
#include "tests/test_support.h"

#if defined(BATTC_TEST_CUDA_H)
#include <cuda.h>
#endif

using namespace battc::runtime;
namespace cu = battc::runtime::cuda;
using battc::test::EnvGuard;

TEST_CASE("driver: a missing libcuda is a reason, not a crash", "[exec][gpu_driver]") {
  cu::DriverProbe p = cu::open_cuda_driver("/nonexistent/libcuda.so.1");
  CHECK_FALSE(p.driver);
  CHECK_THAT(p.why, Catch::StartsWith("/nonexistent/libcuda.so.1 could not be loaded (no NVIDIA driver?): "));
  CHECK(p.why.find('\n') == std::string::npos);  // one line
}

TEST_CASE("driver: $BATTC_LIBCUDA names the library", "[exec][gpu_driver]") {
  EnvGuard env("BATTC_LIBCUDA", std::string("/nonexistent/libcuda-from-env.so"));
  cu::DriverProbe p = cu::open_cuda_driver();
  CHECK_FALSE(p.driver);
  CHECK_THAT(p.why, Catch::StartsWith("/nonexistent/libcuda-from-env.so could not be loaded"));
}

TEST_CASE("driver: cuInit failing is reported with the driver's error", "[exec][gpu_driver]") {
  EnvGuard mode("FAKE_CUDA_MODE", std::string("init_fails"));
  cu::DriverProbe p = cu::open_cuda_driver(FAKE_LIBCUDA_PATH);
  CHECK_FALSE(p.driver);
  CHECK(p.why == "cuInit failed: CUDA_ERROR_NO_DEVICE (no CUDA-capable device is detected)");
}

TEST_CASE("driver: no device", "[exec][gpu_driver]") {
  EnvGuard mode("FAKE_CUDA_MODE", std::string("no_devices"));
  cu::DriverProbe p = cu::open_cuda_driver(FAKE_LIBCUDA_PATH);
  CHECK_FALSE(p.driver);
  CHECK_THAT(p.why, Catch::StartsWith("no CUDA device"));
}

TEST_CASE("driver: a device is listed with its compute capability, a failing call is a CudaError",
          "[exec][gpu_driver]") {
  EnvGuard mode("FAKE_CUDA_MODE", std::string("one_device"));
  cu::DriverProbe p = cu::open_cuda_driver(FAKE_LIBCUDA_PATH);
  REQUIRE(p.driver);
  CHECK(p.why.empty());
  CHECK(p.driver->version() == 13000);
  REQUIRE(p.driver->devices().size() == 1);
  const cu::DeviceInfo& d = p.driver->devices()[0];
  CHECK(d.name == "Fake H100");
  CHECK(d.cc_major == 9);
  CHECK(d.cc_minor == 0);
  CHECK(d.multiprocessors == 132);
  CHECK(d.total_bytes == (std::uint64_t(80) << 30));

  GpuAvailability a = pick_gpus(p.driver->devices(), {"sm_75", "sm_90"});
  REQUIRE(a.usable());
  CHECK(a.gpus[0].arch == "sm_90");
  CHECK(a.gpus[0].ordinal == 0);

  // The stand-in has no contexts: opening the device fails cleanly.
  try {
    CudaDevice dev(p.driver, 0, std::vector<char>(16, 0));
    FAIL("CudaDevice opened on a driver without contexts");
  } catch (const cu::CudaError& e) {
    CHECK(std::string(e.what()) == "cuDevicePrimaryCtxRetain: CUDA_ERROR_NOT_SUPPORTED (operation not supported)");
  }
}

TEST_CASE("pick_gpus: a device no device library serves is named with the built architectures", "[exec][gpu_driver]") {
  EnvGuard mode("FAKE_CUDA_MODE", std::string("old_device"));
  cu::DriverProbe p = cu::open_cuda_driver(FAKE_LIBCUDA_PATH);
  REQUIRE(p.driver);
  GpuAvailability a = pick_gpus(p.driver->devices(), {"sm_75", "sm_90"});
  CHECK_FALSE(a.usable());
  CHECK(a.why ==
        "device 0 (Fake V100) is sm_70, and the DSL device library was built for sm_75,sm_90 "
        "(set BATTC_CUDA_ARCHS at configure time)");
  CHECK(pick_gpus({}, {"sm_90"}).why == "no CUDA device");
}

TEST_CASE("gpu_availability: a reason whenever no GPU is usable", "[exec][gpu_driver]") {
  const GpuAvailability& a = gpu_availability();
  if (a.usable()) {
    CHECK(a.driver);
    CHECK(a.why.empty());
  } else {
    CHECK_FALSE(a.why.empty());
    CHECK(a.why.find('\n') == std::string::npos);
  }
}

#if defined(BATTC_TEST_CUDA_H)
// battc's declarations (runtime/exec/cuda_driver_api.h) against the toolkit's.
static_assert(cu::CUDA_SUCCESS == ::CUDA_SUCCESS);
static_assert(cu::CUDA_ERROR_OUT_OF_MEMORY == ::CUDA_ERROR_OUT_OF_MEMORY);
static_assert(cu::CUDA_ERROR_NO_DEVICE == ::CUDA_ERROR_NO_DEVICE);
static_assert(cu::CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT == ::CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
static_assert(cu::CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR == ::CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
static_assert(cu::CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR == ::CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
static_assert(cu::CU_LIMIT_STACK_SIZE == ::CU_LIMIT_STACK_SIZE);
static_assert(cu::CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK == ::CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK);
static_assert(sizeof(cu::CUdeviceptr) == sizeof(::CUdeviceptr));
static_assert(sizeof(cu::CUresult) == sizeof(::CUresult));
static_assert(std::is_same_v<cu::CUcontext, ::CUcontext> && std::is_same_v<cu::CUmodule, ::CUmodule> &&
              std::is_same_v<cu::CUfunction, ::CUfunction> && std::is_same_v<cu::CUstream, ::CUstream>);

// Every symbol battc binds is a driver function of that name taking as many
// parameters (decltype only: nothing links against libcuda).
template <class R, class... A, class S, class... B>
constexpr bool same_arity(R (*)(A...), S (*)(B...)) {
  return sizeof...(A) == sizeof...(B);
}
#define BATTC_SAME_ARITY(NAME) static_assert(same_arity(decltype(&::NAME){}, decltype(cu::DriverApi::NAME){}), #NAME);
BATTC_SAME_ARITY(cuInit)
BATTC_SAME_ARITY(cuDriverGetVersion)
BATTC_SAME_ARITY(cuGetErrorName)
BATTC_SAME_ARITY(cuGetErrorString)
BATTC_SAME_ARITY(cuDeviceGetCount)
BATTC_SAME_ARITY(cuDeviceGet)
BATTC_SAME_ARITY(cuDeviceGetName)
BATTC_SAME_ARITY(cuDeviceGetAttribute)
BATTC_SAME_ARITY(cuDeviceTotalMem_v2)
BATTC_SAME_ARITY(cuDevicePrimaryCtxRetain)
BATTC_SAME_ARITY(cuDevicePrimaryCtxRelease_v2)
BATTC_SAME_ARITY(cuCtxSetCurrent)
BATTC_SAME_ARITY(cuCtxSynchronize)
BATTC_SAME_ARITY(cuCtxGetLimit)
BATTC_SAME_ARITY(cuCtxSetLimit)
BATTC_SAME_ARITY(cuModuleLoadData)
BATTC_SAME_ARITY(cuModuleUnload)
BATTC_SAME_ARITY(cuModuleGetFunction)
BATTC_SAME_ARITY(cuModuleGetGlobal_v2)
BATTC_SAME_ARITY(cuFuncGetAttribute)
BATTC_SAME_ARITY(cuMemGetInfo_v2)
BATTC_SAME_ARITY(cuMemAlloc_v2)
BATTC_SAME_ARITY(cuMemFree_v2)
BATTC_SAME_ARITY(cuMemcpyHtoD_v2)
BATTC_SAME_ARITY(cuMemcpyDtoH_v2)
BATTC_SAME_ARITY(cuLaunchKernel)
#endif
