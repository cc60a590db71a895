// generator/mutate/conjugates.h: a program seen through a turn or a mirror.
// Many ARC tasks are another task's rule in another direction (objects fall
// left instead of down, a pattern grows upwards instead of to the right):
// g⁻¹(P(g(I))) for g one of the grid's seven turns and mirrors solves the
// turned task when P solves the first. Search runs the seeds' conjugates in
// round 0 beside the seeds and their prefixes (docs/search.md, step 0).
#pragma once

#include <string>
#include <vector>

#include "generator/mutate/typed_program.h"

namespace battc::generator {

// A turn or mirror of a grid and its inverse, as arc-dsl's primitives.
struct GridSymmetry {
  const char* name;     // what a conjugate's origin says: "rot90", ...
  const char* forward;  // applied to the input
  const char* inverse;  // applied to the result
};
// The seven that are not the identity: three turns, four mirrors.
const std::vector<GridSymmetry>& grid_symmetries();

// For each of grid_symmetries(), p with its input turned or mirrored first
// and its result turned back: `x1 = g(I)`, p's statements reading x1 where
// they read I, and `O = inverse(result)`. Empty unless p takes the one
// parameter I (arc-dsl's form) and returns a Grid.
std::vector<Program> dihedral_conjugates(const TypedProgram& p);

}  // namespace battc::generator
