// generator/mutate/program_text.h: a parsed program as canonical source:
// its statements in order, variables renamed x1, x2, ... and the returned
// one O, arguments as written (names, integers, keywords). Equal programs
// up to variable names print the same text, which is how the search store
// keys them, and the text reads back (parse_program_file) as the same
// program, so a stored program is data any `battc run` can take.
#pragma once

#include <string>

#include "generator/parse/ast.h"

namespace battc::generator {

// The program with its variables renamed canonically (targets and uses).
Program canonical_program(const Program& p);

// `def <name>(<params>):` and the canonical body.
std::string program_text(const Program& p, const std::string& name);

}  // namespace battc::generator
