// generator/mutate/prefixes.h: a program's prefixes, the programs that
// return one of its earlier values of the result's type. A solver written
// for one task often computes, on the way, another task's answer (arc-dsl's
// solve_06df4c85 builds 22168020's output as its 21st value and goes on);
// search runs the seeds' prefixes in round 0 beside the seeds themselves.
#pragma once

#include <vector>

#include "generator/mutate/typed_program.h"

namespace battc::generator {

// For each statement before the last whose type is the result's, the program
// returning it, with only the statements it depends on (in their order).
std::vector<Program> result_type_prefixes(const TypedProgram& p);

}  // namespace battc::generator
