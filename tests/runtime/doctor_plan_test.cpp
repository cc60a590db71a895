// tests/runtime/doctor_plan_test.cpp: `battc doctor` and `battc run
// --dry-run` as library calls. doctor(): every item it promises, each
// saying what it found (the same as the probes it reads), the cache folder
// made or reported (never thrown), cpu_ready and gpu_ready from the items.
// plan_run(): the demo's counts against the tasks the request loads, a
// named GPU model planned on a machine without one, and bad requests as
// errors of the right kind.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "runtime/api/doctor.h"
#include "runtime/api/request_checks.h"
#include "runtime/api/run_plan.h"
#include "runtime/exec/cuda_driver.h"
#include "runtime/exec/device_plan.h"
#include "runtime/exec/gpu_backend.h"
#include "runtime/exec/gpu_model.h"
#include "runtime/jit/host_compiler.h"
#include "runtime/jit/install_layout.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace battc::runtime;
using namespace battc::runtime::api;
using battc::test::EnvGuard;
using battc::test::TempDir;

namespace {

const fs::path kDemo = fs::path(BATTC_SOURCE_DIR) / "tasks" / "demo";

const DoctorItem* find_item(const DoctorReport& r, const std::string& name) {
  for (const DoctorItem& i : r.items)
    if (i.name == name) return &i;
  return nullptr;
}

// The demo's tasks and programs, the compile cache in `cache` (empty: no
// unit is cached, so the plan reads no compiled sizes).
RunRequest demo_request(const TempDir& cache) {
  RunRequest req;
  req.task_paths = {kDemo.string()};
  req.programs.files = {(kDemo / "programs.py").string()};
  req.jit.cache_dir = cache.path;
  return req;
}

// What the request's tasks hold: samples per task id.
std::map<std::string, std::size_t> samples_of(const RunRequest& req) {
  auto tasks = load_request_tasks(req);
  REQUIRE(tasks.ok());
  std::map<std::string, std::size_t> out;
  for (const Task& t : tasks.value()) out[t.id] = t.train.size() + t.test.size();
  return out;
}

std::size_t total(const std::map<std::string, std::size_t>& m) {
  std::size_t n = 0;
  for (const auto& [id, k] : m) n += k;
  return n;
}

}  // namespace

TEST_CASE("doctor: every item it promises, each with what it found", "[api][doctor]") {
  TempDir dir("battc-doctor");
  DoctorReport r = doctor(dir.path + "/cache");
  // The CPU path's items are needed; the GPU path's are not.
  for (const char* name : {"battc", "DSL headers and library", "host C++ compiler", "cache folder"}) {
    INFO(name);
    const DoctorItem* i = find_item(r, name);
    REQUIRE(i);
    CHECK(i->needed);
    CHECK_FALSE(i->gpu);
    CHECK_FALSE(i->detail.empty());
  }
  for (const char* name : {"DSL device libraries", "CUDA driver"}) {
    INFO(name);
    const DoctorItem* i = find_item(r, name);
    REQUIRE(i);
    CHECK_FALSE(i->needed);
    CHECK(i->gpu);
    CHECK_FALSE(i->detail.empty());
  }
  // NVRTC and nvJitLink: one item each when found, one for both when not.
  bool found = find_item(r, "NVRTC") && find_item(r, "nvJitLink");
  bool missing = find_item(r, "NVRTC and nvJitLink") != nullptr;
  CHECK(found != missing);
  CHECK(r.items.size() == (found ? 9u : 8u));
  // The prebuilt spec packs: never needed (a compiler makes every shape);
  // with none, the compiler is needed, and the mode says which serves.
  const DoctorItem* prebuilt = find_item(r, "prebuilt spec packs");
  REQUIRE(prebuilt);
  CHECK_FALSE(prebuilt->needed);
  // Nor is it the GPU path's: a GPU run with every shape compiled is ready
  // (on the first GPU machine the check met, no packs had made it "not available").
  CHECK_FALSE(prebuilt->gpu);
  CHECK(r.mode == (jit::probe_host_compiler() ? "compiler" : prebuilt->ok ? "prebuilt" : "none"));
  bool cpu = true, gpu_items = true;
  for (const DoctorItem& i : r.items) {
    cpu = cpu && (i.ok || !i.needed);
    gpu_items = gpu_items && (i.ok || !i.gpu);
  }
  bool gpu = cpu && gpu_items;
  CHECK(r.cpu_ready == cpu);
  CHECK(r.gpu_ready == gpu);
  CHECK((r.cpu_ready || !r.gpu_ready));  // the GPU path needs the CPU's
}

