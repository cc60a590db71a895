// tests/runtime/get_or_build_test.cpp: the cache protocol on its own (a miss
// builds and publishes, then a hit; an unsound entry is rebuilt; a failed or
// throwing build leaves no entry and no temp folder; threads and processes
// racing on one key build once), the worker threads (a throw comes back to
// the caller after the join), and the spec library on it: a throw in a
// pack's thread is an exception for ensure()'s caller, spec packs are evicted
// under the cache's one budget like units, rebuilt on next use, and a pack
// that serves a batt is marked used.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "generator/diag/internal_error.h"
#include "generator/emit/emit_specs.h"
#include "generator/pipeline.h"
#include "runtime/jit/cache.h"
#include "runtime/jit/compile_host.h"
#include "runtime/jit/get_or_build.h"
#include "runtime/jit/spec_library.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace battc::runtime::jit;
using battc::test::slurp;
using battc::test::TempDir;

namespace {

const std::string kKey = std::string(63, 'a') + "1";

// A build writing `text`, counting its calls.
BuildFn writer(std::atomic<int>& builds, std::string text = "artefact", int sleep_ms = 0) {
  return [&builds, text, sleep_ms](const std::string& work_dir, const std::string& artefact) -> Result<std::string> {
    ++builds;  // no CHECK here: builds run on worker threads too
    if (fs::path(artefact).parent_path() != fs::path(work_dir)) return jit_error("test", "artefact outside work_dir");
    std::ofstream(artefact) << text;
    std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms));
    return "log of " + text;
  };
}

// The names in `dir` that start with "tmp." (a build's leftovers).
std::vector<std::string> temp_folders(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind("tmp.", 0) == 0) out.push_back(e.path().string());
  return out;
}

// The spec packs (*.so) in the cache's spec folders.
std::vector<std::string> spec_packs(const std::string& cache_dir) {
  std::vector<std::string> out;
  for (const auto& dir : fs::directory_iterator(cache_dir)) {
    if (dir.path().filename().string().rfind("specs-", 0) != 0) continue;
    for (const auto& e : fs::directory_iterator(dir.path()))
      if (e.path().extension() == ".so") out.push_back(e.path().string());
  }
  return out;
}

std::vector<battc::generator::SpecDef> specs_of(const std::string& program) {
  battc::generator::PipelineOptions po;
  po.program_texts = {{"p.py", program}};
  po.emit = false;
  auto g = battc::generator::run_pipeline(po);
  REQUIRE(g);
  REQUIRE_FALSE(g->diags.has_errors());
  auto specs = battc::generator::batt_specs(g->batt);
  REQUIRE_FALSE(specs.empty());
  return specs;
}

const char* kProgramA = "def solve_a(I):\n    O = hmirror(I)\n    return O\n";
const char* kProgramB =
    "def solve_b(I):\n    x1 = objects(I, T, F, F)\n    x2 = first(x1)\n    O = paint(I, x2)\n    return O\n";

}  // namespace

TEST_CASE("get_or_build: a miss builds and publishes, the next call is a hit", "[jit][cache]") {
  TempDir dir("battc-gob");
  FileCache cache(dir.path, 1 << 20);
  std::atomic<int> builds{0};
  auto first = get_or_build(cache, kKey, writer(builds));
  if (!first) FAIL(first.error().what());
  CHECK_FALSE(first->hit);
  CHECK(first->published);
  CHECK(first->note.empty());
  CHECK(first->path == cache.entry_path(kKey));
  CHECK(slurp(first->path) == "artefact");
  CHECK(cache.read_log(kKey) == "log of artefact");
  CHECK(builds == 1);

  auto second = get_or_build(cache, kKey, writer(builds, "other"));
  REQUIRE(second.ok());
  CHECK(second->hit);
  CHECK(second->path == first->path);
  CHECK(slurp(second->path) == "artefact");
  CHECK(builds == 1);
  CHECK(temp_folders(dir.path).empty());
}

