// runtime/tasks/task.h: an ARC task as loaded: its train pairs and its test
// inputs, with test outputs where they are known (task file or solutions
// file). Samples keep the order of the JSON they came from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/tasks/grid_data.h"

namespace battc::runtime {

struct Sample {
  GridData input;
  std::optional<GridData> output;  // always set for train samples
};

struct Task {
  std::string id;  // file name without .json, or the key in a challenges file
  std::vector<Sample> train;
  std::vector<Sample> test;
};

}  // namespace battc::runtime
