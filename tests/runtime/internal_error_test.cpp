// tests/runtime/internal_error_test.cpp: battc's own bugs take one channel.
// BATTC_ASSERT throws InternalError with its place; each library boundary
// (run_batt, a worker thread, the CLI's main, the search's run_search in
// search_test.cpp) turns one into ApiError{Internal} or exit 70 with a line
// asking for a report, never an abort and never "bad input".
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>

#include "generator/diag/internal_error.h"
#include "runtime/api/run_batt.h"
#include "runtime/exec/parallel_for.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace battc::runtime;
using battc::test::TempDir;

namespace {

const fs::path kDemo = fs::path(BATTC_SOURCE_DIR) / "tasks" / "demo";

api::RunRequest demo_request(const std::string& cache) {
  api::RunRequest req;
  req.task_paths = {kDemo.string()};
  req.programs.files = {(kDemo / "programs.py").string()};
  req.engine = api::Engine::Specs;
  req.jit.cache_dir = cache;
  return req;
}

}  // namespace

TEST_CASE("BATTC_ASSERT throws InternalError naming its place, an injected site breaks once", "[internal]") {
  try {
    BATTC_ASSERT(1 + 1 == 3, "arithmetic");
    FAIL("BATTC_ASSERT did not throw");
  } catch (const battc::InternalError& e) {
    CHECK(e.message() == "arithmetic");
    CHECK_THAT(std::string(e.what()), Catch::StartsWith("battc bug at ") && Catch::Contains("internal_error_test.cpp:"));
    CHECK(e.line() > 0);
  }
  CHECK_NOTHROW([] { BATTC_ASSERT_SITE("test.site"); }());
  battc::inject_internal_error("test.site");
  CHECK_NOTHROW([] { BATTC_ASSERT_SITE("another.site"); }());
  CHECK_THROWS_AS([] { BATTC_ASSERT_SITE("test.site"); }(), battc::InternalError);
  CHECK_NOTHROW([] { BATTC_ASSERT_SITE("test.site"); }());  // once
}

TEST_CASE("api: an internal error below run_batt comes back as ErrorKind::Internal", "[internal]") {
  TempDir dir("battc-internal");
  auto fine = api::run_batt(demo_request(dir.path + "/cache"));
  REQUIRE(fine.ok());
  battc::inject_internal_error("spec_engine.prologue");
  auto broken = api::run_batt(demo_request(dir.path + "/cache"));
  battc::inject_internal_error("");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().kind == api::ErrorKind::Internal);
  CHECK_THAT(broken.error().message, Catch::Contains("spec_engine.prologue"));
  CHECK(api::exit_code(broken.error().kind) == 70);
  CHECK(api::exit_code(api::ErrorKind::Input) == 1);
  CHECK(api::exit_code(api::ErrorKind::Usage) == 2);
}

TEST_CASE("a worker thread's internal error reaches the caller of parallel_for", "[internal]") {
  std::atomic<int> ran{0};
  CHECK_THROWS_AS(parallel_for(64, 2,
                               [&](unsigned, std::size_t i) {
                                 ++ran;
                                 BATTC_ASSERT(i != 17, "item 17");
                               }),
                  battc::InternalError);
  CHECK(ran.load() <= 64);
}

TEST_CASE("the CLI: an internal error exits 70 with a line asking for a report", "[internal][cli]") {
  TempDir dir("battc-internal-cli");
  std::string demo = " --tasks '" + kDemo.string() + "' --programs '" + (kDemo / "programs.py").string() + "'";
  battc::test::Child run = battc::test::run_battc(dir, "run", "run -q --engine specs --out '" + dir.path + "/out'" + demo,
                                                  "BATTC_TEST_INTERNAL_ERROR=spec_engine.prologue ");
  CHECK(run.exit_code == 70);
  CHECK_THAT(run.err, Catch::Contains("battc: internal error: battc bug at") && Catch::Contains("please report"));
  CHECK_FALSE(fs::exists(dir.path + "/out/results.json"));
  battc::test::Child search = battc::test::run_battc(
      dir, "search", "search -q --rounds 1 --store '" + dir.path + "/s.db'" + demo,
      "BATTC_TEST_INTERNAL_ERROR=spec_engine.prologue ");
  CHECK(search.exit_code == 70);
  CHECK_THAT(search.err, Catch::Contains("internal error"));
  // Bad input stays exit 1.
  battc::test::Child bad = battc::test::run_battc(dir, "bad", "run -q --tasks '" + dir.path + "' --programs '" +
                                                                  (kDemo / "programs.py").string() + "'");
  CHECK(bad.exit_code == 1);
}
