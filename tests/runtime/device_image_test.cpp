// tests/runtime/device_image_test.cpp: the tasks packed for a device, checked
// in host memory: relocated to where a host buffer lies, every TaskIn and
// SampleIn must read back the task's grids through its pointers.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "runtime/exec/device_image.h"
#include "tests/runtime/mini_batt_fixture.h"

using namespace battc::runtime;
using namespace battc::test;

namespace {

bool same(const battc::dsl::Grid& g, const GridData& d) {
  if (g.h != d.h || g.w != d.w || g.off) return false;
  return d.cells.empty() || std::memcmp(g.c, d.cells.data(), d.cells.size() * sizeof(int)) == 0;
}

struct HostBuffer {
  std::unique_ptr<unsigned char, decltype(&std::free)> mem{nullptr, &std::free};
  explicit HostBuffer(std::size_t n)
      : mem(static_cast<unsigned char*>(std::aligned_alloc(256, (n + 255) / 256 * 256)), &std::free) {}
  std::uint64_t base() const { return reinterpret_cast<std::uint64_t>(mem.get()); }
};

}  // namespace

TEST_CASE("device image: tasks and samples read back through relocated pointers", "[exec][gpu_image]") {
  std::vector<Task> tasks;
  tasks.push_back(mirror_task("a", {grid({{1, 2}, {3, 4}}), grid({{5}})}, {grid({{6, 7, 8}})}));
  tasks.push_back(mirror_task("b", {grid({{9}})}, {grid({{1}, {2}}), grid({{3, 3}})}, false));
  std::vector<const Task*> ptrs{&tasks[0], &tasks[1]};
  DeviceImage img = pack_device_image(ptrs);

  REQUIRE(img.samples.size() == 2);
  CHECK(img.samples[0].size() == 3);
  CHECK(img.samples[1].size() == 3);
  CHECK(img.tasks_offset % 16 == 0);
  for (const auto& per_task : img.samples)
    for (std::uint64_t at : per_task) CHECK(at % 16 == 0);

  HostBuffer buf(img.bytes.size());
  std::vector<unsigned char> bytes = img.relocated(buf.base());
  std::memcpy(buf.mem.get(), bytes.data(), bytes.size());

  auto* task_in = reinterpret_cast<const battc::abi::TaskIn*>(buf.mem.get() + img.tasks_offset);
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    INFO("task " << t);
    REQUIRE(task_in[t].n_train == int(tasks[t].train.size()));
    for (std::size_t i = 0; i < tasks[t].train.size(); ++i) {
      CHECK(same(task_in[t].train_in[i], tasks[t].train[i].input));
      CHECK(same(task_in[t].train_out[i], *tasks[t].train[i].output));
    }
    std::size_t s = 0;
    for (const auto* list : {&tasks[t].train, &tasks[t].test})
      for (const Sample& sample : *list) {
        INFO("sample " << s);
        // Read the way the executor builds work items: out of the relocated bytes.
        battc::abi::SampleIn in = DeviceImage::sample_in(bytes, img.samples[t][s]);
        CHECK(same(in.input, sample.input));
        CHECK(in.has_expected == (sample.output ? 1 : 0));
        if (sample.output)
          CHECK(same(in.expected, *sample.output));
        else
          CHECK(in.expected.c == nullptr);  // no pointer to relocate: stays null
        // Every pointer lies inside the buffer.
        auto inside = [&](const void* p) {
          auto a = reinterpret_cast<std::uint64_t>(p);
          return a >= buf.base() && a < buf.base() + img.bytes.size();
        };
        CHECK(inside(in.input.c));
        ++s;
      }
  }
}

TEST_CASE("device image: relocating to another base moves exactly the pointer fields", "[exec][gpu_image]") {
  std::vector<Task> tasks;
  tasks.push_back(mirror_task("a", {grid({{1, 2}})}, {grid({{3}})}, false));
  DeviceImage img = pack_device_image({&tasks[0]});
  auto at0 = img.relocated(0), at1 = img.relocated(0x100000000ull);
  REQUIRE(at0 == img.bytes);
  std::size_t differing_words = 0;
  for (std::size_t i = 0; i + 8 <= at0.size(); i += 8)
    differing_words += std::memcmp(at0.data() + i, at1.data() + i, 8) != 0;
  // train_in, train_out (TaskIn); two train grids; three SampleIn grids (the
  // test output is unknown): 7 pointers.
  CHECK(img.pointer_slots.size() == 7);
  CHECK(differing_words == 7);
}

TEST_CASE("device image: no tasks is an empty image", "[exec][gpu_image]") {
  DeviceImage img = pack_device_image({});
  CHECK(img.samples.empty());
  CHECK(img.pointer_slots.empty());
}
