// runtime/score/plausible.cpp
#include "runtime/score/plausible.h"

#include <algorithm>

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
  out.always_changes = !task.train.empty();
  for (const Sample& s : task.train) {
    if (!s.output) continue;
    const GridData& o = *s.output;
    std::erase_if(rules, [&](const ShapeRule& r) { return !follows(r, s.input, o); });
    out.added_colours = std::uint16_t(out.added_colours | (colours(o) & ~colours(s.input)));
    out.always_changes = out.always_changes && !(o == s.input);
  }
  out.shapes = std::move(rules);
  return out;
}

bool plausible(const OutputRules& rules, const GridData& input, const GridData& prediction) {
  if (!rules.shapes.empty() &&
      std::none_of(rules.shapes.begin(), rules.shapes.end(),
                   [&](const ShapeRule& r) { return follows(r, input, prediction); }))
    return false;
  if (colours(prediction) & ~(colours(input) | rules.added_colours)) return false;
  return !(rules.always_changes && prediction == input);
}

}  // namespace battc::runtime
