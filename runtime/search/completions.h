// runtime/search/completions.h: enumeration's one step past its pool, by
// inverse semantics. Many ARC answers are the input with some cells
// recoloured: O = fill(I, c, P) or O = paint(I, obj). For those the train
// pairs alone determine what the last call's argument must be on each input
// (what FlashMeta calls a witness function): for fill, exactly the cells
// that changed (all to one colour c); for paint, the changed cells with
// their new colours. So a pooled value whose value hashes equal that target
// on every train pair is the argument of a solution one call deeper, found
// without running that call on every pooled value: the level that would
// have made it is the one the bound cuts (docs/search.md "Enumeration").
// Only train pairs are read: test outputs never steer the search.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/exec/run_result.h"
#include "runtime/tasks/task.h"

namespace battc::runtime::search {

// A last call that would make every train output from the input and one
// argument, and the hash of the argument's value that each train pair asks
// for (EvalRecord::hash of a non-grid: its dump text's).
struct CompletionTarget {
  std::string prim;  // "fill" (the argument a patch) or "paint" (an object)
  int colour = -1;   // fill's colour; -1 for paint
  std::vector<std::uint64_t> hashes;  // per train pair
};

// The completions a task's train pairs admit: none unless every train output
// has its input's shape and some cell changed. fill(I, c, P) when every
// changed cell became c, for P as the changed cells' indices and as the
// object they form in the input (objects(I, ...) recoloured); paint(I, obj)
// for the object of the changed cells in their output colours.
std::vector<CompletionTarget> completion_targets(const Task& task);

// Whether program p's values on `result` (a task's samples, value hashes on)
// are the target's on every train pair.
bool completes(const TaskResult& result, int p, const CompletionTarget& target);

// The dump text of a set of cells (row, column), and of an object (colour,
// (row, column)), in the DSL's canonical order (exposed for the tests).
std::string indices_text(const std::vector<std::pair<int, int>>& cells);
std::string object_text(std::vector<std::pair<int, std::pair<int, int>>> cells);

}  // namespace battc::runtime::search
