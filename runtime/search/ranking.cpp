// runtime/search/ranking.cpp
#include "runtime/search/ranking.h"

#include <algorithm>
#include <set>

namespace battc::runtime::search {

bool better(const TaskScore& a, const TaskScore& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.plausible != b.plausible) return a.plausible;
  if (a.written != b.written) return a.written;
  if (a.length != b.length) return a.length < b.length;
  if (a.bits != b.bits) return a.bits < b.bits;
  return a.source < b.source;
}

void rank(std::vector<TaskScore>& scores) {
  std::sort(scores.begin(), scores.end(), better);
  std::set<std::uint64_t> seen;
  std::stable_partition(scores.begin(), scores.end(),
                        [&](const TaskScore& s) { return s.outputs == 0 || seen.insert(s.outputs).second; });
}

void attempt_order(std::vector<TaskScore>& ranked) {
  std::stable_sort(ranked.begin(), ranked.end(), [](const TaskScore& a, const TaskScore& b) {
    if (a.train_right != b.train_right) return a.train_right > b.train_right;
    if (a.plausible != b.plausible) return a.plausible;
    if (a.written != b.written) return a.written;
    return a.symmetries > b.symmetries;
  });
}

std::vector<TaskScore> keep_best(std::vector<TaskScore>& scores, int keep) {
  rank(scores);
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
  if (static_cast<int>(kept.size()) < keep) return true;
  std::vector<TaskScore> all = kept;
  all.push_back(s);
  all.back().program = -1;  // marks `s` (stored ids are positive, a candidate's 0)
  rank(all);
  for (std::size_t i = 0; i < static_cast<std::size_t>(keep); ++i)
    if (all[i].program == -1) return true;
  return false;
}

int distinct_predictions(const std::vector<TaskScore>& scores) {
  std::set<std::uint64_t> seen;
  for (const TaskScore& s : scores)
    if (fits_plausibly(s)) seen.insert(s.outputs);
  return static_cast<int>(seen.size());
}

}  // namespace battc::runtime::search
