// runtime/search/part_rules.cpp
#include "runtime/search/part_rules.h"

#include <algorithm>
#include <array>
#include <bit>
#include <numeric>
#include <set>

namespace battc::runtime::search {
namespace {

// arc-dsl's hsplit / vsplit: n parts of floor(side / n), a line skipped
// between parts when n does not divide the side.
GridData split_part(const GridData& g, bool rows, int n, int k) {
  const int side = rows ? g.h : g.w, size = side / n, skip = side % n != 0 ? 1 : 0;
  const int start = k * (size + skip);
  GridData out;
  out.h = rows ? size : g.h;
  out.w = rows ? g.w : size;
  for (int i = 0; i < out.h; ++i)
    for (int j = 0; j < out.w; ++j) out.cells.push_back(g.at(i + (rows ? start : 0), j + (rows ? 0 : start)));
  return out;
}

// The parts of every train input, per pair, where each has its output's
// shape; empty otherwise.
std::vector<std::vector<GridData>> parts_of_pairs(const Task& task, const Cut& cut) {
  std::vector<std::vector<GridData>> out;
  for (const Sample& s : task.train) {
    const GridData& o = *s.output;
    std::vector<GridData> parts;
    for (int k = 0; k < cut.n; ++k) {
      parts.push_back(part_of(s.input, cut, k));
      if (parts.back().h != o.h || parts.back().w != o.w || o.cells.empty()) return {};
    }
    out.push_back(std::move(parts));
  }
  return out;
}

}  // namespace

GridData part_of(const GridData& g, const Cut& cut, int k) {
  switch (cut.kind) {
    case Cut::Kind::Columns: return split_part(g, false, cut.n, k);
    case Cut::Kind::Rows: return split_part(g, true, cut.n, k);
    case Cut::Kind::Quarters: return split_part(split_part(g, true, 2, k / 2), false, 2, k % 2);
  }
  return {};
}

std::vector<HalvesRule> halves_rules(const Task& task) {
  std::vector<HalvesRule> out;
  std::set<int> colours;
  for (const Sample& s : task.train) colours.insert(s.output->cells.begin(), s.output->cells.end());
  if (colours.size() != 2) return out;
  const int c0 = *colours.begin(), c1 = *colours.rbegin();
  for (const bool rows : {false, true}) {
    const auto pairs = parts_of_pairs(task, {rows ? Cut::Kind::Rows : Cut::Kind::Columns, 2});
    if (pairs.empty()) continue;
    std::array<int, 4> is_c0{-1, -1, -1, -1};  // per minterm: whether its cells are c0 (-1 unseen)
    bool agree = true;
    for (std::size_t p = 0; agree && p < pairs.size(); ++p) {
      const GridData &a = pairs[p][0], &b = pairs[p][1], &o = *task.train[p].output;
      for (std::size_t c = 0; agree && c < o.cells.size(); ++c) {
        int& seen = is_c0[std::size_t(2 * (a.cells[c] != 0) + (b.cells[c] != 0))];
        const int here = o.cells[c] == c0;
        agree = seen < 0 || seen == here;
        seen = here;
      }
    }
    if (!agree) continue;
    unsigned to_c0 = 0, to_c1 = 0;
    for (unsigned m = 0; m < 4; ++m) {
      if (is_c0[m] == 1) to_c0 |= 1u << m;
      if (is_c0[m] == 0) to_c1 |= 1u << m;
    }
    const bool c1_fewer = std::popcount(to_c1) < std::popcount(to_c0);
    out.push_back({rows, c1_fewer ? c0 : c1, c1_fewer ? c1 : c0, c1_fewer ? to_c1 : to_c0});
  }
  return out;
}

std::vector<OverlayRule> overlay_rules(const Task& task) {
  std::vector<OverlayRule> out;
  std::vector<Cut> cuts;
  for (const Cut::Kind kind : {Cut::Kind::Columns, Cut::Kind::Rows})
    for (int n = 2; n <= 4; ++n) cuts.push_back({kind, n});
  cuts.push_back({Cut::Kind::Quarters, 4});
  for (const Cut& cut : cuts) {
    const auto pairs = parts_of_pairs(task, cut);
    if (pairs.empty()) continue;
    bool one_part = false;  // a part equal to the output in every pair: no overlay
    for (int k = 0; k < cut.n && !one_part; ++k) {
      one_part = true;
      for (std::size_t p = 0; p < pairs.size(); ++p) one_part = one_part && pairs[p][std::size_t(k)] == *task.train[p].output;
    }
    if (one_part) continue;
    std::vector<int> order(std::size_t(cut.n));
    std::iota(order.begin(), order.end(), 0);
    do {
      bool fits = true;
      for (std::size_t p = 0; fits && p < pairs.size(); ++p) {
        const GridData& o = *task.train[p].output;
        for (std::size_t c = 0; fits && c < o.cells.size(); ++c) {
          int v = 0;
          for (int k : order)
            if (const int here = pairs[p][std::size_t(k)].cells[c]; here != 0) {
              v = here;
              break;
            }
          fits = v == o.cells[c];
        }
      }
      if (fits) {
        out.push_back({cut, order});
        break;
      }
    } while (std::next_permutation(order.begin(), order.end()));
  }
  return out;
}

}  // namespace battc::runtime::search
