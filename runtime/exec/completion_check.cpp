// runtime/exec/completion_check.cpp
#include "runtime/exec/completion_check.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <tuple>
#include <utility>

namespace battc::runtime {
namespace {

// A cursor over a dump text; the parse fails (ok false) at the first
// character it does not expect.
struct Cursor {
  const char* p;
  bool ok = true;
  bool eat(char c) {
    if (ok && *p == c) {
      ++p;
      return true;
    }
    return false;
  }
  void need(char c) { ok = eat(c) && ok; }
  long number() {
    if (!ok) return 0;
    char* end = nullptr;
    long v = std::strtol(p, &end, 10);
    if (end == p) ok = false;
    p = end;
    return v;
  }
};

// One element of a set of cells or of an object: [i,j] or [c,[i,j]].
struct Element {
  bool object = false;
  long colour = 0, i = 0, j = 0;
};

bool element(Cursor& k, Element& e) {
  k.need('[');
  long a = k.number();
  k.need(',');
  if (k.eat('[')) {
    e.object = true;
    e.colour = a;
    e.i = k.number();
    k.need(',');
    e.j = k.number();
    k.need(']');
  } else {
    e.object = false;
    e.i = a;
    e.j = k.number();
  }
  k.need(']');
  return k.ok;
}

// The stamps' neighbours: dneighbors, neighbors, ineighbors.
struct Offset {
  int di, dj;
};
constexpr Offset kPlus[] = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
constexpr Offset kBox[] = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
constexpr Offset kCross[] = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}};

// Whether fill(I, g.colour, cells and their neighbours by `offsets`) is the
// output: every stamped cell on the grid ends g.colour and every changed
// cell is stamped (fill skips cells off the grid).
template <std::size_t N>
bool stamp_fills(const std::vector<std::pair<long, long>>& cells, const Offset (&offsets)[N], const CompletionGoal& g,
                 std::vector<std::uint8_t>& mark) {
  mark.assign(g.in.size(), 0);
  auto put = [&](long i, long j) {
    if (i >= 0 && j >= 0 && i < g.h && j < g.w) mark[std::size_t(i * g.w + j)] = 1;
  };
  for (const auto& [i, j] : cells) {
    put(i, j);
    for (const Offset& o : offsets) put(i + o.di, j + o.dj);
  }
  for (std::size_t c = 0; c < mark.size(); ++c)
    if (mark[c] ? g.out[c] != g.colour : g.in[c] != g.out[c]) return false;
  return true;
}

std::uint8_t stamp_flags(const std::vector<std::pair<long, long>>& cells, const CompletionGoal& g) {
  if (!g.same_shape || g.colour < 0 || cells.empty()) return 0;
  std::vector<std::uint8_t> mark;
  return std::uint8_t((stamp_fills(cells, kPlus, g, mark) ? kCompletesStampPlus : 0) |
                      (stamp_fills(cells, kBox, g, mark) ? kCompletesStampBox : 0) |
                      (stamp_fills(cells, kCross, g, mark) ? kCompletesStampCross : 0));
}

// A crop's margins around the bounding box [top..bottom] x [left..right]
// (completion_check.h): 0 where the goal has no single place.
std::uint16_t crop_around(long top, long left, long bottom, long right, const CompletionGoal& g) {
  if (g.place_i < 0) return 0;
  return crop_code({int(top - g.place_i), int(left - g.place_j), int(g.place_i + g.out_h - 1 - bottom),
                    int(g.place_j + g.out_w - 1 - right)});
}

}  // namespace

std::uint16_t crop_code(const CropMargins& m) {
  std::uint16_t code = 0;
  int k = 0;
  for (int v : {m.up, m.left, m.down, m.right}) {
    if (v < kCropMarginMin || v > kCropMarginMax) return 0;
    code = std::uint16_t(code | (unsigned(v) & 15u) << (4 * k++));
  }
  return code;  // all four zero: 0, subgrid's case
}

CropMargins crop_margins(std::uint16_t code) {
  auto at = [&](int k) {
    const int v = code >> (4 * k) & 15;
    return v > kCropMarginMax ? v - 16 : v;
  };
  return {at(0), at(1), at(2), at(3)};
}

CompletionGoal completion_goal(const abi::SampleIn& s) {
  CompletionGoal g;
  if (!s.has_expected || s.input.ragged() || s.expected.ragged()) return g;
  g.usable = true;
  g.same_shape = s.input.h == s.expected.h && s.input.w == s.expected.w;
  g.h = s.input.h;
  g.w = s.input.w;
  g.out_h = s.expected.h;
  g.out_w = s.expected.w;
  for (int i = 0; i < g.out_h; ++i)
    for (int j = 0; j < g.out_w; ++j) g.out.push_back(std::uint8_t(s.expected.at(i, j)));
  std::array<int, 10> count{};
  bool one_colour = true;
  for (int i = 0; i < g.h; ++i)
    for (int j = 0; j < g.w; ++j) {
      int a = int(s.input.at(i, j));
      g.in.push_back(std::uint8_t(a));
      if (a >= 0 && a < 10) ++count[std::size_t(a)];
      if (!g.same_shape) continue;
      int b = int(s.expected.at(i, j));
      if (a == b) continue;
      ++g.changed;
      if (g.colour < 0) g.colour = b;
      one_colour = one_colour && g.colour == b;
    }
  if (!one_colour) g.colour = -1;
  if (!g.same_shape && !g.out.empty() &&
      std::all_of(g.out.begin(), g.out.end(), [&](std::uint8_t c) { return c == g.out.front(); }))
    g.colour = g.out.front();  // one colour throughout: canvas's
  int best = 0, ties = 0;
  for (int c = 0; c < 10; ++c) {
    if (count[std::size_t(c)] > best) best = count[std::size_t(c)], g.background = c, ties = 0;
    else if (count[std::size_t(c)] == best && best > 0) ++ties;
  }
  if (ties) g.background = -1;
  if (!g.same_shape && g.out_h <= g.h && g.out_w <= g.w)
    std::tie(g.place_i, g.place_j) = only_place(g.in.data(), g.h, g.w, g.out.data(), g.out_h, g.out_w);
  return g;
}

