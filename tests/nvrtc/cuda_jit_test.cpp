// tests/nvrtc/cuda_jit_test.cpp: jit::compile_cuda without a GPU: the
// hand-written CUDA unit tests/data/batt/mini_batt.cu goes through NVRTC and
// nvJitLink (with the DSL device library) to a cubin for sm_75 and sm_90; a
// second compile is a cache hit; a unit compiled in parts links into one
// cubin; an emitted unit's program groups are compiled as modules, cached
// by group across batts; and the error values: an NVRTC syntax error, an unknown or
// malformed architecture, a missing device library, a bad number of parts,
// malformed group markers; a working directory with headers of the same
// names is not searched.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "generator/emit/emit_host.h"
#include "generator/pipeline.h"
#include "runtime/jit/cuda_device_runtime.h"
#include "runtime/jit/cuda_jit.h"
#include "runtime/jit/cuda_modules.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace battc::runtime::jit;

namespace {

using battc::test::EnvGuard;
using battc::test::TempDir;

EmittedUnit mini_cuda() {
  std::ifstream in(std::string(BATTC_SOURCE_DIR) + "/tests/data/batt/mini_batt.cu");
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return EmittedUnit{"mini_batt", s.str()};
}

bool built_for(const std::string& arch) {
  for (const auto& a : cuda_device_archs())
    if (a == arch) return true;
  return false;
}

bool is_elf(const std::vector<char>& b) { return b.size() > 4 && std::memcmp(b.data(), "\x7f" "ELF", 4) == 0; }

// The mini unit compiled for the first built architecture with the cache
// off; it must compile to a cubin.
CudaObject compile_mini_uncached() {
  CudaJitOptions o;
  o.arch = cuda_device_archs().front();
  o.cache_dir = "";
  auto r = compile_cuda(mini_cuda(), o);
  INFO((r ? std::string() : r.error().what()));
  REQUIRE(r.ok());
  CHECK(is_elf(r->cubin));
  return *r;
}

std::vector<std::string> files_with(const std::string& dir, const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ext) out.push_back(e.path().filename().string());
  return out;
}

void check_compile_and_hit(const std::string& arch) {
  if (!built_for(arch)) {
    std::cout << "[SKIP] no DSL device library was built for " << arch << "\n";
    return;
  }
  TempDir cache{"battc-cuda-jit-test"};
  CudaJitOptions o;
  o.arch = arch;
  o.cache_dir = cache.path;
  auto first = compile_cuda(mini_cuda(), o);
  INFO((first ? std::string() : first.error().what()));
  REQUIRE(first.ok());
  CHECK_FALSE(first->cache_hit);
  CHECK(first->arch == arch);
  CHECK(is_elf(first->cubin));
  CHECK(std::string(first->cubin.begin(), first->cubin.end()).find("mini_batt_eval") != std::string::npos);
  CHECK(first->cache_key.size() == 64);
  CHECK(first->nvrtc_options.front() == "-arch=" + arch);
  CHECK(first->nvjitlink_options == std::vector<std::string>{"-arch=" + arch});  // a plain link, no LTO
  CHECK(first->parts == 1);
  CHECK(fs::path(first->device_library).filename() == "libbattc_dsl_device_" + arch + ".a");
  CHECK(first->nvrtc_seconds > 0);
  CHECK(first->nvjitlink_seconds > 0);
  CHECK(files_with(cache.path, ".cubin") == std::vector<std::string>{first->cache_key + ".cubin"});
  CHECK(first->cubin_path == cache.path + "/" + first->cache_key + ".cubin");

  auto second = compile_cuda(mini_cuda(), o);
  REQUIRE(second.ok());
  CHECK(second->cache_hit);
  CHECK(second->cache_key == first->cache_key);
  CHECK(second->cubin == first->cubin);
  CHECK(second->nvrtc_log == first->nvrtc_log);
  CHECK(second->nvjitlink_log == first->nvjitlink_log);
  CHECK(second->nvrtc_seconds == 0);
  std::cout << "cuda_jit " << arch << ": nvrtc " << first->nvrtc_seconds << " s, nvjitlink "
            << first->nvjitlink_seconds << " s, total " << first->seconds << " s, cubin " << first->cubin.size()
            << " bytes; cache hit " << second->seconds * 1000 << " ms\n";

  // Another option is another entry.
  o.extra_options = {"-DBATTC_TEST_VARIANT=1"};
  auto third = compile_cuda(mini_cuda(), o);
  REQUIRE(third.ok());
  CHECK_FALSE(third->cache_hit);
  CHECK(third->cache_key != first->cache_key);
  CHECK(third->nvrtc_options.back() == "-DBATTC_TEST_VARIANT=1");
  CHECK(files_with(cache.path, ".cubin").size() == 2);
}

}  // namespace

