// tests/generator/passes_test.cpp: the generator's passes on small batts:
// what fuse_objects merges (and what it must leave alone), that the node list
// stays a schedule (operands first) with programs pointing at the right
// nodes, and what hoist_s_invariant moves to the prologue (the S-only chain);
// plus the dialect choice by parameters and --dialect, and programs given
// to the pipeline already parsed.
#include <catch2/catch.hpp>

#include <fstream>

#include "generator/parse/parser.h"
#include "generator/pipeline.h"
#include "tests/test_support.h"

using namespace battc::generator;
using battc::test::TempDir;

namespace {

std::unique_ptr<Generated> generate(const TempDir& dir, const std::string& text, std::set<std::string> disabled = {},
                                    std::optional<Dialect> dialect = std::nullopt) {
  std::string path = dir.path + "/programs.py";
  std::ofstream(path, std::ios::binary) << text;
  PipelineOptions opt;
  opt.program_files = {path};
  opt.disabled_passes = std::move(disabled);
  opt.dialect = dialect;
  opt.emit = false;
  return run_pipeline(opt);
}

int count_calls(const Batt& b, const std::string& prim) {
  int n = 0;
  for (const Node& x : b.nodes()) n += x.kind == NodeKind::Call && x.prim == prim;
  return n;
}

bool schedule_ok(const Batt& b) {
  for (int i = 0; i < static_cast<int>(b.nodes().size()); ++i)
    for (int a : b.nodes()[i].args)
      if (a >= i) return false;
  return true;
}

const char* kTwoVariants = R"(
def solve_a(S, I, C):
    x1 = o_g(I, R5)
    O = size(x1)
    return O

def solve_b(S, I, C):
    x1 = o_g(I, R7)
    x2 = objects(I, T, F, T)
    x3 = rot90(I)
    x4 = o_g(x3, R1)
    O = size(x1)
    return O
)";

}  // namespace

TEST_CASE("fuse_objects merges the o_g/objects variants of one grid", "[generator][passes]") {
  TempDir dir;
  auto g = generate(dir, kTwoVariants);
  REQUIRE(g->report.programs == 2);
  CHECK(g->report.fused_object_groups == 1);  // I: R5 and R7 (objects(I, T, F, T) is R5 too)
  CHECK(count_calls(g->batt, "o_g_fused") == 1);
  CHECK(count_calls(g->batt, "o_g_pick") == 3);  // one per original call
  CHECK(count_calls(g->batt, "o_g") == 1);  // the one variant on rot90(I) stays
  CHECK(schedule_ok(g->batt));
  for (const BattProgram& p : g->batt.programs()) {
    INFO(p.name);
    for (int s : p.stmts) CHECK(s < static_cast<int>(g->batt.nodes().size()));
    CHECK(g->batt.nodes()[p.result].prim == "size");
  }
  auto off = generate(dir, kTwoVariants, {"fuse_objects"});
  CHECK(off->report.fused_object_groups == 0);
  CHECK(count_calls(off->batt, "o_g_fused") == 0);
}

TEST_CASE("fuse_objects leaves a single variant and non-constant variants alone", "[generator][passes]") {
  TempDir dir;
  auto g = generate(dir, R"(
def solve_a(S, I, C):
    x1 = o_g(I, R5)
    x2 = o_g(I, R5)
    x3 = size(x1)
    x4 = o_g(I, x3)
    O = size(x4)
    return O
)");
  REQUIRE(g->report.programs == 1);
  CHECK(g->report.fused_object_groups == 0);
  CHECK(count_calls(g->batt, "o_g") == 2);
}

TEST_CASE("hoist_s_invariant moves the S-only chain to the prologue", "[generator][passes]") {
  TempDir dir;
  const char* text = R"(
def solve_a(S, I, C):
    x1 = apply(first, S)
    x2 = apply(second, S)
    x3 = mapply_t(p_g, x1)
    x4 = dedupe(x3)
    x5 = c_iz(S, p_g)
    x6 = first(x4)
    O = replace(I, x6, ZERO)
    return O
)";
  auto g = generate(dir, text);
  REQUIRE(g->report.programs == 1);
  int hoisted_calls = 0;
  for (const Node& n : g->batt.nodes()) {
    bool call = n.kind == NodeKind::Call || n.kind == NodeKind::CallValue;
    if (call && n.prim == "replace") CHECK_FALSE(n.hoisted);  // it reads I
    hoisted_calls += call && n.hoisted;
  }
  CHECK(hoisted_calls == 6);  // apply, apply, mapply_t, dedupe, c_iz, first
  CHECK(g->report.hoisted_s_invariant == 6);
  auto off = generate(dir, text, {"hoist_s_invariant"});
  CHECK(off->report.hoisted_s_invariant == 0);
}

TEST_CASE("a program's dialect follows its parameters unless --dialect says", "[generator][dialect]") {
  TempDir dir;
  const char* text = R"(
def solve_a(I):
    O = first(I)
    return O

def solve_b(S, I, C):
    O = first(I)
    return O
)";
  auto g = generate(dir, text);
  REQUIRE(g->report.programs == 2);
  // arc-dsl's first and tokpidjin's (None on an empty container) are two primitives
  CHECK(count_calls(g->batt, "first") == 1);
  CHECK(count_calls(g->batt, "tk_first") == 1);
  auto forced = generate(dir, text, {}, Dialect::ArcDsl);
  CHECK(count_calls(forced->batt, "tk_first") == 0);
  // a tokpidjin name in an arc-dsl program is unknown, with a hint
  auto bad = generate(dir, "def solve_c(I):\n    O = o_g(I, R5)\n    return O\n");
  CHECK(bad->report.rejected == 1);
  CHECK(bad->diags.render(bad->sources).find("tokpidjin dialect has it") != std::string::npos);
}

TEST_CASE("programs given parsed make the batt their text makes, and name no file", "[generator][pipeline]") {
  TempDir dir;
  const char* text = R"(
def solve_a(I):
    x1 = objects(I, T, F, T)
    x2 = first(x1)
    O = subgrid(x2, I)
    return O

def solve_b(I):
    x1 = objects(I, T, F, T)
    O = first(x1)
    return O
)";
  auto from_text = generate(dir, text);
  REQUIRE(from_text->report.programs == 2);

  // The same programs as ASTs, parsed from another file (whose locations
  // name a file this run has not read).
  SourceSet other;
  Diagnostics diags;
  ParsedFile f = parse_program_file(other, other.add("elsewhere.py", std::string("\n\n") + text), diags);
  REQUIRE(f.programs.size() == 2);
  PipelineOptions opt;
  for (const Program& p : f.programs) opt.programs.push_back(ParsedProgram{p, Dialect::ArcDsl});
  opt.emit = false;
  auto parsed = run_pipeline(opt);
  REQUIRE(parsed->report.programs == 2);
  REQUIRE(parsed->batt.nodes().size() == from_text->batt.nodes().size());
  for (std::size_t i = 0; i < parsed->batt.nodes().size(); ++i) {
    CHECK(parsed->batt.nodes()[i].prim == from_text->batt.nodes()[i].prim);
    CHECK(parsed->batt.nodes()[i].args == from_text->batt.nodes()[i].args);
  }
  for (const BattProgram& p : parsed->batt.programs())
    for (const SrcLoc& loc : p.stmt_locs) CHECK(loc.file == -1);
  // solve_b returns no grid: its warning renders without a source line.
  CHECK(parsed->diags.render(parsed->sources).find("<input>") != std::string::npos);
}
