// tests/runtime/store_export_test.cpp: the export's order, the attempts'
// (ranking.h's attempt_order): kept symmetries move a program up among equal
// train pairs right, where the search's own ranking ignores them.
#include <catch2/catch.hpp>

#include "runtime/search/ranking.h"
#include "runtime/search/search.h"
#include "runtime/search/store.h"
#include "tests/runtime/store_sql.h"
#include "tests/test_support.h"

using battc::runtime::search::KeptName;
using battc::runtime::search::kept_programs_text;
using battc::runtime::search::Store;
using battc::runtime::search::StoredProgram;
using battc::test::run_store_sql;
using battc::test::TempDir;

namespace {
battc::runtime::search::TaskScore fitting(std::int64_t program, int length, std::uint64_t outputs) {
  battc::runtime::search::TaskScore s;
  s.program = program;
  s.task = "t";
  s.score = 1.0;
  s.length = length;
  s.train_right = s.train_total = 3;
  s.cell_accuracy = 1;
  s.outputs = outputs;
  return s;
}
}  // namespace

TEST_CASE("store: symmetries are kept with a score, 0 in a schema-7 store, and order the export", "[search][store]") {
  TempDir dir("battc-store");
  std::string path = dir.path + "/sym.db";
  {
    Store s(path);
    StoredProgram a, b;
    a.source = "def solve_program(I):\n    O = vmirror(I)\n    return O\n";
    b.source = "def solve_program(I):\n    x1 = vmirror(I)\n    O = vmirror(x1)\n    return O\n";
    a.length = 1;
    b.length = 2;
    for (StoredProgram* p : {&a, &b}) p->dialect = "arc-dsl", p->mutation = "primitive";
    std::int64_t ia = s.add_program(a), ib = s.add_program(b);
    s.set_score(fitting(ia, 1, 5));
    s.set_score(fitting(ib, 2, 6));
    CHECK(s.best("t")[0].program == ia);  // shorter
    int n = 0;
    std::vector<KeptName> names;
    kept_programs_text(s, false, &n, &names);
    REQUIRE(names.size() == 2);
    CHECK(names[0].program == ia);
    CHECK(names[0].name == "solve_t");
    s.set_symmetries(ib, "t", 4);
    CHECK(s.best("t")[1].symmetries == 4);
    CHECK(s.best("t")[0].program == ia);  // the search's own ranking does not read them
    names.clear();
    std::string text = kept_programs_text(s, false, &n, &names);
    REQUIRE(names.size() == 2);
    CHECK(names[0].program == ib);  // the export's does
    CHECK(names[1].name == "solve_t_1");
    CHECK(text.find("def solve_t(I):\n    x1 = vmirror(I)") != std::string::npos);
  }
  run_store_sql(path,
                "ALTER TABLE scores DROP COLUMN symmetries; "
                "UPDATE meta SET value = '7' WHERE key = 'schema_version'");
  Store s(path);
  CHECK(s.meta("schema_version") == "8");
  REQUIRE(s.best("t").size() == 2);
  CHECK(s.best("t")[0].symmetries == 0);
  CHECK(s.best("t")[1].symmetries == 0);
}
