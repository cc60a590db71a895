// tests/runtime/search_test.cpp: battc search on the demo. Mutants are well
// typed (the checker refuses what it refuses before evaluation, and the
// pipeline rejects none), the store is identical for one seed whatever the
// thread count, a resumed search equals an uninterrupted one, an exported
// store's programs solve by `run` exactly what the store says, and the
// printer's text reads back as the same program. A store killed inside a
// round, or a search stopped by Ctrl-C or an internal error, keeps every
// round finished before.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "generator/mutate/mutate.h"
#include "generator/mutate/program_text.h"
#include "generator/parse/parser.h"
#include "generator/diag/internal_error.h"
#include "runtime/api/run_batt.h"
#include "runtime/search/candidates.h"
#include "runtime/search/search.h"
#include "runtime/search/store.h"
#include "runtime/tasks/load_tasks.h"
#include "tests/runtime/search_support.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace battc::runtime;
using battc::test::TempDir;

using battc::test::demo_search;
using battc::test::kDemo;
using battc::test::searched;
using battc::test::store_content;

TEST_CASE("search: one seed gives one store, whatever --jobs, and resume continues it", "[search]") {
  TempDir dir("battc-search");
  auto r1 = searched(demo_search(dir.path, "a.db", 3, 1));
  auto r2 = searched(demo_search(dir.path, "b.db", 3, 2));
  CHECK(r1.rounds == 3);
  CHECK(r1.candidates > 0);
  CHECK(r1.rejected == 0);  // mutants are checked before they are candidates
  CHECK(r1.evaluations > 0);
  CHECK(r1.fits_train >= r1.fits_train_by_seeds);
  CHECK(r1.scored_tasks == r1.tasks);  // the demo's test outputs are known: the final attempts are scored
  CHECK(r1.verified <= r1.fits_train);
  CHECK_FALSE(r1.interrupted);
  std::string a = store_content(dir.path + "/a.db");
  CHECK(a == store_content(dir.path + "/b.db"));
  // Three threads for three tasks a round: each task's mutants on a thread
  // of its own (make_candidates), the candidates and counts as on one.
  searched(demo_search(dir.path, "d.db", 3, 3));
  CHECK(a == store_content(dir.path + "/d.db"));

  // Two rounds, then --resume to three: the same store.
  searched(demo_search(dir.path, "c.db", 2, 2));
  auto resumed = demo_search(dir.path, "c.db", 3, 2);
  resumed.resume = true;
  auto rr = searched(resumed);
  CHECK(rr.rounds == 1);
  CHECK(store_content(dir.path + "/c.db") == a);

  // Without --resume an existing store is refused, as bad input.
  auto again = search::run_search(demo_search(dir.path, "a.db", 4, 1));
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().kind == api::ErrorKind::Input);
  CHECK_THAT(again.error().message, Catch::Contains("--resume"));
}

// The demo's tasks copied to dir/<name>, each test output replaced by
// `garbage` when asked.
static std::string demo_tasks_copy(const std::string& dir, const std::string& name, bool garbage) {
  fs::path to = fs::path(dir) / name;
  fs::create_directories(to);
  for (const auto& e : fs::directory_iterator(kDemo)) {
    if (e.path().extension() != ".json") continue;
    auto j = nlohmann::json::parse(battc::test::slurp(e.path()));
    if (garbage)
      for (auto& t : j["test"]) t["output"] = nlohmann::json::parse("[[9, 9, 9], [9, 1, 9]]");
    std::ofstream(to / e.path().filename()) << j.dump();
  }
  return to.string();
}

