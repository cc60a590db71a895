// runtime/tasks/grid_data.h: a grid as the task loader holds it on the host:
// owned, row-major cells, already validated (sides 1..30, colors 0..9). The
// DSL's arena Grid is built from it per evaluation; this one outlives them.
#pragma once

#include <cstddef>
#include <vector>

namespace battc::runtime {

inline constexpr int kMinGridSide = 1;
inline constexpr int kMaxGridSide = 30;
inline constexpr int kMinColor = 0;
inline constexpr int kMaxColor = 9;

struct GridData {
  int h = 0;
  int w = 0;
  std::vector<int> cells;  // h * w values, row by row

  int at(int row, int col) const { return cells[static_cast<std::size_t>(row) * w + col]; }
  bool operator==(const GridData&) const = default;
};

}  // namespace battc::runtime
