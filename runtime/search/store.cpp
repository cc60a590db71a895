// runtime/search/store.cpp: SQLite through its C API, prepared statements
// with bound parameters only (program text is data, never SQL). WAL journal
// with synchronous=NORMAL: a killed process loses at most the round in
// flight, and the file always passes integrity_check.
#include "runtime/search/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <memory>
#include <tuple>

namespace battc::runtime::search {
namespace {

// 2: the tasks table, the inputs key in parts; 3: each round's strategy and
// the tasks it improved (what the choice of strategy reads); 4: each score's
// outputs hash (ranking.h's rank()); 5: whether its test predictions are
// plausible (runtime/score/plausible.h); 6: grid hashes, of which outputs
// are made, computed another way (their old values cleared); 7: each
// program's description length under the seeds' prior (ranking.h's bits); 8:
// each kept score's symmetries (runtime/score/symmetry.h), set when a search
// ends.
constexpr int kSchemaVersion = 8;

const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS programs(
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL UNIQUE,
  length INTEGER NOT NULL,
  dialect TEXT NOT NULL,
  parent INTEGER REFERENCES programs(id),
  mutation TEXT NOT NULL,
  origin TEXT NOT NULL,
  round INTEGER NOT NULL,
  bits INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS scores(
  program INTEGER NOT NULL REFERENCES programs(id),
  task TEXT NOT NULL,
  score REAL NOT NULL,
  train_right INTEGER NOT NULL, train_total INTEGER NOT NULL,
  test_right INTEGER NOT NULL, test_known INTEGER NOT NULL,
  cell_accuracy REAL NOT NULL,
  solved INTEGER NOT NULL, near_miss INTEGER NOT NULL,
  round INTEGER NOT NULL,
  outputs INTEGER NOT NULL DEFAULT 0,
  plausible INTEGER NOT NULL DEFAULT 1,
  symmetries INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(program, task));
CREATE INDEX IF NOT EXISTS scores_by_task ON scores(task);
CREATE TABLE IF NOT EXISTS rounds(
  round INTEGER PRIMARY KEY,
  candidates INTEGER NOT NULL, rejected INTEGER NOT NULL, unique_candidates INTEGER NOT NULL,
  evaluations INTEGER NOT NULL,
  seconds REAL NOT NULL, generate_s REAL NOT NULL, compile_s REAL NOT NULL, run_s REAL NOT NULL,
  score_s REAL NOT NULL, store_s REAL NOT NULL,
  new_solved TEXT NOT NULL,
  strategy TEXT NOT NULL DEFAULT 'mutate', improved INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS shapes(key TEXT PRIMARY KEY, round INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tasks(id TEXT PRIMARY KEY, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mutations(
  kind TEXT PRIMARY KEY, made INTEGER NOT NULL, improved INTEGER NOT NULL, discarded INTEGER NOT NULL);
)SQL";

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

}  // namespace

Store::Store(const std::string& path) : path_(path) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) fail("cannot open");
  sqlite3_busy_timeout(db_, 10000);
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=NORMAL");
  exec("PRAGMA foreign_keys=ON");
  exec(kSchema);
  auto v = meta("schema_version");
  if (v == "2") {  // rounds of mutation only: the new columns' defaults say so
    exec("BEGIN IMMEDIATE; ALTER TABLE rounds ADD COLUMN strategy TEXT NOT NULL DEFAULT 'mutate'; "
         "ALTER TABLE rounds ADD COLUMN improved INTEGER NOT NULL DEFAULT 0; "
         "UPDATE meta SET value = '3' WHERE key = 'schema_version'; COMMIT");
    v = "3";
  }
  if (v == "3") {  // outputs unknown (0): each kept program counts as distinct
    exec("BEGIN IMMEDIATE; ALTER TABLE scores ADD COLUMN outputs INTEGER NOT NULL DEFAULT 0; "
         "UPDATE meta SET value = '4' WHERE key = 'schema_version'; COMMIT");
    v = "4";
  }
  if (v == "4") {  // plausibility unknown: every kept program counts as plausible, as before
    exec("BEGIN IMMEDIATE; ALTER TABLE scores ADD COLUMN plausible INTEGER NOT NULL DEFAULT 1; "
         "UPDATE meta SET value = '5' WHERE key = 'schema_version'; COMMIT");
    v = "5";
  }
  if (v == "5") {  // grid hashes changed (record_output.cpp): outputs unknown again
    exec("BEGIN IMMEDIATE; UPDATE scores SET outputs = 0; "
         "UPDATE meta SET value = '6' WHERE key = 'schema_version'; COMMIT");
    v = "6";
  }
  if (v == "6") {  // description lengths unknown (0): programs of equal length ordered by their texts, as before
    exec("BEGIN IMMEDIATE; ALTER TABLE programs ADD COLUMN bits INTEGER NOT NULL DEFAULT 0; "
         "UPDATE meta SET value = '7' WHERE key = 'schema_version'; COMMIT");
    v = "7";
  }
  if (v == "7") {  // symmetries unknown (0): the attempts follow the kept order, as before
    exec("BEGIN IMMEDIATE; ALTER TABLE scores ADD COLUMN symmetries INTEGER NOT NULL DEFAULT 0; "
         "UPDATE meta SET value = '8' WHERE key = 'schema_version'; COMMIT");
    v = "8";
  }
  if (!v) {
    set_meta("schema_version", std::to_string(kSchemaVersion));
  } else if (*v != std::to_string(kSchemaVersion)) {
    throw StoreError(path_ + ": a store of schema version " + *v + "; this battc reads version " +
                     std::to_string(kSchemaVersion));
  }
}

Store::~Store() { sqlite3_close_v2(db_); }

void Store::fail(const std::string& what) {
  std::string msg = path_ + ": " + what + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
  throw StoreError(msg);
}

void Store::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string e = err ? err : "?";
    sqlite3_free(err);
    throw StoreError(path_ + ": " + e);
  }
}