// Tasks of seed round 0 (round 0's kept scores): those a seed fits.
static std::set<std::string> fit_in_round_0(const std::string& store) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(store.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT DISTINCT task FROM scores WHERE round = 0 AND train_right = train_total",
                             -1, &s, nullptr) == SQLITE_OK);
  std::set<std::string> out;
  while (sqlite3_step(s) == SQLITE_ROW) out.insert(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

// The mutation of the programs that fit `task` in round 0.
static std::set<std::string> round_0_fit_kinds(const std::string& store, const std::string& task) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(store.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db,
                             "SELECT DISTINCT p.mutation FROM scores s JOIN programs p ON p.id = s.program "
                             "WHERE s.round = 0 AND s.train_right = s.train_total AND s.task = ?",
                             -1, &s, nullptr) == SQLITE_OK);
  sqlite3_bind_text(s, 1, task.c_str(), -1, SQLITE_TRANSIENT);
  std::set<std::string> out;
  while (sqlite3_step(s) == SQLITE_ROW) out.insert(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

// A quarter turn of a grid, as arc-dsl's rot90.
static nlohmann::json turned(const nlohmann::json& g) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t c = 0; c < g[0].size(); ++c) {
    nlohmann::json row = nlohmann::json::array();
    for (std::size_t r = g.size(); r-- > 0;) row.push_back(g[r][c]);
    out.push_back(row);
  }
  return out;
}

TEST_CASE("search: round 0 runs every seed on every task, --seeds-on own only on its own", "[search]") {
  TempDir dir("battc-search");
  // The demo, a copy of one of its tasks under an id no seed is named for,
  // and a copy of another with every grid turned a quarter: what a
  // conjugate of its seed fits (turned back, run, turned again).
  fs::path tasks = demo_tasks_copy(dir.path, "tasks", false);
  fs::copy_file(tasks / "mirror_rows.json", tasks / "unnamed.json");
  auto gravity = nlohmann::json::parse(battc::test::slurp(tasks / "gravity.json"));
  for (const char* part : {"train", "test"})
    for (auto& pair : gravity[part]) pair = {{"input", turned(pair["input"])}, {"output", turned(pair["output"])}};
  std::ofstream(tasks / "gravity_turned.json") << gravity.dump();
  auto run = [&](const std::string& store, const std::string& seeds_on, bool conjugates = true) {
    auto o = demo_search(dir.path, store, 1, 2);
    o.task_paths = {tasks.string()};
    o.seeds_on = seeds_on;
    o.conjugates = conjugates;
    return searched(o);
  };
  auto all = run("all.db", "all");
  auto own = run("own.db", "own");
  auto unturned = run("unturned.db", "all", false);
  std::set<std::string> fit_all = fit_in_round_0(dir.path + "/all.db");
  std::set<std::string> fit_own = fit_in_round_0(dir.path + "/own.db");
  CHECK(fit_all.count("unnamed"));  // solve_mirror_rows, as written
  CHECK(fit_all.count("mirror_rows"));
  CHECK_FALSE(fit_own.count("unnamed"));
  CHECK(fit_own.count("mirror_rows"));
  CHECK(fit_all.count("gravity_turned"));
  CHECK(round_0_fit_kinds(dir.path + "/all.db", "gravity_turned") == std::set<std::string>{"conjugate"});
  CHECK_FALSE(fit_own.count("gravity_turned"));
  CHECK(all.fits_train_by_seeds == own.fits_train_by_seeds + 2);
  // --no-conjugates: the seeds and their prefixes only.
  std::set<std::string> fit_unturned = fit_in_round_0(dir.path + "/unturned.db");
  CHECK(fit_unturned.count("unnamed"));
  CHECK_FALSE(fit_unturned.count("gravity_turned"));
  CHECK(unturned.fits_train_by_seeds == all.fits_train_by_seeds - 1);

  auto bad = demo_search(dir.path, "bad.db", 1, 1);
  bad.seeds_on = "mine";
  auto r = search::run_search(bad);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("seeds on 'mine'") != std::string::npos);
}

