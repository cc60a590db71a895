// tests/runtime/device_plan_test.cpp: the GPU executor's pure planning:
// cubin architecture per device, tasks split over devices, and rounds and
// launches that fit a device's free memory.
#include <catch2/catch.hpp>

#include <numeric>

#include "runtime/exec/device_plan.h"
#include "runtime/exec/gpu_model.h"

using namespace battc::runtime;

namespace {

const std::vector<std::string> kBuilt = {"sm_75", "sm_80", "sm_89", "sm_90"};

// Every item once, in order, each launch within the round's items; returns
// the items counted.
std::size_t check_cover(const BatchPlan& p, const std::vector<std::size_t>& items_per_task) {
  std::size_t task = 0, item = 0;
  for (const Round& r : p.rounds) {
    REQUIRE(r.task_begin == task);
    REQUIRE(r.task_end > r.task_begin);
    std::size_t round_items = 0;
    for (std::size_t t = r.task_begin; t < r.task_end; ++t) round_items += items_per_task[t];
    std::size_t end = item + round_items;
    for (auto [a, b] : r.launches) {
      REQUIRE(a == item);
      REQUIRE(b > a);
      REQUIRE(b - a <= p.max_launch_items);
      item = b;
    }
    REQUIRE(item == end);
    REQUIRE(r.task_end - r.task_begin <= p.max_round_tasks);
    task = r.task_end;
  }
  REQUIRE(task == items_per_task.size());
  return item;
}

}  // namespace

TEST_CASE("cubin architecture: the newest built one of the device's major version", "[exec][gpu_plan]") {
  CHECK(cubin_arch_for(9, 0, kBuilt) == "sm_90");  // H100, H200
  CHECK(cubin_arch_for(8, 0, kBuilt) == "sm_80");  // A100
  CHECK(cubin_arch_for(8, 6, kBuilt) == "sm_80");  // RTX 30xx runs sm_80 code
  CHECK(cubin_arch_for(8, 9, kBuilt) == "sm_89");  // L4, RTX 40xx
  CHECK(cubin_arch_for(7, 5, kBuilt) == "sm_75");
  CHECK_FALSE(cubin_arch_for(7, 0, kBuilt));   // V100: older than any library
  CHECK_FALSE(cubin_arch_for(10, 0, kBuilt));  // B200: another major version
  CHECK_FALSE(cubin_arch_for(9, 0, {}));
  CHECK_FALSE(cubin_arch_for(9, 0, {"compute_90", "sm_", "sm_9x"}));  // malformed names never match
}

TEST_CASE("split_tasks: contiguous ranges covering every task, balanced by items", "[exec][gpu_plan]") {
  std::vector<std::size_t> items(10, 4);  // 40 items
  SECTION("one device takes everything") {
    auto r = split_tasks(items, {1.0});
    REQUIRE(r.size() == 1);
    CHECK(r[0] == std::pair<std::size_t, std::size_t>{0, 10});
  }
  SECTION("two equal devices take half each") {
    auto r = split_tasks(items, {1.0, 1.0});
    CHECK(r[0] == std::pair<std::size_t, std::size_t>{0, 5});
    CHECK(r[1] == std::pair<std::size_t, std::size_t>{5, 10});
  }
  SECTION("weights: a device with three times the multiprocessors takes three times the items") {
    auto r = split_tasks(items, {132.0, 44.0});
    CHECK(r[0] == std::pair<std::size_t, std::size_t>{0, 7});  // 28 of 40 items, close to 30
    CHECK(r[1] == std::pair<std::size_t, std::size_t>{7, 10});
  }
  SECTION("uneven tasks: balanced by items, not by task count") {
    auto r = split_tasks({30, 1, 1, 1, 1, 1, 1}, {1.0, 1.0});
    CHECK(r[0] == std::pair<std::size_t, std::size_t>{0, 1});
    CHECK(r[1] == std::pair<std::size_t, std::size_t>{1, 7});
  }
  SECTION("more devices than tasks: some get nothing, nothing is lost") {
    auto r = split_tasks({5, 5}, {1, 1, 1, 1});
    std::size_t next = 0, covered = 0;
    for (auto [b, e] : r) {
      CHECK(b == next);
      next = e;
      covered += e - b;
    }
    CHECK(covered == 2);
  }
  SECTION("no tasks, or no devices") {
    auto r = split_tasks({}, {1, 1});
    for (auto [b, e] : r) CHECK(b == e);
    CHECK(split_tasks(items, {}).empty());
  }
  SECTION("zero weights count as equal") {
    auto r = split_tasks(items, {0.0, 0.0});
    CHECK(r[0].second == 5);
  }
}

