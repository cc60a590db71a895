// tests/generator/hostile_test.cpp: program files written to break the
// generator: names that collide with C++ keywords and the emitter's own
// names, names that shadow primitives and constants, deep and exponential
// closure nesting, 10,000 statements, integer literals at the edges. Nothing
// may crash or hang; bad programs get diagnostics; the accepted ones emit a
// unit that compiles (host JIT) and holds no text of the program file but
// the program names, as C string literals. Only two units are compiled.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/test_support.h"
#include "generator/emit/emit_host.h"
#include "generator/pipeline.h"
#include "generator/types/primitive_table.h"
#include "runtime/jit/compile_host.h"

namespace fs = std::filesystem;
using namespace battc::generator;
namespace jit = battc::runtime::jit;
namespace abi = battc::abi;
namespace dsl = battc::dsl;

namespace {

using battc::test::TempDir;

// Runs the pipeline on one program file with this text.
std::unique_ptr<Generated> generate(const TempDir& dir, const std::string& file, const std::string& text, bool emit) {
  std::string path = dir.path + "/" + file;
  std::ofstream(path, std::ios::binary) << text;
  PipelineOptions opt;
  opt.program_files = {path};
  opt.emit = emit;
  return run_pipeline(opt);
}

std::string rendered(const Generated& g) { return g.diags.render(g.sources); }

// The identifiers of a text, in order.
std::vector<std::string> identifiers(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    if (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '_') {
      size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      out.push_back(s.substr(i, j - i));
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

// s with every identifier found in `to` replaced (whole words only).
std::string rename(const std::string& s, const std::map<std::string, std::string>& to) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '_') {
      size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      std::string w = s.substr(i, j - i);
      auto it = to.find(w);
      out += it == to.end() ? w : it->second;
      i = j;
    } else {
      out += s[i++];
    }
  }
  return out;
}

size_t count_of(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

// Every program here is accepted. Names collide with C++ keywords, with
// what the emitter writes (v1, P, V, c, e, st, need, main, fn_fill, Env,
// State, kNames, BATTC_RUN) and shadow primitives (fill) and constants (ONE,
// T). Programs return closures, constants, parameters and I unchanged.
const char* kHostileFile = R"PY(from dsl import *


def solve_Evil(I):
    v1 = hmirror(I)
    P = vmirror(v1)
    V = rot90(P)
    c = rot270(V)
    e = identity(c)
    main = identity(e)
    int = hmirror(main)
    return_ = hmirror(int)
    solve_1 = identity(return_)
    st = identity(solve_1)
    need = identity(st)
    return need


def solve_(I):
    fill = ofcolor(I, TWO)
    ONE = size(fill)
    T = portrait(I)
    template = recolor(ONE, fill)
    namespace = branch(T, template, template)
    return namespace


def solve_0123456789(I):
    fn_fill = rbind(fill, ONE)
    Env = compose(hmirror, vmirror)
    State = Env(I)
    kNames = ofcolor(State, TWO)
    BATTC_RUN = rbind(fill, kNames)
    operator = BATTC_RUN(I, THREE)
    return operator


def solve_returns_closure(I):
    delete = rbind(fill, ONE)
    return delete


def solve_returns_constant(I):
    auto = identity(I)
    return FIVE


def solve_returns_primitive(I):
    goto = identity(I)
    return hmirror


def solve_returns_input(I):
    return I


def solve_c_is_none(S, I, C):
    x1 = equality(I, C)
    return x1


def differ_uses_c(S, I, C):
    x1 = equality(I, C)
    return x1


def solve_edges(I):
    x1 = add(2147483647, 0)
    x2 = add(-2147483647, 0)
    x3 = astuple(x1, x2)
    return x3


def solve_aVeryLongProgramName_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(I):
    a_very_long_variable_name_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb = rot180(I)
    x2 = compose(hmirror, identity)
    x3 = compose(x2, x2)
    x4 = compose(x3, x3)
    x5 = compose(x4, x4)
    x6 = x5(a_very_long_variable_name_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb)
    return x6
)PY";

// A 2x3 grid, run through every program of a loaded unit on one sample
// whose expected output is the input itself.
struct Run {
  std::vector<dsl::Int> cells{1, 2, 3, 4, 5, 6};
  std::vector<unsigned char> arena = std::vector<unsigned char>(1 << 22);
  std::vector<unsigned char> prologue;
  std::vector<abi::ProgramOut> out;