TEST_CASE("get_or_build: an entry `use` refuses is dropped and built again", "[jit][cache]") {
  TempDir dir("battc-gob");
  FileCache cache(dir.path, 1 << 20);
  std::ofstream(cache.entry_path(kKey)) << "truncated";
  std::atomic<int> builds{0};
  std::vector<std::string> seen;
  GetOrBuildOptions how;
  how.use = [&](const std::string& path) -> Result<bool> {
    seen.push_back(slurp(path));
    if (seen.back() != "artefact") return jit_error("load", "not an artefact");
    return true;
  };
  auto r = get_or_build(cache, kKey, writer(builds), how);
  if (!r) FAIL(r.error().what());
  CHECK_FALSE(r->hit);
  CHECK(builds == 1);
  CHECK(slurp(cache.entry_path(kKey)) == "artefact");
  CHECK(seen == std::vector<std::string>{"truncated", "artefact"});  // the unsound one, then the build

  // A fresh build that `use` refuses is the result, and nothing is kept.
  std::string other = std::string(64, 'b');
  auto refused = get_or_build(cache, other, writer(builds, "not it"), how);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message == "not an artefact");
  CHECK_FALSE(fs::exists(cache.entry_path(other)));
  CHECK_FALSE(fs::exists(cache.log_path(other)));
  CHECK(temp_folders(dir.path).empty());
}

TEST_CASE("get_or_build: a failed or throwing build leaves no entry and no temp folder", "[jit][cache]") {
  TempDir dir("battc-gob");
  FileCache cache(dir.path, 1 << 20);
  BuildFn fails = [](const std::string&, const std::string& artefact) -> Result<std::string> {
    std::ofstream(artefact) << "half";
    return jit_error("compile", "it failed", "the compiler's log");
  };
  auto r = get_or_build(cache, kKey, fails);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().stage == "compile");
  CHECK(r.error().log == "the compiler's log");
  CHECK_FALSE(fs::exists(cache.entry_path(kKey)));
  CHECK_FALSE(fs::exists(cache.log_path(kKey)));
  CHECK(temp_folders(dir.path).empty());

  BuildFn throws = [](const std::string&, const std::string& artefact) -> Result<std::string> {
    std::ofstream(artefact) << "half";
    throw std::runtime_error("the build threw");
  };
  CHECK_THROWS_WITH(get_or_build(cache, kKey, throws), "the build threw");
  CHECK_FALSE(fs::exists(cache.entry_path(kKey)));
  CHECK(temp_folders(dir.path).empty());

  // A build that claims success without its artefact is battc's bug.
  BuildFn claims = [](const std::string&, const std::string&) -> Result<std::string> { return std::string("log"); };
  CHECK_THROWS_AS(get_or_build(cache, kKey, claims), battc::InternalError);
  CHECK_THROWS_AS(build_uncached(claims), battc::InternalError);
  CHECK_FALSE(fs::exists(cache.entry_path(kKey)));
  CHECK(temp_folders(dir.path).empty());

  // The lock went with the throws: the next writer builds.
  std::atomic<int> builds{0};
  auto after = get_or_build(cache, kKey, writer(builds));
  REQUIRE(after.ok());
  CHECK(builds == 1);
}

TEST_CASE("get_or_build: the cache off or unusable builds unpublished, in a folder the entry holds", "[jit][cache]") {
  std::atomic<int> builds{0};
  std::string path;
  {
    auto r = build_uncached(writer(builds));
    REQUIRE(r.ok());
    CHECK_FALSE(r->hit);
    CHECK_FALSE(r->published);
    path = r->path;
    CHECK(slurp(path) == "artefact");
  }
  CHECK_FALSE(fs::exists(fs::path(path).parent_path()));  // gone with the entry

  TempDir dir("battc-gob");
  std::ofstream(dir.path + "/file") << "";
  FileCache cache(dir.path + "/file/cache", 1 << 20);  // cannot be created
  auto r = get_or_build(cache, kKey, writer(builds));
  REQUIRE(r.ok());
  CHECK_FALSE(r->published);
  CHECK_THAT(r->note, Catch::Contains("cannot create the cache folder"));
  CHECK(slurp(r->path) == "artefact");
  CHECK(builds == 2);
}

