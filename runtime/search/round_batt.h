// runtime/search/round_batt.h: a round's evaluation phase: the candidates
// as one batt (each its own program), run over the round's tasks through the
// specs engine. With pairing All, programs of equal IR (the same value-
// numbered statements and result) run once; candidates whose statement
// shapes are new to the search run only while the round's budget of new
// shapes lasts (each costs a compile), admitted in an order fixed by content.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "runtime/api/run_batt.h"
#include "runtime/search/candidates.h"

namespace battc::runtime::search {

struct RoundBatt {
  api::RunOutcome out;
  std::vector<int> kept;                // per candidate: its program in out.result, -1 when it did not run
  std::vector<int> candidate_of;        // per program of out.result: its candidate
  std::vector<std::string> new_shapes;  // the shapes this round admitted
  std::int64_t rejected = 0;            // candidates the pipeline rejected (0 for checked mutants)
  std::int64_t over_shape_budget = 0;   // candidates that waited for the shape budget
};

// Work units per statement of a mutation round's candidates (the search's
// own, 20,000,000, is a runaway guard that seeds keep): a mutant that blows
// up (a grid upscaled again and again, a cross product of cells) cost
// hundreds of times a typical evaluation, and a few of them made a round's
// run phase grow from seconds to most of a minute as the store's near
// misses piled them up (docs/search.md "Mutations").
inline constexpr std::int64_t kMutationWorkBudget = 2'000'000;

struct RoundBattOptions {
  Pairing pairing = Pairing::All;        // ByName for the seeds (each on its own task)
  std::vector<std::string> names;        // per candidate, its def's name in the batt
  int new_shapes = 0;                    // the round's budget (pairing All only)
  std::unordered_set<std::string>* shapes = nullptr;  // the search's shapes: read, and the admitted added
  std::shared_ptr<jit::SpecLibrary>* specs = nullptr; // reused across rounds
  // The device specs engine's libraries, reused across rounds (with a GPU
  // backend, SearchOptions::backend); may be null.
  std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>>* cuda_specs = nullptr;
  // Adds each round's evaluations by where they ran (the search's report); may be null.
  BackendStats* backend_stats = nullptr;
  bool value_hashes = false;  // every value hashed, not only grids (ExecOptions::value_hashes)
  bool completions = false;   // with value_hashes: EvalRecord::completes (ExecOptions::completions)
  // Per statement; 0: the search's (SearchOptions::work_budget). A smaller
  // one drops every candidate that ran out of it on some sample (it scores
  // nothing), so the store still scores as `battc run` would.
  std::int64_t work_budget = 0;
  // Each candidate stops on a task at its first wrong train pair (the
  // search keeps its scores only where it fits: round 0's conjugates).
  bool fits_only = false;
  // Counts the candidates skipped for a shape no pack has, with no compiler
  // to make it (the search's report); may be null.
  std::int64_t* skipped_no_compiler = nullptr;
};

// nullopt: nothing to run (every candidate a duplicate or over the budget);
// an error: the run's.
api::ApiResult<std::optional<RoundBatt>> run_round_batt(const std::vector<Candidate>& cands,
                                                         const std::vector<Task>& tasks, const RoundBattOptions& ro,
                                                         const SearchOptions& o);

}  // namespace battc::runtime::search