  void run(const jit::LoadedBatt& b) {
    dsl::Grid g{cells.data(), 2, 3};
    abi::TaskIn task{&g, &g, 1};
    prologue.assign(b.info->prologue_bytes + 16, 0);
    void* p = prologue.data() + (16 - reinterpret_cast<uintptr_t>(prologue.data()) % 16) % 16;
    dsl::Ctx task_ctx(arena.data(), arena.size() / 2, 1 << 20);
    b.prologue(&task, &task_ctx, p);
    dsl::Ctx ctx(arena.data() + arena.size() / 2, arena.size() / 2, 1 << 20);
    abi::SampleIn sample{g, g, 1};
    out.assign(size_t(b.info->n_programs), abi::ProgramOut{});
    b.eval(&task, p, &sample, &ctx, nullptr, out.data(), 1);
  }
};

// The file with every program and variable renamed to a plain name
// (solve_p<k>, differ_p<k>, y<n>), per program: names in one program may
// be primitives in another.
struct PlainRenaming {
  std::string text;
  std::vector<std::string> program_names;  // in file order
  std::map<std::string, std::string> to;   // program name -> plain name
  std::set<std::string> renamed;           // every renamed variable
};

PlainRenaming plain_renaming(const std::string& text) {
  PlainRenaming r;
  size_t start = 0;
  int k = 0;
  while (start < text.size()) {
    size_t next = text.find("\ndef ", start + 1);
    std::string block = text.substr(start, next == std::string::npos ? std::string::npos : next - start);
    std::map<std::string, std::string> local;
    if (size_t d = block.find("def "); d != std::string::npos) {
      size_t a = d + 4, z = block.find('(', a);
      std::string name = block.substr(a, z - a);
      r.program_names.push_back(name);
      local[name] = r.to[name] =
          (name.rfind("differ_", 0) == 0 ? "differ_p" : "solve_p") + std::to_string(r.program_names.size());
    }
    for (size_t pos = block.find(" = "); pos != std::string::npos; pos = block.find(" = ", pos + 1)) {
      size_t a = block.rfind(' ', pos - 1) + 1;
      std::string name = block.substr(a, pos - a);
      if (!local.count(name)) local[name] = "y" + std::to_string(++k);
      r.renamed.insert(name);
    }
    r.text += rename(block, local);
    if (next == std::string::npos) break;
    start = next;
  }
  return r;
}

// The pipeline accepted every program of a file it was given.
void require_accepted(const Generated& g, int programs) {
  INFO(rendered(g));
  REQUIRE_FALSE(g.diags.has_errors());
  REQUIRE(g.report.programs == programs);
}

}  // namespace

TEST_CASE("hostile names: accepted, and the unit is renaming-invariant", "[generator][hostile]") {
  TempDir dir{"battc-hostile-test"};
  auto g = generate(dir, "hostile.py", kHostileFile, true);
  require_accepted(*g, 11);
  const std::string& unit = g->unit;

  // Rename every variable and program to a plain name: the unit must be the
  // same but for the program names' string literals.
  PlainRenaming plain_names = plain_renaming(kHostileFile);
  auto plain = generate(dir, "plain.py", plain_names.text, true);
  require_accepted(*plain, 11);
  std::string expected = plain->unit;
  for (const std::string& name : plain_names.program_names) {
    INFO("program " << name);
    std::string lit = "\"" + name + "\"", plain_lit = "\"" + plain_names.to[name] + "\"";
    CHECK(count_of(unit, lit) == 1);
    size_t at = expected.find(plain_lit);
    REQUIRE(at != std::string::npos);
    expected.replace(at, plain_lit.size(), lit);
  }
  CHECK(unit == expected);
}

