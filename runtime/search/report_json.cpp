// runtime/search/report_json.cpp
#include "runtime/search/report_json.h"

#include <algorithm>

namespace battc::runtime::search {

nlohmann::ordered_json report_json(const SearchReport& r) {
  nlohmann::ordered_json muts = nlohmann::ordered_json::object();
  for (const auto& [kind, m] : r.mutations)
    muts[kind] = {{"made", m.made}, {"improved", m.improved}, {"discarded_by_checker", m.discarded}};
  nlohmann::ordered_json strategies = nlohmann::ordered_json::object();
  for (const auto& [name, st] : r.strategies)
    strategies[name] = {{"rounds", st.rounds},
                        {"evaluations", st.evaluations},
                        {"tasks_improved", st.improved},
                        {"seconds", st.seconds}};
  nlohmann::ordered_json by_kind = nlohmann::ordered_json::object();
  for (const auto& [kind, n] : r.fits_train_by_kind) by_kind[kind] = n;
  return {{"rounds", r.rounds},
          {"interrupted", r.interrupted},
          {"candidates", r.candidates},
          {"rejected", r.rejected},
          {"unique", r.unique},
          {"over_shape_budget", r.over_shape_budget},
          {"skipped_no_compiler", r.skipped_no_compiler},
          {"evaluations", r.evaluations},
          {"seconds", r.seconds},
          {"evaluations_per_second", r.evaluations / std::max(r.seconds, 1e-9)},
          {"phases",
           {{"generate", r.generate_s},
            {"compile", r.compile_s},
            {"run", r.run_s},
            {"score", r.score_s},
            {"store", r.store_s}}},
          {"tasks", r.tasks},
          {"select_on_test", r.select_on_test},
          {"fits_train", r.fits_train},
          {"fits_train_by_seeds", r.fits_train_by_seeds},
          {"new_fits_train", r.new_fits_train},
          {"scored_tasks", r.scored_tasks},
          {"verified", r.verified},
          {"kaggle_score", r.kaggle_score},
          {"verified_tasks", r.verified_tasks},
          {"near_misses", r.near_misses},
          {"fits_train_by_kind", by_kind},
          {"strategies", strategies},
          {"enumeration",
           {{"calls", r.enumerated_calls}, {"pooled", r.enumerated_pooled}, {"cut_levels", r.enumeration_cut_levels},
            {"completions", r.enumerated_completions}, {"fragments", r.enumerated_fragments}}},
          {"mutations", muts},
          {"backend",
           {{"gpu_engine", r.backend.gpu_engine},
            {"gpu_runs", r.backend.gpu_runs},
            {"cpu_runs", r.backend.cpu_runs},
            {"gpu_evaluations", r.backend.gpu_evaluations},
            {"gpu_fallback_evaluations", r.backend.gpu_fallback_evaluations},
            {"cpu_evaluations", r.backend.cpu_evaluations},
            {"gpu_compile_seconds", r.backend.gpu_compile_s},
            {"gpu_shapes_compiled", r.backend.gpu_shapes_compiled}}}};
}

}  // namespace battc::runtime::search
