// tests/runtime/search_strategy_test.cpp: search's second strategy end to
// end (a search from nothing on the demo: enumeration fits the task one call
// solves, and the store is the same for any --jobs) and the choice of a
// round's strategy from the store's rounds, and the tasks an enumeration
// round takes.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "runtime/search/enumeration.h"
#include "runtime/search/store.h"
#include "runtime/search/strategy.h"
#include "tests/runtime/search_support.h"
#include "tests/test_support.h"

using namespace battc::test;
using battc::runtime::search::choose_strategy;
using battc::runtime::search::RoundRow;
using battc::runtime::search::Strategy;

namespace {

RoundRow row(int round, const char* strategy, std::int64_t improved, std::int64_t evaluations) {
  RoundRow r;
  r.round = round;
  r.strategy = strategy;
  r.improved = improved;
  r.evaluations = evaluations;
  return r;
}

}  // namespace

TEST_CASE("search: from nothing, enumeration fits the demo task one call solves, one store whatever --jobs",
          "[search][enumerate]") {
  TempDir dir("battc-search");
  auto o = demo_search(dir.path, "a.db", 2, 1);
  o.program_files.clear();
  o.enumerate_tasks = 5;
  o.enumerate_depth = 2;
  o.enumerate_calls = 80;  // level 1's smallest calls (one argument, I) fit the budget of new shapes
  auto r1 = searched(o);
  auto o2 = o;
  o2.store = dir.path + "/b.db";
  o2.jobs = 2;
  searched(o2);
  CHECK(store_content(o.store) == store_content(o2.store));

  CHECK(r1.fits_train_by_seeds == 0);
  CHECK(r1.strategies.count("enumerate") == 1);
  CHECK(r1.enumerated_calls > 0);
  CHECK(r1.enumerated_pooled > 0);
  CHECK(r1.enumerated_pooled <= r1.enumerated_calls);
  CHECK(r1.fits_train_by_kind["enumerate"] >= 1);
  search::Store store(o.store);
  auto best = store.best("mirror_rows");  // vmirror(I): one call
  REQUIRE_FALSE(best.empty());
  CHECK(best.front().solved);
  auto p = store.program(best.front().program);
  REQUIRE(p);
  CHECK(p->mutation == "enumerate");
  CHECK(p->length == 1);
  for (const RoundRow& r : store.rounds())
    if (r.round > 0) CHECK(r.strategy == (r.round == 1 ? "enumerate" : r.strategy));  // nothing to mutate at first

  // Mutation alone needs seeds.
  auto m = o;
  m.store = dir.path + "/m.db";
  m.strategy = "mutate";
  auto refused = search::run_search(m);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == api::ErrorKind::Usage);
}

TEST_CASE("search: a round's strategy follows the yields, each one waiting at most kWaitFactor times its cost",
          "[search]") {
  using battc::runtime::search::kWaitFactor;
  std::vector<RoundRow> none;
  CHECK(choose_strategy(none, "auto", false) == Strategy::Enumerate);  // nothing to mutate
  CHECK(choose_strategy(none, "auto", true) == Strategy::Mutate);      // a tie: mutation
  CHECK(choose_strategy(none, "enumerate", true) == Strategy::Enumerate);
  CHECK(choose_strategy(none, "mutate", true) == Strategy::Mutate);

  std::vector<RoundRow> rounds{row(0, "mutate", 3, 10), row(1, "mutate", 0, 1000000)};
  CHECK(choose_strategy(rounds, "auto", true) == Strategy::Enumerate);  // never tried: its turn
  rounds.push_back(row(2, "enumerate", 5, 1000000));
  CHECK(choose_strategy(rounds, "auto", true) == Strategy::Enumerate);  // 6/2M against 1/2M
  for (int r = 3; r < 2 + kWaitFactor; ++r) rounds.push_back(row(r, "enumerate", 5, 1000000));
  CHECK(choose_strategy(rounds, "auto", true) == Strategy::Mutate);  // waited 4x its 1M
  rounds.push_back(row(2 + kWaitFactor, "mutate", 40, 1000000));
  CHECK(choose_strategy(rounds, "auto", true) == Strategy::Mutate);  // now the better one
  CHECK(choose_strategy(rounds, "enumerate", true) == Strategy::Enumerate);

  // The wait is in evaluations: an enumeration round of 10M waits for 40M of
  // cheap mutation rounds, not for 4 of them.
  std::vector<RoundRow> cheap{row(0, "mutate", 3, 10), row(1, "enumerate", 1, 10000000)};
  int r = 2;
  for (; r < 2 + 4 * kWaitFactor * 10 - 1; ++r) cheap.push_back(row(r, "mutate", 20, 250000));
  CHECK(choose_strategy(cheap, "auto", true) == Strategy::Mutate);
  cheap.push_back(row(r, "mutate", 20, 250000));
  CHECK(choose_strategy(cheap, "auto", true) == Strategy::Enumerate);  // 40M waited
}

TEST_CASE("search: enumeration takes the open tasks in turn (those with a part rule first), then those fit with one test prediction",
          "[search][enumerate]") {
  using battc::runtime::search::enumeration_tasks;
  std::vector<battc::runtime::Task> tasks(6);
  for (std::size_t i = 0; i < tasks.size(); ++i) tasks[i].id = "t" + std::to_string(i);
  battc::runtime::search::SearchOptions o;
  o.enumerate_tasks = 2;
  const std::set<std::string> solved{"t0", "t1", "t2", "t3"}, settled{"t0", "t1"}, none;
  // The turn: the open t4 and t5 (in the seed's order), then t2 and t3.
  std::vector<std::size_t> first = enumeration_tasks(tasks, solved, settled, none, o, 0).tasks;
  CHECK(first == std::vector<std::size_t>{4, 5});
  CHECK(enumeration_tasks(tasks, solved, settled, none, o, 1).tasks == std::vector<std::size_t>{2, 3});
  auto again = enumeration_tasks(tasks, solved, settled, none, o, 2);
  CHECK(again.tasks == first);
  CHECK(again.pass == 1);
  // An open task with a rule over its parts comes first.
  const std::set<std::string> fewer{"t0", "t1"};
  o.enumerate_tasks = 1;
  CHECK(enumeration_tasks(tasks, fewer, fewer, {"t5"}, o, 0).tasks == std::vector<std::size_t>{5});
  o.enumerate_tasks = 2;
  // Every task settled: all of them.
  const std::set<std::string> all{"t0", "t1", "t2", "t3", "t4", "t5"};
  std::set<std::size_t> seen;
  for (int before = 0; before < 3; ++before)
    for (std::size_t t : enumeration_tasks(tasks, all, all, none, o, before).tasks) seen.insert(t);
  CHECK(seen.size() == 6);
}
