// generator/emit/emit_literals.h: the only ways text reaches emitted code:
// resolved constants, C string literals with every unusual byte escaped,
// and identifiers checked against [A-Za-z_][A-Za-z0-9_]*.
#pragma once

#include <string>

#include "generator/types/constants.h"

namespace battc::generator {

std::string constant_literal(const ConstantValue& v);
std::string c_string_literal(const std::string& s);
// Returns s when it is a plain identifier; throws (a battc bug) otherwise.
const std::string& checked_identifier(const std::string& s);

}  // namespace battc::generator
