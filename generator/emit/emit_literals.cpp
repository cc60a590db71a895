// generator/emit/emit_literals.cpp
#include "generator/emit/emit_literals.h"
#include "generator/diag/internal_error.h"

#include <fmt/core.h>

#include <cctype>
#include <stdexcept>

namespace battc::generator {

std::string constant_literal(const ConstantValue& v) {
  switch (v.kind) {
    case ConstantValue::Kind::Int: return fmt::format("Int({})", v.a);
    case ConstantValue::Kind::Bool: return v.a ? "true" : "false";
    case ConstantValue::Kind::Point: return fmt::format("Pt{{{}, {}}}", v.a, v.b);
  }
  return "0";
}

std::string c_string_literal(const std::string& s) {
  std::string out = "\"";
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '_')
      out += static_cast<char>(ch);
    else
      out += fmt::format("\\x{:02x}\"\"", ch);  // close and reopen: the next char can't extend the escape
  }
  return out + "\"";
}

const std::string& checked_identifier(const std::string& s) {
  bool ok = !s.empty() && (std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_');
  for (unsigned char ch : s) ok = ok && (std::isalnum(ch) || ch == '_');
  if (!ok) battc::internal_error("'" + s + "' reached the emitter as an identifier");
  return s;
}

}  // namespace battc::generator
