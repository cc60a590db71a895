// tests/runtime/search_test.cpp: battc search on the demo. Mutants are well
// typed (the checker refuses what it refuses before evaluation, and the
// pipeline rejects none), the store is identical for one seed whatever the
// thread count, a resumed search equals an uninterrupted one, an exported
// store's programs solve by `run` exactly what the store says, and the
// printer's text reads back as the same program.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <fstream>
#include <set>
#include <sstream>

#include "generator/mutate/mutate.h"
#include "generator/mutate/program_text.h"
#include "generator/parse/parser.h"
#include "runtime/api/run_batt.h"
#include "runtime/search/search.h"
#include "runtime/search/store.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace battc::runtime;
using battc::test::TempDir;

namespace {

const fs::path kDemo = fs::path(BATTC_SOURCE_DIR) / "tasks" / "demo";

search::SearchOptions demo_search(const std::string& dir, const std::string& store, int rounds, unsigned jobs) {
  search::SearchOptions o;
  o.task_paths = {kDemo.string()};
  o.program_files = {(kDemo / "programs.py").string()};
  o.store = dir + "/" + store;
  o.rounds = rounds;
  o.seed = 7;
  o.jobs = jobs;
  o.tasks_per_round = 3;
  o.parents_per_task = 3;
  o.mutants_per_parent = 6;
  o.jit.cache_dir = dir + "/cache";
  return o;
}

// The store's content that the seed decides: programs and kept scores.
std::string store_content(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::ostringstream out;
  auto dump = [&](const char* sql) {
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const unsigned char* t = sqlite3_column_text(s, c);
        out << (t ? reinterpret_cast<const char*>(t) : "NULL") << "|";
      }
      out << "\n";
    }
    sqlite3_finalize(s);
  };
  dump("SELECT id, source, length, dialect, parent, mutation, origin, round FROM programs ORDER BY id");
  dump("SELECT program, task, score, train_right, train_total, test_right, test_known, cell_accuracy, solved, "
       "near_miss, round FROM scores ORDER BY task, program");
  dump("SELECT kind, made, improved, discarded FROM mutations ORDER BY kind");
  dump("SELECT round, candidates, rejected, unique_candidates, evaluations, new_solved FROM rounds ORDER BY round");
  std::string integrity;
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK);
  if (sqlite3_step(s) == SQLITE_ROW) integrity = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  sqlite3_close(db);
  CHECK(integrity == "ok");
  return out.str();
}

}  // namespace

TEST_CASE("search: one seed gives one store, whatever --jobs, and resume continues it", "[search]") {
  TempDir dir("battc-search");
  auto r1 = search::run_search(demo_search(dir.path, "a.db", 3, 1));
  auto r2 = search::run_search(demo_search(dir.path, "b.db", 3, 2));
  CHECK(r1.rounds == 3);
  CHECK(r1.candidates > 0);
  CHECK(r1.rejected == 0);  // mutants are checked before they are candidates
  CHECK(r1.evaluations > 0);
  CHECK(r1.tasks_solved >= r1.tasks_solved_by_seeds);
  std::string a = store_content(dir.path + "/a.db");
  CHECK(a == store_content(dir.path + "/b.db"));

  // Two rounds, then --resume to three: the same store.
  search::run_search(demo_search(dir.path, "c.db", 2, 2));
  auto resumed = demo_search(dir.path, "c.db", 3, 2);
  resumed.resume = true;
  auto rr = search::run_search(resumed);
  CHECK(rr.rounds == 1);
  CHECK(store_content(dir.path + "/c.db") == a);

  // Without --resume an existing store is refused.
  CHECK_THROWS_WITH(search::run_search(demo_search(dir.path, "a.db", 4, 1)), Catch::Contains("--resume"));
}

