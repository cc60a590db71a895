// tests/runtime/jit_test.cpp: the host JIT end to end on the hand-written unit
// tests/data/batt/mini_batt.cpp (compile, cache hit, load, call the three
// entry points), its error values (syntax error, missing compiler, ABI
// mismatch), cache off, concurrent writers, and the cache's key and eviction
// (one budget for the units and the spec folders' packs).
#include <catch2/catch.hpp>

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/test_support.h"
#include "runtime/jit/cache.h"
#include "runtime/jit/cache_key.h"
#include "runtime/jit/compile_host.h"

namespace fs = std::filesystem;
using namespace battc::runtime::jit;
namespace abi = battc::abi;
namespace dsl = battc::dsl;

namespace {

using battc::test::EnvGuard;
using battc::test::TempDir;

EmittedUnit mini_batt() {
  std::ifstream in(std::string(BATTC_SOURCE_DIR) + "/tests/data/batt/mini_batt.cpp");
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return EmittedUnit{"mini_batt", s.str()};
}

std::vector<std::string> cache_entries(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".so") out.push_back(e.path().filename().string());
  }
  return out;
}

// A 2x3 input, its hmirror, and the run of the unit's three programs on it
// with `n_train` train pairs.
struct MiniRun {
  std::vector<dsl::Int> in_cells{1, 2, 3, 4, 5, 6};
  std::vector<dsl::Int> mirror_cells{4, 5, 6, 1, 2, 3};
  std::vector<unsigned char> arena = std::vector<unsigned char>(1 << 20);
  alignas(16) unsigned char prologue[256] = {};
  abi::ProgramOut out[3] = {};

  dsl::Grid input() const { return dsl::Grid{in_cells.data(), 2, 3}; }
  dsl::Grid mirrored() const { return dsl::Grid{mirror_cells.data(), 2, 3}; }

  void run(const LoadedBatt& b, int n_train) {
    std::vector<dsl::Grid> tin(size_t(n_train), input()), tout(size_t(n_train), mirrored());
    abi::TaskIn task{tin.data(), tout.data(), n_train};
    REQUIRE(b.info->prologue_bytes <= sizeof prologue);
    dsl::Ctx task_ctx(arena.data(), arena.size() / 2, 1 << 20);
    b.prologue(&task, &task_ctx, prologue);
    dsl::Ctx ctx(arena.data() + arena.size() / 2, arena.size() / 2, 1 << 20);
    abi::SampleIn sample{input(), mirrored(), 1};
    b.eval(&task, prologue, &sample, &ctx, nullptr, out, 1);
  }
};

bool same_grid(const dsl::Grid& a, const dsl::Grid& b) {
  if (a.h != b.h || a.w != b.w) return false;
  for (int i = 0; i < a.h; ++i)
    for (int j = 0; j < a.w; ++j)
      if (a.at(i, j) != b.at(i, j)) return false;
  return true;
}

void check_mini_batt(const LoadedBatt& b) {
  REQUIRE(b.info != nullptr);
  CHECK(b.info->abi_version == abi::kAbiVersion);
  REQUIRE(b.info->n_programs == 3);
  CHECK(std::string(b.info->program_names[0]) == "solve_fail");
  CHECK(std::string(b.info->program_names[1]) == "solve_mirror");
  CHECK(std::string(b.info->program_names[2]) == "solve_row");

  MiniRun one;
  one.run(b, 1);
  CHECK(one.out[0].evaluated == 1);
  CHECK(one.out[0].status == dsl::u8(dsl::Status::Ok));
  CHECK(one.out[1].status == dsl::u8(dsl::Status::Ok));
  CHECK(one.out[1].is_grid == 1);
  CHECK(one.out[1].matches == 1);
  CHECK(same_grid(one.out[1].grid, one.mirrored()));
  REQUIRE(one.out[1].text != nullptr);
  CHECK(std::string(one.out[1].text) == "[[4,5,6],[1,2,3]]");
  CHECK(one.out[2].status == dsl::u8(dsl::Status::Ok));
  CHECK(one.out[2].is_grid == 0);

  MiniRun two;
  two.run(b, 2);
  CHECK(two.out[0].status == dsl::u8(dsl::Status::Error));  // solve_fail: ok only for one pair
  CHECK(two.out[1].matches == 1);
}

}  // namespace

