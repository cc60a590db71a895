// tests/runtime/spec_engine_test.cpp: the specializations path below the run
// API. A program set's specs compile once and are found again by a fresh
// library on the same folder (no compile); a program that only changes
// constants or reuses known shapes needs no compile either; a broken pack
// is dropped and rebuilt; and the engine's results equal the unit's on the
// demo, including the lone re-runs of programs that ran out of budget.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "generator/emit/emit_specs.h"
#include "runtime/api/run_batt.h"
#include "runtime/score/dump_writer.h"
#include "runtime/tasks/load_tasks.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace battc::runtime;
using battc::test::TempDir;

namespace {

const fs::path kDemo = fs::path(BATTC_SOURCE_DIR) / "tasks" / "demo";

api::RunRequest demo_request(const std::string& cache, api::Engine engine) {
  api::RunRequest req;
  req.task_paths = {kDemo.string()};
  req.programs.files = {(kDemo / "programs.py").string()};
  req.engine = engine;
  req.exec.pairing = Pairing::All;
  req.exec.dump = true;
  req.jit.cache_dir = cache;
  return req;
}

std::string dump_of(const api::RunOutcome& r) {
  std::ostringstream out;
  write_dump(out, r.result);
  return out.str();
}

}  // namespace

TEST_CASE("spec packs are compiled once and found again by a fresh library", "[specs]") {
  TempDir cache("battc-specs");
  auto first = api::run_batt(demo_request(cache.path, api::Engine::Specs));
  if (!first.ok()) FAIL(first.error().message);
  CHECK(first->spec_compile.missing > 0);
  CHECK(first->spec_compile.missing == first->spec_compile.needed);
  CHECK(first->spec_compile.packs >= 1);

  auto second = api::run_batt(demo_request(cache.path, api::Engine::Specs));  // opens the folder anew
  if (!second.ok()) FAIL(second.error().message);
  CHECK(second->spec_compile.missing == 0);
  CHECK(second->cache_hit);
  CHECK(dump_of(*second) == dump_of(*first));
}

TEST_CASE("a program of known shapes with other constants needs no compile", "[specs]") {
  TempDir cache("battc-specs");
  api::RunRequest req = demo_request(cache.path, api::Engine::Specs);
  req.programs.files.clear();
  req.programs.texts = {{"a.py", "def solve_a(I):\n    x1 = objects(I, T, F, F)\n    x2 = first(x1)\n    x3 = shift(x2, UNITY)\n"
                  "    x4 = paint(I, x3)\n    O = replace(x4, ONE, TWO)\n    return O\n"}};
  auto first = api::run_batt(req);
  if (!first.ok()) FAIL(first.error().message);
  CHECK(first->spec_compile.missing > 0);

  api::RunRequest again = demo_request(cache.path, api::Engine::Specs);
  again.programs.files.clear();
  again.programs.texts = {{"b.py", "def solve_b(I):\n    x1 = objects(I, F, T, T)\n    x2 = first(x1)\n    x3 = shift(x2, DOWN)\n"
                  "    x4 = paint(I, x3)\n    O = replace(x4, FIVE, ZERO)\n    return O\n"}};
  again.specs = first->specs;  // the library of the first call, as search keeps it
  auto second = api::run_batt(again);
  if (!second.ok()) FAIL(second.error().message);
  CHECK(second->spec_compile.missing == 0);
  CHECK(second->result.evaluations > 0);
}

TEST_CASE("a pack that does not load is dropped and its specs compiled again", "[specs]") {
  TempDir cache("battc-specs");
  std::string expected;
  {
    // Unloaded before its packs are overwritten (a mapped file must not be
    // truncated under its reader; the cache itself only ever renames).
    auto first = api::run_batt(demo_request(cache.path, api::Engine::Specs));
    if (!first.ok()) FAIL(first.error().message);
    expected = dump_of(*first);
  }
  int broken = 0;
  for (const auto& dir : fs::directory_iterator(cache.path)) {
    if (dir.path().filename().string().rfind("specs-", 0) != 0) continue;
    for (const auto& e : fs::directory_iterator(dir.path()))
      if (e.path().extension() == ".so") {
        std::ofstream(e.path(), std::ios::trunc) << "not a shared object";
        ++broken;
      }
  }
  REQUIRE(broken > 0);
  auto second = api::run_batt(demo_request(cache.path, api::Engine::Specs));
  if (!second.ok()) FAIL(second.error().message);
  CHECK(second->spec_compile.missing == second->spec_compile.needed);
  CHECK(dump_of(*second) == expected);
}

