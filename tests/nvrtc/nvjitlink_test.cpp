// tests/nvrtc/nvjitlink_test.cpp: the CUDA path of step 7 without a GPU. A
// kernel unit that calls out-of-line DSL primitives (objects, fill, rot90,
// ofcolor: declared in the headers, defined only in dsl/*.cpp) is compiled
// with NVRTC to a relocatable cubin and linked with nvJitLink (no LTO)
// against the DSL device library of relocatable SASS built at project build
// time (dsl/CMakeLists.txt) into a cubin, for
// each architecture the device library was built for. Linking the same unit
// without the library must fail on the unresolved primitives, which proves
// the definitions come from the library.
#include <nvJitLink.h>
#include <nvrtc.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

// A batt-like kernel: the out-of-line primitives called directly and through
// closures (apply, lbind, rbind, compose), as generated code does.
const char* kKernelUnit = R"(#include "dsl/dsl.h"
using namespace battc::dsl;
extern "C" __global__ void probe(unsigned char* arena, unsigned long long bytes, int* out) {
  Ctx c(arena + blockIdx.x * bytes, bytes, 1000000);
  Int cells[9] = {1, 0, 2, 0, 2, 2, 1, 0, 0};
  Grid g{cells, 3, 3};
  Objects objs = objects(c, g, true, false, true);
  Indices twos = ofcolor(c, g, 2);
  Grid painted = fill(c, g, 5, twos);
  auto turned = apply(c, compose(c, fn_rot90{}, lbind(c, lbind(c, fn_fill{}, painted), Int(3))), objs);
  auto found = apply(c, rbind(c, fn_ofcolor{}, Int(3)), turned);
  out[blockIdx.x] = objs.n + found.n + rot90(c, painted).h + int(c.status);
}
)";

struct Compiled {
  std::string error;  // empty on success
  std::string log;
  std::vector<char> cubin;  // relocatable
};

Compiled compile_cubin(const std::string& arch) {
  Compiled out;
  nvrtcProgram prog;
  if (nvrtcCreateProgram(&prog, kKernelUnit, "probe_kernel.cu", 0, nullptr, nullptr) != NVRTC_SUCCESS) {
    out.error = "nvrtcCreateProgram failed";
    return out;
  }
  std::string arch_opt = "--gpu-architecture=" + arch;
  std::string inc = std::string("-I") + BATTC_SOURCE_DIR;
  std::vector<const char*> opts = {arch_opt.c_str(), inc.c_str(), "-std=c++20", "-rdc=true"};
  nvrtcResult r = nvrtcCompileProgram(prog, int(opts.size()), opts.data());
  size_t n = 0;
  nvrtcGetProgramLogSize(prog, &n);
  out.log.assign(n, '\0');
  nvrtcGetProgramLog(prog, out.log.data());
  if (r == NVRTC_SUCCESS) {
    size_t size = 0;
    nvrtcGetCUBINSize(prog, &size);
    out.cubin.resize(size);
    if (size) nvrtcGetCUBIN(prog, out.cubin.data());
    if (size == 0) out.error = "no cubin produced";
  } else {
    out.error = nvrtcGetErrorString(r);
  }
  nvrtcDestroyProgram(&prog);
  return out;
}

struct Linked {
  nvJitLinkResult result = NVJITLINK_SUCCESS;
  std::string step;  // the call that failed
  std::string error_log, info_log;
  std::vector<char> cubin;
};

std::string link_log(nvJitLinkHandle h, bool error) {
  size_t n = 0;
  if ((error ? nvJitLinkGetErrorLogSize(h, &n) : nvJitLinkGetInfoLogSize(h, &n)) != NVJITLINK_SUCCESS || n == 0)
    return "";
  std::string s(n, '\0');
  if (error)
    nvJitLinkGetErrorLog(h, s.data());
  else
    nvJitLinkGetInfoLog(h, s.data());
  s.resize(std::strlen(s.c_str()));
  return s;
}