TEST_CASE("jit: mini_batt compiles, loads and runs, the second compile is a cache hit", "[jit]") {
  TempDir cache{"battc-jit-test"};
  JitOptions opt;
  opt.cache_dir = cache.path;
  auto before = cache_stats();

  auto first = compile_host(mini_batt(), opt);
  if (!first) FAIL(first.error().what());
  CHECK_FALSE(first->cache_hit);
  CHECK(first->cache_key.size() == 64);
  CHECK(first->compiled.command.size() > 5);
  CHECK_FALSE(first->compiled.compiler_id.empty());
  CHECK(first->cache_note.empty());
  check_mini_batt(*first);
  CHECK(cache_entries(cache.path) == std::vector<std::string>{first->cache_key + ".so"});
  CHECK(fs::exists(cache.path + "/" + first->cache_key + ".log"));

  auto second = compile_host(mini_batt(), opt);
  if (!second) FAIL(second.error().what());
  CHECK(second->cache_hit);
  CHECK(second->cache_key == first->cache_key);
  check_mini_batt(*second);
  WARN("mini_batt: compile " << first->seconds << " s (compiler " << first->compiled.compiler_seconds
                             << " s), cache hit " << second->seconds << " s");
  CHECK(second->seconds * 10 < first->seconds);

  auto after = cache_stats();
  CHECK(after.hits - before.hits == 1);
  CHECK(after.misses - before.misses == 1);
}

TEST_CASE("jit: a syntax error is a compile error value carrying the compiler's log", "[jit]") {
  TempDir cache{"battc-jit-test"};
  JitOptions opt;
  opt.cache_dir = cache.path;
  auto r = compile_host(EmittedUnit{"bad_unit", "int broken( { return 0; }\n"}, opt);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().stage == "compile");
  CHECK(r.error().message.find("bad_unit") != std::string::npos);
  CHECK(r.error().log.find("bad_unit.cpp:1:") != std::string::npos);
  CHECK(r.error().log.find("error") != std::string::npos);
  CHECK(cache_entries(cache.path).empty());  // failures are not cached
}

TEST_CASE("jit: $CXX naming a missing file gives the no-compiler error", "[jit]") {
  EnvGuard cxx("CXX", std::string("/nonexistent/battc-test/c++"));
  TempDir cache{"battc-jit-test"};
  JitOptions opt;
  opt.cache_dir = cache.path;
  auto r = compile_host(mini_batt(), opt);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().stage == "probe");
  CHECK(r.error().message.find("no C++ compiler was found") != std::string::npos);
  CHECK(r.error().message.find("CXX") != std::string::npos);
}

TEST_CASE("jit: cache off (empty BATTC_CACHE_DIR) still compiles and runs", "[jit]") {
  EnvGuard env("BATTC_CACHE_DIR", std::string(""));
  CHECK_FALSE(resolve_cache_dir(std::nullopt).has_value());
  JitOptions opt;
  opt.extra_flags = {"-O0"};
  auto r = compile_host(mini_batt(), opt);
  if (!r) FAIL(r.error().what());
  CHECK_FALSE(r->cache_hit);
  CHECK(r->cache_key.empty());
  CHECK_FALSE(fs::exists(r->compiled.so_path));  // the temp files are gone; the mapping stays
  check_mini_batt(*r);
}

TEST_CASE("jit: two threads compiling the same unit both succeed, one compiles", "[jit]") {
  TempDir cache{"battc-jit-test"};
  JitOptions opt;
  opt.cache_dir = cache.path;
  opt.extra_flags = {"-O0"};
  std::optional<Result<LoadedBatt>> a, b;
  std::thread ta([&] { a.emplace(compile_host(mini_batt(), opt)); });
  std::thread tb([&] { b.emplace(compile_host(mini_batt(), opt)); });
  ta.join();
  tb.join();
  if (!*a) FAIL(a->error().what());
  if (!*b) FAIL(b->error().what());
  CHECK((*a)->cache_key == (*b)->cache_key);
  CHECK(int((*a)->cache_hit) + int((*b)->cache_hit) == 1);
  check_mini_batt(**a);
  check_mini_batt(**b);
  CHECK(cache_entries(cache.path).size() == 1);
  for (const auto& e : fs::directory_iterator(cache.path)) {
    CHECK(e.path().filename().string().rfind("tmp.", 0) != 0);  // no temp leftovers
  }
}

