// runtime/jit/cuda_jit_api.h: the NVRTC and nvJitLink types, constants and
// signatures battc calls, declared here instead of taken from <nvrtc.h> and
// <nvJitLink.h>: both libraries are opened with dlopen at run time
// (runtime/jit/cuda_libraries.h), so battc builds, links and runs without the
// CUDA toolkit, and a CPU run never loads them. Both C APIs are stable across
// releases; tests/runtime/cuda_jit_api_test.cpp checks every value and
// signature against the real headers where the toolkit is present.
#pragma once

#include <cstddef>
#include <cstdint>

// Opaque handles, with the headers' own tag names so the two agree.
struct _nvrtcProgram;
struct nvJitLink;

namespace battc::runtime::jit {

using nvrtcResult = int;
using nvrtcProgram = ::_nvrtcProgram*;
using nvJitLinkResult = int;
using nvJitLinkHandle = ::nvJitLink*;
using nvJitLinkInputType = int;

constexpr nvrtcResult NVRTC_SUCCESS = 0;
constexpr nvJitLinkResult NVJITLINK_SUCCESS = 0;
constexpr nvJitLinkInputType NVJITLINK_INPUT_CUBIN = 1;
constexpr nvJitLinkInputType NVJITLINK_INPUT_LIBRARY = 6;

// One pointer per NVRTC entry point battc binds, named as its symbol.
struct NvrtcApi {
  nvrtcResult (*nvrtcVersion)(int*, int*);
  const char* (*nvrtcGetErrorString)(nvrtcResult);
  nvrtcResult (*nvrtcCreateProgram)(nvrtcProgram*, const char*, const char*, int, const char* const*,
                                    const char* const*);
  nvrtcResult (*nvrtcDestroyProgram)(nvrtcProgram*);
  nvrtcResult (*nvrtcCompileProgram)(nvrtcProgram, int, const char* const*);
  nvrtcResult (*nvrtcGetProgramLogSize)(nvrtcProgram, size_t*);
  nvrtcResult (*nvrtcGetProgramLog)(nvrtcProgram, char*);
  nvrtcResult (*nvrtcGetCUBINSize)(nvrtcProgram, size_t*);
  nvrtcResult (*nvrtcGetCUBIN)(nvrtcProgram, char*);
};

// nvJitLink's entry points. The header maps each name to a versioned symbol
// (__nvJitLinkCreate_13_0); the libraries also export the plain names, which
// are bound first, the versioned ones of the library's own major after.
struct NvJitLinkApi {
  nvJitLinkResult (*nvJitLinkVersion)(unsigned*, unsigned*);
  nvJitLinkResult (*nvJitLinkCreate)(nvJitLinkHandle*, uint32_t, const char**);
  nvJitLinkResult (*nvJitLinkDestroy)(nvJitLinkHandle*);
  nvJitLinkResult (*nvJitLinkAddData)(nvJitLinkHandle, nvJitLinkInputType, const void*, size_t, const char*);
  nvJitLinkResult (*nvJitLinkAddFile)(nvJitLinkHandle, nvJitLinkInputType, const char*);
  nvJitLinkResult (*nvJitLinkComplete)(nvJitLinkHandle);
  nvJitLinkResult (*nvJitLinkGetLinkedCubinSize)(nvJitLinkHandle, size_t*);
  nvJitLinkResult (*nvJitLinkGetLinkedCubin)(nvJitLinkHandle, void*);
  nvJitLinkResult (*nvJitLinkGetErrorLogSize)(nvJitLinkHandle, size_t*);
  nvJitLinkResult (*nvJitLinkGetErrorLog)(nvJitLinkHandle, char*);
  nvJitLinkResult (*nvJitLinkGetInfoLogSize)(nvJitLinkHandle, size_t*);
  nvJitLinkResult (*nvJitLinkGetInfoLog)(nvJitLinkHandle, char*);
};

}  // namespace battc::runtime::jit
