// runtime/jit/cuda_toolchain.cpp: thin, checked wrappers over the NVRTC and
// nvJitLink C APIs (the recipe of tests/nvrtc/nvjitlink_test.cpp), called
// through the entry points runtime/jit/cuda_libraries.cpp opened. Each
// function keeps its own handles, so NVRTC compiles may run in parallel
// threads. Handles are released on every path; logs are kept whether the
// stage succeeds or not.
#include "runtime/jit/cuda_toolchain.h"

#include <chrono>
#include <cstring>

#include "runtime/jit/cuda_libraries.h"

namespace battc::runtime::jit {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::string trimmed(std::string s) {
  s.resize(std::strlen(s.c_str()));  // logs come NUL-terminated
  return s;
}

std::string link_log(const NvJitLinkApi& api, nvJitLinkHandle h, bool error) {
  size_t n = 0;
  if ((error ? api.nvJitLinkGetErrorLogSize(h, &n) : api.nvJitLinkGetInfoLogSize(h, &n)) != NVJITLINK_SUCCESS ||
      n == 0)
    return "";
  std::string s(n, '\0');
  if ((error ? api.nvJitLinkGetErrorLog(h, s.data()) : api.nvJitLinkGetInfoLog(h, s.data())) != NVJITLINK_SUCCESS)
    return "";
  return trimmed(std::move(s));
}

struct LinkHandle {
  const NvJitLinkApi& api;
  nvJitLinkHandle h = nullptr;
  ~LinkHandle() {
    if (h) api.nvJitLinkDestroy(&h);
  }
};

struct ProgramHandle {
  const NvrtcApi& api;
  nvrtcProgram p = nullptr;
  ~ProgramHandle() {
    if (p) api.nvrtcDestroyProgram(&p);
  }
};

JitError missing() { return jit_error("probe", cuda_jit_libraries().why); }

}  // namespace

const std::string& cuda_toolchain_id() {
  static const std::string id = [] {
    const CudaJitLibraries* l = cuda_jit_libraries().libs;
    if (!l) return std::string("no NVRTC/nvJitLink");
    return "nvrtc " + std::to_string(l->nvrtc_major) + "." + std::to_string(l->nvrtc_minor) + " (" + l->nvrtc_path +
           "); nvJitLink " + std::to_string(l->nvjitlink_major) + "." + std::to_string(l->nvjitlink_minor) + " (" +
           l->nvjitlink_path + ")";
  }();
  return id;
}

Result<RelocatableCubin> nvrtc_compile(const std::string& source, const std::string& file_name,
                            const std::vector<std::string>& options) {
  auto t0 = Clock::now();
  const CudaJitLibraries* libs = cuda_jit_libraries().libs;
  if (!libs) return missing();
  const NvrtcApi& api = libs->nvrtc;
  ProgramHandle prog{api};
  nvrtcResult r = api.nvrtcCreateProgram(&prog.p, source.c_str(), file_name.c_str(), 0, nullptr, nullptr);
  if (r != NVRTC_SUCCESS) {
    return jit_error("nvrtc", std::string("nvrtcCreateProgram failed for ") + file_name + ": " + api.nvrtcGetErrorString(r));
  }
  std::vector<const char*> argv;
  for (const auto& o : options) argv.push_back(o.c_str());
  r = api.nvrtcCompileProgram(prog.p, int(argv.size()), argv.data());
  RelocatableCubin out;
  size_t n = 0;
  if (api.nvrtcGetProgramLogSize(prog.p, &n) == NVRTC_SUCCESS && n > 0) {
    std::string log(n, '\0');
    if (api.nvrtcGetProgramLog(prog.p, log.data()) == NVRTC_SUCCESS) out.log = trimmed(std::move(log));
  }
  if (r != NVRTC_SUCCESS) {
    return jit_error("nvrtc", "NVRTC could not compile " + file_name + " (" + api.nvrtcGetErrorString(r) + ")", out.log);
  }
  size_t size = 0;
  if (api.nvrtcGetCUBINSize(prog.p, &size) != NVRTC_SUCCESS || size == 0) {
    return jit_error("nvrtc", "NVRTC produced no cubin for " + file_name + " (is -arch=sm_XX among the options?)",
                     out.log);
  }
  out.bytes.resize(size);
  if (api.nvrtcGetCUBIN(prog.p, out.bytes.data()) != NVRTC_SUCCESS) {
    return jit_error("nvrtc", "nvrtcGetCUBIN failed for " + file_name, out.log);
  }
  out.seconds = since(t0);
  return out;
}

Result<LinkedCubin> nvjitlink_link(const std::vector<RelocatableCubin>& parts, const std::string& unit_name,
                                   const std::string& library, const std::vector<std::string>& options) {
  auto t0 = Clock::now();
  const CudaJitLibraries* libs = cuda_jit_libraries().libs;
  if (!libs) return missing();
  const NvJitLinkApi& api = libs->link;
  std::vector<const char*> argv;
  for (const auto& o : options) argv.push_back(o.c_str());
  LinkHandle link{api};
  nvJitLinkResult r = api.nvJitLinkCreate(&link.h, unsigned(argv.size()), argv.data());
  if (r != NVJITLINK_SUCCESS) {
    link.h = nullptr;
    return jit_error("nvjitlink", "nvJitLinkCreate failed (nvJitLinkResult " + std::to_string(int(r)) + ")");
  }
  std::string step;
  for (size_t i = 0; i < parts.size() && r == NVJITLINK_SUCCESS; ++i) {
    std::string name = unit_name + "." + std::to_string(i);
    r = api.nvJitLinkAddData(link.h, NVJITLINK_INPUT_CUBIN, parts[i].bytes.data(), parts[i].bytes.size(), name.c_str());
    if (r != NVJITLINK_SUCCESS) step = "adding the unit's cubin " + name;
  }
  if (r == NVJITLINK_SUCCESS) {
    r = api.nvJitLinkAddFile(link.h, NVJITLINK_INPUT_LIBRARY, library.c_str());
    if (r != NVJITLINK_SUCCESS) step = "adding the DSL device library " + library;
  }
  if (r == NVJITLINK_SUCCESS) {
    r = api.nvJitLinkComplete(link.h);
    if (r != NVJITLINK_SUCCESS) step = "linking " + unit_name + " with " + library;
  }
  LinkedCubin out;
  out.info_log = link_log(api, link.h, false);
  if (r != NVJITLINK_SUCCESS) {
    std::string log = link_log(api, link.h, true);
    if (!out.info_log.empty()) log += (log.empty() ? "" : "\n") + std::string("info log:\n") + out.info_log;
    return jit_error("nvjitlink", "nvJitLink failed " + step + " (nvJitLinkResult " + std::to_string(int(r)) + ")",
                     log);
  }
  size_t size = 0;
  if (api.nvJitLinkGetLinkedCubinSize(link.h, &size) != NVJITLINK_SUCCESS || size == 0) {
    return jit_error("nvjitlink", "nvJitLink produced no cubin for " + unit_name, out.info_log);
  }
  out.cubin.resize(size);
  if (api.nvJitLinkGetLinkedCubin(link.h, out.cubin.data()) != NVJITLINK_SUCCESS) {
    return jit_error("nvjitlink", "nvJitLinkGetLinkedCubin failed for " + unit_name, out.info_log);
  }
  out.seconds = since(t0);
  return out;
}

}  // namespace battc::runtime::jit