TEST_CASE("search: round 0's parts hold every task once, in order, each within the bound or one task", "[search]") {
  const std::vector<Task> tasks = load_tasks(kDemo);
  REQUIRE(tasks.size() == 5);
  auto samples = [](const Task& t) { return t.train.size() + t.test.size(); };
  for (std::size_t bound : {std::size_t(0), std::size_t(1), std::size_t(28), std::size_t(63), std::size_t(1) << 40}) {
    auto parts = search::seed_round_parts(tasks, 7, bound);
    std::vector<std::string> ids;
    for (const auto& part : parts) {
      REQUIRE_FALSE(part.empty());
      std::size_t evaluations = 0;
      for (const Task& t : part) {
        ids.push_back(t.id);
        evaluations += 7 * samples(t);
      }
      if (bound > 0 && part.size() > 1) CHECK(evaluations <= bound);
    }
    std::vector<std::string> want;
    for (const Task& t : tasks) want.push_back(t.id);
    CHECK(ids == want);
    if (bound == 0 || bound == std::size_t(1) << 40) CHECK(parts.size() == 1);
    if (bound == 1) CHECK(parts.size() == tasks.size());
  }
}

TEST_CASE("search: test outputs steer nothing: garbage test outputs give the identical store", "[search]") {
  TempDir dir("battc-search");
  auto run = [&](const std::string& store, bool garbage, bool select_on_test) {
    auto o = demo_search(dir.path, store, 3, 2);
    o.task_paths = {demo_tasks_copy(dir.path, store + ".tasks", garbage)};
    o.select_on_test = select_on_test;
    o.submission = dir.path + "/" + store + ".submission.json";
    return searched(o);
  };
  auto real = run("real.db", false, false);
  auto junk = run("junk.db", true, false);
  CHECK(store_content(dir.path + "/real.db") == store_content(dir.path + "/junk.db"));
  // The same attempts; only their score against the (wrong) outputs differs.
  CHECK(battc::test::slurp(dir.path + "/real.db.submission.json") ==
        battc::test::slurp(dir.path + "/junk.db.submission.json"));
  CHECK(real.verified > 0);
  CHECK(junk.verified == 0);
  CHECK(real.fits_train == junk.fits_train);
  CHECK_FALSE(real.select_on_test);

  // Asked to, the search does read them: then the stores differ.
  auto real_sel = run("real_sel.db", false, true);
  run("junk_sel.db", true, true);
  CHECK(real_sel.select_on_test);
  CHECK(store_content(dir.path + "/real_sel.db") != store_content(dir.path + "/junk_sel.db"));
}

TEST_CASE("search: --submission holds every task and two attempts for every test input", "[search]") {
  TempDir dir("battc-search");
  auto o = demo_search(dir.path, "s.db", 1, 1);
  o.submission = dir.path + "/submission.json";
  searched(o);
  auto sub = nlohmann::json::parse(battc::test::slurp(o.submission));
  int tasks = 0;
  for (const auto& e : fs::directory_iterator(kDemo)) {
    if (e.path().extension() != ".json") continue;
    ++tasks;
    auto task = nlohmann::json::parse(battc::test::slurp(e.path()));
    const auto& entry = sub[e.path().stem().string()];
    REQUIRE(entry.is_array());
    REQUIRE(entry.size() == task["test"].size());
    for (const auto& attempts : entry) {
      CHECK(attempts["attempt_1"].is_array());
      CHECK(attempts["attempt_2"].is_array());
    }
  }
  CHECK(sub.size() == std::size_t(tasks));
}

TEST_CASE("search: --resume refuses tasks whose content changed under the same ids", "[search]") {
  TempDir dir("battc-search");
  fs::copy(kDemo, dir.path + "/tasks");
  fs::remove(dir.path + "/tasks/programs.py");
  auto o = demo_search(dir.path, "s.db", 1, 1);
  o.task_paths = {dir.path + "/tasks"};
  searched(o);
  // One train output changed: same ids, other content.
  fs::path task;
  for (const auto& e : fs::directory_iterator(dir.path + "/tasks"))
    if (e.path().extension() == ".json") task = e.path();
  auto j = nlohmann::json::parse(battc::test::slurp(task));
  auto& cell = j["train"][0]["output"][0][0];
  cell = (cell.get<int>() + 1) % 10;
  std::ofstream(task) << j.dump();
  o.rounds = 2;
  o.resume = true;
  auto r = search::run_search(o);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == api::ErrorKind::Input);
  CHECK_THAT(r.error().message, Catch::Contains("task contents"));
}

