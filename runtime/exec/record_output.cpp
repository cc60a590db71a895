// runtime/exec/record_output.cpp: ProgramOut -> EvalRecord.
#include "runtime/exec/record_output.h"

#include <algorithm>
#include <cstring>

namespace battc::runtime {

GridData to_grid_data(const dsl::Grid& g) {
  GridData d;
  d.h = g.h;
  d.w = g.w;
  d.cells.assign(g.c, g.c + g.cells());
  return d;
}

namespace {

constexpr std::uint64_t kFnvBasis = 1469598103934665603ull, kFnvPrime = 1099511628211ull;

__extension__ typedef unsigned __int128 u128;

// The high and low halves of a 128-bit product, folded: every bit of either
// factor reaches every bit of the result.
inline std::uint64_t fold_mul(std::uint64_t a, std::uint64_t b) {
  const u128 p = static_cast<u128>(a) * b;
  return static_cast<std::uint64_t>(p) ^ static_cast<std::uint64_t>(p >> 64);
}

// A grid's hash over its shape and cells: equal grids, equal hashes. Two
// cells make a 64-bit word, and four lanes take a word each in turn, so the
// processor multiplies them side by side. (FNV-1a, one dependent multiply
// per cell, was 6% of a search's time where mutants upscale grids.) The
// store's scores.outputs are made of these hashes, so a change here is a
// store schema step (store.cpp).
std::uint64_t grid_hash(const dsl::Grid& g) {
  constexpr std::uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull, k2 = 0x8ebc6af09c88c6e3ull,
                          k3 = 0x589965cc75374cc3ull;
  const std::int64_t n = g.cells();
  const dsl::Int* c = g.c;
  auto word = [&](std::int64_t i) {
    return std::uint64_t(std::uint32_t(c[i])) << 32 | std::uint64_t(std::uint32_t(c[i + 1]));
  };
  std::uint64_t a = k0 ^ std::uint64_t(std::uint32_t(g.h)), b = k1 ^ std::uint64_t(std::uint32_t(g.w)), d = k2,
                e = k3 ^ std::uint64_t(n);
  std::int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    a = fold_mul(a ^ word(i), k1);
    b = fold_mul(b ^ word(i + 2), k2);
    d = fold_mul(d ^ word(i + 4), k3);
    e = fold_mul(e ^ word(i + 6), k0);
  }
  for (; i + 2 <= n; i += 2) a = fold_mul(a ^ word(i), k1);
  if (i < n) b = fold_mul(b ^ std::uint64_t(std::uint32_t(c[i])), k2);
  return fold_mul(a ^ d ^ k2, b ^ e ^ k3);
}

// A hash of a value's dump text (canonical: equal values, equal texts);
// never 0, which means "no hash". Eight bytes a word, two lanes of folded
// products, as grid_hash: FNV-1a's one dependent multiply per byte was the
// largest item of an enumeration round's run phase (every pooled value is
// hashed). Only in memory: enumeration's observational equivalence; no
// store holds these.
std::uint64_t text_hash(const char* text) {
  constexpr std::uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull, k2 = 0x8ebc6af09c88c6e3ull;
  const std::size_t n = std::strlen(text);
  std::uint64_t a = kFnvBasis ^ n, b = k2;
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    std::uint64_t w0, w1;
    std::memcpy(&w0, text + i, 8);
    std::memcpy(&w1, text + i + 8, 8);
    a = fold_mul(a ^ w0, k1);
    b = fold_mul(b ^ w1, k0);
  }
  std::uint64_t tail = 0;  // the last 0 to 15 bytes, then their count
  for (std::size_t k = 0; i + k < n; ++k) {
    if (k == 8) a = fold_mul(a ^ tail, k1), tail = 0;
    tail |= std::uint64_t(std::uint8_t(text[i + k])) << (8 * (k % 8));
  }
  const std::uint64_t h = fold_mul(a ^ fold_mul(b ^ tail, k2), kFnvPrime ^ (n - i));
  return h ? h : 1;
}

// A known output has at most 30x30 cells (kMaxGridSide), so the count fits
// EvalRecord's 16 bits.
std::uint16_t cells_equal(const dsl::Grid& g, const dsl::Grid& expected) {
  if (g.h != expected.h || g.w != expected.w) return 0;
  std::uint32_t n = 0;
  for (std::int64_t i = 0, end = g.cells(); i < end; ++i) n += g.c[i] == expected.c[i];
  return static_cast<std::uint16_t>(std::min<std::uint32_t>(n, 0xffff));
}

bool same_grid(const GridData& d, const dsl::Grid& g) {
  return d.h == g.h && d.w == g.w && std::equal(d.cells.begin(), d.cells.end(), g.c);
}

}  // namespace

int intern_grid(SampleResult& sample, const dsl::Grid& g, std::uint64_t h) {
  std::vector<GridData>& grids = sample.grids;
  auto [at, added] = sample.grid_at.emplace(h, static_cast<int>(grids.size()));
  if (!added) {
    if (same_grid(grids[std::size_t(at->second)], g)) return at->second;
    for (std::size_t i = 0; i < grids.size(); ++i)  // a hash collision: look at every grid
      if (same_grid(grids[i], g)) return int(i);
  }
  grids.push_back(to_grid_data(g));
  return int(grids.size() - 1);
}

void record_output(const abi::ProgramOut& out, int p, SampleResult& sample, bool keep_text, bool rerun,
                   const abi::SampleIn* stats_of) {
  EvalRecord& r = sample.evals[p];
  r = EvalRecord{};
  if (!out.evaluated) return;
  r.status = out.status;
  r.flags = EvalRecord::kEvaluated | (rerun ? EvalRecord::kRerun : 0);
  bool ok = out.status == std::uint8_t(dsl::Status::Ok);
  if (!ok) {
    r.why = out.why;
    r.stmt = out.stmt;
  }
  if (ok && out.is_grid) {
    r.flags |= EvalRecord::kIsGrid;
    if (out.matches && sample.has_expected) r.flags |= EvalRecord::kMatches;
    const std::uint64_t h = sample.is_test || stats_of ? grid_hash(out.grid) : 0;
    if (sample.is_test) r.grid = intern_grid(sample, out.grid, h);
    if (stats_of) {
      r.hash = h;
      if (stats_of->has_expected) {
        r.cells_equal = cells_equal(out.grid, stats_of->expected);
        if (out.grid.h == stats_of->expected.h && out.grid.w == stats_of->expected.w) r.flags |= EvalRecord::kShapeRight;
      }
    }
  } else if (ok && stats_of && out.text) {
    r.hash = text_hash(out.text);  // ExecOptions::value_hashes
  }
  if (keep_text && !sample.texts.empty()) sample.texts[p] = ok && out.text ? out.text : "";
}

}  // namespace battc::runtime