TEST_CASE("compile_cuda builds a cubin for sm_75, then hits the cache", "[nvrtc][cuda_jit]") {
  check_compile_and_hit("sm_75");
}

TEST_CASE("compile_cuda builds a cubin for sm_90, then hits the cache", "[nvrtc][cuda_jit]") {
  check_compile_and_hit("sm_90");
}

TEST_CASE("compile_cuda with the cache off", "[nvrtc][cuda_jit]") {
  CudaObject r = compile_mini_uncached();
  CHECK(r.cache_key.empty());
  CHECK(r.cubin_path.empty());
  CHECK_FALSE(r.cache_hit);
}

TEST_CASE("compile_cuda: concurrent writers of one key share one entry", "[nvrtc][cuda_jit]") {
  TempDir cache{"battc-cuda-jit-test"};
  CudaJitOptions o;
  o.arch = cuda_device_archs().front();
  o.cache_dir = cache.path;
  std::optional<Result<CudaObject>> a, b;
  std::thread ta([&] { a.emplace(compile_cuda(mini_cuda(), o)); });
  std::thread tb([&] { b.emplace(compile_cuda(mini_cuda(), o)); });
  ta.join();
  tb.join();
  REQUIRE(a->ok());
  REQUIRE(b->ok());
  CHECK((*a)->cubin == (*b)->cubin);
  CHECK(int((*a)->cache_hit) + int((*b)->cache_hit) == 1);  // the second waited on the lock, then hit
  CHECK(files_with(cache.path, ".cubin").size() == 1);
}

// A unit that splits itself as templates/cuda_unit.cu does: the kernel in
// part 0, a device function it calls in part 1 (BATTC_IN_PART).
EmittedUnit two_part_unit() {
  return EmittedUnit{"two_part", R"(#include "runtime/abi/unit_support.h"
__device__ int twice(int x);
#if BATTC_IN_PART(1)
__device__ int twice(int x) { return 2 * x; }
#endif
#if !defined(BATTC_PARTS) || BATTC_PART == 0
extern "C" __global__ void two_part_kernel(int* p) { *p = twice(*p); }
#endif
)"};
}

TEST_CASE("compile_cuda: a unit compiled in parts links into one cubin", "[nvrtc][cuda_jit]") {
  TempDir cache{"battc-cuda-jit-test"};
  CudaJitOptions o;
  o.arch = cuda_device_archs().front();
  o.cache_dir = cache.path;
  std::vector<std::string> keys;
  for (int parts : {1, 2, 3}) {  // with 3, part 2 defines nothing
    o.parts = parts;
    auto r = compile_cuda(two_part_unit(), o);
    INFO("parts " << parts << ": " << (r ? std::string() : r.error().what()));
    REQUIRE(r.ok());
    CHECK(r->parts == parts);
    CHECK(is_elf(r->cubin));
    CHECK(std::string(r->cubin.begin(), r->cubin.end()).find("two_part_kernel") != std::string::npos);
    keys.push_back(r->cache_key);
  }
  CHECK(keys[0] != keys[1]);  // the number of parts enters the key
  CHECK(keys[1] != keys[2]);
}

TEST_CASE("compile_cuda: headers come from the DSL runtime, never the working directory", "[nvrtc][cuda_jit]") {
  // Run from a battc checkout, NVRTC once found dsl/*.h beside "batt.cu" (in
  // the working directory) as well as under -I, and failed on the headers'
  // definitions met twice: the first real GPU run did so.
  TempDir cwd{"battc-cuda-jit-cwd"};
  fs::create_directories(cwd.path + "/dsl");
  std::ofstream(cwd.path + "/dsl/dsl.h") << "#error this header in the working directory must not be read\n";
  struct Chdir {
    fs::path back = fs::current_path();
    explicit Chdir(const std::string& to) { fs::current_path(to); }
    ~Chdir() { fs::current_path(back); }
  } in{cwd.path};
  compile_mini_uncached();
}

TEST_CASE("compile_cuda: parts out of range are an options error", "[nvrtc][cuda_jit]") {
  CudaJitOptions o;
  o.arch = cuda_device_archs().front();
  o.cache_dir = "";
  for (int parts : {0, -1, kMaxCudaParts + 1}) {
    o.parts = parts;
    auto r = compile_cuda(two_part_unit(), o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().stage == "options");
  }
}