TEST_CASE("doctor: the compiler, the install and the driver are what the probes found", "[api][doctor]") {
  TempDir dir("battc-doctor");
  DoctorReport r = doctor(dir.path + "/cache");
  const DoctorItem* cxx = find_item(r, "host C++ compiler");
  REQUIRE(cxx);
  auto probe = jit::probe_host_compiler();
  CHECK(cxx->ok == bool(probe));
  CHECK(cxx->detail == (probe ? probe->id : probe.error().message));

  const DoctorItem* battc = find_item(r, "battc");
  REQUIRE(battc);
  const auto& layout = jit::install_layout();
  CHECK(battc->ok == !layout.prefix.empty());
  CHECK_THAT(battc->detail, Catch::StartsWith(layout.binary));

  const DoctorItem* driver = find_item(r, "CUDA driver");
  REQUIRE(driver);
  const auto& drv = cuda::cuda_driver();
  if (!drv.driver) {
    CHECK_FALSE(driver->ok);
    CHECK(driver->detail == drv.why);
    CHECK_FALSE(r.gpu_ready);
  } else {
    CHECK_THAT(driver->detail, Catch::StartsWith(drv.driver->library()));
  }
}

TEST_CASE("doctor: the cache folder is made, and one that cannot be is reported, not thrown", "[api][doctor]") {
  TempDir dir("battc-doctor");
  SECTION("a new folder is made and writable") {
    std::string cache = dir.path + "/a/b/cache";
    DoctorReport r = doctor(cache);
    const DoctorItem* i = find_item(r, "cache folder");
    REQUIRE(i);
    CHECK(i->ok);
    CHECK(i->detail == cache);
    CHECK(fs::is_directory(cache));
  }
  SECTION("a folder under a file cannot be made: not ok, and said so") {
    std::ofstream(dir.path + "/file") << "x";
    std::string cache = dir.path + "/file/cache";
    DoctorReport r;
    REQUIRE_NOTHROW(r = doctor(cache));
    const DoctorItem* i = find_item(r, "cache folder");
    REQUIRE(i);
    CHECK_FALSE(i->ok);
    CHECK(i->needed);
    CHECK(i->detail == cache + " (not writable: set --cache-dir or $BATTC_CACHE_DIR)");
    CHECK_FALSE(r.cpu_ready);
    CHECK_FALSE(r.gpu_ready);
  }
  SECTION("$BATTC_CACHE_DIR empty turns the cache off, which is fine") {
    EnvGuard off("BATTC_CACHE_DIR", std::string());
    DoctorReport r = doctor();
    const DoctorItem* i = find_item(r, "cache folder");
    REQUIRE(i);
    CHECK(i->ok);
    CHECK_THAT(i->detail, Catch::StartsWith("off ($BATTC_CACHE_DIR is empty)"));
  }
  SECTION("$BATTC_CACHE_DIR names the folder when none is given") {
    EnvGuard env("BATTC_CACHE_DIR", dir.path + "/from-env");
    DoctorReport r = doctor();
    const DoctorItem* i = find_item(r, "cache folder");
    REQUIRE(i);
    CHECK(i->ok);
    CHECK(i->detail == dir.path + "/from-env");
  }
}

