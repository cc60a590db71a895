// tests/nvrtc/nvrtc_compile_test.cpp: the DSL runtime is one source for host
// and device. This test compiles every DSL header and every out-of-line DSL
// source with NVRTC for real GPU architectures, plus a kernel that
// instantiates the generic primitives with closures, on a machine that needs
// no GPU. It proves the "no std, no exceptions, DSL_HD everywhere" rules hold.
#include <nvrtc.h>

#include <fstream>
#include <sstream>

#include "generator/emit/emit_host.h"
#include "generator/ir/program_groups.h"
#include "generator/pipeline.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace {

// The out-of-line DSL sources; each is its own NVRTC program, as each is its
// own object in the device library.
std::vector<std::string> dsl_sources() {
  std::vector<std::string> cpps;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(BATTC_SOURCE_DIR) + "/dsl"))
    if (entry.path().extension() == ".cpp") cpps.push_back(entry.path().filename().string());
  std::sort(cpps.begin(), cpps.end());
  return cpps;
}

// A unit with every DSL header and a kernel using them the way a generated
// batt will (closures passed to higher-order primitives).
std::string probe_unit() {
  std::string src = "#include \"dsl/dsl.h\"\n#include \"dsl/encode.h\"\n";
  src += R"(
using namespace battc::dsl;
extern "C" __global__ void probe(unsigned char* arena, unsigned long long bytes, int* out) {
  Ctx c(arena + blockIdx.x * bytes, bytes, 1000000);
  Int cells[6] = {1, 2, 2, 0, 2, 1};
  Grid g{cells, 2, 3};
  auto rows = apply(c, fn_size{}, g);
  auto sizes = apply(c, compose(c, fn_double{}, fn_size{}), g);
  auto pts = apply(c, rbind(c, fn_add{}, Pt{1, 1}), product(c, first(c, g), last(c, g)));
  auto sorted = order(c, sizes, fn_invert{});
  auto big = argmax(c, pts, fork(c, fn_add{}, fn_first{}, fn_last{}));
  out[blockIdx.x] = rows.n + sorted.n + big.a + maximum(c, sizes) + int(c.status);
}
)";
  return src;
}

std::string compile_for(const std::string& arch, const std::string& src, const std::string& name, std::string& log) {
  nvrtcProgram prog;
  if (nvrtcCreateProgram(&prog, src.c_str(), name.c_str(), 0, nullptr, nullptr) != NVRTC_SUCCESS)
    return "nvrtcCreateProgram failed";
  std::string arch_opt = "--gpu-architecture=" + arch;
  std::string inc = std::string("-I") + BATTC_SOURCE_DIR;
  std::vector<const char*> opts = {arch_opt.c_str(), inc.c_str(), "-std=c++20", "-dlto", "-rdc=true"};
  nvrtcResult r = nvrtcCompileProgram(prog, int(opts.size()), opts.data());
  size_t n = 0;
  nvrtcGetProgramLogSize(prog, &n);
  log.assign(n, '\0');
  nvrtcGetProgramLog(prog, log.data());
  size_t ir = 0;
  if (r == NVRTC_SUCCESS) nvrtcGetLTOIRSize(prog, &ir);
  nvrtcDestroyProgram(&prog);
  if (r != NVRTC_SUCCESS) return nvrtcGetErrorString(r);
  if (ir == 0) return "no LTO-IR produced";
  return "";
}

void check_arch(const std::string& arch) {
  std::string log;
  {
    INFO("the header probe for " << arch);
    std::string err = compile_for(arch, probe_unit(), "dsl_probe.cu", log);
    INFO(log);
    CHECK(err == "");
  }
  std::vector<std::string> cpps = dsl_sources();
  CHECK(cpps.size() >= 3);
  for (const std::string& f : cpps) {
    INFO("dsl/" << f << " for " << arch);
    std::string err = compile_for(arch, "#include \"dsl/" + f + "\"\n", f, log);
    INFO(log);
    CHECK(err == "");
  }
}

}  // namespace

TEST_CASE("nvrtc compiles the DSL runtime for sm_75", "[nvrtc]") { check_arch("sm_75"); }

TEST_CASE("nvrtc compiles the DSL runtime for sm_90", "[nvrtc]") { check_arch("sm_90"); }

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The CUDA unit of a program file, as battc emits it.
std::string cuda_unit_of(const std::string& programs) {
  battc::generator::PipelineOptions po;
  po.program_files = {programs};
  po.emit = false;
  auto g = battc::generator::run_pipeline(po);
  INFO(g->diags.render(g->sources));
  REQUIRE(g->report.rejected == 0);
  battc::generator::EmitOptions eo;
  eo.groups = battc::generator::program_groups(g->batt, 3);
  return battc::generator::emit_cuda_unit(g->batt, eo);
}

}  // namespace

TEST_CASE("nvrtc compiles templates/cuda_unit.cu alone and emitted CUDA batts", "[nvrtc]") {
  std::string dir = BATTC_SOURCE_DIR;
  std::vector<std::pair<std::string, std::string>> units = {
      {"cuda_unit.cu (default fill-ins)", read_file(dir + "/templates/cuda_unit.cu")},
      {"demo programs", cuda_unit_of(dir + "/tasks/demo/programs.py")},
      {"arc1 golden programs", cuda_unit_of(dir + "/tests/golden/arc1/programs.py")},
  };
  for (const auto& [what, src] : units) {
    REQUIRE_FALSE(src.empty());
    for (const char* arch : {"sm_75", "sm_90"}) {
      INFO(what << " for " << arch);
      std::string log;
      std::string err = compile_for(arch, src, "batt.cu", log);
      INFO(log);
      CHECK(err == "");
    }
  }
}