TEST_CASE("plan_batches: everything in one launch when it fits", "[exec][gpu_plan]") {
  std::vector<std::size_t> items = {4, 5, 3};
  DeviceFootprint need{1000, 100, 10};
  MemoryPolicy policy;
  policy.margin = 0;
  policy.reserve_bytes = 0;
  BatchPlan p = plan_batches(items, need, 1000 + 3 * 100 + 12 * 10, policy);
  REQUIRE(p.error.empty());
  REQUIRE(p.rounds.size() == 1);
  REQUIRE(p.rounds[0].launches.size() == 1);
  CHECK(p.rounds[0].launches[0] == std::pair<std::size_t, std::size_t>{0, 12});
  CHECK(p.max_round_tasks == 3);
  CHECK(p.max_launch_items == 12);
  CHECK(check_cover(p, items) == 12);
}

TEST_CASE("plan_batches: rounds of whole tasks when memory is short", "[exec][gpu_plan]") {
  std::vector<std::size_t> items = {4, 5, 3, 6, 2};
  DeviceFootprint need{0, 100, 10};
  MemoryPolicy policy;
  policy.margin = 0;
  policy.reserve_bytes = 0;
  BatchPlan p = plan_batches(items, need, 2 * 100 + 9 * 10, policy);  // tasks 0 and 1 fit together
  REQUIRE(p.error.empty());
  CHECK(check_cover(p, items) == 20);
  REQUIRE(p.rounds.size() >= 3);
  CHECK(p.rounds[0].task_end == 2);
  // Whatever a round holds fits: its prologues plus its largest launch.
  for (const Round& r : p.rounds)
    for (auto [a, b] : r.launches) CHECK((r.task_end - r.task_begin) * 100 + (b - a) * 10 <= p.usable_bytes);
}

TEST_CASE("plan_batches: a task too big for one launch is split over launches", "[exec][gpu_plan]") {
  std::vector<std::size_t> items = {2, 50, 2};
  DeviceFootprint need{0, 100, 10};
  MemoryPolicy policy;
  policy.margin = 0;
  policy.reserve_bytes = 0;
  BatchPlan p = plan_batches(items, need, 100 + 8 * 10, policy);  // one task and 8 items at a time
  REQUIRE(p.error.empty());
  CHECK(check_cover(p, items) == 54);
  const Round* big = nullptr;
  for (const Round& r : p.rounds)
    if (r.task_begin == 1) big = &r;
  REQUIRE(big);
  CHECK(big->task_end == 2);
  CHECK(big->launches.size() == 7);  // 50 items, 8 at a time
  CHECK(p.max_launch_items == 8);
}

TEST_CASE("plan_batches: the margin and the reserve are kept back", "[exec][gpu_plan]") {
  std::vector<std::size_t> items(100, 10);
  DeviceFootprint need{1 << 20, 64 << 20, 16 << 20};
  MemoryPolicy policy;                     // 10%, at least 256 MiB
  const std::uint64_t free = 80ull << 30;  // an 80 GiB device
  BatchPlan p = plan_batches(items, need, free, policy);
  REQUIRE(p.error.empty());
  CHECK(p.usable_bytes == free - free / 10 - need.fixed_bytes);
  CHECK(check_cover(p, items) == 1000);

  BatchPlan small = plan_batches(items, need, 400ull << 20, policy);  // the 256 MiB reserve wins over 10%
  REQUIRE(small.error.empty());
  CHECK(small.usable_bytes == (400ull << 20) - (256ull << 20) - need.fixed_bytes);
  CHECK(check_cover(small, items) == 1000);
}