TEST_CASE("plan_run: the demo's counts are the request's, on the CPU", "[api][plan]") {
  TempDir cache("battc-plan");
  RunRequest req = demo_request(cache);
  req.backend = Backend::Cpu;
  auto samples = samples_of(req);
  REQUIRE(samples.size() == 5);

  SECTION("by name: each task with its own solver") {
    req.exec.pairing = Pairing::ByName;
    auto plan = plan_run(req, std::nullopt);
    if (!plan.ok()) FAIL(plan.error().message);
    CHECK(plan->tasks == 5);
    CHECK(plan->tasks_paired == 5);  // solve_<id> for each demo task
    CHECK(plan->samples == total(samples));
    CHECK(plan->programs == 5);
    CHECK(plan->rejected == 0);
    CHECK(plan->evaluations == plan->samples);  // one program per sample
    CHECK(plan->backend == "cpu");
    CHECK(plan->backend_why == "asked for (--backend cpu)");
    CHECK_FALSE(plan->gpu);
    CHECK_THAT(plan->engine, Catch::StartsWith("specs"));  // nothing compiled in a fresh cache
    CHECK(plan->jobs >= 1);
    CHECK(plan->values >= plan->programs);
  }
  SECTION("all: every program on every sample") {
    req.exec.pairing = Pairing::All;
    req.exec.jobs = 3;
    req.evaluation = Evaluation::All;
    auto plan = plan_run(req, std::nullopt);
    if (!plan.ok()) FAIL(plan.error().message);
    CHECK(plan->samples == total(samples));
    CHECK(plan->evaluations == 5 * plan->samples);
    CHECK(plan->evaluation == "all");
    CHECK(plan->jobs == 3);
  }
  SECTION("a chosen task: only its samples") {
    req.task_ids = {"gravity"};
    auto plan = plan_run(req, std::nullopt);
    if (!plan.ok()) FAIL(plan.error().message);
    CHECK(plan->tasks == 1);
    CHECK(plan->samples == samples.at("gravity"));
    CHECK(plan->programs == 5);  // the programs are not filtered by the tasks
  }
  SECTION("describe_plan says the same numbers") {
    req.exec.pairing = Pairing::ByName;
    auto plan = plan_run(req, std::nullopt);
    if (!plan.ok()) FAIL(plan.error().message);
    std::string text = describe_plan(plan.value());
    CHECK_THAT(text, Catch::Contains("tasks: 5 (5 paired with some program), " + std::to_string(total(samples)) +
                                     " samples"));
    CHECK_THAT(text, Catch::Contains("programs: 5 accepted (0 rejected)"));
    CHECK_THAT(text, Catch::Contains("backend: cpu"));
  }
}

TEST_CASE("plan_run: a named GPU model plans the cuda backend without a GPU", "[api][plan]") {
  TempDir cache("battc-plan");
  RunRequest req = demo_request(cache);
  req.backend = Backend::Cuda;
  req.exec.pairing = Pairing::ByName;
  auto samples = samples_of(req);

  SECTION("one H100") {
    auto model = parse_gpu_model("h100");
    REQUIRE(model);
    auto plan = plan_run(req, model);
    if (!plan.ok()) FAIL(plan.error().message);
    CHECK(plan->backend == "cuda");
    CHECK_THAT(plan->backend_why, Catch::Contains("--gpu-model h100; 132 SMs"));
    REQUIRE(plan->gpu);
    const GpuPlan& g = *plan->gpu;
    CHECK(g.groups >= 1);
    CHECK(g.groups <= plan->programs);
    CHECK(g.group_size >= 1);
    CHECK(g.threads_wanted == 132 * kThreadsWantedPerSm);
    CHECK_FALSE(g.prologue_bytes);  // nothing compiled
    // by name, each sample asks one program: one work item per sample
    CHECK(g.items == total(samples));
    REQUIRE(g.per_device.size() == 1);
    const DevicePlan& d = g.per_device[0];
    CHECK(d.name == "NVIDIA H100 SXM 80GB");
    CHECK(d.multiprocessors == 132);
    CHECK(d.free_bytes == model->free_bytes());
    CHECK(d.tasks == 5);
    CHECK(d.items == g.items);
    CHECK(d.error.empty());
    CHECK(d.rounds >= 1);
    CHECK(d.launches >= d.rounds);
    CHECK(d.max_launch_items <= d.items);
    CHECK(d.peak_bytes > 0);
    CHECK(d.peak_bytes <= d.free_bytes);
  }
  SECTION("two T4s share the tasks and the items") {
    auto model = parse_gpu_model("t4x2");
    REQUIRE(model);
    CHECK(model->count == 2);
    auto plan = plan_run(req, model);
    if (!plan.ok()) FAIL(plan.error().message);
    REQUIRE(plan->gpu);
    REQUIRE(plan->gpu->per_device.size() == 2);
    std::size_t tasks = 0, items = 0;
    for (const DevicePlan& d : plan->gpu->per_device) {
      CHECK(d.name == "NVIDIA T4 16GB");
      CHECK(d.multiprocessors == 40);
      tasks += d.tasks;
      items += d.items;
    }
    CHECK(tasks == plan->tasks_paired);
    CHECK(items == plan->gpu->items);
    CHECK(plan->gpu->threads_wanted == 2 * 40 * kThreadsWantedPerSm);  // both devices' SMs
  }
}

