// runtime/score/plausible.cpp
#include "runtime/score/plausible.h"

#include <algorithm>
#include <array>

namespace battc::runtime {
namespace {

// Scale factors a rule may have: ARC's scalings are by 2 to 5 (upscale,
// downscale, tiling).
constexpr int kMaxFactor = 5;

bool follows(const ShapeRule& r, const GridData& in, const GridData& out) {
  switch (r.kind) {
    case ShapeRule::Same: return out.h == in.h && out.w == in.w;
    case ShapeRule::Transposed: return out.h == in.w && out.w == in.h;
    case ShapeRule::Fixed: return out.h == r.a && out.w == r.b;
    case ShapeRule::Scaled: return out.h == in.h * r.a && out.w == in.w * r.b;
    case ShapeRule::Divided: return in.h == out.h * r.a && in.w == out.w * r.b;
  }
  return false;
}

std::uint16_t colours(const GridData& g) {
  std::uint16_t out = 0;
  for (int v : g.cells)
    if (v >= 0 && v <= 9) out = std::uint16_t(out | 1u << v);
  return out;
}

using Counts = std::array<int, 10>;

Counts counts(const GridData& g) {
  Counts n{};
  for (int v : g.cells)
    if (v >= 0 && v <= 9) ++n[std::size_t(v)];
  return n;
}

// The one most common colour, -1 on a tie.
int most_common(const Counts& n) {
  int best = 0;
  bool tie = false;
  for (int c = 1; c < 10; ++c) {
    if (n[std::size_t(c)] > n[std::size_t(best)]) best = c, tie = false;
    else if (n[std::size_t(c)] == n[std::size_t(best)]) tie = true;
  }
  return tie ? -1 : best;
}

// `most`, the most common colour of a grid of these counts and `cells`
// cells, when it holds half of them or more, else -1: in a small grid of
// several colours the most common one says little.
int background(int most, const Counts& n, std::size_t cells) {
  return most >= 0 && 2 * std::size_t(n[std::size_t(most)]) >= cells ? most : -1;
}

bool scaled_counts(const Counts& in, std::size_t in_cells, const Counts& out, std::size_t out_cells) {
  for (std::size_t c = 0; c < 10; ++c)
    if (std::size_t(out[c]) * in_cells != std::size_t(in[c]) * out_cells) return false;
  return true;
}

// Same shape, and every cell that changed held `bg`, the input's most common
// colour (false when it has none: -1).
bool changes_background_only(const GridData& in, const GridData& out, int bg) {
  if (bg < 0 || in.h != out.h || in.w != out.w) return false;
  for (std::size_t i = 0; i < in.cells.size(); ++i)
    if (in.cells[i] != out.cells[i] && in.cells[i] != bg) return false;
  return true;
}

}  // namespace

OutputRules output_rules(const Task& task) {
  OutputRules out;
  std::vector<ShapeRule> rules{{ShapeRule::Same}, {ShapeRule::Transposed}};
  if (!task.train.empty() && task.train[0].output)
    rules.push_back({ShapeRule::Fixed, task.train[0].output->h, task.train[0].output->w});
  for (int a = 1; a <= kMaxFactor; ++a)
    for (int b = 1; b <= kMaxFactor; ++b)
      if (a > 1 || b > 1) {
        rules.push_back({ShapeRule::Scaled, a, b});
        rules.push_back({ShapeRule::Divided, a, b});
      }
  const bool any = !task.train.empty();
  out.always_changes = out.keeps_background = out.background_only = out.counts_scale = any;
  out.kept_colours = task.train.size() >= 2 ? 0x3ff : 0;
  for (const Sample& s : task.train) {
    if (!s.output) continue;
    const GridData& o = *s.output;
    std::erase_if(rules, [&](const ShapeRule& r) { return !follows(r, s.input, o); });
    out.added_colours = std::uint16_t(out.added_colours | (colours(o) & ~colours(s.input)));
    out.always_changes = out.always_changes && !(o == s.input);
    out.kept_colours = std::uint16_t(out.kept_colours & colours(s.input) & colours(o));
    const Counts in_n = counts(s.input), out_n = counts(o);
    const int most = most_common(in_n);
    const int bg = background(most, in_n, s.input.cells.size());
    out.keeps_background = out.keeps_background && bg >= 0 && bg == most_common(out_n);
    out.background_only = out.background_only && changes_background_only(s.input, o, most);
    out.counts_scale = out.counts_scale && scaled_counts(in_n, s.input.cells.size(), out_n, o.cells.size());
  }
  out.shapes = std::move(rules);
  return out;
}

bool plausible(const OutputRules& rules, const GridData& input, const GridData& prediction) {
  if (!rules.shapes.empty() &&
      std::none_of(rules.shapes.begin(), rules.shapes.end(),
                   [&](const ShapeRule& r) { return follows(r, input, prediction); }))
    return false;
  const std::uint16_t in = colours(input), out = colours(prediction);
  if (out & ~(in | rules.added_colours)) return false;
  if (rules.always_changes && prediction == input) return false;
  if (rules.kept_colours & in & ~out) return false;
  if (!rules.keeps_background && !rules.background_only && !rules.counts_scale) return true;
  const Counts in_n = counts(input), out_n = counts(prediction);
  const int most = most_common(in_n);
  const int bg = background(most, in_n, input.cells.size());
  if (rules.keeps_background && bg >= 0 && bg != most_common(out_n)) return false;
  if (rules.background_only && most >= 0 && !changes_background_only(input, prediction, most)) return false;
  return !(rules.counts_scale && !scaled_counts(in_n, input.cells.size(), out_n, prediction.cells.size()));
}

}  // namespace battc::runtime
