// tests/runtime/cuda_libraries_test.cpp: NVRTC and nvJitLink opened at run
// time. battc's declarations (runtime/jit/cuda_jit_api.h) are checked against
// <nvrtc.h> and <nvJitLink.h> where the toolkit is present; the probe either
// binds every entry point or says in one line where it looked. Which folders
// win under which environment is checked through `battc doctor` in
// tools/offline_test.sh (the probe runs once per process).
#include <catch2/catch.hpp>

#include <type_traits>

#include "runtime/jit/cuda_jit.h"
#include "runtime/jit/cuda_libraries.h"

#if defined(BATTC_TEST_CUDA_H)
#include <nvJitLink.h>
#include <nvrtc.h>
#endif

namespace jit = battc::runtime::jit;

TEST_CASE("cuda libraries: found and fully bound, or one line saying where battc looked", "[jit][cuda_libs]") {
  const auto& p = jit::cuda_jit_libraries();
  CHECK(jit::cuda_jit_available() == (p.libs != nullptr));
  if (p.libs) {
    CHECK(p.why.empty());
    CHECK(p.libs->nvrtc_major >= 12);
    CHECK(p.libs->nvjitlink_major >= 12);
    CHECK_FALSE(p.libs->nvrtc_path.empty());
    CHECK_FALSE(p.libs->nvjitlink_path.empty());
    // Every slot bound.
    CHECK(p.libs->nvrtc.nvrtcGetCUBIN != nullptr);
    CHECK(p.libs->link.nvJitLinkGetInfoLog != nullptr);
  } else {
    CHECK(p.why.find('\n') == std::string::npos);
    CHECK(p.why.find("not found") != std::string::npos);
  }
}

#if defined(BATTC_TEST_CUDA_H)
static_assert(jit::NVRTC_SUCCESS == ::NVRTC_SUCCESS);
static_assert(jit::NVJITLINK_SUCCESS == ::NVJITLINK_SUCCESS);
static_assert(jit::NVJITLINK_INPUT_CUBIN == ::NVJITLINK_INPUT_CUBIN);
static_assert(jit::NVJITLINK_INPUT_LIBRARY == ::NVJITLINK_INPUT_LIBRARY);
static_assert(sizeof(jit::nvrtcResult) == sizeof(::nvrtcResult));
static_assert(sizeof(jit::nvJitLinkResult) == sizeof(::nvJitLinkResult));
static_assert(std::is_same_v<jit::nvrtcProgram, ::nvrtcProgram>);
static_assert(std::is_same_v<jit::nvJitLinkHandle, ::nvJitLinkHandle>);

template <class R, class... A, class S, class... B>
constexpr bool same_arity(R (*)(A...), S (*)(B...)) {
  return sizeof...(A) == sizeof...(B);
}
#define BATTC_SAME_ARITY(API, NAME) \
  static_assert(same_arity(decltype(&::NAME){}, decltype(jit::API::NAME){}), #NAME);
BATTC_SAME_ARITY(NvrtcApi, nvrtcVersion)
BATTC_SAME_ARITY(NvrtcApi, nvrtcGetErrorString)
BATTC_SAME_ARITY(NvrtcApi, nvrtcCreateProgram)
BATTC_SAME_ARITY(NvrtcApi, nvrtcDestroyProgram)
BATTC_SAME_ARITY(NvrtcApi, nvrtcCompileProgram)
BATTC_SAME_ARITY(NvrtcApi, nvrtcGetProgramLogSize)
BATTC_SAME_ARITY(NvrtcApi, nvrtcGetProgramLog)
BATTC_SAME_ARITY(NvrtcApi, nvrtcGetCUBINSize)
BATTC_SAME_ARITY(NvrtcApi, nvrtcGetCUBIN)
BATTC_SAME_ARITY(NvJitLinkApi, nvJitLinkVersion)
BATTC_SAME_ARITY(NvJitLinkApi, nvJitLinkCreate)
BATTC_SAME_ARITY(NvJitLinkApi, nvJitLinkDestroy)
BATTC_SAME_ARITY(NvJitLinkApi, nvJitLinkAddData)
BATTC_SAME_ARITY(NvJitLinkApi, nvJitLinkAddFile)
BATTC_SAME_ARITY(NvJitLinkApi, nvJitLinkComplete)
BATTC_SAME_ARITY(NvJitLinkApi, nvJitLinkGetLinkedCubinSize)
BATTC_SAME_ARITY(NvJitLinkApi, nvJitLinkGetLinkedCubin)
BATTC_SAME_ARITY(NvJitLinkApi, nvJitLinkGetErrorLogSize)
BATTC_SAME_ARITY(NvJitLinkApi, nvJitLinkGetErrorLog)
BATTC_SAME_ARITY(NvJitLinkApi, nvJitLinkGetInfoLogSize)
BATTC_SAME_ARITY(NvJitLinkApi, nvJitLinkGetInfoLog)
#undef BATTC_SAME_ARITY
#endif
