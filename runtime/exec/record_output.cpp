// runtime/exec/record_output.cpp: ProgramOut -> EvalRecord.
#include "runtime/exec/record_output.h"

#include <algorithm>

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

// FNV-1a over the shape and the cells: equal grids, equal hashes.
std::uint64_t grid_hash(const dsl::Grid& g) {
  std::uint64_t h = kFnvBasis;
  auto add = [&](std::uint64_t x) {
    h ^= x;
    h *= kFnvPrime;
  };
  add(std::uint64_t(g.h));
  add(std::uint64_t(g.w));
  for (std::int64_t i = 0, n = g.cells(); i < n; ++i) add(std::uint64_t(std::uint32_t(g.c[i])));
  return h;
}

// FNV-1a over a value's dump text (canonical: equal values, equal texts);
// never 0, which means "no hash".
std::uint64_t text_hash(const char* text) {
  std::uint64_t h = kFnvBasis;
  for (const char* c = text; *c; ++c) {
    h ^= std::uint8_t(*c);
    h *= kFnvPrime;
  }
  return h ? h : 1;
}

std::uint32_t cells_equal(const dsl::Grid& g, const dsl::Grid& expected) {
  if (g.h != expected.h || g.w != expected.w) return 0;
  std::uint32_t n = 0;
  for (std::int64_t i = 0, end = g.cells(); i < end; ++i) n += g.c[i] == expected.c[i];
  return n;
}

bool same_grid(const GridData& d, const dsl::Grid& g) {
  return d.h == g.h && d.w == g.w && std::equal(d.cells.begin(), d.cells.end(), g.c);
}

}  // namespace

int intern_grid(SampleResult& sample, const dsl::Grid& g) {
  std::vector<GridData>& grids = sample.grids;
  const std::uint64_t h = grid_hash(g);
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
    if (sample.is_test) r.grid = intern_grid(sample, out.grid);
    if (stats_of) {
      r.hash = grid_hash(out.grid);
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
