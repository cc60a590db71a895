// generator/types/constants.cpp: the constant table.
#include "generator/types/constants.h"

#include <map>

namespace battc::generator {

const ConstantValue* find_constant(const std::string& name) {
  using K = ConstantValue::Kind;
  static const std::map<std::string, ConstantValue> table = {
      {"F", {K::Bool, 0}},           {"T", {K::Bool, 1}},
      {"ZERO", {K::Int, 0}},         {"ONE", {K::Int, 1}},
      {"TWO", {K::Int, 2}},          {"THREE", {K::Int, 3}},
      {"FOUR", {K::Int, 4}},         {"FIVE", {K::Int, 5}},
      {"SIX", {K::Int, 6}},          {"SEVEN", {K::Int, 7}},
      {"EIGHT", {K::Int, 8}},        {"NINE", {K::Int, 9}},
      {"TEN", {K::Int, 10}},         {"NEG_ONE", {K::Int, -1}},
      {"NEG_TWO", {K::Int, -2}},     {"DOWN", {K::Point, 1, 0}},
      {"RIGHT", {K::Point, 0, 1}},   {"UP", {K::Point, -1, 0}},
      {"LEFT", {K::Point, 0, -1}},   {"ORIGIN", {K::Point, 0, 0}},
      {"UNITY", {K::Point, 1, 1}},   {"NEG_UNITY", {K::Point, -1, -1}},
      {"UP_RIGHT", {K::Point, -1, 1}}, {"DOWN_LEFT", {K::Point, 1, -1}},
      {"ZERO_BY_TWO", {K::Point, 0, 2}}, {"TWO_BY_ZERO", {K::Point, 2, 0}},
      {"TWO_BY_TWO", {K::Point, 2, 2}}, {"THREE_BY_THREE", {K::Point, 3, 3}},
  };
  auto it = table.find(name);
  return it == table.end() ? nullptr : &it->second;
}

}  // namespace battc::generator
