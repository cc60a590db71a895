// runtime/search/completions.h: enumeration's one step past its pool, by
// inverse semantics. Many ARC answers are the input with some cells
// recoloured: O = fill(I, c, P), underfill(I, c, P) or paint(I, obj); others
// a part of the input: O = subgrid(P, I). For
// those the train pairs alone say which values the last call's argument may
// take on each input (what FlashMeta calls a witness function): for fill, a
// patch covering every changed cell and only cells whose output is c. The
// run checks every pooled value against that on every train pair
// (runtime/exec/completion_check.h), so a value that passes is the argument
// of a solution one call deeper, found without running that call on every
// pooled value: the level that would have made it is the one the bound cuts
// (docs/search.md "Enumeration"). Only train pairs are read: test outputs
// never steer the search.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/exec/run_result.h"
#include "runtime/search/part_rules.h"
#include "runtime/tasks/task.h"

namespace battc::runtime::search {

// A last call that would make every train output from the input and one
// argument.
struct CompletionTarget {
  std::string prim;        // "fill", "underfill", "paint" or "subgrid" (a stamp's neighbours: TaskCompletions)
  int colour = -1;         // fill's and underfill's colour; -1 for paint
  std::uint8_t flag = 0;   // its EvalRecord::completes bit
};

// The completions a task's train pairs admit. Where every train output has
// its input's shape and some cell changed: fill(I, c, P) and underfill(I, c,
// P) when every changed cell became c, and paint(I, obj). Where some output
// is smaller and none is larger than its input: subgrid(P, I).
std::vector<CompletionTarget> completion_targets(const Task& task);

// Completions of more than one call, read from the same flags:
struct TaskCompletions {
  std::vector<CompletionTarget> single;  // the one-call completions (completion_targets)
  // The colours changed cells became, two or more, each filled by a patch of
  // its own: fill(fill(I, c1, P1), c2, P2)... (the patches cover disjoint
  // output colours, so the order is free).
  std::vector<int> fill_chain;
  // Every train pair's changed cells became one colour, not the same in
  // all: fill(I, x, P) and underfill(I, x, P), x a pooled integer equal to
  // each pair's colour (leastcolor(I), say).
  bool colour_by_value = false;
  // Every changed cell became one colour c: fill(I, c, S), S a pooled point
  // or set of cells with a stamp of its neighbours around each
  // (kCompletesStampPlus, ...); `prim` names the neighbours' primitive.
  std::vector<CompletionTarget> stamps;
  // Every train output is the part of its input at one place, smaller in
  // some pair: crop(I, add(ulcorner(P), ..), add(shape(P), ..)), P a pooled
  // patch whose bounding box the train pairs extend by the same margins
  // (EvalRecord::crop_margins).
  bool crop = false;
  // Every train output is of one colour, which differs between pairs, and
  // of this shape in all: canvas(x, (h, w)), x a pooled integer equal to
  // each pair's colour (kCompletesColour). 0 x 0 where not.
  int canvas_h = 0, canvas_w = 0;
  // Rules over the input's parts that every train pair agrees with
  // (part_rules.h): no pooled value needed.
  std::vector<HalvesRule> halves;
  std::vector<OverlayRule> overlays;
};
TaskCompletions task_completions(const Task& task);

// Whether program p's value (a run with ExecOptions::completions) completes
// by `target` on every train pair of `result`.
bool completes(const TaskResult& result, int p, const CompletionTarget& target);
// Whether, on every train pair, fill(., colour, p's value) makes exactly the
// cells that became `colour` (EvalRecord::fill_colours).
bool fills_colour(const TaskResult& result, int p, int colour);
// The crop margins' code (completion_check.h) p's value has on every train
// pair of `result`, the same on all; 0 where none or they differ.
std::uint16_t common_crop(const TaskResult& result, int p);

}  // namespace battc::runtime::search
