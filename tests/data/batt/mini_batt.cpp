// tests/data/batt/mini_batt.cpp: a hand-written batt unit that follows
// runtime/abi/batt_abi.h, for testing the JIT and the executor before (and
// independently of) the generator. Three programs:
//   solve_mirror: hmirror(I)
//   solve_row:    first(I)        (a tuple, not a grid)
//   solve_fail:   first(apply(first, S)) when S has one pair, else fails
//                 (exercises the prologue and failure statuses)
#include "dsl/dsl.h"
#include "runtime/abi/batt_abi.h"

using namespace battc::dsl;
namespace abi = battc::abi;

namespace {

const char* const kNames[] = {"solve_fail", "solve_mirror", "solve_row"};
const u8 kDiffer[] = {0, 0, 0};

struct Prologue {
  Int n_train;
  bool ok_n;
};

// Writes the dump JSON of a grid into the arena (a tiny encoder, enough here).
const char* grid_text(Ctx& c, const Grid& g) {
  char* buf = c.alloc<char>(i64(g.h) * (i64(g.w) * 12 + 2) + 3);
  if (!buf) return nullptr;
  char* p = buf;
  *p++ = '[';
  for (i32 i = 0; i < g.h; ++i) {
    if (i) *p++ = ',';
    *p++ = '[';
    for (i32 j = 0; j < g.w; ++j) {
      if (j) *p++ = ',';
      Int v = g.at(i, j);
      if (v < 0) { *p++ = '-'; v = -v; }
      char tmp[12];
      int k = 0;
      do { tmp[k++] = char('0' + v % 10); v /= 10; } while (v);
      while (k) *p++ = tmp[--k];
    }
    *p++ = ']';
  }
  *p++ = ']';
  *p = 0;
  return buf;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) const abi::BattInfo* battc_info() {
  static const abi::BattInfo info{abi::kAbiVersion, 3, kNames, kDiffer, sizeof(Prologue), 3, 0, nullptr, nullptr};
  return &info;
}

extern "C" __attribute__((visibility("default"))) void battc_prologue(const abi::TaskIn* task, Ctx* ctx, void* storage) {
  auto* p = static_cast<Prologue*>(storage);
  p->n_train = task->n_train;
  p->ok_n = true;
  (void)ctx;
}

extern "C" __attribute__((visibility("default"))) void battc_eval(const abi::TaskIn* task, const void* prologue,
                                                                  const abi::SampleIn* s, Ctx* ctx, const u8* want,
                                                                  abi::ProgramOut* out, int encode) {
  Ctx& c = *ctx;
  const auto* P = static_cast<const Prologue*>(prologue);
  for (int k = 0; k < 3; ++k) out[k] = abi::ProgramOut{0, 0, 0, 0, 0, 0, Grid{}, nullptr};
  if (!want || want[0]) {  // solve_fail
    c.status = Status::Ok;
    Int v = P->n_train == 1 ? 1 : first(c, Tuple<Int>{nullptr, 0});
    out[0].status = u8(c.status);
    out[0].why = u8(c.why);
    out[0].evaluated = 1;
    (void)v;
  }
  if (!want || want[1]) {  // solve_mirror
    c.status = Status::Ok;
    Grid g = hmirror(c, s->input);
    out[1].status = u8(c.status);
    out[1].why = u8(c.why);
    out[1].evaluated = 1;
    if (c.ok()) {
      out[1].is_grid = 1;
      out[1].grid = g;
      out[1].matches = s->has_expected && eq(g, s->expected);
      if (encode) out[1].text = grid_text(c, g);
    }
  }
  if (!want || want[2]) {  // solve_row
    c.status = Status::Ok;
    Tuple<Int> r = first(c, s->input);
    out[2].status = u8(c.status);
    out[2].why = u8(c.why);
    out[2].evaluated = 1;
    (void)r;  // this fixture does not encode tuples: text stays nullptr
  }
  (void)task;
}
