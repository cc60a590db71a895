// runtime/score/symmetry.cpp: grids turned, mirrored and recoloured, and the
// count of transforms each program's answers commute with.
#include "runtime/score/symmetry.h"

#include <cstddef>

namespace battc::runtime {

std::string_view symmetry_name(Symmetry s) {
  switch (s) {
    case Symmetry::Rot90: return "rot90";
    case Symmetry::Rot180: return "rot180";
    case Symmetry::Rot270: return "rot270";
    case Symmetry::FlipRows: return "flip-rows";
    case Symmetry::FlipColumns: return "flip-columns";
    case Symmetry::Transpose: return "transpose";
    case Symmetry::AntiTranspose: return "anti-transpose";
    case Symmetry::ColourCycle: return "colour-cycle";
    case Symmetry::ColourReverse: return "colour-reverse";
  }
  return "?";
}

namespace {

// Where output cell (i, j) of a turn or mirror reads the input (h x w).
struct Source {
  int row, col;
};
Source source(Symmetry s, int i, int j, int h, int w) {
  switch (s) {
    case Symmetry::Rot90: return {h - 1 - j, i};  // clockwise, arc-dsl's rot90
    case Symmetry::Rot180: return {h - 1 - i, w - 1 - j};
    case Symmetry::Rot270: return {j, w - 1 - i};
    case Symmetry::FlipRows: return {h - 1 - i, j};  // hmirror
    case Symmetry::FlipColumns: return {i, w - 1 - j};  // vmirror
    case Symmetry::Transpose: return {j, i};  // dmirror
    case Symmetry::AntiTranspose: return {h - 1 - j, w - 1 - i};  // cmirror
    default: return {i, j};
  }
}

bool swaps_sides(Symmetry s) {
  return s == Symmetry::Rot90 || s == Symmetry::Rot270 || s == Symmetry::Transpose || s == Symmetry::AntiTranspose;
}

int recoloured(Symmetry s, int c) {
  if (c < 1 || c > 9) return c;
  return s == Symmetry::ColourCycle ? c % 9 + 1 : 10 - c;
}

}  // namespace

GridData transformed(const GridData& g, Symmetry s) {
  if (s == Symmetry::ColourCycle || s == Symmetry::ColourReverse) {
    GridData out = g;
    for (int& c : out.cells) c = recoloured(s, c);
    return out;
  }
  GridData out;
  out.h = swaps_sides(s) ? g.w : g.h;
  out.w = swaps_sides(s) ? g.h : g.w;
  out.cells.resize(g.cells.size());
  for (int i = 0; i < out.h; ++i)
    for (int j = 0; j < out.w; ++j) {
      Source from = source(s, i, j, g.h, g.w);
      out.cells[static_cast<std::size_t>(i) * out.w + j] = g.at(from.row, from.col);
    }
  return out;
}

Task transformed(const Task& task, Symmetry s) {
  Task out;
  out.id = task.id;
  for (const Sample& p : task.train)
    out.train.push_back(Sample{transformed(p.input, s), p.output ? std::optional(transformed(*p.output, s)) : std::nullopt});
  for (const Sample& p : task.test) out.test.push_back(Sample{transformed(p.input, s), std::nullopt});
  return out;
}

namespace {

// Whether program p commutes with the transform `s` whose run is `moved`.
bool commutes(const TaskResult& base, const TaskResult& moved, int p, Symmetry s) {
  for (std::size_t k = 0; k < base.samples.size(); ++k) {
    const SampleResult& b = base.samples[k];
    const SampleResult& m = moved.samples[k];
    const EvalRecord& rb = b.evals[p];
    const EvalRecord& rm = m.evals[p];
    if (!b.is_test) {
      // A train pair it gets wrong says nothing of the rule it follows.
      if (rb.matches() && !rm.matches()) return false;
      continue;
    }
    if (!rm.ok() || rm.grid < 0) return false;
    if (m.grids[rm.grid] != transformed(b.grids[rb.grid], s)) return false;
  }
  return true;
}

bool predicts_every_test(const TaskResult& task, int p) {
  for (const SampleResult& s : task.samples)
    if (s.is_test && (s.evals.empty() || !s.evals[p].ok() || s.evals[p].grid < 0)) return false;
  return true;
}

}  // namespace

std::vector<std::vector<int>> symmetry_counts(const RunResult& base, const std::vector<RunResult>& runs) {
  std::vector<std::vector<int>> counts(base.tasks.size(), std::vector<int>(base.programs.size(), 0));
  for (std::size_t t = 0; t < base.tasks.size(); ++t) {
    const TaskResult& task = base.tasks[t];
    for (int p = 0; p < int(base.programs.size()); ++p) {
      if (!task.want[p] || !predicts_every_test(task, p)) continue;
      for (std::size_t i = 0; i < runs.size() && i < kSymmetries.size(); ++i) {
        const TaskResult& moved = runs[i].tasks[t];
        if (moved.samples.size() != task.samples.size() || moved.samples.front().evals.empty()) continue;
        counts[t][p] += commutes(task, moved, p, kSymmetries[i]);
      }
    }
  }
  return counts;
}

}  // namespace battc::runtime