TEST_CASE("plan_run: a bad request is an error of the right kind", "[api][plan]") {
  TempDir cache("battc-plan");
  RunRequest req = demo_request(cache);
  SECTION("no programs") {
    req.programs.files.clear();
    auto check = check_run_request(req);
    REQUIRE(check);
    CHECK(check->kind == ErrorKind::Usage);
    CHECK(check->message == "no programs given");
    auto plan = plan_run(req, std::nullopt);
    REQUIRE_FALSE(plan.ok());
    CHECK(plan.error().kind == ErrorKind::Input);
    CHECK(plan.error().message == "no program was accepted");
  }
  SECTION("no program accepted") {
    req.programs.files.clear();
    req.programs.texts = {{"bad.py", "def solve_bad(I):\n    O = no_such_primitive(I)\n    return O\n"}};
    auto plan = plan_run(req, std::nullopt);
    REQUIRE_FALSE(plan.ok());
    CHECK(plan.error().kind == ErrorKind::Input);
  }
  SECTION("tasks that are not there") {
    req.task_paths = {cache.path + "/no-such-folder"};
    auto plan = plan_run(req, std::nullopt);
    REQUIRE_FALSE(plan.ok());
    CHECK(plan.error().kind == ErrorKind::Input);
  }
  SECTION("a task id that is not among the tasks") {
    req.task_ids = {"no_such_task"};
    auto plan = plan_run(req, std::nullopt);
    REQUIRE_FALSE(plan.ok());
    CHECK(plan.error().kind == ErrorKind::Input);
    CHECK_THAT(plan.error().message, Catch::Contains("no_such_task"));
  }
  SECTION("an unknown GPU model is no model") {
    // The CLI refuses these names with a usage error (run_backend_test.cpp);
    // the library has no model to plan for.
    for (const char* spec : {"v100", "h100x0", "h100x17", "h100x", "xh100", "", "H100", "t4x2x2"}) {
      INFO(spec);
      CHECK_FALSE(parse_gpu_model(spec));
    }
    CHECK(parse_gpu_model("a100x16"));
  }
  SECTION("cuda without a model: a usage error when no GPU is usable") {
    req.backend = Backend::Cuda;
    auto plan = plan_run(req, std::nullopt);
    const GpuAvailability& a = gpu_availability();
    if (a.usable()) {
      if (!plan.ok()) FAIL(plan.error().message);
      CHECK(plan->backend == "cuda");
      REQUIRE(plan->gpu);
      CHECK(plan->gpu->per_device.size() == a.gpus.size());
    } else {
      REQUIRE_FALSE(plan.ok());
      CHECK(plan.error().kind == ErrorKind::Usage);
      CHECK_THAT(plan.error().message, Catch::StartsWith("--backend cuda: no usable GPU: " + a.why));
      CHECK_THAT(plan.error().message, Catch::Contains("--gpu-model NAME"));
    }
  }
}