TEST_CASE("jit: a unit built for another ABI version is refused", "[jit]") {
  const char* src = R"(#include "runtime/abi/batt_abi.h"
namespace abi = battc::abi;
extern "C" __attribute__((visibility("default"))) const abi::BattInfo* battc_info() {
  static const abi::BattInfo info{abi::kAbiVersion + 1, 0, nullptr, nullptr, 0, 0, 0, nullptr, nullptr};
  return &info;
}
extern "C" __attribute__((visibility("default"))) void battc_prologue(const abi::TaskIn*, battc::dsl::Ctx*, void*) {}
extern "C" __attribute__((visibility("default"))) void battc_eval(const abi::TaskIn*, const void*,
    const abi::SampleIn*, battc::dsl::Ctx*, const battc::dsl::u8*, abi::ProgramOut*, int) {}
)";
  TempDir cache{"battc-jit-test"};
  JitOptions opt;
  opt.cache_dir = cache.path;
  opt.extra_flags = {"-O0"};
  auto r = compile_host(EmittedUnit{"future_abi", src}, opt);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().stage == "entry");
  CHECK(r.error().message.find("ABI version mismatch") != std::string::npos);
}

TEST_CASE("jit: cache folder precedence", "[jit]") {
  EnvGuard a("BATTC_CACHE_DIR", std::nullopt);
  EnvGuard b("XDG_CACHE_HOME", std::string("/xdg"));
  EnvGuard c("HOME", std::string("/home/u"));
  CHECK(resolve_cache_dir(std::string("/explicit")) == std::optional<std::string>("/explicit"));
  CHECK_FALSE(resolve_cache_dir(std::string("")).has_value());
  CHECK(resolve_cache_dir(std::nullopt) == std::optional<std::string>("/xdg/battc"));
  {
    EnvGuard d("XDG_CACHE_HOME", std::nullopt);
    CHECK(resolve_cache_dir(std::nullopt) == std::optional<std::string>("/home/u/.cache/battc"));
  }
  EnvGuard e("BATTC_CACHE_DIR", std::string("/env"));
  CHECK(resolve_cache_dir(std::nullopt) == std::optional<std::string>("/env"));
  CHECK(resolve_cache_dir(std::string("/explicit")) == std::optional<std::string>("/explicit"));
}

TEST_CASE("jit: the cache key covers source, flags in order, compiler and DSL runtime", "[jit]") {
  HostCompiler cxx{"/usr/bin/c++", "c++ 1"};
  DslRuntime rt{"/inc", "/lib.a", "hash1"};
  EmittedUnit u{"u", "int x;"};
  std::string k = host_cache_key(u, {}, cxx, rt);
  CHECK(k.size() == 64);
  CHECK(host_cache_key(u, {}, cxx, rt) == k);
  CHECK(host_cache_key(EmittedUnit{"u", "int y;"}, {}, cxx, rt) != k);
  CHECK(host_cache_key(u, {"-O0"}, cxx, rt) != k);
  CHECK(host_cache_key(u, {"-O0", "-O3"}, cxx, rt) != host_cache_key(u, {"-O3", "-O0"}, cxx, rt));
  CHECK(host_cache_key(u, {}, HostCompiler{"/usr/bin/c++", "c++ 2"}, rt) != k);
  CHECK(host_cache_key(u, {}, cxx, DslRuntime{"/inc", "/lib.a", "hash2"}) != k);
  // Where the runtime lives does not matter, only its content.
  CHECK(host_cache_key(u, {}, cxx, DslRuntime{"/other", "/other.a", "hash1"}) == k);
}

