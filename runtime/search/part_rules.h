// runtime/search/part_rules.h: answers read off the train pairs where each
// output cell is a function of the cells at the same place in the input's
// parts, all of the output's shape (the input cut in halves, thirds or
// quarters, with or without separating lines). No value needs evaluating to
// find such a rule: the parts are cut here as arc-dsl cuts them, the rule
// is the one every train pair agrees with, and its program (written by
// completion_writer.h) then runs and is scored like any candidate, so a
// wrong cut or rule costs one failed program. Only train pairs are read.
#pragma once

#include <vector>

#include "runtime/tasks/task.h"

namespace battc::runtime::search {

// How the input is cut: arc-dsl's hsplit(I, n) (side by side) or
// vsplit(I, n) (one above the other), n - 1 separating lines skipped when
// the side does not divide by n; or its four quarters, lefthalf and
// righthalf of tophalf and bottomhalf (the halves are hsplit's and
// vsplit's of 2).
struct Cut {
  enum class Kind { Columns, Rows, Quarters } kind = Kind::Columns;
  int n = 2;  // parts (4 for quarters)
};

// Part k of `g` cut by `cut` (row-major order for quarters).
GridData part_of(const GridData& g, const Cut& cut, int k);

// Two halves A and B (a cut of 2): an output cell is `fg` where A's and B's
// cells there are non-zero or zero as `minterms` says, `bg` elsewhere:
// fill(canvas(bg, shape(A)), fg, P), P the union of those cells.
struct HalvesRule {
  bool rows = false;      // tophalf and bottomhalf (else lefthalf and righthalf)
  int bg = 0, fg = 0;     // the outputs' two colours
  unsigned minterms = 0;  // bit 2a + b: cells where A's is non-zero (a) and B's (b) become fg
};

// Every train output two-coloured, of the shape of the input's halves, and
// a cellwise function of whether their cells are zero: per way to halve,
// the rule that says it with the fewest minterms (of the two choices of
// fg; a minterm no pair shows is left out).
std::vector<HalvesRule> halves_rules(const Task& task);

// The parts laid over each other: an output cell is that of the first part
// in `order` whose cell there is not zero (0 where none is): the lowest
// part painted over by the non-zero cells of each one above it.
struct OverlayRule {
  Cut cut;
  std::vector<int> order;  // part indices, the topmost first
};

// Per cut whose parts all have their output's shape, the first order (in
// lexicographic order) that makes every train output; none where one part
// alone does (the levels make that).
std::vector<OverlayRule> overlay_rules(const Task& task);

}  // namespace battc::runtime::search