// Links the unit's relocatable cubin, and the device library when given, into a cubin.
Linked link(const std::string& arch, const std::vector<char>& unit, const std::string& library) {
  Linked out;
  std::string arch_opt = "-arch=" + arch;
  const char* opts[] = {arch_opt.c_str()};
  nvJitLinkHandle h;
  out.result = nvJitLinkCreate(&h, 1, opts);
  if (out.result != NVJITLINK_SUCCESS) {
    out.step = "nvJitLinkCreate";
    return out;
  }
  out.result = nvJitLinkAddData(h, NVJITLINK_INPUT_CUBIN, unit.data(), unit.size(), "probe_kernel");
  if (out.result != NVJITLINK_SUCCESS) out.step = "nvJitLinkAddData(probe_kernel)";
  if (out.result == NVJITLINK_SUCCESS && !library.empty()) {
    out.result = nvJitLinkAddFile(h, NVJITLINK_INPUT_LIBRARY, library.c_str());
    if (out.result != NVJITLINK_SUCCESS) out.step = "nvJitLinkAddFile(" + library + ")";
  }
  if (out.result == NVJITLINK_SUCCESS) {
    out.result = nvJitLinkComplete(h);
    if (out.result != NVJITLINK_SUCCESS) out.step = "nvJitLinkComplete";
  }
  if (out.result == NVJITLINK_SUCCESS) {
    size_t size = 0;
    nvJitLinkGetLinkedCubinSize(h, &size);
    out.cubin.resize(size);
    if (size) nvJitLinkGetLinkedCubin(h, out.cubin.data());
  }
  out.error_log = link_log(h, true);
  out.info_log = link_log(h, false);
  nvJitLinkDestroy(&h);
  return out;
}

// The device library for an architecture: BATTC_DSL_DEVICE_LIBS is the list
// "sm_75=<path>,sm_80=<path>,..." that dsl/CMakeLists.txt built.
std::string device_library(const std::string& arch) {
  std::stringstream list(BATTC_DSL_DEVICE_LIBS);
  std::string entry;
  while (std::getline(list, entry, ','))
    if (entry.rfind(arch + "=", 0) == 0) return entry.substr(arch.size() + 1);
  return "";
}

std::string describe(const Linked& l) {
  return "failed step: " + l.step + " (nvJitLinkResult " + std::to_string(int(l.result)) + ")\nerror log:\n" +
         l.error_log + "\ninfo log:\n" + l.info_log;
}

void check_link(const std::string& arch) {
  std::string library = device_library(arch);
  if (library.empty()) {
    std::cout << "[SKIP] no DSL device library for " << arch << " (BATTC_CUDA_ARCHS is " << BATTC_CUDA_ARCHS_LIST
              << ")\n";
    return;
  }
  INFO("device library: " << library);
  REQUIRE(std::filesystem::is_regular_file(library));
  Compiled unit = compile_cubin(arch);
  INFO("NVRTC log:\n" << unit.log);
  REQUIRE(unit.error == "");

  Linked with = link(arch, unit.cubin, library);
  {
    INFO("linking with the device library, " << describe(with));
    CHECK(with.result == NVJITLINK_SUCCESS);
    CHECK(!with.cubin.empty());
    // A cubin is an ELF image.
    CHECK((with.cubin.size() > 4 && std::memcmp(with.cubin.data(), "\x7f" "ELF", 4) == 0));
    // ... that holds the kernel.
    CHECK(std::string(with.cubin.begin(), with.cubin.end()).find("probe") != std::string::npos);
  }

  Linked without = link(arch, unit.cubin, "");
  {
    INFO("linking without the device library, " << describe(without));
    CHECK(without.result != NVJITLINK_SUCCESS);
    // The linker names the missing definitions: "Undefined reference to
    // '_ZN5battc3dsl7objects...'"; with LTO, ptxas says "Unresolved extern
    // function" instead.
    bool unresolved = without.error_log.find("nresolved extern") != std::string::npos ||
                      without.error_log.find("ndefined reference") != std::string::npos;
    CHECK(unresolved);
    CHECK(without.error_log.find("_ZN5battc3dsl") != std::string::npos);
  }
}

}  // namespace

TEST_CASE("nvJitLink links a kernel with the DSL device library for sm_75", "[nvrtc][nvjitlink]") {
  check_link("sm_75");
}

TEST_CASE("nvJitLink links a kernel with the DSL device library for sm_80", "[nvrtc][nvjitlink]") {
  check_link("sm_80");
}

TEST_CASE("nvJitLink links a kernel with the DSL device library for sm_89", "[nvrtc][nvjitlink]") {
  check_link("sm_89");
}

TEST_CASE("nvJitLink links a kernel with the DSL device library for sm_90", "[nvrtc][nvjitlink]") {
  check_link("sm_90");
}
