// generator/parse/parser.h: program files to ASTs. A file with errors still
// yields its good programs: an error drops only the definition it is in.
#pragma once

#include "generator/diag/diagnostics.h"
#include "generator/parse/ast.h"

namespace battc::generator {

// Parses sources.text(file). Errors and warnings go to diags.
ParsedFile parse_program_file(const SourceSet& sources, int file, Diagnostics& diags);

}  // namespace battc::generator
