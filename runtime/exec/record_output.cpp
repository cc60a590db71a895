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

int intern_grid(std::vector<GridData>& grids, const dsl::Grid& g) {
  for (std::size_t i = 0; i < grids.size(); ++i) {
    const GridData& d = grids[i];
    if (d.h == g.h && d.w == g.w && std::equal(d.cells.begin(), d.cells.end(), g.c)) return int(i);
  }
  grids.push_back(to_grid_data(g));
  return int(grids.size() - 1);
}

void record_output(const abi::ProgramOut& out, int p, SampleResult& sample, bool keep_text, bool rerun) {
  EvalRecord& r = sample.evals[p];
  r = EvalRecord{};
  if (!out.evaluated) return;
  r.status = out.status;
  r.flags = EvalRecord::kEvaluated | (rerun ? EvalRecord::kRerun : 0);
  bool ok = out.status == std::uint8_t(dsl::Status::Ok);
  if (ok && out.is_grid) {
    r.flags |= EvalRecord::kIsGrid;
    if (out.matches && sample.has_expected) r.flags |= EvalRecord::kMatches;
    if (sample.is_test) r.grid = intern_grid(sample.grids, out.grid);
  }
  if (keep_text && !sample.texts.empty()) sample.texts[p] = ok && out.text ? out.text : "";
}

}  // namespace battc::runtime