TEST_CASE("search: options that make no search are usage errors before any work", "[search]") {
  TempDir dir("battc-search");
  auto o = demo_search(dir.path, "s.db", 0, 1);  // neither rounds nor minutes
  auto r = search::run_search(o);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == api::ErrorKind::Usage);
  CHECK_FALSE(fs::exists(o.store));  // refused before the store was made
  o.rounds = 1;
  o.keep = 0;
  CHECK(search::check_search_options(o).has_value());
  o.keep = 1;
  CHECK_FALSE(search::check_search_options(o).has_value());
}

TEST_CASE("search: a bug inside the specs engine is an internal error, and the store keeps its rounds", "[search]") {
  TempDir dir("battc-search");
  auto o = demo_search(dir.path, "s.db", 3, 1);
  // Break the engine when round 2 evaluates.
  o.phase_hook = [](int round, const char* phase) {
    if (round == 2 && std::string(phase) == "evaluate") battc::inject_internal_error("spec_engine.prologue");
  };
  auto r = search::run_search(o);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == api::ErrorKind::Internal);
  CHECK_THAT(r.error().message, Catch::Contains("battc bug at") && Catch::Contains("spec_engine.prologue"));
  search::Store store(o.store);
  CHECK(store.last_round() == 1);  // round 1 stored, round 2 left nothing
}

TEST_CASE("search: a store killed with SIGKILL inside a round opens, is intact, and --resume finishes it", "[search]") {
  TempDir dir("battc-search");
  auto whole = demo_search(dir.path, "whole.db", 4, 2);
  searched(whole);
  std::string expected = store_content(whole.store);

  // The same search in a forked child, killed inside round 3's transaction
  // once all its rows are written and before they are committed.
  auto killed = demo_search(dir.path, "killed.db", 4, 2);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    killed.phase_hook = [](int round, const char* phase) {
      if (round == 3 && std::string(phase) == "stored") raise(SIGKILL);
    };
    search::run_search(killed);
    _exit(0);  // not reached: the hook kills the child
  }
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);

  {
    search::Store store(killed.store);
    CHECK(store.last_round() == 2);  // round 3's rows were never committed
  }
  store_content(killed.store);  // opens, and integrity_check says ok
  killed.resume = true;
  searched(killed);
  CHECK(store_content(killed.store) == expected);
}

TEST_CASE("search: Ctrl-C stores the round in flight and exits 130, --resume continues", "[search][interrupt]") {
  TempDir dir("battc-search");
  std::string store = dir.path + "/int.db";
  std::string args = "search --tasks '" + kDemo.string() + "' --programs '" + (kDemo / "programs.py").string() +
                     "' --store '" + store + "' --rounds 100000 --seed 7 --jobs 1 --report-json '" + dir.path +
                     "/report.json'";
  // SIGINT once round 1 is reported: a round is in flight by then.
  std::string script = dir.path + "/interrupt.sh";
  std::ofstream(script) << "\"$@\" & pid=$!\n"
                           "for i in $(seq 1 1200); do grep -q 'round 1:' '" << dir.path << "/int.err' 2>/dev/null && break; "
                           "sleep 0.05; done\n"
                           "kill -INT $pid; wait $pid\n";
  battc::test::Child c = battc::test::run_battc(dir, "int", args, "exec sh '" + script + "' env ");
  INFO(c.err);
  CHECK(c.exit_code == 130);
  CHECK_THAT(c.err, Catch::Contains("stopped by a signal"));
  auto report = nlohmann::json::parse(battc::test::slurp(dir.path + "/report.json"));
  CHECK(report["interrupted"] == true);
  int rounds = report["rounds"].get<int>();
  CHECK(rounds >= 1);
  CHECK(rounds < 100000);
  search::Store s(store);
  CHECK(s.last_round() == rounds);  // every round it ran is stored, the one in flight included
}

