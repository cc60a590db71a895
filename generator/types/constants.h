// generator/types/constants.h: the DSL's named constants (arc-dsl's
// constants.py and arc_types.py's T/F) as resolved values. Emitted code gets
// the values, never the names a program wrote.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace battc::generator {

struct ConstantValue {
  enum class Kind { Int, Bool, Point } kind;
  int a = 0;  // the integer, boolean or row
  int b = 0;  // the column of a point
};

// nullptr when `name` is not an arc-dsl constant.
const ConstantValue* find_constant(const std::string& name);
// nullptr when `name` is not a tokpidjin constant (a superset of arc-dsl's).
const ConstantValue* find_tokpidjin_constant(const std::string& name);

// Every constant of arc-dsl's table, or tokpidjin's, sorted by name.
std::vector<std::pair<std::string, ConstantValue>> constant_list(bool tokpidjin);

}  // namespace battc::generator
