// runtime/search/final_attempts.h: the search's last phase, the only one
// that reads known test outputs (unless it selects on them): the store's
// kept programs run by name on their tasks, test outputs hidden, as `battc
// run` of the export would run them; their predictions become the
// submission's two attempts per test input (runtime/score/submission.h's
// ranking, battc run's), and the attempts are scored against the outputs
// known (runtime/score/kaggle_score.h).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>

#include "runtime/score/kaggle_score.h"
#include "runtime/search/search.h"
#include "runtime/search/search_inputs.h"
#include "runtime/search/store.h"

namespace battc::runtime::search {

struct FinalAttempts {
  nlohmann::json submission;  // every task, every test input, two attempts
  SubmissionScore score;      // against the known test outputs
};

api::ApiResult<FinalAttempts> final_attempts(Store& store, const SearchInputs& in, const SearchOptions& o,
                                             std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>>& cuda_specs,
                                             std::shared_ptr<jit::SpecLibrary>& specs);

}  // namespace battc::runtime::search
