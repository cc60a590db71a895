// runtime/exec/completion_check.cpp
#include "runtime/exec/completion_check.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

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

}  // namespace

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
  int best = 0, ties = 0;
  for (int c = 0; c < 10; ++c) {
    if (count[std::size_t(c)] > best) best = count[std::size_t(c)], g.background = c, ties = 0;
    else if (count[std::size_t(c)] == best && best > 0) ++ties;
  }
  if (ties) g.background = -1;
  return g;
}

namespace {

// A set of cells or an object, as parsed.
struct Patch {
  bool object = false;
  std::vector<Element> cells;
};

// Parses {"set":[...]} at k: the cells of one kind (all coloured or none),
// colours 0-9.
bool patch(Cursor& k, Patch& p) {
  for (const char* head = "{\"set\":["; *head; ++head) k.need(*head);
  bool first = true;
  while (k.ok && !k.eat(']')) {
    if (!first) k.need(',');
    Element e;
    if (!element(k, e)) return false;
    if (first) p.object = e.object;
    if (e.object != p.object || (e.object && (e.colour < 0 || e.colour > 9))) return false;
    first = false;
    p.cells.push_back(e);
  }
  return k.ok && k.eat('}');
}

// What the one patch p completes.
CompletionFlags patch_flags(const Patch& p, const CompletionGoal& g) {
  // Per cell of the grid: 0 not in the value, else 1 + the colour the value
  // gives it (an object) or 1 (a set of cells).
  std::vector<std::uint8_t> at(g.in.size(), 0);
  bool clash = false, off_grid = false;
  long top = g.h, left = g.w, bottom = -1, right = -1;  // the bounding box
  for (const Element& e : p.cells) {
    top = std::min(top, e.i), left = std::min(left, e.j), bottom = std::max(bottom, e.i), right = std::max(right, e.j);
    if (e.i < 0 || e.j < 0 || e.i >= g.h || e.j >= g.w) {  // the calls skip cells off the grid
      off_grid = true;
      continue;
    }
    std::uint8_t& slot = at[std::size_t(e.i * g.w + e.j)];
    std::uint8_t v = p.object ? std::uint8_t(1 + e.colour) : 1;
    clash = clash || (slot && slot != v);  // two colours at one cell: paint's result depends on order
    slot = v;
  }
  // subgrid crops I to the bounding box (Python's slices where it leaves
  // the grid: not followed here, no flag).
  bool sub = !p.cells.empty() && !off_grid && bottom - top + 1 == g.out_h && right - left + 1 == g.out_w;
  for (int i = 0; sub && i < g.out_h; ++i)
    for (int j = 0; sub && j < g.out_w; ++j)
      sub = g.in[std::size_t((top + i) * g.w + left + j)] == g.out[std::size_t(i * g.out_w + j)];
  const std::uint8_t crop = sub ? kCompletesSubgrid : 0;
  if (!g.same_shape) return {crop, 0, {}};
  bool fill = g.colour >= 0, under = g.colour >= 0 && g.background >= 0, paint = p.object && !clash;
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
  return {std::uint8_t(crop | (fill ? kCompletesFill : 0) | (under ? kCompletesUnderfill : 0) |
                       (paint ? kCompletesPaint : 0)),
          std::uint16_t(one_colour & ~missed),
          {}};
}

// The keys of one element (completion_check.h's order); `valid` clears the
// bits of keys arc-dsl cannot compute on it (an empty patch's uppermost).
std::array<long, kSelectKeys> keys_of(const Patch& p, std::uint32_t& valid) {
  std::array<long, kSelectKeys> k{};
  long top = 0, left = 0, bottom = -1, right = -1;
  std::array<long, 10> count{};  // colorcount: the colour, or a set of cells' row index
  std::vector<std::pair<long, long>> cells;
  std::uint32_t colours = 0;  // palette: the same reading
  for (std::size_t n = 0; n < p.cells.size(); ++n) {
    const Element& e = p.cells[n];
    if (n == 0) top = bottom = e.i, left = right = e.j;
    top = std::min(top, e.i), left = std::min(left, e.j), bottom = std::max(bottom, e.i), right = std::max(right, e.j);
    const long c = p.object ? e.colour : e.i;
    if (c >= 0 && c < 10) ++count[std::size_t(c)];
    if (c >= 0 && c < 32) colours |= 1u << c;
    else valid &= ~(1u << 7);  // a row past 31: not counted here
    cells.emplace_back(e.i, e.j);
  }
  std::sort(cells.begin(), cells.end());
  const long distinct = std::unique(cells.begin(), cells.end()) - cells.begin();
  const long h = p.cells.empty() ? 0 : bottom - top + 1, w = p.cells.empty() ? 0 : right - left + 1;
  if (p.cells.empty()) valid &= ~0x78u;  // min() of nothing fails
  k = {long(p.cells.size()), h, w, top, left, bottom, right, long(__builtin_popcount(colours)), h * w - distinct};
  for (int c = 0; c < 10; ++c) k[std::size_t(kSelectColourCount + c)] = count[std::size_t(c)];
  return k;
}

// A set or tuple of patches at k: the selections it admits.
Selections container_flags(Cursor& k, const CompletionGoal& g) {
  const bool tuple = k.eat('[');
  if (!tuple)
    for (const char* head = "{\"set\":["; *head; ++head) k.need(*head);
  std::vector<std::uint8_t> kinds;  // per element, bit per SelectKind
  std::vector<std::array<long, kSelectKeys>> keys;
  std::uint32_t valid = (1u << kSelectKeys) - 1;
  const bool one_cell = g.out_h == 1 && g.out_w == 1;
  while (k.ok && !k.eat(']')) {
    if (!kinds.empty()) k.need(',');
    Patch p;
    if (!patch(k, p)) return {};
    const CompletionFlags f = patch_flags(p, g);
    std::uint8_t b = 0;
    if (f.kinds & kCompletesFill) b |= 1u << kSelectFill;
    if (f.kinds & kCompletesUnderfill) b |= 1u << kSelectUnderfill;
    if (f.kinds & kCompletesPaint) b |= 1u << kSelectPaint;
    if (f.kinds & kCompletesSubgrid) b |= 1u << kSelectSubgrid;
    bool single = one_cell && p.object && !p.cells.empty();  // color(x): an object's one colour
    for (const Element& e : p.cells) single = single && e.colour == p.cells.front().colour;
    if (single && p.cells.front().colour == g.out[0]) b |= 1u << kSelectColour;
    kinds.push_back(b);
    keys.push_back(keys_of(p, valid));
  }
  if (!k.ok || (!tuple && !k.eat('}')) || *k.p || kinds.empty()) return {};
  Selections out;
  for (int key = 0; key < kSelectKeys; ++key) {
    if (!(valid >> key & 1)) continue;
    for (int dir = 0; dir < 2; ++dir) {
      long best = keys[0][std::size_t(key)];
      for (const auto& e : keys) best = dir == 0 ? std::max(best, e[std::size_t(key)]) : std::min(best, e[std::size_t(key)]);
      std::uint8_t all = 0xff;  // the kinds every element at the extreme completes by
      for (std::size_t e = 0; e < keys.size(); ++e)
        if (keys[e][std::size_t(key)] == best) all &= kinds[e];
      for (int kind = 0; kind < kSelectKinds; ++kind)
        if (all >> kind & 1) out.by_kind[kind] |= std::uint64_t(1) << (2 * key + dir);
    }
  }
  return out;
}

}  // namespace

CompletionFlags completion_check(const char* text, const CompletionGoal& g) {
  if (!g.usable || !text) return {};
  Cursor k{text};
  if (g.same_shape && g.colour >= 0 && (*text == '-' || (*text >= '0' && *text <= '9'))) {
    long v = k.number();  // an integer: fill's colour where samples differ in it
    return {std::uint8_t(k.ok && !*k.p && v == g.colour ? kCompletesColour : 0), 0, {}};
  }
  // A container of patches: a tuple of sets, or a set of sets.
  if (std::strncmp(text, "[{\"set\":", 8) == 0 || std::strncmp(text, "{\"set\":[{\"set\":", 15) == 0) {
    CompletionFlags f;
    f.select = container_flags(k, g);
    return f;
  }
  Patch p;
  if (!patch(k, p) || *k.p) return {};
  return patch_flags(p, g);
}

}  // namespace battc::runtime
