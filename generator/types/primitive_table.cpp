// generator/types/primitive_table.cpp: builds the table once from primitives.def.
#include "generator/types/primitive_table.h"

#include <string_view>

namespace battc::generator {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

// "a: Numerical, b: Numerical" -> params (type annotations hold no commas
// outside brackets in arc-dsl, but brackets are respected anyway).
std::vector<Param> parse_params(std::string_view text) {
  std::vector<Param> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && (text[i] == '[' || text[i] == '(')) ++depth;
    if (i < text.size() && (text[i] == ']' || text[i] == ')')) --depth;
    if (i == text.size() || (text[i] == ',' && depth == 0)) {
      std::string_view part = trim(text.substr(start, i - start));
      start = i + 1;
      if (part.empty()) continue;
      size_t colon = part.find(':');
      out.push_back(Param{std::string(trim(part.substr(0, colon))), std::string(trim(part.substr(colon + 1)))});
    }
  }
  return out;
}


std::string PrimitiveInfo::signature() const {
  std::string s = "(";
  for (size_t i = 0; i < params.size(); ++i) {
    if (i) s += ", ";
    s += params[i].name + ": " + params[i].type;
  }
  return s + ") -> " + returns;
}

const std::vector<PrimitiveInfo>& primitive_table() {
  static const std::vector<PrimitiveInfo> table = [] {
    std::vector<PrimitiveInfo> t;
#define BATTC_PRIM(N, CXX, PARAMS, RET) t.push_back(PrimitiveInfo{#N, #CXX, parse_params(PARAMS), RET});
#include "dsl/primitives.def"
#undef BATTC_PRIM
    return t;
  }();
  return table;
}

}  // namespace battc::generator
