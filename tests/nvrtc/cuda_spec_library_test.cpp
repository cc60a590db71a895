// tests/nvrtc/cuda_spec_library_test.cpp: the device specs engine's code
// without a GPU: the demo's statement shapes become device spec packs
// (NVRTC), found again by a fresh library through their refs (no compile),
// and are linked with the spec kernels and the DSL device library into one
// cubin holding every pack's table; a program with one new shape compiles
// one pack; the same packs link once (memory), then from disk.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "generator/emit/emit_specs.h"
#include "generator/pipeline.h"
#include "runtime/jit/cuda_device_runtime.h"
#include "runtime/jit/cuda_spec_library.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace battc::runtime::jit;

namespace {

std::vector<battc::generator::SpecDef> specs_of(const std::string& file, const std::string& text = "") {
  battc::generator::PipelineOptions po;
  if (text.empty()) po.program_files = {file};
  else po.program_texts = {{file, text}};
  auto g = battc::generator::run_pipeline(po);
  REQUIRE(g->report.rejected == 0);
  return battc::generator::batt_specs(g->batt);
}

bool contains(const std::vector<char>& bytes, const std::string& s) {
  return std::search(bytes.begin(), bytes.end(), s.begin(), s.end()) != bytes.end();
}

std::vector<std::string> keys_of(const std::vector<battc::generator::SpecDef>& specs) {
  std::vector<std::string> keys;
  for (const auto& d : specs) keys.push_back(d.key);
  return keys;
}

}  // namespace

TEST_CASE("device spec packs compile once, link with the spec kernels, and a new shape costs one pack",
          "[cuda_jit][specs]") {
  battc::test::TempDir cache("battc-cuda-specs");
  const std::string arch = cuda_device_archs().back();
  const auto demo = specs_of(std::string(BATTC_SOURCE_DIR) + "/tasks/demo/programs.py");

  auto lib = CudaSpecLibrary::open(arch, cache.path);
  if (!lib) FAIL(lib.error().what());
  auto first = lib.value()->ensure(demo, 2);
  if (!first) FAIL(first.error().what());
  CHECK(first->missing == first->needed);
  CHECK(first->packs >= 1);
  std::cout << "device spec packs for " << arch << ": " << first->missing << " specs in " << first->packs
            << " packs, " << first->seconds << " s\n";
  auto linked = lib.value()->link(keys_of(demo));
  if (!linked) FAIL(linked.error().what());
  const CudaSpecLink& l = **linked;
  CHECK(l.cubin.size() > 4);
  CHECK(std::memcmp(l.cubin.data(), "\x7f" "ELF", 4) == 0);
  CHECK(contains(l.cubin, "battc_spec_eval_kernel"));
  CHECK(contains(l.cubin, "battc_spec_prologue_kernel"));
  for (const auto& d : demo) {
    INFO(d.key);
    REQUIRE(l.slots.count(d.key) == 1);
    CHECK(contains(l.cubin, l.slots.at(d.key).symbol));
  }
  auto again = lib.value()->link(keys_of(demo));
  REQUIRE(again);
  CHECK(again->get() == linked->get());  // the same packs: the same link, from memory

  // A fresh library on the same folder finds every spec through its ref.
  auto fresh = CudaSpecLibrary::open(arch, cache.path);
  REQUIRE(fresh);
  auto second = fresh.value()->ensure(demo, 2);
  REQUIRE(second);
  CHECK(second->missing == 0);
  auto from_disk = fresh.value()->link(keys_of(demo));
  REQUIRE(from_disk);
  CHECK((*from_disk)->cache_hit);
  CHECK((*from_disk)->cubin == l.cubin);

  // One program with a shape the demo lacks: one small pack, then a link.
  const auto more = specs_of("new.py", "def solve_new(I):\n    x1 = hmirror(I)\n    O = vconcat(I, x1)\n    return O\n");
  std::vector<battc::generator::SpecDef> all = demo;
  all.insert(all.end(), more.begin(), more.end());
  auto third = fresh.value()->ensure(all, 2);
  REQUIRE(third);
  CHECK(third->missing > 0);
  CHECK(third->missing < 5);
  CHECK(third->packs == 1);
  auto relinked = fresh.value()->link(keys_of(all));
  REQUIRE(relinked);
  CHECK((*relinked)->packs == l.packs + 1);
  // A changed program of known shapes: no compile and no link.
  const auto changed = specs_of("changed.py", "def solve_new(I):\n    x1 = hmirror(I)\n    O = vconcat(x1, I)\n    return O\n");
  std::vector<battc::generator::SpecDef> all2 = demo;
  all2.insert(all2.end(), changed.begin(), changed.end());
  auto fourth = fresh.value()->ensure(all2, 2);
  REQUIRE(fourth);
  CHECK(fourth->missing == 0);
  auto same = fresh.value()->link(keys_of(all2));
  REQUIRE(same);
  CHECK(same->get() == relinked->get());
  std::cout << "a new shape: " << third->missing << " spec(s), NVRTC " << third->seconds << " s, nvJitLink "
            << (*relinked)->seconds << " s\n";
}