TEST_CASE("get_or_build: threads racing on one key build it once", "[jit][cache]") {
  TempDir dir("battc-gob");
  FileCache cache(dir.path, 1 << 20);
  std::atomic<int> builds{0}, hits{0};
  std::vector<std::string> paths(4);
  run_in_threads(4, [&](std::size_t i) {
    auto r = get_or_build(cache, kKey, writer(builds, "artefact", 300));
    if (!r) throw std::runtime_error(r.error().what());
    if (r->hit) ++hits;
    paths[i] = r->path;
  });
  CHECK(builds == 1);
  CHECK(hits == 3);
  for (const auto& p : paths) CHECK(p == cache.entry_path(kKey));
  CHECK(slurp(cache.entry_path(kKey)) == "artefact");
  CHECK(temp_folders(dir.path).empty());
}

TEST_CASE("get_or_build: two processes racing on one key build it once", "[jit][cache]") {
  TempDir dir("battc-gob");
  FileCache cache(dir.path, 1 << 20);
  std::string marker = dir.path + "/builds";
  // Each build appends a line to `marker` (O_APPEND: both processes' lines stay).
  BuildFn build = [&](const std::string&, const std::string& artefact) -> Result<std::string> {
    int fd = open(marker.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      std::string line = std::to_string(getpid()) + "\n";
      (void)!write(fd, line.data(), line.size());
      close(fd);
    }
    std::ofstream(artefact) << "artefact";
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    return std::string("log");
  };
  int ready[2];
  REQUIRE(pipe(ready) == 0);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(ready[0]);
    (void)!write(ready[1], "x", 1);  // started: the parent goes now too
    auto r = get_or_build(cache, kKey, build);
    _exit(r.ok() && slurp(r->path) == "artefact" ? 0 : 1);
  }
  close(ready[1]);
  char c;
  REQUIRE(read(ready[0], &c, 1) == 1);
  close(ready[0]);
  auto mine = get_or_build(cache, kKey, build);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(mine.ok());
  CHECK(slurp(mine->path) == "artefact");
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  std::string lines = slurp(marker);
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 1);
  CHECK(temp_folders(dir.path).empty());
}

TEST_CASE("run_in_threads: a job's throw comes back after the join, never std::terminate", "[jit]") {
  std::atomic<int> ran{0};
  CHECK_THROWS_WITH(run_in_threads(4,
                                   [&](std::size_t i) {
                                     std::this_thread::sleep_for(std::chrono::milliseconds(i == 2 ? 0 : 50));
                                     ++ran;
                                     if (i == 2) throw std::runtime_error("job 2");
                                   }),
                    "job 2");
  CHECK(ran == 4);  // the others ran to their end
  CHECK_THROWS_AS(run_in_threads(3, [](std::size_t i) { BATTC_ASSERT(i != 1, "job 1"); }), battc::InternalError);
  CHECK_NOTHROW(run_in_threads(0, [](std::size_t) { throw 1; }));
}

TEST_CASE("get_or_build in worker threads: a throwing build comes back, the other keys publish", "[jit][cache]") {
  TempDir dir("battc-gob");
  FileCache cache(dir.path, 1 << 20);
  std::vector<std::string> keys = {std::string(64, 'a'), std::string(64, 'b'), std::string(64, 'c')};
  std::atomic<int> builds{0};
  BuildFn good = writer(builds);
  BuildFn bad = [](const std::string&, const std::string& artefact) -> Result<std::string> {
    std::ofstream(artefact) << "half";
    throw std::runtime_error("build b threw");
  };
  CHECK_THROWS_WITH(run_in_threads(3, [&](std::size_t i) { (void)get_or_build(cache, keys[i], i == 1 ? bad : good); }),
                    "build b threw");
  CHECK(fs::exists(cache.entry_path(keys[0])));
  CHECK_FALSE(fs::exists(cache.entry_path(keys[1])));
  CHECK(fs::exists(cache.entry_path(keys[2])));
  CHECK(temp_folders(dir.path).empty());
}

