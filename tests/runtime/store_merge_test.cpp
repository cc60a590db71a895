// tests/runtime/store_merge_test.cpp: one search split into shard jobs and
// joined by `battc store merge`: shards partition the tasks, the merge does
// not depend on the order of its inputs, --resume continues a merged store,
// and inputs of other options, other task contents or an existing output
// are refused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "runtime/search/search_inputs.h"
#include "runtime/search/store.h"
#include "runtime/search/store_merge.h"
#include "tests/runtime/search_support.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace battc::runtime;
using battc::test::demo_search;
using battc::test::kDemo;
using battc::test::searched;
using battc::test::store_content;
using battc::test::TempDir;

namespace {

// Shard i of 3 of the demo, 2 rounds, its own random seed.
std::string shard_store(const std::string& dir, int i) {
  auto o = demo_search(dir, "shard" + std::to_string(i) + ".db", 2, 1);
  o.shard_index = i;
  o.shard_count = 3;
  o.seed = 11 + static_cast<std::uint64_t>(i);
  auto r = search::run_search(o);
  if (!r.ok()) {
    // A shard with no task of the demo's five is refused before any work.
    CHECK_THAT(r.error().message, Catch::Contains("holds none of the tasks"));
    return "";
  }
  return o.store;
}

}  // namespace

TEST_CASE("shards: every task in exactly one shard, by its id alone", "[search][merge]") {
  std::vector<std::string> ids;
  for (int i = 0; i < 200; ++i) ids.push_back("task" + std::to_string(i * 7919));
  for (int n : {1, 2, 3, 8}) {
    std::vector<int> hits(ids.size(), 0);
    for (int i = 0; i < n; ++i)
      for (std::size_t t = 0; t < ids.size(); ++t) hits[t] += search::in_shard(ids[t], i, n);
    CHECK(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }));
  }
  // Spread: no shard of 3 is empty among 200 ids.
  for (int i = 0; i < 3; ++i)
    CHECK(std::count_if(ids.begin(), ids.end(), [&](const std::string& id) { return search::in_shard(id, i, 3); }) >
          20);
}

TEST_CASE("store merge: the same store in every order of its inputs, and --resume continues it", "[search][merge]") {
  TempDir dir("battc-merge");
  std::vector<std::string> stores;
  for (int i = 0; i < 3; ++i)
    if (std::string s = shard_store(dir.path, i); !s.empty()) stores.push_back(s);
  REQUIRE(stores.size() >= 2);
  std::sort(stores.begin(), stores.end());
  std::string first;
  int order = 0;
  do {
    std::string out = dir.path + "/merged" + std::to_string(order++) + ".db";
    search::MergeReport r = search::merge_stores(stores, out);
    CHECK(r.stores == static_cast<int>(stores.size()));
    CHECK(r.tasks == 5);  // the shards' union: every demo task
    CHECK(r.rounds == 2);
    std::string content = store_content(out);
    if (first.empty()) first = content;
    CHECK(content == first);
  } while (std::next_permutation(stores.begin(), stores.end()));

  // Every shard's kept best is in the merge (each task is in one shard).
  search::Store merged(dir.path + "/merged0.db");
  auto best = merged.best();
  for (const std::string& s : stores) {
    search::Store shard(s);
    for (const auto& [task, scores] : shard.best()) {
      REQUIRE(best.count(task));
      CHECK(best[task].front().source == scores.front().source);
    }
  }

  // --resume over the union of the tasks, with a seed of its own.
  auto resumed = demo_search(dir.path, "merged0.db", 3, 2);
  resumed.resume = true;
  resumed.seed = 99;
  auto r = searched(resumed);
  CHECK(r.rounds == 1);
  CHECK(merged.last_round() == 3);
}

TEST_CASE("store merge: other options, other task contents or an existing output are refused", "[search][merge]") {
  TempDir dir("battc-merge");
  auto a = demo_search(dir.path, "a.db", 1, 1);
  searched(a);
  auto b = demo_search(dir.path, "b.db", 1, 1);
  b.keep = 3;  // another option
  searched(b);
  CHECK_THROWS_WITH(search::merge_stores({a.store, b.store}, dir.path + "/m.db"), Catch::Contains("options"));
  CHECK_FALSE(fs::exists(dir.path + "/m.db"));

  // The same task id with another train output.
  fs::create_directories(dir.path + "/changed");
  for (const auto& e : fs::directory_iterator(kDemo)) {
    if (e.path().extension() != ".json") continue;
    auto j = nlohmann::json::parse(battc::test::slurp(e.path()));
    auto& cell = j["train"][0]["output"][0][0];
    cell = (cell.get<int>() + 1) % 10;
    std::ofstream(dir.path + "/changed/" + e.path().filename().string()) << j.dump();
  }
  auto c = demo_search(dir.path, "c.db", 1, 1);
  c.task_paths = {dir.path + "/changed"};
  searched(c);
  CHECK_THROWS_WITH(search::merge_stores({a.store, c.store}, dir.path + "/m.db"), Catch::Contains("other content"));

  CHECK_THROWS_WITH(search::merge_stores({a.store}, a.store), Catch::Contains("exists"));
  CHECK_THROWS_WITH(search::merge_stores({dir.path + "/none.db"}, dir.path + "/m.db"), Catch::Contains("no such store"));
}

TEST_CASE("battc store merge and --shard from the command line", "[search][merge][cli]") {
  TempDir dir("battc-merge-cli");
  std::string common = "search -q --tasks '" + kDemo.string() + "' --programs '" + (kDemo / "programs.py").string() +
                       "' --rounds 1 --tasks-per-round 3 --parents 3 --mutants 6";
  std::vector<std::string> stores;
  for (int i = 0; i < 2; ++i) {
    std::string store = dir.path + "/s" + std::to_string(i) + ".db";
    auto c = battc::test::run_battc(dir, "s" + std::to_string(i),
                                    common + " --shard " + std::to_string(i) + "/2 --seed " + std::to_string(i + 1) +
                                        " --store '" + store + "'");
    INFO(c.err);
    REQUIRE(c.exit_code == 0);
    stores.push_back(store);
  }
  auto m = battc::test::run_battc(dir, "merge", "store merge '" + stores[0] + "' '" + stores[1] + "' -o '" + dir.path +
                                                    "/all.db'");
  INFO(m.err);
  CHECK(m.exit_code == 0);
  CHECK_THAT(m.out, Catch::Contains("merged 2 stores") && Catch::Contains("5 tasks"));
  auto bad = battc::test::run_battc(dir, "bad", common + " --shard 2/2 --store '" + dir.path + "/x.db'");
  CHECK(bad.exit_code == 2);
}