TEST_CASE("search: an exported store's programs solve by battc run what the store says", "[search]") {
  TempDir dir("battc-search");
  auto opts = demo_search(dir.path, "s.db", 2, 2);
  searched(opts);
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
  // "Solved" in the store is fits train (the test outputs are hidden from
  // the search): the programs the run finds right on every train pair.
  std::set<std::string> run_solved;
  const RunResult& rr = out->result;
  for (const TaskResult& t : rr.tasks)
    for (std::size_t p = 0; p < rr.programs.size(); ++p) {
      if (t.want.empty() || !t.want[p]) continue;
      bool fits = true;
      for (const SampleResult& sr : t.samples) fits = fits && (sr.is_test || sr.evals[p].matches());
      if (fits) run_solved.insert(rr.programs[p]);
    }
  CHECK(run_solved == store_solved);
  // The run keeps the export's order of programs, the store's ranking: what
  // the search's attempts (AttemptOrder::Given) rely on.
  std::vector<std::string> in_file;
  std::istringstream lines(battc::test::slurp(exported));
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("def ", 0) == 0) in_file.push_back(line.substr(4, line.find('(') - 4));
  CHECK(rr.programs == in_file);
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

TEST_CASE("parents: an unsettled task draws some from the library, a settled one only its own", "[search][mutate]") {
  using namespace battc::generator;
  TypeTable tt;
  Signatures sig(tt);
  Mutator mutator(sig);
  TempDir dir("battc-parents");
  auto o = demo_search(dir.path, "p.db", 1, 2);
  o.parents_per_task = 8;
  o.mutants_per_parent = 4;
  auto in = search::load_search_inputs(o, sig);
  REQUIRE(in.ok());
  const search::SearchInputs& inputs = in.value();
  REQUIRE(inputs.seeds.size() >= 4);
  REQUIRE(inputs.tasks.size() >= 3);
  // The pool: the seeds as the store holds them, ids 1..n.
  std::vector<search::StoredProgram> pool;
  for (std::size_t i = 0; i < inputs.seeds.size(); ++i) {
    search::StoredProgram p;
    p.id = std::int64_t(i) + 1;
    p.source = program_text(inputs.seeds[i].program, search::kStoredName);
    p.mutation = "seed";
    pool.push_back(p);
  }
  search::MutationSources src{sig, mutator, [&](std::int64_t id) -> const TypedProgram* {
                                return id >= 1 && std::size_t(id) <= inputs.seeds.size() ? &inputs.seeds[id - 1]
                                                                                         : nullptr;
                              }};
  // Task 0 is open (its kept program right on 1 train pair of 2); task 1
  // fit by two programs that predict one test output; task 2 settled, fit
  // by two that predict two. Each keeps seeds 1 and 2.
  const std::string open = inputs.tasks[0].id, one = inputs.tasks[1].id, settled = inputs.tasks[2].id;
  auto kept = [](int right, std::uint64_t outputs_a, std::uint64_t outputs_b) {
    std::vector<search::TaskScore> v(2);
    for (int i = 0; i < 2; ++i) {
      v[i].program = i + 1;
      v[i].score = 0.4 + 0.5 * right / 2.0;
      v[i].train_right = right;
      v[i].train_total = 2;
      v[i].outputs = i == 0 ? outputs_a : outputs_b;
    }
    return v;
  };
  std::map<std::string, std::vector<search::TaskScore>> best;
  best[open] = kept(1, 11, 12);
  best[one] = kept(2, 21, 21);
  best[settled] = kept(2, 31, 32);
  std::map<std::string, search::MutationStats> stats;
  std::map<std::string, std::set<std::int64_t>> parents;
  for (int r = 1; r <= 4; ++r)
    for (const search::Candidate& c : search::make_candidates(src, inputs, o, r, {0, 1, 2}, best, pool, stats))
      parents[c.task].insert(c.parent);
  CHECK(parents[settled] == std::set<std::int64_t>{1, 2});
  for (const std::string& t : {open, one}) {
    INFO(t);
    CHECK(parents[t].count(1) + parents[t].count(2) == 2);
    CHECK(parents[t].size() > 2);  // library programs the task never kept
  }
}
