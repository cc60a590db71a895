// generator/mutate/mutate.h: search's mutations, typed IR in, program out
// (docs/search.md). Each kind reads the parent's types to make a change
// that keeps them: a constant for another of its class, an argument for an
// earlier value of the same type, a primitive for one whose rule gives the
// same result type at these arguments, and so on. The caller checks every
// mutant with type_program before it becomes a candidate, so no candidate
// ever reaches the pipeline ill-typed; what that check drops is counted.
// mutation_kinds() is the one list of kinds: name, draw weight, and the
// Mutator member that makes each; the search draws from it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "generator/mutate/fits_memo.h"
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
  Append,         // a last step: the result r replaced by f(r, k...) of r's type, k integer constants
  Splice,         // an argument replaced by a value another program computes, its statements copied in
  Lift,           // a constant argument replaced by y = f(v), v an earlier value, f unary of the constant's type
  Compose,        // a function passed as a value, f, replaced by y = compose(g, f), g unary
  Truncate,       // an earlier value of the result's type returned, with only what it needs (prefixes.h)
  Twice,          // two changes of one-parent kinds, the first checked before the second is made
};
constexpr int kMutationKinds = 13;

// The most statements a splice copies from its donor.
constexpr std::size_t kMaxFragment = 6;

struct MutationContext {
  const Signatures* signatures = nullptr;
  std::vector<int> palette;  // the colours of the task's train grids
};

class Mutator;

// One kind as the search uses it: its name (the store's `mutation`, the
// report's per-kind counts), how often it is drawn (relative to the
// others; Rng::weighted over mutation_weights()), and the Mutator member
// that makes one mutant of it. `other` is a crossover's second parent or a
// splice's donor (the other kinds ignore it; without one those two make
// nothing).
struct MutationKindInfo {
  using Make = std::optional<Program> (Mutator::*)(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                                   const TypedProgram* other) const;
  MutationKind kind;
  const char* name;
  std::uint64_t weight;
  Make make;
};

// Every kind once, in MutationKind order (so mutation_kinds()[int(k)].kind
// == k, and an index drawn from mutation_weights() is a MutationKind).
const std::array<MutationKindInfo, kMutationKinds>& mutation_kinds();
const MutationKindInfo& mutation_kind(MutationKind k);
// The weights of mutation_kinds(), in the same order, for Rng::weighted.
std::vector<std::uint64_t> mutation_weights();
const char* mutation_name(MutationKind k);  // "?" for a value outside the enum

class Mutator {
 public:
  explicit Mutator(const Signatures& sig);

  // One mutant of `p` of kind k, or nullopt when this draw found no change of
  // that kind. `other` is the second parent of a crossover (same task) or
  // the donor of a splice (any program, the seeds' library first).
  std::optional<Program> mutate(const TypedProgram& p, MutationKind k, Rng& rng, const MutationContext& ctx,
                                const TypedProgram* other = nullptr) const;

 private:
  // One per kind, as MutationKindInfo::make (mutation_kinds() names them).
  std::optional<Program> constant(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                  const TypedProgram* other) const;
  std::optional<Program> argument(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                  const TypedProgram* other) const;
  std::optional<Program> primitive(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                   const TypedProgram* other) const;
  std::optional<Program> function_value(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                        const TypedProgram* other) const;
  std::optional<Program> insert(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                const TypedProgram* other) const;
  std::optional<Program> drop(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                              const TypedProgram* other) const;
  std::optional<Program> crossover(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                   const TypedProgram* other) const;
  std::optional<Program> append(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                const TypedProgram* other) const;
  std::optional<Program> splice(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                const TypedProgram* other) const;
  std::optional<Program> lift(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                              const TypedProgram* other) const;
  std::optional<Program> compose(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                 const TypedProgram* other) const;
  std::optional<Program> truncate(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                  const TypedProgram* other) const;
  std::optional<Program> twice(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                               const TypedProgram* other) const;
  friend const std::array<MutationKindInfo, kMutationKinds>& mutation_kinds();

  const Signatures& sig_;
  // Per dialect, per arity: the names programs write, sorted.
  std::array<std::vector<std::vector<std::string>>, 2> by_arity_;
  // The names that fit a site, by its types (fits_memo.h).
  FitsMemo memo_;
  FitsMemo::Key site_key(int kind, Dialect d, std::initializer_list<std::uintptr_t> decide,
                         const std::vector<TypeRef>& args) const;
};

}  // namespace battc::generator
