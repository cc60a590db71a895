// runtime/search/store.h: the search's solver store, one SQLite file
// (schema in docs/search.md). Programs are canonical source text; each has
// its score on the tasks where it is among the best kept; every round's
// writes are one transaction, so a store killed at any moment opens as of
// its last finished round and --resume continues from there.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "runtime/search/ranking.h"

struct sqlite3;
struct sqlite3_stmt;

namespace battc::runtime::search {

// A store that cannot be opened, read or written: its path and SQLite's words.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct StoredProgram {
  std::int64_t id = 0;
  std::string source;    // canonical text, its def named "solve_program"
  int length = 0;        // statements
  std::string dialect;   // "arc-dsl" or "tokpidjin"
  std::int64_t parent = 0;  // 0: none (a seed)
  std::string mutation;  // a mutation kind, or "seed"
  std::string origin;    // a seed's name in its file, else ""
  int round = 0;
  int bits = 0;          // description length under the seeds' prior (ranking.h); 0: unknown
};

struct RoundRow {
  int round = 0;
  std::int64_t candidates = 0, rejected = 0, unique = 0, evaluations = 0;
  double seconds = 0, generate_s = 0, compile_s = 0, run_s = 0, score_s = 0, store_s = 0;
  std::string new_solved;  // comma-separated task ids
  std::string strategy = "mutate";  // "mutate" or "enumerate" (strategy.h)
  std::int64_t improved = 0;        // tasks whose best kept score rose
};

class Store {
 public:
  // Opens (creating the file and schema when absent). Throws StoreError.
  explicit Store(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // One round's writes: BEGIN IMMEDIATE on construction, COMMIT by
  // commit(), ROLLBACK when destroyed uncommitted (an exception, an early
  // return), so a failed round leaves the store as it was.
  class Transaction {
   public:
    explicit Transaction(Store& store);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

   private:
    Store& store_;
    bool open_ = true;
  };

  std::optional<std::string> meta(const std::string& key);
  void set_meta(const std::string& key, const std::string& value);

  // The id of the program with this source, inserting it when new.
  std::int64_t add_program(const StoredProgram& p);
  std::optional<StoredProgram> program(std::int64_t id);
  std::vector<StoredProgram> programs();  // every program, by id

  void set_score(const TaskScore& s);
  // A kept score's TaskScore::symmetries (a search's last phase sets them).
  void set_symmetries(std::int64_t program, const std::string& task, int symmetries);
  // Keeps the best `keep` scores of the task (ranking.h's keep_best), drops
  // the rest.
  void keep_best(const std::string& task, int keep);
  // Every kept score, per task, best first.
  std::map<std::string, std::vector<TaskScore>> best();
  // One task's kept scores, best first.
  std::vector<TaskScore> best(const std::string& task);

  int last_round();  // 0 when no round has finished
  void add_round(const RoundRow& r);
  std::vector<RoundRow> rounds();  // every round, by number
  void add_mutation_counts(const std::string& kind, std::int64_t made, std::int64_t improved, std::int64_t discarded);
  std::map<std::string, std::array<std::int64_t, 3>> mutation_counts();  // made, improved, discarded

  // The statement shapes (spec keys) the search has admitted so far: the
  // seeds' and every round's (SearchOptions::new_shapes_per_round).
  std::vector<std::string> shapes();
  std::map<std::string, int> shape_rounds();  // each shape and the round that admitted it
  void add_shapes(const std::vector<std::string>& keys, int round);

  // The searched tasks and the hash of each one's content (search_inputs.h
  // InputsKey::tasks), so that a merge checks that two stores saw the same
  // task under one id.
  void set_tasks(const std::map<std::string, std::string>& hashes);
  std::map<std::string, std::string> tasks();

  const std::string& path() const { return path_; }

 private:
  void exec(const char* sql);
  // sqlite3_step: true on a row, false when done, a StoreError on anything
  // else (a busy or broken database never reads as the end of the rows).
  bool step_row(sqlite3_stmt* s);
  void step_done(sqlite3_stmt* s, const char* what);  // a write: SQLITE_DONE or a StoreError
  [[noreturn]] void fail(const std::string& what);
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace battc::runtime::search
