// runtime/search/strategy.cpp
#include "runtime/search/strategy.h"

#include <algorithm>

namespace battc::runtime::search {
namespace {

struct Yield {
  double found = 0, cost = 0;
  int rounds = 0;
  int since = 1 << 20;  // rounds since it last ran
  double last = 0;      // evaluations of its latest round
  double waited = 0;    // evaluations of the other strategy's rounds since
  double value() const { return (found + 1) / (cost + 1e6); }
  // Its turn, whatever the yields: it has never run, or the other has spent
  // kWaitFactor times its latest round since.
  bool due() const { return rounds == 0 || waited >= double(kWaitFactor) * std::max(last, 1.0); }
};

Yield yield_of(const std::vector<RoundRow>& rounds, const char* name) {
  Yield y;
  int latest = rounds.empty() ? 0 : rounds.back().round;
  for (auto it = rounds.rbegin(); it != rounds.rend(); ++it) {
    if (it->round == 0) continue;
    if (it->strategy != name) {
      if (y.rounds == 0) y.waited += double(it->evaluations);
      continue;
    }
    if (y.rounds == 0) y.since = latest - it->round, y.last = double(it->evaluations);
    if (y.rounds++ == kYieldWindow) break;
    y.found += double(it->improved);
    y.cost += double(it->evaluations);
  }
  return y;
}

}  // namespace

const char* strategy_name(Strategy s) { return s == Strategy::Enumerate ? "enumerate" : "mutate"; }

bool valid_strategy_option(const std::string& s) { return s == "auto" || s == "mutate" || s == "enumerate"; }

Strategy choose_strategy(const std::vector<RoundRow>& rounds, const std::string& option, bool store_has_programs) {
  if (option == "enumerate" || !store_has_programs) return Strategy::Enumerate;
  if (option == "mutate") return Strategy::Mutate;
  Yield m = yield_of(rounds, "mutate"), e = yield_of(rounds, "enumerate");
  if (e.due() && e.since > m.since) return Strategy::Enumerate;
  if (m.due() && m.since > e.since) return Strategy::Mutate;
  return e.value() > m.value() ? Strategy::Enumerate : Strategy::Mutate;
}

}  // namespace battc::runtime::search