TEST_CASE("hostile names: no program text in the unit but the program names", "[generator][hostile]") {
  TempDir dir{"battc-hostile-test"};
  auto g = generate(dir, "hostile.py", kHostileFile, true);
  require_accepted(*g, 11);
  const std::string& unit = g->unit;
  PlainRenaming plain_names = plain_renaming(kHostileFile);
  auto plain = generate(dir, "plain.py", plain_names.text, true);
  require_accepted(*plain, 11);

  // The distinctive names appear nowhere but in their literal.
  std::set<std::string> prims;
  for (const PrimitiveInfo& p : primitive_table()) prims.insert(p.name);
  CHECK(count_of(unit, "solve_Evil") == 1);
  CHECK(count_of(unit, "\"solve_Evil\"") == 1);
  CHECK(count_of(unit, "a_very_long_variable_name") == 0);
  CHECK(count_of(unit, "BATTC_RUN = ") == 0);
  CHECK(count_of(unit, "fn_fill") == count_of(plain->unit, "fn_fill"));
  for (const std::string& id : identifiers(kHostileFile)) {
    if (prims.count(id) || id.size() < 6 || plain_names.renamed.count(id) == 0) continue;
    if (id.rfind("solve_", 0) == 0 || id.rfind("differ_", 0) == 0) continue;
    if (id == "BATTC_RUN" || id == "fn_fill" || id == "kNames" || id == "template" || id == "namespace" ||
        id == "return_" || id == "operator" || id == "delete")
      continue;  // also the emitter's or C++'s own words
    INFO("identifier " << id);
    CHECK(count_of(unit, id) == 0);
  }
}

TEST_CASE("hostile names: the unit compiles and runs", "[generator][hostile]") {
  TempDir dir{"battc-hostile-test"};
  auto g = generate(dir, "hostile.py", kHostileFile, true);
  require_accepted(*g, 11);

  // It compiles and runs: C in a solver fails at run time; a differ's C is
  // the expected output; I returned unchanged matches it.
  TempDir cache{"battc-hostile-test"};
  jit::JitOptions jo;
  jo.cache_dir = cache.path;
  auto loaded = jit::compile_host(jit::EmittedUnit{"hostile", g->unit}, jo);
  if (!loaded) FAIL(loaded.error().what());
  REQUIRE(loaded->info->n_programs == 11);
  std::map<std::string, int> index;
  for (int i = 0; i < loaded->info->n_programs; ++i) index[loaded->info->program_names[i]] = i;
  REQUIRE(index.size() == 11);
  Run r;
  r.run(*loaded);
  auto out = [&](const char* name) -> const abi::ProgramOut& {
    REQUIRE(index.count(name));
    return r.out[size_t(index[name])];
  };
  CHECK(out("solve_c_is_none").status == dsl::u8(dsl::Status::Error));
  CHECK(out("differ_uses_c").status == dsl::u8(dsl::Status::Ok));
  REQUIRE(out("differ_uses_c").text != nullptr);
  CHECK(std::string(out("differ_uses_c").text) == "true");
  CHECK(out("solve_returns_input").matches == 1);
  CHECK(out("solve_Evil").status == dsl::u8(dsl::Status::Ok));
  CHECK(out("solve_Evil").is_grid == 1);
  REQUIRE(out("solve_returns_constant").text != nullptr);
  CHECK(std::string(out("solve_returns_constant").text) == "5");
  REQUIRE(out("solve_edges").text != nullptr);
  CHECK(std::string(out("solve_edges").text) == "[2147483647,-2147483647]");
  CHECK(out("solve_returns_closure").status == dsl::u8(dsl::Status::Ok));
  CHECK(out("solve_returns_closure").is_grid == 0);
}

TEST_CASE("hostile: 10,000 statements", "[generator][hostile]") {
  TempDir dir{"battc-hostile-test"};
  std::string text = "def solve_long(I):\n    x0 = size(I)\n";
  for (int i = 1; i < 10000; ++i) text += "    x" + std::to_string(i) + " = increment(x" + std::to_string(i - 1) + ")\n";
  text += "    return x9999\n";
  auto t0 = std::chrono::steady_clock::now();
  auto g = generate(dir, "long.py", text, true);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  INFO(rendered(*g));
  CHECK_FALSE(g->diags.has_errors());
  CHECK(g->report.programs == 1);
  CHECK(g->report.nodes >= 10000);
  CHECK(g->unit.find("sample_104(e);") != std::string::npos);  // 96 statements a chunk
  CHECK(s < 30);
}

