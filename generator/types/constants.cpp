// generator/types/constants.cpp: the constant tables: arc-dsl's constants.py,
// and tokpidjin's, which keeps every arc-dsl constant and adds ranks,
// symbols and colors.
#include "generator/types/constants.h"

#include <map>

namespace battc::generator {
namespace {

using K = ConstantValue::Kind;
using Table = std::map<std::string, ConstantValue>;

const Table& arc_dsl_constants() {
  static const Table table = {
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
  return table;
}

// tokpidjin's constants.py: F0..F9 (ranks from the first), L1..L10 (from the
// last, negative), R0..R9 (symbols such as o_g's variant), A0..A9 (mirror and
// rotation codes), SM2/SM3/SD2/SD3 (scales), NEG_TEN..NEG_THREE, HUNDRED,
// THOUSAND and the color names, on top of arc-dsl's.
const Table& tokpidjin_constants() {
  static const Table table = [] {
    Table t = arc_dsl_constants();
    auto num = [&](const std::string& prefix, int from, int to, int sign) {
      for (int i = from; i <= to; ++i) t[prefix + std::to_string(i)] = {K::Int, sign * i};
    };
    num("F", 0, 9, 1);
    num("L", 1, 10, -1);
    num("R", 0, 9, 1);
    num("A", 0, 9, 1);
    const char* negs[] = {"NEG_THREE", "NEG_FOUR", "NEG_FIVE", "NEG_SIX", "NEG_SEVEN", "NEG_EIGHT", "NEG_NINE", "NEG_TEN"};
    for (int i = 0; i < 8; ++i) t[negs[i]] = {K::Int, -(i + 3)};
    const char* colors[] = {"BLACK", "BLUE", "RED", "GREEN", "YELLOW", "GRAY", "MAGENTA", "ORANGE", "CYAN", "BURGUNDY"};
    for (int i = 0; i < 10; ++i) t[colors[i]] = {K::Int, i};
    t["SM2"] = {K::Int, 2};
    t["SM3"] = {K::Int, 3};
    t["SD2"] = {K::Int, -2};
    t["SD3"] = {K::Int, -3};
    t["HUNDRED"] = {K::Int, 100};
    t["THOUSAND"] = {K::Int, 1000};
    return t;
  }();
  return table;
}

const ConstantValue* lookup(const Table& t, const std::string& name) {
  auto it = t.find(name);
  return it == t.end() ? nullptr : &it->second;
}

}  // namespace

const ConstantValue* find_constant(const std::string& name) { return lookup(arc_dsl_constants(), name); }

const ConstantValue* find_tokpidjin_constant(const std::string& name) { return lookup(tokpidjin_constants(), name); }

std::vector<std::pair<std::string, ConstantValue>> constant_list(bool tokpidjin) {
  const Table& t = tokpidjin ? tokpidjin_constants() : arc_dsl_constants();
  return {t.begin(), t.end()};
}

}  // namespace battc::generator
