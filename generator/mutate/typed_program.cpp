// generator/mutate/typed_program.cpp: the checker's verdict and types come
// from lower_program itself, into a scratch batt, so a mutant accepted here
// is accepted by the pipeline (one type system, not a second opinion).
#include "generator/mutate/typed_program.h"

#include "generator/ir/lower.h"
#include "generator/mutate/program_text.h"

namespace battc::generator {

TypeRef TypedProgram::type_at(const std::string& name, std::size_t k, const Signatures& sig) const {
  for (std::size_t j = k; j-- > 0;)
    if (program.body[j].target == name) return stmt_types[j];
  TypeTable& tt = sig.types();
  if (name == "I") return tt.grid();
  if (program.params.size() == 3 && name == "S") return tt.raw_tuple(tt.pair(tt.grid(), tt.grid()));
  if (const ConstantValue* c = find_constant(dialect, name)) return sig.constant_type(*c);
  if (const DialectPrim* p = find_dialect_prim(dialect, name)) return tt.prim(p->internal);
  return nullptr;
}

std::optional<TypedProgram> type_program(const Program& p, Dialect dialect, const Signatures& sig) {
  TypedProgram out;
  out.program = canonical_program(p);
  out.dialect = dialect;
  Batt scratch;
  Diagnostics diags;
  if (!lower_program(out.program, dialect, sig, scratch, diags) || scratch.programs().size() != 1) return std::nullopt;
  for (int n : scratch.programs()[0].stmts) out.stmt_types.push_back(scratch.nodes()[n].type);
  if (out.stmt_types.size() != out.program.body.size()) return std::nullopt;
  return out;
}

}  // namespace battc::generator
