// tests/runtime/search_support.h: what the search tests share: a small
// search over the demo, and a store's content as text (programs, kept
// scores, mutation counts, rounds without their timings; the integrity
// check must say ok).
#pragma once

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "runtime/search/search.h"

namespace battc::test {

namespace fs = std::filesystem;
using namespace battc::runtime;

inline const fs::path kDemo = fs::path(BATTC_SOURCE_DIR) / "tasks" / "demo";

inline search::SearchOptions demo_search(const std::string& dir, const std::string& store, int rounds, unsigned jobs) {
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

// Runs a search that must succeed; its report.
inline search::SearchReport searched(const search::SearchOptions& o) {
  auto r = search::run_search(o);
  if (!r.ok()) FAIL(r.error().message);
  return r.value();
}

// The store's content that the seed decides: programs and kept scores.
inline std::string store_content(const std::string& path) {
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
  dump("SELECT round, candidates, rejected, unique_candidates, evaluations, new_solved, strategy, improved FROM rounds "
       "ORDER BY round");
  std::string integrity;
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK);
  if (sqlite3_step(s) == SQLITE_ROW) integrity = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  sqlite3_close(db);
  CHECK(integrity == "ok");
  return out.str();
}


}  // namespace battc::test