Store::Transaction::Transaction(Store& store) : store_(store) { store_.exec("BEGIN IMMEDIATE"); }

void Store::Transaction::commit() {
  store_.exec("COMMIT");
  open_ = false;
}

Store::Transaction::~Transaction() {
  if (!open_) return;
  // A destructor must not throw: a failed rollback leaves the transaction to
  // SQLite, which rolls it back when the connection closes.
  sqlite3_exec(store_.db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

bool Store::step_row(sqlite3_stmt* s) {
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail("cannot read");
}

void Store::step_done(sqlite3_stmt* s, const char* what) {
  if (sqlite3_step(s) != SQLITE_DONE) fail(what);
}

namespace {

Stmt prepare(sqlite3* db, const char* sql, const std::string& path) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK)
    throw StoreError(path + ": " + sqlite3_errmsg(db) + " in: " + sql);
  return Stmt(s);
}

void bind(sqlite3_stmt* s, int i, const std::string& v) { sqlite3_bind_text(s, i, v.data(), int(v.size()), SQLITE_TRANSIENT); }
void bind(sqlite3_stmt* s, int i, std::int64_t v) { sqlite3_bind_int64(s, i, v); }
void bind(sqlite3_stmt* s, int i, int v) { sqlite3_bind_int(s, i, v); }
void bind(sqlite3_stmt* s, int i, double v) { sqlite3_bind_double(s, i, v); }

template <class... A>
void bind_all(sqlite3_stmt* s, const A&... a) {
  int i = 0;
  (bind(s, ++i, a), ...);
}

std::string text(sqlite3_stmt* s, int col) {
  const unsigned char* t = sqlite3_column_text(s, col);
  return t ? reinterpret_cast<const char*>(t) : "";
}

}  // namespace

std::optional<std::string> Store::meta(const std::string& key) {
  Stmt s = prepare(db_, "SELECT value FROM meta WHERE key = ?", path_);
  bind_all(s.get(), key);
  if (step_row(s.get())) return text(s.get(), 0);
  return std::nullopt;
}

