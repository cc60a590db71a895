// tests/generator/program_groups_test.cpp: the GPU executor's program groups:
// a partition of the programs within the size limit, and programs that share
// per-sample values land together.
#include <catch2/catch.hpp>

#include <fstream>

#include "generator/ir/program_groups.h"
#include "generator/pipeline.h"
#include "tests/test_support.h"

using namespace battc::generator;
using battc::test::TempDir;

namespace {

std::unique_ptr<Generated> generate(const TempDir& dir, const std::string& text) {
  std::string path = dir.path + "/programs.py";
  std::ofstream(path, std::ios::binary) << text;
  PipelineOptions opt;
  opt.program_files = {path};
  opt.emit = false;
  return run_pipeline(opt);
}

// Two families: a..c share objects(I, T, F, T); x..z share vmirror/hmirror.
const char* kPrograms = R"(
def solve_a(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    return subgrid(x2, I)

def solve_x(I):
    x1 = vmirror(I)
    x2 = hmirror(x1)
    return x2

def solve_b(I):
    x1 = objects(I, T, F, T)
    x2 = argmin(x1, size)
    return subgrid(x2, I)

def solve_y(I):
    x1 = vmirror(I)
    x2 = hmirror(x1)
    return dmirror(x2)

def solve_c(I):
    x1 = objects(I, T, F, T)
    x2 = merge(x1)
    return subgrid(x2, I)

def solve_z(I):
    x1 = vmirror(I)
    x2 = hmirror(x1)
    return cmirror(x2)
)";

}  // namespace

TEST_CASE("program_groups is a partition within the size limit", "[groups]") {
  TempDir dir;
  auto g = generate(dir, kPrograms);
  REQUIRE(!g->diags.has_errors());
  for (int size : {1, 2, 3, 4, 6, 10}) {
    auto groups = program_groups(g->batt, size);
    std::vector<int> seen(g->batt.programs().size(), 0);
    for (const auto& grp : groups) {
      REQUIRE(!grp.empty());
      REQUIRE(static_cast<int>(grp.size()) <= size);
      REQUIRE(std::is_sorted(grp.begin(), grp.end()));
      for (int p : grp) ++seen[p];
    }
    for (int s : seen) REQUIRE(s == 1);
    CHECK(groups.size() == (g->batt.programs().size() + size - 1) / size);
  }
  CHECK_THROWS(program_groups(g->batt, 0));
}

TEST_CASE("program_groups puts programs that share values together", "[groups]") {
  TempDir dir;
  auto g = generate(dir, kPrograms);
  REQUIRE(!g->diags.has_errors());
  auto index = [&](const std::string& name) {
    const auto& ps = g->batt.programs();
    for (int i = 0; i < static_cast<int>(ps.size()); ++i)
      if (ps[i].name == name) return i;
    FAIL("no program " << name);
    return -1;
  };
  auto groups = program_groups(g->batt, 3);
  REQUIRE(groups.size() == 2);
  std::vector<int> objects_family = {index("solve_a"), index("solve_b"), index("solve_c")};
  std::vector<int> mirror_family = {index("solve_x"), index("solve_y"), index("solve_z")};
  std::sort(objects_family.begin(), objects_family.end());
  std::sort(mirror_family.begin(), mirror_family.end());
  CHECK(((groups[0] == objects_family && groups[1] == mirror_family) ||
         (groups[0] == mirror_family && groups[1] == objects_family)));

  // Sharing inside the groups: fewer values than the programs alone need,
  // and one program per group shares nothing.
  GroupSharing together = group_sharing(g->batt, groups);
  CHECK(together.group_values < together.program_values);
  GroupSharing alone = group_sharing(g->batt, program_groups(g->batt, 1));
  CHECK(alone.group_values == alone.program_values);
  CHECK(alone.program_values == together.program_values);
}
