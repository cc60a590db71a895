// runtime/search/candidates.h: the first phases of a round: which tasks it
// works on, and the candidates it makes for them (parents drawn from each
// task's kept programs and, for a task not yet settled, from the library
// too; typed mutants of each, deduplicated by text within the round and
// against every program the store has met). Every draw comes from a random
// stream of (seed, round) or (seed, round, task), so a round's candidates
// depend only on the store's content, and the tasks' mutants are made on
// `SearchOptions::jobs` threads with the same result as on one.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "generator/mutate/mutate.h"
#include "runtime/search/search.h"
#include "runtime/search/search_inputs.h"
#include "runtime/search/store.h"

namespace battc::runtime::search {

// The name of every program's def in the store: the text is the program's
// identity, so it must not depend on the task or the round.
inline constexpr const char* kStoredName = "solve_program";

struct Candidate {
  generator::Program program;  // canonical
  std::string source;          // its text, named kStoredName
  generator::Dialect dialect = generator::Dialect::ArcDsl;
  std::int64_t parent = 0;     // 0: a seed
  std::string task;            // the task it was made for ("" for a seed)
  double parent_score = 0;     // the parent's on that task
  std::string mutation;        // its kind's name, "seed", "prefix" or "conjugate"
  std::string origin;          // a seed's name (a prefix's or conjugate's: its seed's)
  int seed_of = -1;            // a prefix or conjugate: its seed's index among round 0's candidates
};

// FNV-1a of a text: a content order and a random stream per task that do
// not depend on where the text came from.
std::uint64_t text_hash(const std::string& s);

// The tasks of round r (indices into tasks, ascending): tasks_per_round of
// them, drawn by weight: 4 for a task no program fits, 2 for one whose
// fitting programs make one test prediction only (its second attempt is
// still open), 1 for one with two or more (`settled`).
std::vector<std::size_t> draw_tasks(const std::vector<Task>& tasks, const std::set<std::string>& solved,
                                    const std::set<std::string>& settled, const SearchOptions& o, int round);

// What making mutants needs besides the options: the checker's signatures,
// the mutator, and a store program's typed form (called from several
// threads at once; nullptr when it does not type, which never happens to a
// program the search stored itself).
struct MutationSources {
  const generator::Signatures& sig;
  const generator::Mutator& mutator;
  std::function<const generator::TypedProgram*(std::int64_t)> typed;
};

// The candidates of round r for the chosen tasks, deduplicated; `stats`
// counts per kind what was made and what the checker discarded.
std::vector<Candidate> make_candidates(const MutationSources& src, const SearchInputs& in, const SearchOptions& o,
                                       int round, const std::vector<std::size_t>& chosen,
                                       const std::map<std::string, std::vector<TaskScore>>& best,
                                       const std::vector<StoredProgram>& pool,
                                       std::map<std::string, MutationStats>& stats);

// The seeds as round 0's candidates; with `prefixes`, then their prefixes
// (generator/mutate/prefixes.h) and, with `conjugates` too, then their
// conjugates by the grid's turns and mirrors (generator/mutate/conjugates.h),
// each only when no earlier candidate's text already is it.
std::vector<Candidate> seed_candidates(const SearchInputs& in, bool prefixes, bool conjugates);

// Round 0's tasks in parts of at most `max_evaluations` evaluations of
// `programs` programs each (a part has at least one task; 0: one part), in
// order. With every seed on every task round 0 is a cross product, and a
// run holds about a kilobyte per evaluation until it is scored (1.7 GB for
// arc-dsl's solvers and their prefixes on ARC-AGI-1 training in one part,
// 0.7 GB in parts of kSeedRoundEvaluations); the parts share one compiled
// unit and give the same store.
inline constexpr std::size_t kSeedRoundEvaluations = 250'000;
std::vector<std::vector<Task>> seed_round_parts(const std::vector<Task>& tasks, std::size_t programs,
                                                std::size_t max_evaluations);

}  // namespace battc::runtime::search
