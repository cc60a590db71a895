// runtime/score/plausible.h: whether a prediction for a test input looks like
// the task's answers, judged from the train pairs and the test input alone
// (no test output is read). A program that fits every train pair can still
// have fitted by accident: in LOO-40 the first two of a task's fitting
// programs predicted a 4x3 and a 3x3 grid where every train output is 4x4
// and the test input has the train inputs' shape (cf98881b), while the third
// predicted the answer. What every train pair obeys, its answer obeys too:
// - the output's shape follows the input's by one rule (the same shape,
//   transposed, a fixed shape, the input's scaled up or down by whole
//   factors), when some such rule holds on every train pair;
// - the output's colours are the input's and those some train output added;
// - the output differs from the input, when every train output does;
// - a colour in every train input and every train output (two pairs or
//   more) is in the output when it is in the input;
// - the input's background (its most common colour, on half its cells or
//   more) stays the output's most common colour, when every train pair's
//   does;
// - only the input's most common colour changes (same shape), when only it
//   does in every train pair;
// - every colour's count scales with the area (the same counts for the same
//   shape: objects moved, sorted, mirrored; tilings), when it does in every
//   train pair.
// On ARC-AGI-1 training the true test outputs break the first three in one
// task of 400 (c909285e, a fixed output shape the test breaks) and the rest
// in 8 more (a colour the test drops, a filled shape that outgrows the
// background, a recoloured cell that was not background); docs/search.md
// "Plausible predictions" and "Four more plausibility rules". Plausibility
// orders programs among equal scores, after train pairs right
// (runtime/search/ranking.h, AttemptRank): it never drops one.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/tasks/grid_data.h"
#include "runtime/tasks/task.h"

namespace battc::runtime {

// How an output's shape follows its input's.
struct ShapeRule {
  enum Kind { Same, Transposed, Fixed, Scaled, Divided } kind = Same;
  int a = 1, b = 1;  // Fixed: the shape; Scaled: out = (in.h * a, in.w * b); Divided: in = (out.h * a, out.w * b)
};

// What every train pair of a task obeys.
struct OutputRules {
  std::vector<ShapeRule> shapes;  // every rule that holds on all train pairs (none: the shape is free)
  std::uint16_t added_colours = 0;  // bit c: some train output has colour c and its input has not
  bool always_changes = false;      // every train output differs from its input
  std::uint16_t kept_colours = 0;   // bit c: in every train input and output (two pairs or more)
  bool keeps_background = false;    // every train input has a background, its output's most common colour
  bool background_only = false;     // same shapes; only the input's most common colour changes
  bool counts_scale = false;        // every colour's count times the other side's area is equal
};

OutputRules output_rules(const Task& task);

// Whether `prediction` for `input` obeys `rules`.
bool plausible(const OutputRules& rules, const GridData& input, const GridData& prediction);

}  // namespace battc::runtime
