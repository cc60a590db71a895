// generator/ir/program_groups.cpp: an inverted index from value to the
// programs needing it keeps each pick linear in the program count: adding a
// program to a group raises the overlap of every program that needs one of
// the values it brings, once per value.
#include "generator/ir/program_groups.h"

#include <algorithm>
#include <stdexcept>

namespace battc::generator {

std::vector<std::vector<int>> program_groups(const Batt& batt, int max_size) {
  if (max_size < 1) throw std::invalid_argument("program_groups: max_size must be at least 1");
  const auto& progs = batt.programs();
  const int n = static_cast<int>(progs.size());
  std::vector<std::vector<int>> needs(n);
  std::vector<std::vector<int>> users(batt.nodes().size());
  for (int p = 0; p < n; ++p) {
    needs[p] = sample_needs(batt, progs[p]);
    for (int v : needs[p]) users[v].push_back(p);
  }
  std::vector<char> assigned(n, 0);
  std::vector<int> overlap(n, 0);
  std::vector<char> covered(batt.nodes().size(), 0);
  std::vector<std::vector<int>> groups;
  int left = n;
  while (left > 0) {
    int seed = -1;
    for (int p = 0; p < n; ++p)
      if (!assigned[p] && (seed < 0 || needs[p].size() > needs[seed].size())) seed = p;
    std::vector<int> group;
    std::vector<int> touched;  // values covered by this group, to clear after
    auto take = [&](int p) {
      assigned[p] = 1;
      --left;
      group.push_back(p);
      for (int v : needs[p]) {
        if (covered[v]) continue;
        covered[v] = 1;
        touched.push_back(v);
        for (int q : users[v]) ++overlap[q];
      }
    };
    take(seed);
    while (static_cast<int>(group.size()) < max_size && left > 0) {
      int best = -1;
      for (int p = 0; p < n; ++p)
        if (!assigned[p] && (best < 0 || overlap[p] > overlap[best])) best = p;
      take(best);
    }
    for (int v : touched) {
      covered[v] = 0;
      for (int q : users[v]) --overlap[q];
    }
    std::sort(group.begin(), group.end());
    groups.push_back(std::move(group));
  }
  return groups;
}

GroupSharing group_sharing(const Batt& batt, const std::vector<std::vector<int>>& groups) {
  GroupSharing s;
  std::vector<char> seen(batt.nodes().size(), 0);
  for (const auto& g : groups) {
    std::vector<int> marked;
    for (int p : g) {
      std::vector<int> nd = sample_needs(batt, batt.programs()[p]);
      s.program_values += static_cast<long long>(nd.size());
      for (int v : nd)
        if (!seen[v]) seen[v] = 1, marked.push_back(v);
    }
    s.group_values += static_cast<long long>(marked.size());
    for (int v : marked) seen[v] = 0;
  }
  return s;
}

}  // namespace battc::generator
