// generator/mutate/typed_program.h: a program with the type of every
// variable, as the checker gives them: what type-directed mutation reads to
// make only well-typed changes, and the check every mutant passes before it
// becomes a candidate.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "generator/dialect/dialect.h"
#include "generator/parse/ast.h"
#include "generator/types/signatures.h"

namespace battc::generator {

struct TypedProgram {
  Program program;  // canonical (program_text.h)
  Dialect dialect = Dialect::ArcDsl;
  std::vector<TypeRef> stmt_types;  // per statement, its target's type
  // The type of a name at statement k (parameters, earlier targets, named
  // constants, primitives as values); nullptr when unknown there.
  TypeRef type_at(const std::string& name, std::size_t k, const Signatures& sig) const;
};

// Canonicalizes and type-checks p (as lower_program would); nullopt when the
// checker rejects it.
std::optional<TypedProgram> type_program(const Program& p, Dialect dialect, const Signatures& sig);

}  // namespace battc::generator
