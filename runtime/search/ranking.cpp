// runtime/search/ranking.cpp
#include "runtime/search/ranking.h"

#include <algorithm>

namespace battc::runtime::search {

bool better(const TaskScore& a, const TaskScore& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.length != b.length) return a.length < b.length;
  return a.source < b.source;
}

std::vector<TaskScore> keep_best(std::vector<TaskScore>& scores, int keep) {
  std::sort(scores.begin(), scores.end(), better);
  std::size_t n = static_cast<std::size_t>(std::max(0, keep));
  std::vector<TaskScore> dropped;
  if (scores.size() > n) {
    dropped.assign(std::make_move_iterator(scores.begin() + static_cast<std::ptrdiff_t>(n)),
                   std::make_move_iterator(scores.end()));
    scores.resize(n);
  }
  return dropped;
}

bool would_keep(const std::vector<TaskScore>& kept, const TaskScore& s, int keep) {
  return static_cast<int>(kept.size()) < keep || better(s, kept.back());
}

}  // namespace battc::runtime::search
