// generator/enumerate/library.h: the seeds' statements as enumeration's
// material (docs/search.md "Enumeration": the library). A solver written
// for one task computes, on the way, values other tasks need as they are:
// the largest object, the cells of the least colour, the diagonals through
// a point. Bottom-up enumeration from I and constants reaches such a value
// only at its depth (often four or more calls, past the level bound); as
// pooled values of their own, each costing what its frequency among the
// seeds' statements says, they are one step from the calls and completions
// built on them, as a learned library of abstractions is in
// DreamCoder-style synthesis.
#pragma once

#include <string>
#include <vector>

#include "generator/enumerate/enumerator.h"
#include "generator/mutate/typed_program.h"

namespace battc::generator {

// A statement of the seeds as an expression over I, constants, primitives
// passed as values and earlier fragments, hash-consed: two statements with
// the same expression are one fragment, counted twice.
struct Fragment {
  struct Arg {
    int fragment = -1;  // an earlier fragment, or -1 for a leaf
    std::string leaf;   // I, a constant's name or a primitive's
    TypeRef type = nullptr;  // a leaf's type
  };
  std::string prim;
  std::vector<Arg> args;
  TypeRef type = nullptr;  // the checker's type of the statement
  int count = 0;           // seed statements computing this expression
  bool from_input = false;  // derived from I (else a constant, as rbind(colorcount, ONE))
};

struct Library {
  std::vector<Fragment> fragments;  // arguments before their users
  long statements = 0;              // seed statements read (what counts are a share of)
};

// The fragments of `seeds` (arc-dsl dialect only). A statement whose callee
// is a variable (x8(x3)), or that takes a literal integer, a keyword
// argument or such a statement's value, is left out: an expression tree of
// primitives over leaves is what the pool can hold.
Library seed_library(const std::vector<TypedProgram>& seeds, const Signatures& sig);

// A fragment's cost in the pool: -log2 of its share of the seeds'
// statements, in whole bits within [1, 16], as prior.h prices a primitive:
// a value many solvers compute (objects(I, T, F, T)) costs about what
// building it call by call would, a value of one solver's alone more.
int fragment_cost(const Fragment& f, long statements);

// Appends `lib`'s fragments to `pool` (leaves() made it) as level-0 values,
// derived from I where they are, each costing fragment_cost; leaves a
// fragment names that the pool lacks join it as operands only (nothing
// else takes them). Returns the pool index of each fragment.
std::vector<int> add_fragments(std::vector<PoolValue>& pool, const Library& lib);

}  // namespace battc::generator
