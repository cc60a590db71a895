// runtime/search/strategy.h: which strategy a round uses, mutation of kept
// programs or bottom-up enumeration, decided by what each has found lately
// per evaluation it cost (a greedy bandit with a floor of exploration), from
// the store's rounds alone: so a search stays reproducible for any --jobs
// and a resumed search decides as the uninterrupted one would have.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/search/store.h"

namespace battc::runtime::search {

enum class Strategy { Mutate, Enumerate };

const char* strategy_name(Strategy s);
// "auto", "mutate" or "enumerate" (SearchOptions::strategy); nullopt otherwise.
bool valid_strategy_option(const std::string& s);

// How many of the latest rounds of a strategy its yield is taken over, and
// how long a strategy allowed by the option waits at most: until the other
// has spent kWaitFactor times its own latest round's evaluations. Counted in
// evaluations, not rounds: a mutation round costs a twentieth of an
// enumeration round, and a floor of 4 rounds gave enumeration 86% of a
// LOO-40 search in which mutation improved 30 times as many tasks per
// evaluation.
inline constexpr int kYieldWindow = 8;
inline constexpr int kWaitFactor = 4;

// The strategy of the next round after `rounds` (round 0, the seeds', is
// neither): with option "auto", enumeration while the store has no program
// (nothing to mutate), a strategy whose wait is over (kWaitFactor), else
// the one with the higher yield: (tasks improved + 1) / (evaluations + 10^6)
// over its last kYieldWindow rounds (the +1 over a million is an optimistic
// prior, so a strategy not yet tried looks worth a round). Ties: mutation.
Strategy choose_strategy(const std::vector<RoundRow>& rounds, const std::string& option, bool store_has_programs);

}  // namespace battc::runtime::search
