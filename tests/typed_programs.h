// tests/typed_programs.h: programs written in a test, parsed and typed by
// the checker: what the mutation, library and enumeration tests start from.
#pragma once

#include <catch2/catch.hpp>

#include <vector>

#include "generator/mutate/typed_program.h"
#include "generator/parse/parser.h"

namespace battc::test {

// Every program of `text` (one file's worth), in order; the parse and the
// check must accept each.
inline std::vector<generator::TypedProgram> typed_programs(const char* text, generator::Dialect dialect,
                                                           const generator::Signatures& sig) {
  generator::SourceSet sources;
  generator::Diagnostics diags;
  generator::ParsedFile parsed = generator::parse_program_file(sources, sources.add("programs.py", text), diags);
  INFO(diags.render(sources));
  REQUIRE_FALSE(diags.has_errors());
  std::vector<generator::TypedProgram> out;
  for (const generator::Program& p : parsed.programs) {
    auto t = generator::type_program(p, dialect, sig);
    INFO(p.name);
    REQUIRE(t);
    out.push_back(*t);
  }
  return out;
}

}  // namespace battc::test
