// generator/mutate/mutate.h: search's mutations, typed IR in, program out
// (docs/search.md). Each kind reads the parent's types to make a change
// that keeps them: a constant for another of its class, an argument for an
// earlier value of the same type, a primitive for one whose rule gives the
// same result type at these arguments, and so on. The caller checks every
// mutant with type_program before it becomes a candidate, so no candidate
// ever reaches the pipeline ill-typed; what that check drops is counted.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "generator/mutate/rng.h"
#include "generator/mutate/typed_program.h"

namespace battc::generator {

enum class MutationKind {
  Constant,       // a constant for another of its class (colours from the task first)
  Argument,       // a variable argument for an earlier value of the same type
  Primitive,      // a called primitive for another with the same result type here
  FunctionValue,  // a primitive passed as a value for another with which the call keeps its type
  Insert,         // y = f(v) with f: T -> T inserted before a use of v
  Drop,           // a statement removed, its uses given an earlier value of its type
  Crossover,      // a prefix of one program of the task, the suffix of another
};
constexpr int kMutationKinds = 7;
const char* mutation_name(MutationKind k);

struct MutationContext {
  const Signatures* signatures = nullptr;
  std::vector<int> palette;  // the colours of the task's train grids
};

class Mutator {
 public:
  explicit Mutator(const Signatures& sig);

  // One mutant of `p` of kind k, or nullopt when this draw found no change of
  // that kind. `other` is the second parent of a crossover (same task).
  std::optional<Program> mutate(const TypedProgram& p, MutationKind k, Rng& rng, const MutationContext& ctx,
                                const TypedProgram* other = nullptr) const;

 private:
  std::optional<Program> constant(const TypedProgram& p, Rng& rng, const MutationContext& ctx) const;
  std::optional<Program> argument(const TypedProgram& p, Rng& rng) const;
  std::optional<Program> primitive(const TypedProgram& p, Rng& rng) const;
  std::optional<Program> function_value(const TypedProgram& p, Rng& rng) const;
  std::optional<Program> insert(const TypedProgram& p, Rng& rng) const;
  std::optional<Program> drop(const TypedProgram& p, Rng& rng) const;
  std::optional<Program> crossover(const TypedProgram& a, const TypedProgram& b, Rng& rng) const;

  const Signatures& sig_;
  // Per dialect, per arity: the names programs write, sorted.
  std::array<std::vector<std::vector<std::string>>, 2> by_arity_;
};

}  // namespace battc::generator
