// tests/nvrtc/cuda_spec_library_test.cpp: the device specs engine's code
// without a GPU: the demo's statement shapes become device spec packs
// (NVRTC), found again by a fresh library through their refs (no compile),
// and are linked with the spec kernels and the DSL device library into one
// cubin holding every pack's table; a program with one new shape compiles
// one pack; the same packs link once (memory), then from disk.
#include <catch2/catch.hpp>

#include <elf.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
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

// The size of the global symbol `name` in an ELF image (a cubin), or -1.
long elf_symbol_size(const std::vector<char>& image, const std::string& name) {
  if (image.size() < sizeof(Elf64_Ehdr)) return -1;
  Elf64_Ehdr eh;
  std::memcpy(&eh, image.data(), sizeof eh);
  auto section = [&](std::size_t i) {
    Elf64_Shdr sh;
    std::memcpy(&sh, image.data() + eh.e_shoff + i * sizeof(Elf64_Shdr), sizeof sh);
    return sh;
  };
  for (std::size_t i = 0; i < eh.e_shnum; ++i) {
    const Elf64_Shdr sh = section(i);
    if (sh.sh_type != SHT_SYMTAB) continue;
    const Elf64_Shdr strtab = section(sh.sh_link);
    for (std::size_t k = 0; k < sh.sh_size / sizeof(Elf64_Sym); ++k) {
      Elf64_Sym sym;
      std::memcpy(&sym, image.data() + sh.sh_offset + k * sizeof(Elf64_Sym), sizeof sym);
      if (name == image.data() + strtab.sh_offset + sym.st_name) return static_cast<long>(sym.st_size);
    }
  }
  return -1;
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
  std::map<std::string, int> entries;  // per table: the most entries the keys need
  for (const auto& d : demo) {
    INFO(d.key);
    REQUIRE(l.slots.count(d.key) == 1);
    const CudaSpecSlot& slot = l.slots.at(d.key);
    entries[slot.symbol] = std::max(entries[slot.symbol], slot.index + 1);
  }
  // Each pack's table is a global of the linked cubin, 8 bytes an entry
  // (what CudaDevice reads with cuModuleGetGlobal).
  for (const auto& [symbol, n] : entries) {
    INFO(symbol);
    CHECK(elf_symbol_size(l.cubin, symbol) == 8L * n);
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
