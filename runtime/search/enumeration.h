// runtime/search/enumeration.h: search's second strategy, bottom-up
// enumeration with observational equivalence (icecuber's key idea, and the
// classic one of enumerative program synthesis; docs/search.md
// "Enumeration"). A round of it takes a few tasks and grows one pool of
// values for them level by level (generator/enumerate/enumerator.h types
// the calls); each level's calls run as one batt through the specs engine,
// each a program returning its call, on every sample of those tasks (train
// and test inputs); a call whose values equal, on every input, those of a
// value already pooled (or that fails everywhere) is dropped, the others
// join the pool. The calls are scored and kept like mutants (kind
// `enumerate`), so a grid equal to every train output is a task's solution.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "generator/enumerate/enumerator.h"
#include "generator/enumerate/library.h"
#include "runtime/search/candidates.h"
#include "runtime/search/round_batt.h"

namespace battc::runtime::search {

// One level: its calls as candidates and the batt that ran them (nullopt
// when every call waited for the shape budget).
struct EnumeratedLevel {
  std::vector<Candidate> candidates;
  std::optional<RoundBatt> batt;
  bool keep = true;  // scored and kept (the library's fragments are not: round 0 ran their grids)
};

struct EnumerationCounts {
  std::int64_t calls = 0;    // calls run
  std::int64_t pooled = 0;   // calls with new values, added to the pool
  std::int64_t cut_levels = 0;  // levels the bound on calls cut short
  std::int64_t completions = 0;  // last calls found by inverse semantics (completions.h)
  std::int64_t fragments = 0;    // the library's fragments run (distinct values)
};

struct Enumeration {
  std::vector<EnumeratedLevel> levels;
  EnumerationCounts counts;
};

// Work units per statement in enumeration (the search's own is 20,000,000,
// a runaway guard): the calls are blind, and a few that blow up (a grid
// upscaled by a large count, a cross product of cells) took most of a
// level's time; a call out of it is dropped (enumeration.cpp).
inline constexpr std::int64_t kEnumerationWorkBudget = 200'000;

// New shapes the completions' batt may compile whatever the levels left of
// the round's budget (SearchOptions::enumerate_shapes): they are few and
// each is likely an answer, yet they run last, and a first crop or stamp of
// a store, all of its shapes new, was dropped when the levels had spent
// the budget.
inline constexpr int kCompletionShapes = 16;

// The tasks of an enumeration round: SearchOptions::enumerate_tasks tasks
// taken in turn from the tasks no kept program fits (`solved`), those with
// a rule over the input's parts (`ruled`: its completions need no pooled
// value, a program or two each) first, each group in an order fixed by the
// random seed and the task ids; then those fit with a single test
// prediction (not `settled`): fitting programs that agree on one answer are
// often mutants of one seed that fit the train pairs by accident, and a
// short enumerated program is the second attempt they lack (3aa6fb7a lost
// its completion to five such mutants). All tasks when every one is
// settled. The turn starts after those of the `before` enumeration rounds
// so far; ascending indices into `tasks`. `pass` counts the times the turn
// went round before this round.
struct EnumerationDraw {
  std::vector<std::size_t> tasks;
  int pass = 0;
};
EnumerationDraw enumeration_tasks(const std::vector<Task>& tasks, const std::set<std::string>& solved,
                                  const std::set<std::string>& settled, const std::set<std::string>& ruled,
                                  const SearchOptions& o, int before);

// The calls per level of an enumeration round on its `pass`: a task met
// again has had the smallest calls already, so a later pass runs twice
// SearchOptions::enumerate_calls (kMaxWidening doublings at most: on LOO-40
// a round of 2x took 22-39 s against 8 s, one of 4x 217 s, a third of a
// 10-minute search in a round that found nothing).
inline constexpr int kMaxWidening = 1;
std::size_t enumeration_calls(const SearchOptions& o, int pass);

// The leaves' colours for `tasks`: every colour of their train grids.
std::vector<int> enumeration_colours(const std::vector<std::size_t>& chosen,
                                     const std::vector<std::vector<int>>& palettes);

// Enumerates for `tasks` up to SearchOptions::enumerate_depth levels of at
// most `calls` calls each, running each level with `ro` (pairing
// All; its shape budget spans the whole round). Stops early when a level
// adds nothing to the pool. The completions its pooled values give
// (completions.h) run last, as one more level. With a `library`, its
// fragments run first, as a level of their own that is not kept, and their
// values are completed too (generator/enumerate/library.h).
api::ApiResult<Enumeration> enumerate_round(const generator::Enumerator& en, const std::vector<Task>& tasks,
                                            const std::vector<int>& colours, RoundBattOptions ro,
                                            const SearchOptions& o, std::size_t calls, std::uint64_t seed,
                                            const generator::Library* library = nullptr);

}  // namespace battc::runtime::search
