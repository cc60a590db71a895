// generator/diag/closest_name.h: "did you mean": the known name nearest to a
// mistyped one. Used for unknown names in programs and for mistyped
// subcommands and flags (runtime/cli/suggest.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace battc::generator {

// Levenshtein distance (insertions, deletions, substitutions).
std::size_t edit_distance(const std::string& a, const std::string& b);

// The name of `names` nearest to `word` within max_edits (fewer for short
// words; ties: the first), nullopt when none is that close or `word` itself
// is one of them.
std::optional<std::string> closest_name(const std::string& word, const std::vector<std::string>& names,
                                        std::size_t max_edits = 2);

}  // namespace battc::generator
