// generator/types/primitive_table.h: the primitive table as data, from
// dsl/primitives.def: what `battc primitives` prints and what the type
// checker starts from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace battc::generator {

struct Param {
  std::string name;
  std::string type;  // arc-dsl's type name
};

struct PrimitiveInfo {
  std::string name;
  std::string cxx_name;
  std::vector<Param> params;
  std::string returns;
  std::string signature() const;  // "(a: Numerical, b: Numerical) -> Numerical"
};

const std::vector<PrimitiveInfo>& primitive_table();

// "a: Numerical, b: Numerical" -> {{a, Numerical}, {b, Numerical}}
std::vector<Param> parse_params(std::string_view text);

}  // namespace battc::generator