TEST_CASE("jit: eviction drops least recently used entries past the size limit", "[jit]") {
  TempDir dir{"battc-jit-test"};
  auto make = [&](char c, int age_s) {
    std::string key(64, c);
    std::ofstream(dir.path + "/" + key + ".so") << std::string(1000, 'x');
    std::ofstream(dir.path + "/" + key + ".log") << "";
    auto t = fs::file_time_type::clock::now() - std::chrono::seconds(age_s);
    fs::last_write_time(dir.path + "/" + key + ".so", t);
    return key;
  };
  std::string oldest = make('a', 300), middle = make('b', 200), newest = make('c', 100);
  fs::create_directory(dir.path + "/tmp.stale.1.0");
  fs::last_write_time(dir.path + "/tmp.stale.1.0", fs::file_time_type::clock::now() - std::chrono::hours(2));

  FileCache cache(dir.path, 2500);
  CHECK(cache.lookup(oldest).has_value());  // a hit makes it the most recently used
  cache.evict(newest);
  CHECK(fs::exists(dir.path + "/" + oldest + ".so"));
  CHECK_FALSE(fs::exists(dir.path + "/" + middle + ".so"));
  CHECK_FALSE(fs::exists(dir.path + "/" + middle + ".log"));
  CHECK(fs::exists(dir.path + "/" + newest + ".so"));
  CHECK_FALSE(fs::exists(dir.path + "/tmp.stale.1.0"));
}

TEST_CASE("jit: eviction weighs the spec folders' packs and the units in one budget", "[jit]") {
  TempDir dir{"battc-jit-test"};
  fs::create_directory(dir.path + "/specs-0123");
  fs::create_directory(dir.path + "/cuda-modules");  // a cache of its own: not weighed here
  auto make = [&](const std::string& folder, char c, int age_s) {
    std::string key(64, c);
    std::ofstream(folder + "/" + key + ".so") << std::string(1000, 'x');
    std::ofstream(folder + "/" + key + ".log") << "";
    std::ofstream(folder + "/" + key + ".lock") << "";
    fs::last_write_time(folder + "/" + key + ".so", fs::file_time_type::clock::now() - std::chrono::seconds(age_s));
    return folder + "/" + key;
  };
  std::string specs = dir.path + "/specs-0123";
  std::string old_pack = make(specs, 'a', 500), old_unit = make(dir.path, 'b', 400);
  std::string new_pack = make(specs, 'c', 300), kept_pack = make(specs, 'd', 600);
  std::string unit = make(dir.path, 'e', 100), other_cache = make(dir.path + "/cuda-modules", 'f', 900);
  fs::create_directory(specs + "/tmp.stale.1.0");
  fs::last_write_time(specs + "/tmp.stale.1.0", fs::file_time_type::clock::now() - std::chrono::hours(2));

  // A pack's cache: its folder is the spec folder, its budget the cache's.
  FileCache packs(specs, 3500, ".so", dir.path);
  packs.evict(std::vector<std::string>{std::string(64, 'd'), std::string(64, 'e')});
  CHECK(fs::exists(kept_pack + ".so"));  // oldest, but kept
  CHECK_FALSE(fs::exists(old_pack + ".so"));
  CHECK_FALSE(fs::exists(old_pack + ".log"));
  CHECK_FALSE(fs::exists(old_pack + ".lock"));
  CHECK_FALSE(fs::exists(old_unit + ".so"));
  CHECK(fs::exists(new_pack + ".so"));
  CHECK(fs::exists(unit + ".so"));
  CHECK(fs::exists(other_cache + ".so"));
  CHECK_FALSE(fs::exists(specs + "/tmp.stale.1.0"));

  // The unit cache weighs the spec folders too: 3 entries of 1000 bytes over 2500.
  FileCache units(dir.path, 2500);
  units.evict(std::string(64, 'e'));
  CHECK_FALSE(fs::exists(kept_pack + ".so"));  // now the least recently used
  CHECK(fs::exists(new_pack + ".so"));
  CHECK(fs::exists(unit + ".so"));
}
