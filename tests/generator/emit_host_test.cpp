// tests/generator/emit_host_test.cpp: templates/host_unit.cpp is real code:
// with its default fill-ins it compiles alone (host JIT) as an empty batt,
// the embedded copy is the file itself, and filling a region that is not
// there is a battc bug, not a silent no-op.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include "generator/emit/emit_host.h"
#include "generator/emit/host_unit_template.h"
#include "generator/pipeline.h"
#include "runtime/jit/compile_host.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace battc::generator;
namespace jit = battc::runtime::jit;

namespace {

std::string template_file() {
  std::ifstream in(std::string(BATTC_SOURCE_DIR) + "/templates/host_unit.cpp", std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The batt of `programs` (Python text), written to `file` first.
std::unique_ptr<Generated> batt_of(const fs::path& file, const std::string& programs) {
  std::ofstream(file) << programs;
  PipelineOptions po;
  po.program_files = {file.string()};
  po.emit = false;
  auto g = run_pipeline(po);
  REQUIRE(g->report.rejected == 0);
  return g;
}

}  // namespace

TEST_CASE("the host template compiles alone as an empty batt", "[generator][emit][jit]") {
  std::string text = template_file();
  CHECK(text == std::string(kHostUnitTemplate));  // the embedded copy is current

  std::string pattern = (fs::temp_directory_path() / "battc-template-test-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  jit::JitOptions opt;
  opt.cache_dir = pattern;
  auto loaded = jit::compile_host(jit::EmittedUnit{"host_unit_template", text}, opt);
  std::error_code ec;
  if (!loaded) {
    fs::remove_all(pattern, ec);
    FAIL(loaded.error().what());
  }
  REQUIRE(loaded->info != nullptr);
  CHECK(loaded->info->n_programs == 0);
  CHECK(loaded->info->n_nodes == 0);
  loaded = jit::jit_error("test", "unload before removing the cache");
  fs::remove_all(pattern, ec);
}

TEST_CASE("fill_template_region replaces a region and throws on a missing one", "[generator][emit]") {
  const std::string text = "a\n// @BATTC:BEGIN X\nold\n// @BATTC:END X\nb\n";
  CHECK(fill_template_region(text, "X", "new\n") == "a\nnew\nb\n");
  CHECK_THROWS_AS(fill_template_region(text, "Y", ""), std::logic_error);
  CHECK_THROWS_WITH(fill_template_region(text, "Y", ""), Catch::Contains("region Y is missing"));
  // an end before its begin, or a begin without its end
  CHECK_THROWS_AS(fill_template_region("// @BATTC:END X\n// @BATTC:BEGIN X\n", "X", ""), std::logic_error);
  CHECK_THROWS_AS(fill_template_region("// @BATTC:BEGIN X\n", "X", ""), std::logic_error);
  // every region the emitter fills is in the template
  std::string t = kHostUnitTemplate;
  for (const char* region :
       {"TABLES", "PROLOGUE_FIELDS", "STATE_FIELDS", "CHUNKS", "PROLOGUE_CALLS", "SAMPLE_CALLS", "RESULTS",
        "GROUP_TABLES", "GROUP_CHUNKS", "GROUP_ALLOC", "GROUP_RUN", "GROUP_RESULTS"}) {
    INFO(region);
    CHECK_NOTHROW(t = fill_template_region(t, region, ""));
  }
}

TEST_CASE("an empty batt emits a unit with every region filled", "[generator][emit]") {
  Batt empty;
  std::string unit = emit_host_unit(empty);
  CHECK(unit.find("@BATTC:BEGIN") == std::string::npos);
  CHECK(unit.find("constexpr int kPrograms = 0;") != std::string::npos);
}

TEST_CASE("program groups are emitted as group States over group-local slots", "[generator][emit][groups]") {
  battc::test::TempDir dir("battc-emit-groups-test");
  auto g = batt_of(fs::path(dir.path) / "p.py",
                   "def solve_a(I):\n    x1 = vmirror(I)\n    return hmirror(x1)\n\n"
                   "def solve_b(I):\n    x1 = vmirror(I)\n    return dmirror(x1)\n\n"
                   "def solve_c(I):\n    return rot90(I)\n");
  REQUIRE(g->batt.programs().size() == 3);
  EmitOptions eo;
  eo.groups = {{0, 1}, {2}};
  std::string host = emit_host_unit(g->batt, eo);
  std::string cuda = emit_cuda_unit(g->batt, eo);
  for (const std::string* unit : {&host, &cuda}) {
    CHECK(unit->find("@BATTC:BEGIN") == std::string::npos);
    CHECK(unit->find("constexpr int kGroups = 2;") != std::string::npos);
    CHECK(unit->find("BATTC_TABLE int kGroupPrograms[3] = {0, 1, 2};") != std::string::npos);
  }
  // Each group is a block naming nothing of the batt, named by its text.
  auto blocks = [](const std::string& unit) {
    std::vector<std::string> out;
    for (size_t at = unit.find("// @BATTC:GROUP "); at != std::string::npos;
         at = unit.find("// @BATTC:GROUP ", at + 1)) {
      size_t end = unit.find("// @BATTC:GROUP_END\n", at);
      REQUIRE(end != std::string::npos);
      out.push_back(unit.substr(at, end - at));
    }
    return out;
  };
  std::vector<std::string> host_blocks = blocks(host), cuda_blocks = blocks(cuda);
  REQUIRE(cuda_blocks.size() == 2);
  CHECK(host_blocks == cuda_blocks);
  for (const std::string& block : cuda_blocks) {
    CHECK(block.find("P.") == std::string::npos);
    CHECK(block.find("Prologue") == std::string::npos);
    std::string name = block.substr(16, block.find('\n') - 16);
    CHECK(name.size() == 16);
    CHECK(block.find("struct G_" + name + " {") != std::string::npos);
    CHECK(block.find("BATTC_DEV void group_" + name + "(Env& e) {") != std::string::npos);
    // A weak symbol, so two cached CUDA modules may both hold it.
    CHECK(block.find("template BATTC_DEV void group_" + name + "<0>(Env& e);") != std::string::npos);
  }
  // The same group in another batt (other programs, another order) has the
  // same text: the CUDA JIT compiles it once.
  auto q = batt_of(fs::path(dir.path) / "q.py",
                   "def solve_c(I):\n    return rot90(I)\n\n"
                   "def solve_d(I):\n    x1 = rot180(I)\n    return vmirror(x1)\n");
  REQUIRE(q->batt.programs().size() == 2);
  EmitOptions qo;
  qo.groups = {{1}, {0}};
  std::vector<std::string> q_blocks = blocks(emit_cuda_unit(q->batt, qo));
  REQUIRE(q_blocks.size() == 2);
  CHECK(q_blocks[1] == cuda_blocks[1]);
  CHECK(q_blocks[0] != cuda_blocks[0]);
  // The CUDA unit has no whole-batt State: its threads hold one group's.
  CHECK(host.find("struct State {") != std::string::npos);
  CHECK(cuda.find("struct State") == std::string::npos);
  CHECK(cuda.find("V.v") == std::string::npos);
  CHECK_THROWS_AS(emit_cuda_unit(g->batt, EmitOptions{}), std::logic_error);
  eo.groups = {{0, 1}};  // leaves solve_c out
  CHECK_THROWS_AS(emit_host_unit(g->batt, eo), std::logic_error);
}

TEST_CASE("closure-building statements are emitted as the closure itself, not as a call", "[generator][emit]") {
  battc::test::TempDir dir("battc-emit-closures-test");
  auto g = batt_of(fs::path(dir.path) / "p.py",
                   "def solve_a(I):\n    x1 = rbind(shoot, DOWN)\n    x2 = compose(x1, center)\n"
                   "    x3 = objects(I, T, F, T)\n    x4 = mapply(x2, x3)\n"
                   "    return underfill(I, SIX, x4)\n");
  REQUIRE(g->batt.programs().size() == 1);
  std::string host = emit_host_unit(g->batt);
  // Both closures depend on no sample: prologue statements, built in place.
  CHECK(host.find("= RBind<fn_shoot, Pt>{P.v") != std::string::npos);
  CHECK(host.find("= Compose<RBind<fn_shoot, Pt>, fn_center>{P.v") != std::string::npos);
  CHECK(host.find("fn_rbind{}") == std::string::npos);
  CHECK(host.find("fn_compose{}") == std::string::npos);
  CHECK(host.find("fn_mapply{}") != std::string::npos);  // other primitives are still calls
}
