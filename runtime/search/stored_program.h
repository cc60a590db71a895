// runtime/search/stored_program.h: program text (a seed file, or a store's
// canonical source) back into parsed programs, for search and export.
#pragma once

#include <string>
#include <vector>

#include "generator/diag/diagnostics.h"
#include "generator/parse/ast.h"

namespace battc::runtime::search {

// The programs of `text`, named `name` in diagnostics; syntax errors go to
// `diags` (sources keeps the text the locations point into).
std::vector<generator::Program> parse_program_text(const std::string& name, const std::string& text,
                                                   generator::Diagnostics& diags, generator::SourceSet& sources);

}  // namespace battc::runtime::search