CompletionFlags completion_check(const char* text, const CompletionGoal& g) {
  if (!g.usable || !text) return {};
  Cursor k{text};
  if (g.colour >= 0 && (*text == '-' || (*text >= '0' && *text <= '9'))) {
    long v = k.number();  // an integer: fill's or canvas's colour where samples differ in it
    return {std::uint8_t(k.ok && !*k.p && v == g.colour ? kCompletesColour : 0), 0};
  }
  if (*text == '[') {  // a point: its stamps
    Element e;
    if (!element(k, e) || e.object || *k.p) return {};
    return {stamp_flags({{e.i, e.j}}, g), 0};
  }
  for (const char* head = "{\"set\":["; *head; ++head) k.need(*head);
  if (!k.ok) return {};
  // Per cell of the grid: 0 not in the value, else 1 + the colour the value
  // gives it (an object) or 1 (a set of cells).
  std::vector<std::uint8_t> at(g.in.size(), 0);
  std::vector<std::pair<long, long>> cells;  // a set of cells' own, for its stamps (stamp_flags)
  const bool stamps = g.same_shape && g.colour >= 0;
  bool object = false, first = true, clash = false, off_grid = false;
  long top = g.h, left = g.w, bottom = -1, right = -1;  // the bounding box
  while (!k.eat(']')) {
    if (!first) k.need(',');
    Element e;
    if (!element(k, e)) return {};
    if (first) object = e.object;
    if (e.object != object || (e.object && (e.colour < 0 || e.colour > 9))) return {};
    first = false;
    if (!object && stamps) cells.push_back({e.i, e.j});
    top = std::min(top, e.i), left = std::min(left, e.j), bottom = std::max(bottom, e.i), right = std::max(right, e.j);
    if (e.i < 0 || e.j < 0 || e.i >= g.h || e.j >= g.w) {  // the calls skip cells off the grid
      off_grid = true;
      continue;
    }
    std::uint8_t& slot = at[std::size_t(e.i * g.w + e.j)];
    std::uint8_t v = object ? std::uint8_t(1 + e.colour) : 1;
    clash = clash || (slot && slot != v);  // two colours at one cell: paint's result depends on order
    slot = v;
  }
  if (!k.eat('}') || *k.p) return {};
  // subgrid crops I to the bounding box (Python's slices where it leaves
  // the grid: not followed here, no flag).
  bool sub = !first && !off_grid && bottom - top + 1 == g.out_h && right - left + 1 == g.out_w;
  for (int i = 0; sub && i < g.out_h; ++i)
    for (int j = 0; sub && j < g.out_w; ++j)
      sub = g.in[std::size_t((top + i) * g.w + left + j)] == g.out[std::size_t(i * g.out_w + j)];
  const std::uint8_t crop_or_stamp = std::uint8_t((sub ? kCompletesSubgrid : 0) | stamp_flags(cells, g));
  if (!g.same_shape) return {crop_or_stamp, 0, first ? std::uint16_t(0) : crop_around(top, left, bottom, right, g)};
  bool fill = g.colour >= 0, under = g.colour >= 0 && g.background >= 0, paint = object && !clash;
  // Per colour (bit c): the output colours of the cells the value covers,
  // and of the changed cells it leaves out.
  unsigned covered = 0, missed = 0;
  for (std::size_t c = 0; c < at.size(); ++c) {
    const bool changed = g.in[c] != g.out[c];
    const unsigned bit = g.out[c] < 10 ? 1u << g.out[c] : 0;
    if (!at[c]) {
      if (changed) fill = under = paint = false, missed |= bit;
      continue;
    }
    covered |= bit;
    fill = fill && g.out[c] == g.colour;
    if (g.in[c] == g.background) under = under && g.out[c] == g.colour;
    else under = under && !changed;
    paint = paint && g.out[c] == at[c] - 1;
  }
  // fill(., c, v) is right for colour c when every cell v covers ends c
  // (covered is c alone, or nothing) and no cell that became c is missed.
  const unsigned one_colour = covered == 0 ? 0x3ffu : (covered & (covered - 1)) == 0 ? covered : 0;
  return {std::uint8_t(crop_or_stamp | (fill ? kCompletesFill : 0) | (under ? kCompletesUnderfill : 0) |
                       (paint ? kCompletesPaint : 0)),
          std::uint16_t(one_colour & ~missed)};
}

}  // namespace battc::runtime
