// generator/ir/lower.h: type-checks one parsed program and adds it to the
// batt. An ill-typed program is reported (program, file:line:col, the types)
// and leaves no trace in the batt; the rest still builds.
#pragma once

#include "generator/diag/diagnostics.h"
#include "generator/dialect/dialect.h"
#include "generator/ir/batt.h"
#include "generator/parse/ast.h"
#include "generator/types/signatures.h"

namespace battc::generator {

// True when the program was accepted and added. Names resolve in `dialect`.
bool lower_program(const Program& prog, Dialect dialect, const Signatures& sig, Batt& batt, Diagnostics& diags);

}  // namespace battc::generator
