// runtime/exec/completion_check.h: whether one step would turn a value into
// a sample's known output, for enumeration's completions (docs/search.md
// "Enumeration"): O = fill(I, c, P), underfill(I, c, P) or paint(I, obj),
// the last calls of an answer that recolours some of the input's cells.
// Checked on the host from the value's dump text (the text value hashes
// already ask for), against the sample's input and known output, so a
// patch that also covers cells already right counts, as the call would.
// And O = subgrid(P, I), where the answer is a part of the input, or the
// part around P's bounding box by fixed margins (a crop). Beyond one
// call: the cells a patch fills with one colour of several (a chain of
// fills), and an integer equal to the one colour a sample's cells became
// (fill's colour as a value, where it differs between samples) or an
// output of one colour has (canvas's).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "runtime/abi/batt_abi.h"

namespace battc::runtime {

// What a sample's known output asks of such a last call: the cells that
// changed and the one colour they became (-1 if several, or none changed;
// for an output of another shape than the input's, its colour where it has
// one only: canvas's), and the input's most common colour, underfill's (-1
// when tied).
struct CompletionGoal {
  bool usable = false;      // a known output
  bool same_shape = false;  // of the input's shape (fill, underfill, paint)
  int h = 0, w = 0;         // the input's
  int out_h = 0, out_w = 0;
  std::vector<std::uint8_t> in, out;  // row by row
  int changed = 0;
  int colour = -1;
  int background = -1;
  // Where the output is the part of the input at one place only (and not
  // the whole input): its top-left cell there (-1 otherwise), for
  // crop_margins.
  int place_i = -1, place_j = -1;
};

// Where the h x w grid `part` occurs in the H x W grid `whole` (both row by
// row): its top-left cell when it occurs at exactly one place, else
// {-1, -1}.
template <class A, class B>
std::pair<int, int> only_place(const A* whole, int H, int W, const B* part, int h, int w) {
  std::pair<int, int> found{-1, -1};
  for (int a = 0; a + h <= H; ++a)
    for (int b = 0; b + w <= W; ++b) {
      bool here = true;
      for (int i = 0; here && i < h; ++i)
        for (int j = 0; here && j < w; ++j) here = int(whole[(a + i) * W + b + j]) == int(part[i * w + j]);
      if (!here) continue;
      if (found.first >= 0) return {-1, -1};
      found = {a, b};
    }
  return found;
}

CompletionGoal completion_goal(const abi::SampleIn& s);

// EvalRecord::completes bits (run_result.h).
inline constexpr std::uint8_t kCompletesFill = 1;       // fill(I, goal.colour, v) is the output
inline constexpr std::uint8_t kCompletesUnderfill = 2;  // underfill(I, goal.colour, v) is
inline constexpr std::uint8_t kCompletesPaint = 4;      // paint(I, v) is (v an object)
inline constexpr std::uint8_t kCompletesSubgrid = 8;    // subgrid(v, I) is
inline constexpr std::uint8_t kCompletesColour = 16;    // v (an integer) is goal.colour, fill's or canvas's
// fill(I, goal.colour, S), S the cells of v (a point or a set of cells) and
// their neighbours of one kind: a stamp around each (a plus, a 3x3 square,
// an X), written insert(p, dneighbors(p)) for a point p and
// combine(v, mapply(dneighbors, v)) for a set v. Three calls past v.
inline constexpr std::uint8_t kCompletesStampPlus = 32;   // dneighbors
inline constexpr std::uint8_t kCompletesStampBox = 64;    // neighbors
inline constexpr std::uint8_t kCompletesStampCross = 128;  // ineighbors

// crop(I, add(ulcorner(v), ...), add(shape(v), ...)): the output is the
// part of the input around v's bounding box, extended by margins (up, left,
// down, right; negative inside the box) that the train pairs agree on. The
// code packs the four, each -8..7, in four bits; all zero (subgrid's case)
// and margins out of range have none: 0.
inline constexpr int kCropMarginMin = -8, kCropMarginMax = 7;
struct CropMargins {
  int up = 0, left = 0, down = 0, right = 0;
};
std::uint16_t crop_code(const CropMargins& m);
CropMargins crop_margins(std::uint16_t code);

// What one value completes: the kinds above, per colour c (bit c) whether
// fill(., c, v) makes every cell that became c and no other cell (a patch
// of several that fill one colour each: fill_colours of a task,
// completions.h), and its crop margins' code.
struct CompletionFlags {
  std::uint8_t kinds = 0;
  std::uint16_t fill_colours = 0;
  std::uint16_t crop_margins = 0;
};

// The flags for a value whose dump text is `text`: a set of cells
// ({"set":[[i,j],...]}), an object ({"set":[[c,[i,j]],...]}), a point
// ([i,j]: stamps only) or an integer; none for any other value, or when the
// goal is not usable.
CompletionFlags completion_check(const char* text, const CompletionGoal& goal);
// Its kinds alone.
inline std::uint8_t completion_flags(const char* text, const CompletionGoal& goal) {
  return completion_check(text, goal).kinds;
}

}  // namespace battc::runtime
