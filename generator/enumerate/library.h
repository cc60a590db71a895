// generator/enumerate/library.h: the seeds' statements as enumeration's
// material (docs/search.md "Enumeration": the library). A solver written
// for one task computes, on the way, values other tasks need as they are:
// the largest object, the cells of the least colour, the diagonals through
// a point. Bottom-up enumeration from I and constants reaches such a value
// only at its depth (often four or more calls, past the level bound). As
// pooled values of their own, they are one call from a completion
// (fill(I, c, v), paint(I, v), subgrid(v, I), ...), as a library of
// abstractions is to DreamCoder-style synthesis.
#pragma once

#include <string>
#include <vector>

#include "generator/enumerate/enumerator.h"
#include "generator/mutate/typed_program.h"

namespace battc::generator {

// A statement of the seeds as an expression over I, constants, primitives
// passed as values and earlier fragments, hash-consed: two statements with
// the same expression are one fragment.
struct Fragment {
  struct Arg {
    int fragment = -1;  // an earlier fragment, or -1 for a leaf
    std::string leaf;   // I, a constant's name or a primitive's
    TypeRef type = nullptr;  // a leaf's type
  };
  std::string prim;
  std::vector<Arg> args;
  TypeRef type = nullptr;  // the checker's type of the statement
  bool from_input = false;  // derived from I (else a constant, as rbind(colorcount, ONE))
};

struct Library {
  std::vector<Fragment> fragments;  // arguments before their users
};

// The fragments of `seeds` (arc-dsl dialect only). A statement whose callee
// is a variable (x8(x3)), or that takes a literal integer, a keyword
// argument or such a statement's value, is left out: an expression tree of
// primitives over leaves is what the pool can hold.
Library seed_library(const std::vector<TypedProgram>& seeds, const Signatures& sig);

// Appends `lib`'s fragments to `pool` (leaves() made it) as level-0
// values, derived from I where they are, for completions only: every
// fragment is an operand, which the levels do not build on (building on
// them doubled an enumeration round's time, each call bringing its
// fragment's statements, and found no more on LOO-40: docs/search.md).
// Leaves a fragment names that the pool lacks join it as operands too.
// Returns the pool index of each fragment.
std::vector<int> add_fragments(std::vector<PoolValue>& pool, const Library& lib);

}  // namespace battc::generator
