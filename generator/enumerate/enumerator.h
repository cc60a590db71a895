// generator/enumerate/enumerator.h: the typing side of bottom-up enumeration
// (search's second strategy, docs/search.md "Enumeration"). A pool of values
// grows level by level from its leaves (the input I, constants, primitives
// as function values): level L applies every enumerated primitive to pooled
// values, at least one of them made at level L-1, wherever the checker's
// rule (Signatures::call_prim) types the call. The runtime evaluates the
// calls and keeps in the pool only those whose values are new
// (observational equivalence); this side only types, orders and bounds the
// calls and turns a pooled value into a program by its back-pointers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "generator/enumerate/prior.h"
#include "generator/parse/ast.h"
#include "generator/types/signatures.h"

namespace battc::generator {

struct PoolValue {
  TypeRef type = nullptr;
  // A leaf: "I", a constant's name, or a primitive's (a function value).
  std::string name;
  // A call: the primitive applied to earlier pooled values.
  std::string prim;
  std::vector<int> args;
  int level = 0;  // leaves 0; a call one more than its deepest argument
  int size = 0;   // its expression's description length (enumerator.cpp): what orders a level
  bool constant = false;  // a constant or a function value (not derived from I)
  bool operand_only = false;  // a primitive pooled only to be bound (rbind's first argument)
  bool leaf() const { return prim.empty(); }
};

// A level's calls, smallest expression first.
struct Expansion {
  std::vector<PoolValue> calls;
  std::size_t typed = 0;  // well-typed calls the level had before the bound
  bool cut() const { return typed > calls.size(); }
};

class Enumerator {
 public:
  explicit Enumerator(const Signatures& sig);

  // What expressions cost (prior.h): flat until set.
  void set_costs(ExpressionCosts costs) { costs_ = std::move(costs); }

  // The leaves: I, the colours given and the small integers 0..4 (as
  // arc-dsl's constant names), T and F, the direction and size points, and
  // every enumerated primitive of one argument as a function value. Then
  // the function values of one binding (level 0, not derived from I):
  // rbind and lbind of a two-argument primitive to a constant its
  // annotation takes (rbind(colorcount, ONE)), and matcher of a function
  // value returning an integer or a point to such a constant
  // (matcher(size, ONE)); whether calling one types is decided where it is
  // called.
  std::vector<PoolValue> leaves(const std::vector<int>& colours) const;

  // Level `level`'s typed calls over `pool`: each has an argument made at
  // level-1 that is not a constant. At most `bound` of them, the smallest
  // first (ties in an order fixed by `seed` and the call), so a bounded level
  // is the same for the same pool and seed.
  // With grids_only, only calls returning a Grid (a last level: nothing
  // builds on it, and only a grid can be a task's answer).
  Expansion expand(const std::vector<PoolValue>& pool, int level, std::size_t bound, std::uint64_t seed,
                   bool grids_only = false) const;

  // `prim` applied to pool[args] as a value of `level`; its type nullptr
  // when the checker's rule does not type it. An enumerated primitive, or
  // one the levels leave out that a completion writes (insert, combine).
  PoolValue call(const std::vector<PoolValue>& pool, const std::string& prim, std::vector<int> args,
                 int level) const;
  // The pool's leaf named `name` ("I", "TWO"), or -1.
  static int leaf_index(const std::vector<PoolValue>& pool, const std::string& name);
  // arc-dsl's name of the integer constant 0..9 ("ZERO".."NINE").
  static const char* int_name(int k);
  // arc-dsl's name of the integer constant k ("NEG_TWO".."TEN") or of the
  // point (a, b) ("DOWN", "TWO_BY_ZERO"); "" where it has none.
  static std::string constant_name(int k);
  static std::string constant_name(int a, int b);
  // arc-dsl's constant `name` as a leaf (its type nullptr if there is none).
  PoolValue constant(const std::string& name) const;

  // The program computing `v` (a call over `pool`): one statement per call
  // it depends on, in pool order, then `O = v`; leaves are written by name.
  Program program(const std::vector<PoolValue>& pool, const PoolValue& v) const;

  // The primitives enumerated (arc-dsl's, less those that build functions,
  // take any value at all or pair up values without a use yet).
  const std::vector<std::string>& primitives() const { return prims_; }

 private:
  struct Prim {
    std::string name;
    std::vector<bool> callable;  // per parameter: takes a function value
    std::vector<TypeRef> only;   // per parameter: the one type its annotation names (or nullptr)
    std::string returns;         // its annotation's return type
  };
  void add_bindings(std::vector<PoolValue>& pool) const;
  // call_prim's result type, remembered (nullptr: ill-typed, or a function).
  TypeRef typed_call(std::size_t prim, const std::vector<TypeRef>& args) const;
  const Signatures& sig_;
  ExpressionCosts costs_;
  std::vector<Prim> table_;
  std::vector<std::string> prims_;
  mutable std::map<std::pair<std::size_t, std::vector<TypeRef>>, TypeRef> typed_;
};

}  // namespace battc::generator
