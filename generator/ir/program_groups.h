// generator/ir/program_groups.h: the batt's programs cut into groups for the
// GPU executor, whose work items are (sample, group): one thread evaluates
// one group's programs on one sample, so programs that share per-sample
// values should share a group, or value numbering stops paying on the GPU.
#pragma once

#include <vector>

#include "generator/ir/batt.h"

namespace battc::generator {

// Groups of at most max_size (>= 1) program indices, every program in exactly
// one. Greedy, heaviest first: a group starts with the unassigned program
// that needs the most per-sample values (sample_needs) and takes, one at a
// time, the unassigned program that needs the most of the values the group
// already computes (ties: the lower index). Programs inside a group ascend.
std::vector<std::vector<int>> program_groups(const Batt& batt, int max_size);

// The per-sample values all of a group's programs need together, and the sum
// of what each needs alone: what sharing saves inside groups (reports, tests).
struct GroupSharing {
  long long group_values = 0;    // summed over groups: |union of needs|
  long long program_values = 0;  // summed over programs: |needs|
};
GroupSharing group_sharing(const Batt& batt, const std::vector<std::vector<int>>& groups);

}  // namespace battc::generator
