// runtime/cli/suggest.cpp: edit distance against the names CLI11 knows.
#include "runtime/cli/suggest.h"

#include <algorithm>
#include <vector>

namespace battc::runtime {
namespace {

std::size_t distance(const std::string& a, const std::string& b) {
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

std::optional<std::string> closest(const std::string& word, const std::vector<std::string>& names) {
  std::optional<std::string> best;
  std::size_t best_d = 3;  // at most two edits
  for (const auto& n : names) {
    if (n == word) return std::nullopt;  // known: nothing to suggest
    std::size_t d = distance(word, n);
    if (d < best_d) best_d = d, best = n;
  }
  return best;
}

}  // namespace

std::optional<std::string> suggestion(const CLI::App& app, int argc, char** argv) {
  if (argc < 2) return std::nullopt;
  std::string first = argv[1];
  std::vector<std::string> commands;
  const CLI::App* given = nullptr;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    commands.push_back(sub->get_name());
    if (sub->get_name() == first) given = sub;
  }
  if (!given) return first.rfind("-", 0) == 0 ? std::nullopt : closest(first, commands);
  std::vector<std::string> flags;
  for (const CLI::Option* o : given->get_options())
    for (const auto& n : o->get_lnames()) flags.push_back("--" + n);
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) continue;
    arg = arg.substr(0, arg.find('='));
    if (auto s = closest(arg, flags)) return *s;
  }
  return std::nullopt;
}

}  // namespace battc::runtime
