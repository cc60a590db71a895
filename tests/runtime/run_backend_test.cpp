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
#include <iostream>
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

// A device that is listed but fails when used (the stand-in libcuda's
// "one_device": every call past the device list fails), as a GPU whose run
// faults would: auto says so in a line and runs on the CPU, writing what
// --backend cpu writes; cuda is the error.
TEST_CASE("run --backend auto with a GPU that fails when used runs on the CPU", "[cli][gpu_backend]") {
  battc::test::TempDir dir("battc-backend");
  const std::string fake = "BATTC_LIBCUDA='" + std::string(FAKE_LIBCUDA_PATH) + "' FAKE_CUDA_MODE=one_device ";
  std::string cpu_out = dir.path + "/cpu", auto_out = dir.path + "/auto";
  Child cpu = battc_run(dir, "cpu", "--backend cpu --out '" + cpu_out + "' --dump-outputs '" + cpu_out + "/dump.jsonl'");
  REQUIRE(cpu.exit_code == 0);
  Child au = battc::test::run_battc(
      dir, "auto", "run --backend auto --out '" + auto_out + "' --dump-outputs '" + auto_out + "/dump.jsonl'", fake);
  INFO(au.err);
  if (au.err.find("no usable GPU") != std::string::npos) {  // no NVRTC here, or no device library for sm_90
    std::cout << "[SKIP] the stand-in GPU is not usable on this machine: " << au.err << "\n";
    return;
  }
  REQUIRE(au.exit_code == 0);
  CHECK(au.err.find("backend auto: the GPU run failed (cuDevicePrimaryCtxRetain") != std::string::npos);
  CHECK(slurp(auto_out + "/dump.jsonl") == slurp(cpu_out + "/dump.jsonl"));
  CHECK(slurp(auto_out + "/submission.json") == slurp(cpu_out + "/submission.json"));
  Child cu = battc::test::run_battc(dir, "cuda", "run --backend cuda --out '" + dir.path + "/cuda'", fake);
  CHECK(cu.exit_code != 0);
  CHECK(cu.err.find("cuDevicePrimaryCtxRetain") != std::string::npos);
}

TEST_CASE("run --backend cuda without a usable GPU is one line and exit code 2", "[cli][gpu_backend]") {
  battc::test::TempDir dir("battc-backend");
  Child c = battc_run(dir, "cuda", "--backend cuda --out '" + dir.path + "/out'");
  CHECK(c.exit_code == 2);
  CHECK_THAT(c.err, Catch::StartsWith("battc: error: --backend cuda: no usable GPU: "));
  CHECK(std::count(c.err.begin(), c.err.end(), '\n') == 1);
  CHECK_FALSE(fs::exists(dir.path + "/out"));  // it stopped before doing anything
}

TEST_CASE("run --dry-run plans for a named GPU without one, writing nothing", "[cli][gpu_backend][dry_run]") {
  battc::test::TempDir dir("battc-dry-run");
  std::string out = dir.path + "/out";
  Child c = battc_run(dir, "h100", "--dry-run --backend cuda --gpu-model h100 --out '" + out + "'");
  INFO(c.err);
  REQUIRE(c.exit_code == 0);
  // The demo: 5 tasks of 20 samples, 5 programs; too few items to fill an
  // H100, so groups of one program, and every (sample, program) asked.
  CHECK_THAT(c.out, Catch::Contains("tasks: 5 (5 paired with some program), 20 samples"));
  CHECK_THAT(c.out, Catch::Contains("evaluations: 100 (sample, program) pairs, evaluate all"));
  CHECK_THAT(c.out, Catch::Contains("--gpu-model h100; 132 SMs"));
  CHECK_THAT(c.out, Catch::Contains("groups: 5 of up to 1 programs"));
  CHECK_THAT(c.out, Catch::Contains("work items: 100 (sample, group)"));
  CHECK_THAT(c.out, Catch::Contains("device 0: NVIDIA H100 SXM 80GB (132 SMs"));
  CHECK_THAT(c.out, Catch::Contains("1 launch(es) of 100 threads"));
  CHECK_FALSE(fs::exists(out));

  Child two = battc_run(dir, "t4x2", "--dry-run --gpu-model t4x2 --evaluate until-train-fails");
  INFO(two.err);
  REQUIRE(two.exit_code == 0);
  CHECK_THAT(two.out, Catch::Contains("device 1: NVIDIA T4 16GB"));

  Child cpu = battc_run(dir, "cpu", "--dry-run --backend cpu");
  REQUIRE(cpu.exit_code == 0);
  CHECK_THAT(cpu.out, Catch::Contains("backend: cpu (asked for (--backend cpu))"));
  CHECK_THAT(cpu.out, Catch::Contains("until-train-fails"));
  CHECK(cpu.out.find("work items") == std::string::npos);
}

TEST_CASE("run --dry-run: what it needs is said in one line", "[cli][gpu_backend][dry_run]") {
  battc::test::TempDir dir("battc-dry-run");
  Child no_gpu = battc_run(dir, "no-gpu", "--dry-run --backend cuda");
  CHECK(no_gpu.exit_code == 2);
  CHECK_THAT(no_gpu.err, Catch::Contains("no usable GPU"));
  Child alone = battc_run(dir, "alone", "--gpu-model h100");
  CHECK(alone.exit_code == 2);
  CHECK_THAT(alone.err, Catch::Contains("--gpu-model plans a run: add --dry-run"));
  Child unknown = battc_run(dir, "unknown", "--dry-run --gpu-model v100");
  CHECK(unknown.exit_code != 0);
  CHECK_THAT(unknown.err, Catch::Contains("unknown GPU model v100; known: t4, p100, l4, a100, h100"));
}
