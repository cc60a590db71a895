// tests/runtime/plausible_test.cpp: what a task's train pairs say of its
// answers (runtime/score/plausible.h); score_test.cpp has how the attempts
// use it.
#include <catch2/catch.hpp>

#include <string>

#include "runtime/score/plausible.h"

using namespace battc::runtime;

namespace {

// An h x w grid of colour c, with cell (0, 0) of colour `corner`.
GridData filled(int h, int w, int c, int corner = -1) {
  GridData g{h, w, std::vector<int>(std::size_t(h * w), c)};
  if (corner >= 0) g.cells[0] = corner;
  return g;
}

Task task_of(std::vector<std::pair<GridData, GridData>> pairs) {
  Task t;
  t.id = std::string(1, 't');  // not = "t": GCC 12's -Wrestrict misfires on that inlined assignment
  for (auto& [in, out] : pairs) t.train.push_back(Sample{in, out});
  return t;
}

}  // namespace

TEST_CASE("plausible: the output's shape follows the input's by a rule every train pair obeys", "[score]") {
  // Same shape on every pair: only the test input's shape passes.
  OutputRules same = output_rules(task_of({{filled(2, 3, 0), filled(2, 3, 0, 1)}, {filled(4, 4, 0), filled(4, 4, 1)}}));
  CHECK(plausible(same, filled(5, 2, 0), filled(5, 2, 1)));
  CHECK_FALSE(plausible(same, filled(5, 2, 0), filled(2, 5, 1)));
  // A fixed 4x4 (cf98881b: 4x14 inputs): a 4x3 prediction is not one.
  OutputRules fixed = output_rules(task_of({{filled(4, 14, 0), filled(4, 4, 1)}, {filled(4, 14, 0), filled(4, 4, 0)}}));
  CHECK(plausible(fixed, filled(4, 14, 0), filled(4, 4, 0)));
  CHECK_FALSE(plausible(fixed, filled(4, 14, 0), filled(4, 3, 0)));
  // Scaled by 3 (and, by chance of the one pair, fixed at 9x9): either passes.
  OutputRules tripled = output_rules(task_of({{filled(3, 3, 1), filled(9, 9, 1)}}));
  CHECK(plausible(tripled, filled(2, 4, 1), filled(6, 12, 1)));
  CHECK(plausible(tripled, filled(2, 4, 1), filled(9, 9, 1)));
  CHECK_FALSE(plausible(tripled, filled(2, 4, 1), filled(6, 8, 1)));
  // Halved across, the same down; transposed.
  OutputRules halved = output_rules(task_of({{filled(3, 8, 1), filled(3, 4, 1)}, {filled(5, 6, 1), filled(5, 3, 1)}}));
  CHECK(plausible(halved, filled(7, 2, 1), filled(7, 1, 1)));
  CHECK_FALSE(plausible(halved, filled(7, 2, 1), filled(7, 2, 1)));
  OutputRules transposed = output_rules(task_of({{filled(2, 3, 1), filled(3, 2, 1)}, {filled(1, 4, 1), filled(4, 1, 1)}}));
  CHECK(plausible(transposed, filled(5, 6, 1), filled(6, 5, 1)));
  CHECK_FALSE(plausible(transposed, filled(5, 6, 1), filled(5, 6, 1)));
  // No rule holds on both pairs: any shape.
  OutputRules free = output_rules(task_of({{filled(3, 3, 1), filled(1, 2, 1)}, {filled(3, 3, 1), filled(2, 2, 1)}}));
  CHECK(free.shapes.empty());
  CHECK(plausible(free, filled(3, 3, 1), filled(7, 1, 1)));
}

TEST_CASE("plausible: colours come from the input or from what train outputs added", "[score]") {
  // Train outputs add colour 2 to inputs of 0 and 1.
  OutputRules r = output_rules(task_of({{filled(2, 2, 0, 1), filled(2, 2, 2, 1)}}));
  CHECK(r.added_colours == 1u << 2);
  CHECK(plausible(r, filled(2, 2, 3, 4), filled(2, 2, 3, 2)));   // the input's 3, an added 2
  CHECK_FALSE(plausible(r, filled(2, 2, 3, 4), filled(2, 2, 5)));  // 5 from nowhere
}

TEST_CASE("plausible: the answer differs from the input when every train answer does", "[score]") {
  OutputRules changes = output_rules(task_of({{filled(2, 2, 0), filled(2, 2, 0, 1)}, {filled(3, 3, 1), filled(3, 3, 0)}}));
  CHECK(changes.always_changes);
  CHECK_FALSE(plausible(changes, filled(2, 2, 1), filled(2, 2, 1)));
  CHECK(plausible(changes, filled(2, 2, 1), filled(2, 2, 0)));
  // One train output is its input: the identity may be right.
  OutputRules kept = output_rules(task_of({{filled(2, 2, 0), filled(2, 2, 0)}, {filled(3, 3, 1), filled(3, 3, 0)}}));
  CHECK_FALSE(kept.always_changes);
  CHECK(plausible(kept, filled(2, 2, 1), filled(2, 2, 1)));
}
