// runtime/exec/completion_check.h: whether one step would turn a value into
// a sample's known output, for enumeration's completions (docs/search.md
// "Enumeration"): O = fill(I, c, P), underfill(I, c, P) or paint(I, obj),
// the last calls of an answer that recolours some of the input's cells.
// Checked on the host from the value's dump text (the text value hashes
// already ask for), against the sample's input and known output, so a
// patch that also covers cells already right counts, as the call would.
// And O = subgrid(P, I), where the answer is a part of the input. Beyond one
// call: the cells a patch fills with one colour of several (a chain of
// fills), and an integer equal to the one colour a sample's cells became
// (fill's colour as a value, where it differs between samples).
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/abi/batt_abi.h"

namespace battc::runtime {

// What a sample's known output asks of such a last call: the cells that
// changed and the one colour they became (-1 if several, or none changed),
// and the input's most common colour, underfill's (-1 when tied).
struct CompletionGoal {
  bool usable = false;      // a known output
  bool same_shape = false;  // of the input's shape (fill, underfill, paint)
  int h = 0, w = 0;         // the input's
  int out_h = 0, out_w = 0;
  std::vector<std::uint8_t> in, out;  // row by row
  int changed = 0;
  int colour = -1;
  int background = -1;
};

CompletionGoal completion_goal(const abi::SampleIn& s);

// EvalRecord::completes bits (run_result.h).
inline constexpr std::uint8_t kCompletesFill = 1;       // fill(I, goal.colour, v) is the output
inline constexpr std::uint8_t kCompletesUnderfill = 2;  // underfill(I, goal.colour, v) is
inline constexpr std::uint8_t kCompletesPaint = 4;      // paint(I, v) is (v an object)
inline constexpr std::uint8_t kCompletesSubgrid = 8;    // subgrid(v, I) is
inline constexpr std::uint8_t kCompletesColour = 16;    // v (an integer) is goal.colour, fill's colour

// Completions by choice: many answers are one element of a container the
// input gives (an object among objects(I, ...)) picked by a property and
// then cropped out, filled or painted: O = subgrid(argmax(V, size), I).
// For a container of patches (a set or tuple of sets of cells or objects),
// per kind below, bit 2 * key + direction (0 argmax, 1 argmin) says that
// every element where argmax or argmin of V by that key lands (all of them,
// when several tie, so the container's order cannot matter) completes by
// that kind. The keys, in bit order (kSelectKeys): size, height, width,
// uppermost, leftmost, lowermost, rightmost, numcolors, holes (the size of
// its delta: cells of its bounding box it leaves out), then colorcount of
// colours 0 to 9. Computed as arc-dsl defines them (numcolors and
// colorcount of a set of cells read its row indices, as palette does).
enum SelectKind { kSelectFill, kSelectUnderfill, kSelectPaint, kSelectSubgrid, kSelectColour, kSelectKinds };
inline constexpr int kSelectKeys = 19;
inline constexpr int kSelectHoles = 8;       // the key that is compose(size, delta)
inline constexpr int kSelectColourCount = 9;  // colorcount of colour 0; of c, this + c
struct Selections {
  // kSelectColour: the element is an object of one colour, the known
  // output's one cell (O = canvas(color(x), UNITY)).
  std::uint64_t by_kind[kSelectKinds] = {};
  bool any() const {
    for (std::uint64_t m : by_kind)
      if (m) return true;
    return false;
  }
};

// What one value completes: the kinds above, and per colour c (bit c) whether
// fill(., c, v) makes every cell that became c and no other cell: a patch of
// several that fill one colour each (fill_colours of a task, completions.h);
// for a container of patches, its selections.
struct CompletionFlags {
  std::uint8_t kinds = 0;
  std::uint16_t fill_colours = 0;
  Selections select;
};

// The flags for a value whose dump text is `text`: a set of cells
// ({"set":[[i,j],...]}), an object ({"set":[[c,[i,j]],...]}), a set or
// tuple of those, or an integer; none for any other value, or when the goal
// is not usable.
CompletionFlags completion_check(const char* text, const CompletionGoal& goal);
// Its kinds alone.
inline std::uint8_t completion_flags(const char* text, const CompletionGoal& goal) {
  return completion_check(text, goal).kinds;
}

}  // namespace battc::runtime