TEST_CASE("hostile: deep and exponential closure nesting is a diagnostic", "[generator][hostile]") {
  TempDir dir{"battc-hostile-test"};
  SECTION("200 nested compositions, called") {
    std::string text = "def solve_deep(I):\n    x0 = compose(identity, identity)\n";
    for (int i = 1; i < 200; ++i) text += "    x" + std::to_string(i) + " = compose(x" + std::to_string(i - 1) + ", identity)\n";
    text += "    O = x199(I)\n    return O\n";
    auto g = generate(dir, "deep.py", text, false);
    std::string r = rendered(*g);
    INFO(r);
    CHECK(g->report.rejected == 1);
    CHECK(g->diags.error_count() == 1);
    CHECK(r.find("nested too deeply") != std::string::npos);
  }
  SECTION("forks that double their type at each step, never called") {
    std::string text = "def solve_doubling(I):\n    x0 = fork(add, size, size)\n";
    for (int i = 1; i < 60; ++i)
      text += "    x" + std::to_string(i) + " = fork(add, x" + std::to_string(i - 1) + ", x" + std::to_string(i - 1) + ")\n";
    text += "    return x59\n\n\ndef solve_pairs(I):\n    y0 = astuple(I, I)\n";
    for (int i = 1; i < 60; ++i)
      text += "    y" + std::to_string(i) + " = astuple(y" + std::to_string(i - 1) + ", y" + std::to_string(i - 1) + ")\n";
    text += "    return y59\n\n\ndef solve_fine(I):\n    O = hmirror(I)\n    return O\n";
    auto t0 = std::chrono::steady_clock::now();
    auto g = generate(dir, "doubling.py", text, true);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::string r = rendered(*g);
    INFO(r);
    CHECK(g->report.rejected == 2);
    CHECK(g->report.programs == 1);
    CHECK(g->diags.error_count() == 2);
    CHECK(count_of(r, "the result's type is too large") == 2);
    CHECK(s < 10);
  }
  SECTION("a closure of a closure within the bounds is fine") {
    std::string text = "def solve_ok(I):\n    x0 = compose(hmirror, identity)\n";
    for (int i = 1; i < 30; ++i) text += "    x" + std::to_string(i) + " = compose(x" + std::to_string(i - 1) + ", identity)\n";
    text += "    O = x29(I)\n    return O\n";
    auto g = generate(dir, "ok.py", text, true);
    INFO(rendered(*g));
    CHECK_FALSE(g->diags.has_errors());
    CHECK(g->report.programs == 1);
  }
}

TEST_CASE("hostile: integer literals at the edges", "[generator][hostile]") {
  TempDir dir{"battc-hostile-test"};
  struct Lit {
    const char* text;
    bool ok;
  };
  // -2147483648 is the DSL's None (dsl/values.h, kNone), so it is no literal
  const Lit lits[] = {{"2147483647", true},      {"-2147483647", true},  {"0", true}, {"-2147483648", false},
                      {"2147483648", false},     {"-2147483649", false}, {"99999999999", false},
                      {"99999999999999999999999999999999", false}, {"-99999999999", false}, {"007", false}};
  for (const Lit& l : lits) {
    std::string text = std::string("def solve_lit(I):\n    x1 = add(") + l.text + ", 0)\n    return x1\n";
    auto g = generate(dir, "lit.py", text, false);
    std::string r = rendered(*g);
    INFO(l.text << "\n" << r);
    CHECK(g->report.programs == (l.ok ? 1 : 0));
    CHECK(g->diags.has_errors() == !l.ok);
    if (!l.ok) CHECK(g->diags.error_count() == 1);
    if (!l.ok && std::string(l.text) != "007") CHECK(r.find("is out of range: the DSL's integers lie in [-2147483647, 2147483647]") != std::string::npos);
  }
}

TEST_CASE("hostile: Python keywords and names used before their assignment", "[generator][hostile]") {
  TempDir dir{"battc-hostile-test"};
  auto g = generate(dir, "kw.py",
                    "def solve_class(I):\n    class = hmirror(I)\n    return class\n\n\n"
                    "def solve_none(I):\n    x1 = hmirror(None)\n    return x1\n\n\n"
                    "def solve_late(I):\n    x1 = fill(I, ONE, I)\n    fill = hmirror(I)\n    return fill\n\n\n"
                    "def solve_good(I):\n    O = hmirror(I)\n    return O\n",
                    false);
  std::string r = rendered(*g);
  INFO(r);
  CHECK(g->report.programs == 1);
  CHECK(g->diags.error_count() == 3);
  CHECK(r.find("'class' is not supported in a program") != std::string::npos);
  CHECK(r.find("None is not a value programs can write") != std::string::npos);
  CHECK(r.find("'fill' is used before it is assigned") != std::string::npos);
}