TEST_CASE("plan_batches: too little memory for one task and one item is an error", "[exec][gpu_plan]") {
  DeviceFootprint need{0, 64 << 20, 16 << 20};
  BatchPlan p = plan_batches({3}, need, 200ull << 20, MemoryPolicy{});
  CHECK(p.rounds.empty());
  CHECK_THAT(p.error, Catch::Contains("not enough free device memory: 200 MiB free"));
}

TEST_CASE("plan_batches: launches never exceed max_items_per_launch", "[exec][gpu_plan]") {
  std::vector<std::size_t> items(10, 100);
  MemoryPolicy policy;
  policy.margin = 0;
  policy.reserve_bytes = 0;
  policy.max_items_per_launch = 64;
  BatchPlan p = plan_batches(items, DeviceFootprint{0, 1, 1}, 1 << 20, policy);
  REQUIRE(p.error.empty());
  CHECK(p.rounds.size() == 1);
  CHECK(p.max_launch_items == 64);
  CHECK(check_cover(p, items) == 1000);
}

TEST_CASE("group tables: a checked partition, consecutive groups by default", "[exec][gpu_plan][groups]") {
  GroupTable d = group_table({}, 10);
  CHECK(d.start == std::vector<int>{0, 4, 8, 10});
  CHECK(d.programs == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  CHECK(d.max_size == 4);
  CHECK(d.size() == 3);
  GroupTable t = group_table({{2, 0}, {1}}, 3);
  CHECK(t.start == std::vector<int>{0, 2, 3});
  CHECK(t.programs == std::vector<int>{2, 0, 1});
  CHECK(t.max_size == 2);
  CHECK_THROWS_AS(group_table({{0, 1}}, 3), std::logic_error);          // leaves 2 out
  CHECK_THROWS_AS(group_table({{0, 1}, {1, 2}}, 3), std::logic_error);  // 1 twice
  CHECK_THROWS_AS(group_table({{0}, {}, {1}}, 2), std::logic_error);    // an empty group
  CHECK_THROWS_AS(group_table({{0, 3}}, 3), std::logic_error);          // no program 3
  std::vector<int> big(65);
  for (int i = 0; i < 65; ++i) big[std::size_t(i)] = i;
  CHECK_THROWS_AS(group_table({big}, 65), std::logic_error);  // more than a mask holds
}

TEST_CASE("choose_group_size: the largest groups that still fill the device", "[exec][gpu_plan][groups]") {
  // ARC-AGI-1 training (1,718 samples) x 400 programs on 132 SMs: 80 groups of 5.
  CHECK(choose_group_size(1718, 400, 132 * kThreadsWantedPerSm) == 5);
  CHECK(choose_group_size(1718, 400, 80 * kThreadsWantedPerSm) == 8);  // two T4s
  CHECK(choose_group_size(20, 5, 132 * kThreadsWantedPerSm) == 1);     // too little work for any sharing
  CHECK(choose_group_size(100000, 400, 1024) == kLargestChosenGroup);
}

TEST_CASE("gpu models: names, counts, and what is unknown", "[exec][gpu_plan]") {
  auto h = parse_gpu_model("h100");
  REQUIRE(h);
  CHECK(h->multiprocessors == 132);
  CHECK(h->arch == "sm_90");
  CHECK(h->count == 1);
  CHECK(h->free_bytes() < h->memory_bytes);
  auto t = parse_gpu_model("t4x2");
  REQUIRE(t);
  CHECK(t->count == 2);
  CHECK(t->multiprocessors == 40);
  for (const char* bad : {"v100", "t4x0", "t4x17", "t4x", "x2", "", "h100x2x2"}) {
    INFO(bad);
    CHECK_FALSE(parse_gpu_model(bad));
  }
}
