// generator/diag/closest_name.cpp
#include "generator/diag/closest_name.h"

#include <algorithm>

namespace battc::generator {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest_name(const std::string& word, const std::vector<std::string>& names,
                                        std::size_t max_edits) {
  // A short word is one or two edits from too many names to mean any of
  // them ('x9' is two from 'I'): one edit up to four letters, and always
  // fewer edits than the word has letters.
  if (word.size() <= 4) max_edits = std::min<std::size_t>(max_edits, 1);
  if (word.size() <= max_edits) max_edits = word.size() - (word.empty() ? 0 : 1);
  std::optional<std::string> best;
  std::size_t best_d = max_edits + 1;
  for (const auto& n : names) {
    if (n == word) return std::nullopt;  // known: nothing to suggest
    // names far apart in length cannot be close: skip the quadratic work
    std::size_t gap = n.size() > word.size() ? n.size() - word.size() : word.size() - n.size();
    if (gap >= best_d) continue;
    std::size_t d = edit_distance(word, n);
    if (d < best_d) best_d = d, best = n;
  }
  return best;
}

}  // namespace battc::generator
