// runtime/search/stored_program.cpp
#include "runtime/search/stored_program.h"

#include "generator/parse/parser.h"

namespace battc::runtime::search {

std::vector<generator::Program> parse_program_text(const std::string& name, const std::string& text,
                                                   generator::Diagnostics& diags, generator::SourceSet& sources) {
  int id = sources.add(name, text);
  return generator::parse_program_file(sources, id, diags).programs;
}

}  // namespace battc::runtime::search
