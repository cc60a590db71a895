// tests/runtime/store_sql.h: SQL run straight on a store's file, how the
// store tests make an older schema's store (columns dropped, the version
// set back) or a broken one.
#pragma once

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <string>

namespace battc::test {

inline void run_store_sql(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  INFO(sql);
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

}  // namespace battc::test