void Store::set_meta(const std::string& key, const std::string& value) {
  Stmt s = prepare(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", path_);
  bind_all(s.get(), key, value);
  step_done(s.get(), "cannot write meta");
}

std::int64_t Store::add_program(const StoredProgram& p) {
  Stmt find = prepare(db_, "SELECT id FROM programs WHERE source = ?", path_);
  bind_all(find.get(), p.source);
  if (step_row(find.get())) return sqlite3_column_int64(find.get(), 0);
  Stmt s = prepare(db_,
                   "INSERT INTO programs(source, length, dialect, parent, mutation, origin, round, bits) "
                   "VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                   path_);
  bind_all(s.get(), p.source, p.length, p.dialect, p.parent, p.mutation, p.origin, p.round, p.bits);
  if (p.parent == 0) sqlite3_bind_null(s.get(), 4);
  step_done(s.get(), "cannot add a program");
  return sqlite3_last_insert_rowid(db_);
}

namespace {

StoredProgram program_row(sqlite3_stmt* s) {
  StoredProgram p;
  p.id = sqlite3_column_int64(s, 0);
  p.source = text(s, 1);
  p.length = sqlite3_column_int(s, 2);
  p.dialect = text(s, 3);
  p.parent = sqlite3_column_int64(s, 4);
  p.mutation = text(s, 5);
  p.origin = text(s, 6);
  p.round = sqlite3_column_int(s, 7);
  p.bits = sqlite3_column_int(s, 8);
  return p;
}

constexpr const char* kProgramColumns =
    "SELECT id, source, length, dialect, parent, mutation, origin, round, bits FROM programs";

}  // namespace

std::optional<StoredProgram> Store::program(std::int64_t id) {
  Stmt s = prepare(db_, (std::string(kProgramColumns) + " WHERE id = ?").c_str(), path_);
  bind_all(s.get(), id);
  if (step_row(s.get())) return program_row(s.get());
  return std::nullopt;
}

std::vector<StoredProgram> Store::programs() {
  Stmt s = prepare(db_, (std::string(kProgramColumns) + " ORDER BY id").c_str(), path_);
  std::vector<StoredProgram> out;
  while (step_row(s.get())) out.push_back(program_row(s.get()));
  return out;
}

void Store::set_score(const TaskScore& t) {
  Stmt s = prepare(db_,
                   "INSERT OR REPLACE INTO scores(program, task, score, train_right, train_total, test_right, "
                   "test_known, cell_accuracy, solved, near_miss, round, outputs, plausible, symmetries) "
                   "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   path_);
  bind_all(s.get(), t.program, t.task, t.score, t.train_right, t.train_total, t.test_right, t.test_known,
           t.cell_accuracy, int(t.solved), int(t.near_miss), t.round, static_cast<std::int64_t>(t.outputs),
           int(t.plausible), t.symmetries);
  step_done(s.get(), "cannot write a score");
}

void Store::set_symmetries(std::int64_t program, const std::string& task, int symmetries) {
  Stmt s = prepare(db_, "UPDATE scores SET symmetries = ? WHERE program = ? AND task = ?", path_);
  bind_all(s.get(), symmetries, program, task);
  step_done(s.get(), "cannot write a score's symmetries");
}

namespace {

constexpr const char* kScoreColumns =
    "SELECT s.program, s.task, s.score, s.train_right, s.train_total, s.test_right, s.test_known, "
    "s.cell_accuracy, s.solved, s.near_miss, s.round, p.length, p.source, s.outputs, "
    "p.mutation IN ('seed', 'prefix', 'conjugate'), s.plausible, p.bits, s.symmetries "
    "FROM scores s JOIN programs p ON p.id = s.program";

TaskScore score_row(sqlite3_stmt* s) {
  TaskScore t;
  t.program = sqlite3_column_int64(s, 0);
  t.task = text(s, 1);
  t.score = sqlite3_column_double(s, 2);
  t.train_right = sqlite3_column_int(s, 3);
  t.train_total = sqlite3_column_int(s, 4);
  t.test_right = sqlite3_column_int(s, 5);
  t.test_known = sqlite3_column_int(s, 6);
  t.cell_accuracy = sqlite3_column_double(s, 7);
  t.solved = sqlite3_column_int(s, 8) != 0;
  t.near_miss = sqlite3_column_int(s, 9) != 0;
  t.round = sqlite3_column_int(s, 10);
  t.length = sqlite3_column_int(s, 11);
  t.source = text(s, 12);
  t.outputs = static_cast<std::uint64_t>(sqlite3_column_int64(s, 13));
  t.written = sqlite3_column_int(s, 14) != 0;
  t.plausible = sqlite3_column_int(s, 15) != 0;
  t.bits = sqlite3_column_int(s, 16);
  t.symmetries = sqlite3_column_int(s, 17);
  return t;
}

}  // namespace

std::map<std::string, std::vector<TaskScore>> Store::best() {
  Stmt s = prepare(db_, kScoreColumns, path_);
  std::map<std::string, std::vector<TaskScore>> out;
  while (step_row(s.get())) {
    TaskScore t = score_row(s.get());
    out[t.task].push_back(std::move(t));
  }
  for (auto& [task, v] : out) rank(v);
  return out;
}

std::vector<TaskScore> Store::best(const std::string& task) {
  Stmt s = prepare(db_, (std::string(kScoreColumns) + " WHERE s.task = ?").c_str(), path_);
  bind_all(s.get(), task);
  std::vector<TaskScore> out;
  while (step_row(s.get())) out.push_back(score_row(s.get()));
  rank(out);
  return out;
}

void Store::keep_best(const std::string& task, int keep) {
  std::vector<TaskScore> kept = best(task);
  Stmt s = prepare(db_, "DELETE FROM scores WHERE program = ? AND task = ?", path_);
  for (const TaskScore& dropped : search::keep_best(kept, keep)) {
    sqlite3_reset(s.get());
    bind_all(s.get(), dropped.program, task);
    step_done(s.get(), "cannot drop a score");
  }
}

int Store::last_round() {
  Stmt s = prepare(db_, "SELECT COALESCE(MAX(round), 0) FROM rounds", path_);
  return step_row(s.get()) ? sqlite3_column_int(s.get(), 0) : 0;
}

void Store::add_round(const RoundRow& r) {
  Stmt s = prepare(db_,
                   "INSERT OR REPLACE INTO rounds(round, candidates, rejected, unique_candidates, evaluations, seconds, "
                   "generate_s, compile_s, run_s, score_s, store_s, new_solved, strategy, improved) "
                   "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   path_);
  bind_all(s.get(), r.round, r.candidates, r.rejected, r.unique, r.evaluations, r.seconds, r.generate_s, r.compile_s,
           r.run_s, r.score_s, r.store_s, r.new_solved, r.strategy, r.improved);
  step_done(s.get(), "cannot write a round");
}

std::vector<RoundRow> Store::rounds() {
  Stmt s = prepare(db_,
                   "SELECT round, candidates, rejected, unique_candidates, evaluations, seconds, generate_s, compile_s, "
                   "run_s, score_s, store_s, new_solved, strategy, improved FROM rounds ORDER BY round",
                   path_);
  std::vector<RoundRow> out;
  while (step_row(s.get())) {
    RoundRow r;
    r.round = sqlite3_column_int(s.get(), 0);
    r.candidates = sqlite3_column_int64(s.get(), 1);
    r.rejected = sqlite3_column_int64(s.get(), 2);
    r.unique = sqlite3_column_int64(s.get(), 3);
    r.evaluations = sqlite3_column_int64(s.get(), 4);
    r.seconds = sqlite3_column_double(s.get(), 5);
    r.generate_s = sqlite3_column_double(s.get(), 6);
    r.compile_s = sqlite3_column_double(s.get(), 7);
    r.run_s = sqlite3_column_double(s.get(), 8);
    r.score_s = sqlite3_column_double(s.get(), 9);
    r.store_s = sqlite3_column_double(s.get(), 10);
    r.new_solved = text(s.get(), 11);
    r.strategy = text(s.get(), 12);
    r.improved = sqlite3_column_int64(s.get(), 13);
    out.push_back(std::move(r));
  }
  return out;
}

void Store::add_mutation_counts(const std::string& kind, std::int64_t made, std::int64_t improved,
                                std::int64_t discarded) {
  Stmt s = prepare(db_,
                   "INSERT INTO mutations(kind, made, improved, discarded) VALUES(?, ?, ?, ?) ON CONFLICT(kind) DO "
                   "UPDATE SET made = made + excluded.made, improved = improved + excluded.improved, "
                   "discarded = discarded + excluded.discarded",
                   path_);
  bind_all(s.get(), kind, made, improved, discarded);
  step_done(s.get(), "cannot count mutations");
}

std::vector<std::string> Store::shapes() {
  Stmt s = prepare(db_, "SELECT key FROM shapes ORDER BY key", path_);
  std::vector<std::string> out;
  while (step_row(s.get())) out.push_back(text(s.get(), 0));
  return out;
}

std::map<std::string, int> Store::shape_rounds() {
  Stmt s = prepare(db_, "SELECT key, round FROM shapes", path_);
  std::map<std::string, int> out;
  while (step_row(s.get())) out[text(s.get(), 0)] = sqlite3_column_int(s.get(), 1);
  return out;
}

void Store::add_shapes(const std::vector<std::string>& keys, int round) {
  Stmt s = prepare(db_, "INSERT OR IGNORE INTO shapes(key, round) VALUES(?, ?)", path_);
  for (const std::string& k : keys) {
    sqlite3_reset(s.get());
    bind_all(s.get(), k, round);
    step_done(s.get(), "cannot add a shape");
  }
}

void Store::set_tasks(const std::map<std::string, std::string>& hashes) {
  Stmt s = prepare(db_, "INSERT OR REPLACE INTO tasks(id, hash) VALUES(?, ?)", path_);
  for (const auto& [id, hash] : hashes) {
    sqlite3_reset(s.get());
    bind_all(s.get(), id, hash);
    step_done(s.get(), "cannot add a task");
  }
}

std::map<std::string, std::string> Store::tasks() {
  Stmt s = prepare(db_, "SELECT id, hash FROM tasks", path_);
  std::map<std::string, std::string> out;
  while (step_row(s.get())) out[text(s.get(), 0)] = text(s.get(), 1);
  return out;
}

std::map<std::string, std::array<std::int64_t, 3>> Store::mutation_counts() {
  Stmt s = prepare(db_, "SELECT kind, made, improved, discarded FROM mutations", path_);
  std::map<std::string, std::array<std::int64_t, 3>> out;
  while (step_row(s.get()))
    out[text(s.get(), 0)] = {sqlite3_column_int64(s.get(), 1), sqlite3_column_int64(s.get(), 2),
                             sqlite3_column_int64(s.get(), 3)};
  return out;
}

}  // namespace battc::runtime::search
