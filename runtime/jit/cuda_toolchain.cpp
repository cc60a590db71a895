// runtime/jit/cuda_toolchain.cpp: thin, checked wrappers over the NVRTC and
// nvJitLink C APIs (the recipe of tests/nvrtc/nvjitlink_test.cpp). Each
// function keeps its own handles, so NVRTC compiles may run in parallel threads. Handles are
// released on every path; logs are kept whether the stage succeeds or not.
#if defined(BATTC_WITH_CUDA_JIT)

#include "runtime/jit/cuda_toolchain.h"

#include <dlfcn.h>
#include <nvJitLink.h>
#include <nvrtc.h>
#include <stdlib.h>

#include <chrono>
#include <cstring>

namespace battc::runtime::jit {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// The real path of the shared object that defines `symbol` ("" if static or unknown).
std::string library_of(const void* symbol) {
  Dl_info info{};
  if (!dladdr(symbol, &info) || !info.dli_fname) return "";
  char* real = realpath(info.dli_fname, nullptr);
  std::string out = real ? real : info.dli_fname;
  free(real);
  return out;
}

std::string trimmed(std::string s) {
  s.resize(std::strlen(s.c_str()));  // logs come NUL-terminated
  return s;
}

std::string link_log(nvJitLinkHandle h, bool error) {
  size_t n = 0;
  if ((error ? nvJitLinkGetErrorLogSize(h, &n) : nvJitLinkGetInfoLogSize(h, &n)) != NVJITLINK_SUCCESS || n == 0)
    return "";
  std::string s(n, '\0');
  if ((error ? nvJitLinkGetErrorLog(h, s.data()) : nvJitLinkGetInfoLog(h, s.data())) != NVJITLINK_SUCCESS) return "";
  return trimmed(std::move(s));
}

struct LinkHandle {
  nvJitLinkHandle h = nullptr;
  ~LinkHandle() {
    if (h) nvJitLinkDestroy(&h);
  }
};

struct ProgramHandle {
  nvrtcProgram p = nullptr;
  ~ProgramHandle() {
    if (p) nvrtcDestroyProgram(&p);
  }
};

}  // namespace

const std::string& cuda_toolchain_id() {
  static const std::string id = [] {
    int rmaj = 0, rmin = 0;
    nvrtcVersion(&rmaj, &rmin);
    unsigned lmaj = 0, lmin = 0;
    nvJitLinkVersion(&lmaj, &lmin);
    return "nvrtc " + std::to_string(rmaj) + "." + std::to_string(rmin) + " (" +
           library_of(reinterpret_cast<const void*>(&nvrtcVersion)) + "); nvJitLink " + std::to_string(lmaj) + "." +
           std::to_string(lmin) + " (" + library_of(reinterpret_cast<const void*>(&nvJitLinkVersion)) + ")";
  }();
  return id;
}

Result<RelocatableCubin> nvrtc_compile(const std::string& source, const std::string& file_name,
                            const std::vector<std::string>& options) {
  auto t0 = Clock::now();
  ProgramHandle prog;
  nvrtcResult r = nvrtcCreateProgram(&prog.p, source.c_str(), file_name.c_str(), 0, nullptr, nullptr);
  if (r != NVRTC_SUCCESS) {
    return jit_error("nvrtc", std::string("nvrtcCreateProgram failed for ") + file_name + ": " + nvrtcGetErrorString(r));
  }
  std::vector<const char*> argv;
  for (const auto& o : options) argv.push_back(o.c_str());
  r = nvrtcCompileProgram(prog.p, int(argv.size()), argv.data());
  RelocatableCubin out;
  size_t n = 0;
  if (nvrtcGetProgramLogSize(prog.p, &n) == NVRTC_SUCCESS && n > 0) {
    std::string log(n, '\0');
    if (nvrtcGetProgramLog(prog.p, log.data()) == NVRTC_SUCCESS) out.log = trimmed(std::move(log));
  }
  if (r != NVRTC_SUCCESS) {
    return jit_error("nvrtc", "NVRTC could not compile " + file_name + " (" + nvrtcGetErrorString(r) + ")", out.log);
  }
  size_t size = 0;
  if (nvrtcGetCUBINSize(prog.p, &size) != NVRTC_SUCCESS || size == 0) {
    return jit_error("nvrtc", "NVRTC produced no cubin for " + file_name + " (is -arch=sm_XX among the options?)",
                     out.log);
  }
  out.bytes.resize(size);
  if (nvrtcGetCUBIN(prog.p, out.bytes.data()) != NVRTC_SUCCESS) {
    return jit_error("nvrtc", "nvrtcGetCUBIN failed for " + file_name, out.log);
  }
  out.seconds = since(t0);
  return out;
}

Result<LinkedCubin> nvjitlink_link(const std::vector<RelocatableCubin>& parts, const std::string& unit_name,
                                   const std::string& library, const std::vector<std::string>& options) {
  auto t0 = Clock::now();
  std::vector<const char*> argv;
  for (const auto& o : options) argv.push_back(o.c_str());
  LinkHandle link;
  nvJitLinkResult r = nvJitLinkCreate(&link.h, unsigned(argv.size()), argv.data());
  if (r != NVJITLINK_SUCCESS) {
    link.h = nullptr;
    return jit_error("nvjitlink", "nvJitLinkCreate failed (nvJitLinkResult " + std::to_string(int(r)) + ")");
  }
  std::string step;
  for (size_t i = 0; i < parts.size() && r == NVJITLINK_SUCCESS; ++i) {
    std::string name = unit_name + "." + std::to_string(i);
    r = nvJitLinkAddData(link.h, NVJITLINK_INPUT_CUBIN, parts[i].bytes.data(), parts[i].bytes.size(), name.c_str());
    if (r != NVJITLINK_SUCCESS) step = "adding the unit's cubin " + name;
  }
  if (r == NVJITLINK_SUCCESS) {
    r = nvJitLinkAddFile(link.h, NVJITLINK_INPUT_LIBRARY, library.c_str());
    if (r != NVJITLINK_SUCCESS) step = "adding the DSL device library " + library;
  }
  if (r == NVJITLINK_SUCCESS) {
    r = nvJitLinkComplete(link.h);
    if (r != NVJITLINK_SUCCESS) step = "linking " + unit_name + " with " + library;
  }
  LinkedCubin out;
  out.info_log = link_log(link.h, false);
  if (r != NVJITLINK_SUCCESS) {
    std::string log = link_log(link.h, true);
    if (!out.info_log.empty()) log += (log.empty() ? "" : "\n") + std::string("info log:\n") + out.info_log;
    return jit_error("nvjitlink", "nvJitLink failed " + step + " (nvJitLinkResult " + std::to_string(int(r)) + ")",
                     log);
  }
  size_t size = 0;
  if (nvJitLinkGetLinkedCubinSize(link.h, &size) != NVJITLINK_SUCCESS || size == 0) {
    return jit_error("nvjitlink", "nvJitLink produced no cubin for " + unit_name, out.info_log);
  }
  out.cubin.resize(size);
  if (nvJitLinkGetLinkedCubin(link.h, out.cubin.data()) != NVJITLINK_SUCCESS) {
    return jit_error("nvjitlink", "nvJitLinkGetLinkedCubin failed for " + unit_name, out.info_log);
  }
  out.seconds = since(t0);
  return out;
}

}  // namespace battc::runtime::jit

#endif  // BATTC_WITH_CUDA_JIT
