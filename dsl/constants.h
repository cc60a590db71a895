// dsl/constants.h: arc-dsl's named constants (constants.py, and T/F from
// arc_types.py) as values of the DSL's types. The generator resolves
// constants itself (generator/types/constants.cpp) and emits their values;
// this header is for code written against the DSL directly (tests, hand-made
// units), and a test checks the two tables agree.
#pragma once

#include "dsl/values.h"

namespace battc::dsl::constants {

constexpr Bool F = false;
constexpr Bool T = true;

constexpr Int ZERO = 0;
constexpr Int ONE = 1;
constexpr Int TWO = 2;
constexpr Int THREE = 3;
constexpr Int FOUR = 4;
constexpr Int FIVE = 5;
constexpr Int SIX = 6;
constexpr Int SEVEN = 7;
constexpr Int EIGHT = 8;
constexpr Int NINE = 9;
constexpr Int TEN = 10;
constexpr Int NEG_ONE = -1;
constexpr Int NEG_TWO = -2;

constexpr Pt DOWN{1, 0};
constexpr Pt RIGHT{0, 1};
constexpr Pt UP{-1, 0};
constexpr Pt LEFT{0, -1};
constexpr Pt ORIGIN{0, 0};
constexpr Pt UNITY{1, 1};
constexpr Pt NEG_UNITY{-1, -1};
constexpr Pt UP_RIGHT{-1, 1};
constexpr Pt DOWN_LEFT{1, -1};
constexpr Pt ZERO_BY_TWO{0, 2};
constexpr Pt TWO_BY_ZERO{2, 0};
constexpr Pt TWO_BY_TWO{2, 2};
constexpr Pt THREE_BY_THREE{3, 3};

}  // namespace battc::dsl::constants
