// runtime/exec/device_image.cpp: two passes, sizes then bytes, so the buffer
// is allocated once; every section starts 16-aligned.
#include "runtime/exec/device_image.h"

#include <cstddef>
#include <cstring>

namespace battc::runtime {

namespace {

static_assert(sizeof(void*) == 8, "device images assume 64-bit pointers, as NVPTX64 has");

std::uint64_t align16(std::uint64_t n) { return (n + 15) & ~std::uint64_t(15); }

class Packer {
 public:
  explicit Packer(DeviceImage& img) : img_(img) {}

  // Appends `n` bytes (zeroed), 16-aligned; returns their offset.
  std::uint64_t reserve(std::uint64_t n) {
    std::uint64_t at = align16(img_.bytes.size());
    img_.bytes.resize(at + n, 0);
    return at;
  }
  template <class T>
  void put(std::uint64_t at, const T& v) {
    std::memcpy(img_.bytes.data() + at, &v, sizeof v);
  }
  // A pointer field at `at` that points to `target` (an offset).
  void pointer(std::uint64_t at, std::uint64_t target) {
    put(at, target);
    img_.pointer_slots.push_back(at);
  }
  // A dsl::Grid at `at` over cells placed at `cells`.
  void grid(std::uint64_t at, const GridData& g, std::uint64_t cells) {
    put(at, dsl::Grid{nullptr, g.h, g.w, nullptr});
    pointer(at + offsetof(dsl::Grid, c), cells);
  }

 private:
  DeviceImage& img_;
};

}  // namespace

std::vector<unsigned char> DeviceImage::relocated(std::uint64_t base) const {
  std::vector<unsigned char> out = bytes;
  for (std::uint64_t at : pointer_slots) {
    std::uint64_t v;
    std::memcpy(&v, out.data() + at, sizeof v);
    v += base;
    std::memcpy(out.data() + at, &v, sizeof v);
  }
  return out;
}

abi::SampleIn DeviceImage::sample_in(const std::vector<unsigned char>& image, std::uint64_t offset) {
  abi::SampleIn s;
  std::memcpy(&s, image.data() + offset, sizeof s);
  return s;
}

DeviceImage pack_device_image(const std::vector<const Task*>& tasks) {
  DeviceImage img;
  std::uint64_t cells = 0, train = 0, samples = 0;
  for (const Task* t : tasks) {
    for (const Sample& s : t->train) cells += s.input.cells.size() + (s.output ? s.output->cells.size() : 0);
    for (const Sample& s : t->test) cells += s.input.cells.size() + (s.output ? s.output->cells.size() : 0);
    train += t->train.size();
    samples += t->train.size() + t->test.size();
  }
  img.bytes.reserve(align16(cells * sizeof(dsl::Int)) + align16(2 * train * sizeof(dsl::Grid)) +
                    align16(tasks.size() * sizeof(abi::TaskIn)) + samples * sizeof(abi::SampleIn) + 64);
  Packer p(img);

  // Cells, remembering where each grid's went.
  std::uint64_t cell_at = p.reserve(cells * sizeof(dsl::Int)), next = cell_at;
  auto place = [&](const GridData& g) {
    std::uint64_t at = next;
    std::memcpy(img.bytes.data() + at, g.cells.data(), g.cells.size() * sizeof(dsl::Int));
    next += g.cells.size() * sizeof(dsl::Int);
    return at;
  };
  std::vector<std::vector<std::uint64_t>> in_cells(tasks.size()), out_cells(tasks.size());
  for (std::size_t t = 0; t < tasks.size(); ++t)
    for (const auto* list : {&tasks[t]->train, &tasks[t]->test})
      for (const Sample& s : *list) {
        in_cells[t].push_back(place(s.input));
        out_cells[t].push_back(s.output ? place(*s.output) : 0);
      }

  // Train grid arrays, then TaskIn.
  std::vector<std::uint64_t> train_in(tasks.size()), train_out(tasks.size());
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    const auto& tr = tasks[t]->train;
    train_in[t] = p.reserve(tr.size() * sizeof(dsl::Grid));
    train_out[t] = p.reserve(tr.size() * sizeof(dsl::Grid));
    for (std::size_t i = 0; i < tr.size(); ++i) {
      p.grid(train_in[t] + i * sizeof(dsl::Grid), tr[i].input, in_cells[t][i]);
      p.grid(train_out[t] + i * sizeof(dsl::Grid), *tr[i].output, out_cells[t][i]);
    }
  }
  img.tasks_offset = p.reserve(tasks.size() * sizeof(abi::TaskIn));
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    std::uint64_t at = img.tasks_offset + t * sizeof(abi::TaskIn);
    p.put(at, abi::TaskIn{nullptr, nullptr, dsl::i32(tasks[t]->train.size())});
    p.pointer(at + offsetof(abi::TaskIn, train_in), train_in[t]);
    p.pointer(at + offsetof(abi::TaskIn, train_out), train_out[t]);
  }

  // SampleIn per sample; an unknown output stays a null grid (has_expected 0).
  img.samples.resize(tasks.size());
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    std::size_t k = 0;
    for (const auto* list : {&tasks[t]->train, &tasks[t]->test})
      for (const Sample& s : *list) {
        std::uint64_t at = p.reserve(sizeof(abi::SampleIn));
        p.put(at, abi::SampleIn{dsl::Grid{}, dsl::Grid{}, s.output ? 1 : 0});
        p.grid(at + offsetof(abi::SampleIn, input), s.input, in_cells[t][k]);
        if (s.output) p.grid(at + offsetof(abi::SampleIn, expected), *s.output, out_cells[t][k]);
        img.samples[t].push_back(at);
        ++k;
      }
  }
  return img;
}

}  // namespace battc::runtime