TEST_CASE("compile_cuda: a syntax error is an nvrtc error with the log", "[nvrtc][cuda_jit]") {
  CudaJitOptions o;
  o.arch = cuda_device_archs().front();
  o.cache_dir = "";
  auto r = compile_cuda(EmittedUnit{"broken", "#include \"dsl/dsl.h\"\n__global__ void k() { int x = ; }\n"}, o);
  REQUIRE_FALSE(r.ok());
  INFO(r.error().what());
  CHECK(r.error().stage == "nvrtc");
  CHECK(r.error().message.find("broken.cu") != std::string::npos);
  CHECK(r.error().log.find("broken.cu(2)") != std::string::npos);  // file(line): error: ...
  CHECK(r.error().log.find("error") != std::string::npos);
}

TEST_CASE("compile_cuda: an unresolved device function is an nvjitlink error", "[nvrtc][cuda_jit]") {
  CudaJitOptions o;
  o.arch = cuda_device_archs().front();
  o.cache_dir = "";
  auto r = compile_cuda(EmittedUnit{"unresolved", "extern __device__ int battc_nowhere(int);\n"
                                                  "extern \"C\" __global__ void k(int* p) { *p = battc_nowhere(*p); }\n"},
                        o);
  REQUIRE_FALSE(r.ok());
  INFO(r.error().what());
  CHECK(r.error().stage == "nvjitlink");
  CHECK(r.error().log.find("battc_nowhere") != std::string::npos);
}

TEST_CASE("compile_cuda: unknown and malformed architectures", "[nvrtc][cuda_jit]") {
  CudaJitOptions o;
  o.arch = "sm_42";
  auto r = compile_cuda(mini_cuda(), o);
  REQUIRE_FALSE(r.ok());
  INFO(r.error().what());
  CHECK(r.error().stage == "arch");
  CHECK(r.error().message.find("sm_42") != std::string::npos);
  CHECK(r.error().message.find(cuda_device_archs().front()) != std::string::npos);  // lists what was built

  o.arch = "compute_75";
  auto m = compile_cuda(mini_cuda(), o);
  REQUIRE_FALSE(m.ok());
  CHECK(m.error().stage == "arch");
  CHECK(m.error().message.find("sm_XX") != std::string::npos);
}

TEST_CASE("compile_cuda: a missing device library is a clear error", "[nvrtc][cuda_jit]") {
  TempDir empty{"battc-cuda-jit-test"};
  EnvGuard env("BATTC_DSL_DEVICE_DIR", empty.path);
  CudaJitOptions o;
  o.arch = cuda_device_archs().front();
  o.cache_dir = "";
  auto r = compile_cuda(mini_cuda(), o);
  REQUIRE_FALSE(r.ok());
  INFO(r.error().what());
  CHECK(r.error().stage == "runtime");
  CHECK(r.error().message.find(empty.path + "/libbattc_dsl_device_" + o.arch + ".a") != std::string::npos);
  CHECK(r.error().message.find("BATTC_DSL_DEVICE_DIR") != std::string::npos);
}

namespace {

// The CUDA unit of `programs` (Python text), one group per program.
EmittedUnit grouped_unit(const std::string& dir, const std::string& programs) {
  std::string path = dir + "/programs.py";
  std::ofstream(path) << programs;
  battc::generator::PipelineOptions po;
  po.program_files = {path};
  po.emit = false;
  auto g = battc::generator::run_pipeline(po);
  REQUIRE(g->report.rejected == 0);
  battc::generator::EmitOptions eo;
  for (int p = 0; p < static_cast<int>(g->batt.programs().size()); ++p) eo.groups.push_back({p});
  return EmittedUnit{"grouped", battc::generator::emit_cuda_unit(g->batt, eo)};
}

// Two programs the batts below share, and two versions of a third.
constexpr const char* kSharedPrograms =
    "def solve_a(I):\n    x1 = vmirror(I)\n    return hmirror(x1)\n\n"
    "def solve_b(I):\n    x1 = objects(I, T, F, T)\n    x2 = argmax(x1, size)\n    return subgrid(x2, I)\n\n";
constexpr const char* kSolveC = "def solve_c(I):\n    return rot90(I)\n";
constexpr const char* kSolveCChanged = "def solve_c(I):\n    return rot270(I)\n";

}  // namespace

TEST_CASE("cuda_group_modules: an emitted unit is a prelude and one module per program group",
          "[nvrtc][cuda_jit]") {
  TempDir work{"battc-cuda-modules-test"};
  EmittedUnit before = grouped_unit(work.path, std::string(kSharedPrograms) + kSolveC);
  auto modules = cuda_group_modules(before.source);
  REQUIRE(modules.ok());
  REQUIRE(modules->groups.size() == 3);
  CHECK(modules->prelude.find("struct Prologue {") == std::string::npos);  // only the prelude's declaration
  for (const CudaGroupModule& m : modules->groups) {
    CHECK(m.name.size() == 16);
    CHECK(m.text.find("void group_" + m.name + "(Env& e) {") != std::string::npos);
  }
  std::string two = cuda_module_source(*modules, {0, 2});
  CHECK(two.rfind(modules->prelude, 0) == 0);
  CHECK(two.find(modules->groups[0].text) != std::string::npos);
  CHECK(two.find(modules->groups[1].text) == std::string::npos);
  CHECK(two.find(modules->groups[2].text) != std::string::npos);
}