TEST_CASE("the specs engine equals the unit with an arena small enough to force lone re-runs", "[specs]") {
  TempDir cache("battc-specs");
  api::RunRequest unit = demo_request(cache.path, api::Engine::Unit);
  api::RunRequest specs = demo_request(cache.path, api::Engine::Specs);
  unit.exec.arena_bytes = specs.exec.arena_bytes = 48 * 1024;
  auto u = api::run_batt(unit);
  auto s = api::run_batt(specs);
  if (!u.ok()) FAIL(u.error().message);
  if (!s.ok()) FAIL(s.error().message);
  CHECK(s->engine == api::Engine::Specs);
  CHECK(u->engine == api::Engine::Unit);
  CHECK(dump_of(*s) == dump_of(*u));
  CHECK(s->result.reruns == u->result.reruns);
}

TEST_CASE("engine auto takes the unit when it is cached, else the specs", "[specs]") {
  TempDir cache("battc-specs");
  auto first = api::run_batt(demo_request(cache.path, api::Engine::Auto));
  if (!first.ok()) FAIL(first.error().message);
  CHECK(first->engine == api::Engine::Specs);
  auto unit = api::run_batt(demo_request(cache.path, api::Engine::Unit));
  if (!unit.ok()) FAIL(unit.error().message);
  auto again = api::run_batt(demo_request(cache.path, api::Engine::Auto));
  if (!again.ok()) FAIL(again.error().message);
  CHECK(again->engine == api::Engine::Unit);
  CHECK(again->engine_why.find("cached") != std::string::npos);
}

TEST_CASE("spec keys name only types and callees", "[specs]") {
  battc::generator::PipelineOptions po;
  po.program_texts = {{"k.py",
                       "def solve_k(I):\n    x1 = objects(I, T, F, F)\n    x2 = first(x1)\n"
                       "    x3 = rbind(shift, UNITY)\n    x4 = x3(x2)\n    O = paint(I, x4)\n    return O\n"}};
  auto g = battc::generator::run_pipeline(po);
  REQUIRE(g->report.programs == 1);
  auto specs = battc::generator::batt_specs(g->batt);
  std::vector<std::string> keys;
  for (const auto& d : specs) keys.push_back(d.key);
  CHECK(std::find(keys.begin(), keys.end(), "const point -> Pt") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "call fn_rbind{} (fn_shift, Pt) -> RBind<fn_shift, Pt>") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "record Grid") != keys.end());
  for (const auto& k : keys) CHECK(k.find("UNITY") == std::string::npos);  // constants are data
}

TEST_CASE("remove_unreachable drops the values of removed programs and renumbers the rest", "[specs]") {
  battc::generator::PipelineOptions po;
  po.program_texts = {{"k.py",
                       "def solve_a(I):\n    x1 = vmirror(I)\n    O = hmirror(x1)\n    return O\n\n"
                       "def solve_b(I):\n    x1 = rot90(I)\n    O = vmirror(x1)\n    return O\n"}};
  po.emit = false;
  auto g = battc::generator::run_pipeline(po);
  REQUIRE(g->report.programs == 2);
  auto& b = g->batt;
  std::size_t before = b.nodes().size();
  b.programs().erase(b.programs().begin());  // solve_a goes
  int dropped = battc::generator::remove_unreachable(b);
  CHECK(dropped == 2);  // its vmirror(I) and hmirror(x1); I stays for solve_b
  CHECK(b.nodes().size() == before - 2);
  const auto& p = b.programs()[0];
  CHECK(p.name == "solve_b");
  CHECK(b.nodes()[p.result].prim == "vmirror");
  CHECK(b.nodes()[b.nodes()[p.result].args[0]].prim == "rot90");
}

TEST_CASE("the spec pack template compiles alone as an empty pack", "[specs]") {
  std::ifstream in(std::string(BATTC_SOURCE_DIR) + "/templates/spec_pack.cpp", std::ios::binary);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  namespace jit = battc::runtime::jit;
  auto cxx = jit::probe_host_compiler();
  auto rt = jit::find_dsl_runtime();
  REQUIRE(cxx.ok());
  REQUIRE(rt.ok());
  TempDir dir("battc-spec-template");
  auto obj = jit::compile_unit(jit::EmittedUnit{"spec_pack", text.str()}, *cxx, *rt, {}, dir.path, dir.path + "/p.so");
  if (!obj) FAIL(obj.error().what());
  auto module = jit::LoadedModule::open(obj->so_path);
  REQUIRE(module.ok());
  auto count = reinterpret_cast<battc::abi::SpecCountFn>(module->symbol(battc::abi::kSpecCountSymbol));
  auto version = reinterpret_cast<battc::abi::SpecAbiFn>(module->symbol(battc::abi::kSpecAbiSymbol));
  REQUIRE(count);
  REQUIRE(version);
  CHECK(count() == 0);
  CHECK(version() == battc::abi::kSpecAbiVersion);
  // The generator's empty pack is the template with its regions filled.
  CHECK(battc::generator::emit_spec_pack({}).find("constexpr int kCount = 0;") != std::string::npos);
}