TEST_CASE("search: a store killed with SIGKILL mid-search opens, is intact, and --resume finishes it", "[search]") {
  TempDir dir("battc-search");
  auto whole = demo_search(dir.path, "whole.db", 4, 2);
  search::run_search(whole);
  std::string expected = store_content(whole.store);

  // The same search in a child process, killed after a while.
  std::string killed = dir.path + "/killed.db";
  std::vector<std::string> args = {BATTC_BINARY, "search", "--tasks", kDemo.string(), "--programs",
                                   (kDemo / "programs.py").string(), "--store", killed, "--rounds", "4", "--seed", "7",
                                   "--jobs", "2", "--tasks-per-round", "3", "--parents", "3", "--mutants", "6",
                                   "--cache-dir", dir.path + "/cache", "-q"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);

  store_content(killed);  // opens, and integrity_check says ok
  auto resumed = demo_search(dir.path, "killed.db", 4, 2);
  resumed.resume = true;
  search::run_search(resumed);
  CHECK(store_content(killed) == expected);
}

TEST_CASE("search: an exported store's programs solve by battc run what the store says", "[search]") {
  TempDir dir("battc-search");
  auto opts = demo_search(dir.path, "s.db", 2, 2);
  search::run_search(opts);
  std::string exported = dir.path + "/kept.py";
  int n = search::export_store(opts.store, exported, false);
  REQUIRE(n > 0);

  std::set<std::string> store_solved;  // "<program name>" the store says solves its task
  search::Store store(opts.store);
  for (const auto& [task, scores] : store.best())
    for (std::size_t i = 0; i < scores.size(); ++i)
      if (scores[i].solved) store_solved.insert(i == 0 ? "solve_" + task : "solve_" + task + "_" + std::to_string(i));

  api::RunRequest req;
  req.task_paths = {kDemo.string()};
  req.programs.files = {exported};
  req.engine = api::Engine::Specs;
  req.exec.pairing = Pairing::ByName;
  req.jit.cache_dir = dir.path + "/cache";
  auto out = api::run_batt(req);
  if (!out.ok()) FAIL(out.error().message);
  CHECK(out->generated->report.rejected == 0);
  std::set<std::string> run_solved;
  for (const auto& [task, programs] : out->summary.solved) run_solved.insert(programs.begin(), programs.end());
  CHECK(run_solved == store_solved);
}

TEST_CASE("mutants of every kind type-check or are refused before evaluation", "[search][mutate]") {
  using namespace battc::generator;
  TypeTable tt;
  Signatures sig(tt);
  Mutator mutator(sig);
  SourceSet sources;
  Diagnostics diags;
  std::ifstream in(kDemo / "programs.py");
  std::stringstream ss;
  ss << in.rdbuf();
  auto parsed = parse_program_file(sources, sources.add("programs.py", ss.str()), diags);
  REQUIRE(parsed.programs.size() >= 2);
  std::vector<TypedProgram> typed;
  for (const Program& p : parsed.programs) {
    auto t = type_program(p, Dialect::ArcDsl, sig);
    REQUIRE(t);
    typed.push_back(*t);
    // The printed text reads back as the same canonical program.
    SourceSet s2;
    Diagnostics d2;
    auto again = parse_program_file(s2, s2.add("again.py", program_text(t->program, "solve_x")), d2);
    REQUIRE(again.programs.size() == 1);
    CHECK(program_text(canonical_program(again.programs[0]), "solve_x") == program_text(t->program, "solve_x"));
  }
  Rng rng(1);
  MutationContext ctx{&sig, {0, 1, 2, 3}};
  int made = 0, accepted = 0;
  for (int kind = 0; kind < kMutationKinds; ++kind)
    for (int i = 0; i < 200; ++i) {
      const TypedProgram& p = typed[rng.below(typed.size())];
      const TypedProgram& q = typed[rng.below(typed.size())];
      auto m = mutator.mutate(p, static_cast<MutationKind>(kind), rng, ctx, &q);
      if (!m) continue;
      ++made;
      if (auto t = type_program(*m, Dialect::ArcDsl, sig)) {
        ++accepted;
        // An accepted mutant runs through the pipeline without a rejection.
        PipelineOptions po;
        po.program_texts = {{"m.py", program_text(t->program, "solve_m")}};
        po.emit = false;
        auto g = run_pipeline(po);
        CHECK(g->report.rejected == 0);
      }
    }
  CHECK(made > 100);
  CHECK(accepted > made / 4);
}