TEST_CASE("compile_cuda: each program group is compiled once for every batt, alone or with others",
          "[nvrtc][cuda_jit]") {
  if (!built_for("sm_75")) {
    std::cout << "[SKIP] no DSL device library was built for sm_75\n";
    return;
  }
  TempDir work{"battc-cuda-modules-test"};
  EmittedUnit before = grouped_unit(work.path, std::string(kSharedPrograms) + kSolveC);
  EmittedUnit after = grouped_unit(work.path, std::string(kSharedPrograms) + kSolveCChanged);
  EmittedUnit fewer = grouped_unit(work.path, kSharedPrograms);

  // The three groups, none cached, compiled as one module: one cubin, and a
  // ref per group naming it.
  const std::string dir = work.path + "/cache/cuda-modules";
  CudaJitOptions o;
  o.arch = "sm_75";
  o.cache_dir = work.path + "/cache";
  o.max_group_modules = 1;
  auto first = compile_cuda(before, o);
  INFO((first ? std::string() : first.error().what()));
  REQUIRE(first.ok());
  CHECK(first->groups == 3);
  CHECK(first->groups_cached == 0);
  CHECK(first->modules_compiled == 1);
  CHECK(files_with(dir, ".cubin").size() == 1);
  CHECK(files_with(dir + "/refs", ".ref").size() == 3);
  CHECK(std::string(first->cubin.begin(), first->cubin.end()).find("battc_eval_kernel") != std::string::npos);

  // solve_c changed: its group is compiled alone, the other two come from
  // the module (linked once, with the old solve_c's group inside: its
  // function is weak, so nvJitLink takes it once).
  o.max_group_modules = 0;
  auto second = compile_cuda(after, o);
  INFO((second ? std::string() : second.error().what()));
  REQUIRE(second.ok());
  CHECK_FALSE(second->cache_hit);
  CHECK(second->groups == 3);
  CHECK(second->groups_cached == 2);
  CHECK(second->modules_compiled == 1);
  CHECK(is_elf(second->cubin));
  CHECK(files_with(dir, ".cubin").size() == 2);
  CHECK(files_with(dir + "/refs", ".ref").size() == 3);  // a group compiled alone needs no ref

  // Another batt with two of the groups compiles none of them.
  auto third = compile_cuda(fewer, o);
  REQUIRE(third.ok());
  CHECK(third->groups_cached == 2);
  CHECK(third->modules_compiled == 0);

  // A ref that is not a key is dropped and its group compiled again (each
  // alone: two groups, at least two modules by default).
  for (const std::string& f : files_with(dir + "/refs", ".ref")) std::ofstream(dir + "/refs/" + f) << "not a key";
  fs::remove(work.path + "/cache/" + third->cache_key + ".cubin");
  auto fourth = compile_cuda(fewer, o);
  REQUIRE(fourth.ok());
  CHECK_FALSE(fourth->cache_hit);
  CHECK(fourth->groups_cached == 0);
  CHECK(fourth->modules_compiled == 2);
  CHECK(files_with(dir + "/refs", ".ref").size() == 1);  // the old solve_c's, not looked up

  // Without the cache every group is compiled.
  o.cache_dir = "";
  auto uncached = compile_cuda(after, o);
  REQUIRE(uncached.ok());
  CHECK(uncached->groups_cached == 0);
  CHECK(uncached->modules_compiled == 3);
}

TEST_CASE("compile_cuda: a unit whose group markers are malformed is a modules error", "[nvrtc][cuda_jit]") {
  EmittedUnit unit = mini_cuda();
  std::string no_end = unit.source + "// @BATTC:GROUP 0123456789abcdef\nstruct G_x {};\n";
  auto split = cuda_group_modules(no_end);
  REQUIRE_FALSE(split.ok());
  CHECK(split.error().stage == "modules");
  CHECK(split.error().message.find("no \"// @BATTC:PRELUDE_END\"") != std::string::npos);
  std::string prelude = "// @BATTC:PRELUDE_END\n" + no_end;
  split = cuda_group_modules(prelude);
  REQUIRE_FALSE(split.ok());
  CHECK(split.error().message.find("has no \"// @BATTC:GROUP_END\"") != std::string::npos);
  auto none = cuda_group_modules(unit.source);
  REQUIRE(none.ok());
  CHECK(none->groups.empty());
}
