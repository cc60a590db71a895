// runtime/search/search_loop.h: the search loop's class, private to
// runtime/search/ (search.h is the API). Its methods live in three files,
// one job each: search.cpp (the loop: the store opened, a round's phases
// and what they share, the report), seed_round.cpp (round 0: the seeds,
// their prefixes and conjugates) and strategy_rounds.cpp (a mutation round
// and an enumeration round).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "generator/enumerate/enumerator.h"
#include "generator/enumerate/library.h"
#include "generator/enumerate/prior.h"
#include "generator/mutate/mutate.h"
#include "runtime/search/candidates.h"
#include "runtime/search/round_batt.h"
#include "runtime/search/score_round.h"
#include "runtime/search/search.h"
#include "runtime/search/search_inputs.h"
#include "runtime/search/store.h"

namespace battc::runtime::search::loop {

using Clock = std::chrono::steady_clock;
using generator::TypedProgram;

inline double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// An error that ends the search (bad input met in a round, a failed run):
// thrown inside, returned by run_search.
struct SearchFailure {
  api::ApiError error;
};

// What a round has read of the store before it changes it.
struct RoundStart {
  Clock::time_point t0 = Clock::now();
  // The kept scores per task, best first: as the round began, then updated
  // as it keeps candidates.
  std::map<std::string, std::vector<TaskScore>> best;
  std::map<std::string, TaskScore> first;  // each task's best as the round began
  std::set<std::string> solved;
  // Solved with plausible test predictions (ranking.h's fits_plausibly):
  // what the draws leave aside. A task fit only by programs whose
  // predictions break its train pairs' rules stays open.
  std::set<std::string> plausibly_solved;
  std::vector<StoredProgram> pool;
};

class Search {
 public:
  explicit Search(const SearchOptions& o) : o_(o), sig_(types_), mutator_(sig_), enumerator_(sig_), store_(o.store) {}

  SearchReport run();

 private:
  void note(const std::string& s) {
    if (o_.note) o_.note(s);
  }
  void phase(int r, const char* name) {
    if (o_.phase_hook) o_.phase_hook(r, name);
  }
  // search.cpp: the store opened, the loop, what every round shares, the
  // report.
  void open_store();
  bool more_rounds(int r, Clock::time_point t0) const;
  void round(int r);
  RoundBattOptions batt_options();
  std::optional<RoundBatt> evaluate(int r, const std::vector<Candidate>& cands, const std::vector<Task>& tasks,
                                    bool fits_only = false);
  void count_improved(const RoundBatt& rb, const std::vector<Candidate>& cands, const RoundScores& scores,
                      std::map<std::string, MutationStats>& stats) const;
  void keep_candidates(int r, const RoundBatt& rb, const std::vector<Candidate>& cands, const RoundScores& scores,
                       RoundStart& start);
  void store_counts(const std::map<std::string, MutationStats>& stats);
  std::size_t finish_round(RoundRow& row, double batt_seconds, const RoundStart& start, Clock::time_point t_store);
  void add_work(const RoundRow& row);
  void report_round(const RoundRow& row, std::size_t solved);
  void store_empty_round(RoundRow& row);
  void final_report(Clock::time_point t0);
  void write_submission(const nlohmann::json& submission);
  const TypedProgram* typed(std::int64_t id);
  std::set<std::string> solved_in(const std::map<std::string, std::vector<TaskScore>>& best,
                                  bool plausibly = false) const;

  // seed_round.cpp: round 0.
  void seed_round();
  void seed_group(const std::vector<Candidate>& cands, const std::vector<std::int64_t>& ids, bool fits_only,
                  RoundRow& row, double& batt_s);
  void seedless_round();

  // strategy_rounds.cpp: the rounds after it.
  void mutate_round(int r, RoundStart& start);
  void enumerate_round(int r, RoundStart& start, int enumerated_before);

  const SearchOptions& o_;
  generator::TypeTable types_;
  generator::Signatures sig_;
  generator::Mutator mutator_;
  generator::Enumerator enumerator_;
  // What a program's description length is taken under (ranking.h's bits):
  // the seeds' prior in sixteenths of a bit, flat without seeds.
  generator::ExpressionCosts ranking_prior_ = generator::seed_prior({}, generator::kRankingUnits);
  // What ranks a program among equal scores: its statements, its cost.
  ProgramSize size_of(const generator::Program& p) const {
    return {static_cast<int>(p.body.size()), static_cast<int>(generator::program_cost(p, ranking_prior_))};
  }
  generator::Library library_;  // the seeds' fragments (SearchOptions::enumerate_library)
  // Tasks whose train pairs admit a rule over the input's parts
  // (part_rules.h): first in enumeration's turn.
  std::set<std::string> ruled_;
  Store store_;
  SearchInputs in_;
  std::map<std::int64_t, std::optional<TypedProgram>> typed_;
  std::mutex typed_mu_;  // typed() is called from make_candidates' threads
  std::shared_ptr<jit::SpecLibrary> specs_;
  std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>> cuda_specs_;  // the device specs engine's, per arch
  std::unordered_set<std::string> shapes_;  // the store's shapes table
  SearchReport rep_;
  std::set<std::string> solved_by_seeds_;
};

}  // namespace battc::runtime::search::loop