TEST_CASE("spec library: a throw in a pack's thread reaches ensure()'s caller", "[specs][jit]") {
  TempDir dir("battc-gob-specs");
  JitOptions opt;
  opt.cache_dir = dir.path;
  auto lib = SpecLibrary::open(opt);
  if (!lib) FAIL(lib.error().what());
  auto specs = specs_of(kProgramA);
  battc::inject_internal_error("spec_library.build_pack");
  CHECK_THROWS_AS((*lib)->ensure(specs, 2), battc::InternalError);
  battc::inject_internal_error("");
  CHECK(spec_packs(dir.path).empty());
  for (const auto& e : fs::directory_iterator(dir.path))
    if (e.is_directory()) CHECK(temp_folders(e.path().string()).empty());

  auto again = (*lib)->ensure(specs, 2);  // the library is still whole
  if (!again) FAIL(again.error().what());
  CHECK(again->missing == again->needed);
  CHECK(again->packs == 1);
  CHECK(spec_packs(dir.path).size() == 1);
}

TEST_CASE("spec packs are evicted under the cache's one budget, like units, and rebuilt on next use",
          "[specs][jit]") {
  TempDir dir("battc-gob-specs");
  JitOptions opt;
  opt.cache_dir = dir.path;
  opt.max_cache_bytes = 1;  // every new entry evicts all the others
  auto specs_a = specs_of(kProgramA), specs_b = specs_of(kProgramB);

  auto lib = SpecLibrary::open(opt);
  if (!lib) FAIL(lib.error().what());
  auto a = (*lib)->ensure(specs_a, 1);
  if (!a) FAIL(a.error().what());
  auto packs = spec_packs(dir.path);
  REQUIRE(packs.size() == 1);
  const std::string pack_a = packs[0];

  // A pack that serves a batt is marked used.
  fs::last_write_time(pack_a, fs::file_time_type::clock::now() - std::chrono::hours(2));
  REQUIRE((*lib)->ensure(specs_a, 1).ok());
  CHECK(fs::file_time_type::clock::now() - fs::last_write_time(pack_a) < std::chrono::minutes(10));

  auto b = (*lib)->ensure(specs_b, 1);  // a new pack: the older one goes
  if (!b) FAIL(b.error().what());
  CHECK(b->packs == 1);
  packs = spec_packs(dir.path);
  REQUIRE(packs.size() == 1);
  const std::string pack_b = packs[0];
  CHECK(pack_b != pack_a);
  CHECK_FALSE(fs::exists(pack_a));
  CHECK_FALSE(fs::exists(fs::path(pack_a).replace_extension(".log")));
  for (const auto& d : specs_a) CHECK((*lib)->find(d.key) != nullptr);  // still loaded here

  // A unit is a new entry of the same budget: the spec pack goes.
  std::ifstream in(std::string(BATTC_SOURCE_DIR) + "/tests/data/batt/mini_batt.cpp");
  std::stringstream unit;
  unit << in.rdbuf();
  auto loaded = compile_host(EmittedUnit{"mini_batt", unit.str()}, opt);
  if (!loaded) FAIL(loaded.error().what());
  CHECK(fs::exists(dir.path + "/" + loaded->cache_key + ".so"));
  CHECK(spec_packs(dir.path).empty());

  // Next use: a fresh library finds nothing and builds A's pack again, which
  // evicts the unit.
  auto fresh = SpecLibrary::open(opt);
  REQUIRE(fresh.ok());
  CHECK((*fresh)->pack_count() == 0);
  auto again = (*fresh)->ensure(specs_a, 1);
  if (!again) FAIL(again.error().what());
  CHECK(again->missing == again->needed);
  CHECK(again->packs == 1);
  CHECK(fs::exists(pack_a));  // the same specs make the same pack
  CHECK_FALSE(fs::exists(dir.path + "/" + loaded->cache_key + ".so"));
}
