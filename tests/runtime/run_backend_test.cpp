// tests/runtime/run_backend_test.cpp: `battc run --backend` as a user meets
// it, the battc binary run as a child process. With no usable GPU (forced
// here with BATTC_LIBCUDA pointing nowhere, so the test means the same on a
// machine with a GPU): auto runs on the CPU, says nothing of a GPU (there is
// no driver: a CPU machine), and writes
// exactly what --backend cpu writes (results.json less its wall time, and the
// dump, byte for byte); cuda is an error, exit code 2, one line naming why.
#include <catch2/catch.hpp>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/test_support.h"

namespace fs = std::filesystem;

namespace {

using battc::test::Child;
using battc::test::slurp;

// `battc run <args>` on the demo, without a usable GPU.
Child battc_run(const battc::test::TempDir& dir, const std::string& name, const std::string& args) {
  return battc::test::run_battc(dir, name, "run " + args);
}

// results.json less the one field that differs between any two runs.
std::string results_without_time(const fs::path& file) {
  auto j = nlohmann::json::parse(slurp(file));
  j["summary"].erase("seconds");
  return j.dump(1);
}

}  // namespace

TEST_CASE("run --backend auto without a usable GPU writes what --backend cpu writes", "[cli][gpu_backend]") {
  battc::test::TempDir dir("battc-backend");
  std::string cpu_out = dir.path + "/cpu", auto_out = dir.path + "/auto";
  Child cpu =
      battc_run(dir, "cpu", "--backend cpu --out '" + cpu_out + "' --dump-outputs '" + cpu_out + "/dump.jsonl'");
  INFO(cpu.err);
  REQUIRE(cpu.exit_code == 0);
  Child au =
      battc_run(dir, "auto", "--backend auto --out '" + auto_out + "' --dump-outputs '" + auto_out + "/dump.jsonl'");
  INFO(au.err);
  REQUIRE(au.exit_code == 0);
  // no driver at all: a CPU machine, where running on the CPU is no news
  CHECK(au.err.find("GPU") == std::string::npos);
  CHECK(cpu.err.find("GPU") == std::string::npos);

  std::string dump_cpu = slurp(cpu_out + "/dump.jsonl"), dump_auto = slurp(auto_out + "/dump.jsonl");
  CHECK_FALSE(dump_cpu.empty());
  CHECK(dump_auto == dump_cpu);
  CHECK(results_without_time(auto_out + "/results.json") == results_without_time(cpu_out + "/results.json"));
  CHECK(slurp(auto_out + "/submission.json") == slurp(cpu_out + "/submission.json"));
}

TEST_CASE("run --backend cuda without a usable GPU is one line and exit code 2", "[cli][gpu_backend]") {
  battc::test::TempDir dir("battc-backend");
  Child c = battc_run(dir, "cuda", "--backend cuda --out '" + dir.path + "/out'");
  CHECK(c.exit_code == 2);
  CHECK_THAT(c.err, Catch::StartsWith("battc: error: --backend cuda: no usable GPU: "));
  CHECK(std::count(c.err.begin(), c.err.end(), '\n') == 1);
  CHECK_FALSE(fs::exists(dir.path + "/out"));  // it stopped before doing anything
}
