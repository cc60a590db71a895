// tests/generator/constants_test.cpp: the generator's constant table (what
// programs' constant names resolve to) agrees with dsl/constants.h, and both
// hold exactly arc-dsl's constants.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dsl/dsl.h"
#include "generator/types/constants.h"

using battc::generator::ConstantValue;
using battc::generator::find_constant;
namespace k = battc::dsl::constants;

namespace {

void check_int(const char* name, int value) {
  INFO(name);
  const ConstantValue* c = find_constant(name);
  REQUIRE(c != nullptr);
  CHECK(c->kind == ConstantValue::Kind::Int);
  CHECK(c->a == value);
}
void check_bool(const char* name, bool value) {
  INFO(name);
  const ConstantValue* c = find_constant(name);
  REQUIRE(c != nullptr);
  CHECK(c->kind == ConstantValue::Kind::Bool);
  CHECK(c->a == int(value));
}
void check_point(const char* name, battc::dsl::Pt value) {
  INFO(name);
  const ConstantValue* c = find_constant(name);
  REQUIRE(c != nullptr);
  CHECK(c->kind == ConstantValue::Kind::Point);
  CHECK(c->a == value.a);
  CHECK(c->b == value.b);
}

}  // namespace

TEST_CASE("the generator's constants are dsl/constants.h's", "[generator][constants]") {
  check_bool("F", k::F);
  check_bool("T", k::T);
  check_int("ZERO", k::ZERO);
  check_int("ONE", k::ONE);
  check_int("TWO", k::TWO);
  check_int("THREE", k::THREE);
  check_int("FOUR", k::FOUR);
  check_int("FIVE", k::FIVE);
  check_int("SIX", k::SIX);
  check_int("SEVEN", k::SEVEN);
  check_int("EIGHT", k::EIGHT);
  check_int("NINE", k::NINE);
  check_int("TEN", k::TEN);
  check_int("NEG_ONE", k::NEG_ONE);
  check_int("NEG_TWO", k::NEG_TWO);
  check_point("DOWN", k::DOWN);
  check_point("RIGHT", k::RIGHT);
  check_point("UP", k::UP);
  check_point("LEFT", k::LEFT);
  check_point("ORIGIN", k::ORIGIN);
  check_point("UNITY", k::UNITY);
  check_point("NEG_UNITY", k::NEG_UNITY);
  check_point("UP_RIGHT", k::UP_RIGHT);
  check_point("DOWN_LEFT", k::DOWN_LEFT);
  check_point("ZERO_BY_TWO", k::ZERO_BY_TWO);
  check_point("TWO_BY_ZERO", k::TWO_BY_ZERO);
  check_point("TWO_BY_TWO", k::TWO_BY_TWO);
  check_point("THREE_BY_THREE", k::THREE_BY_THREE);
  CHECK(find_constant("ELEVEN") == nullptr);
  CHECK(find_constant("zero") == nullptr);
}
