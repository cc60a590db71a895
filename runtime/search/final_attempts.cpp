// runtime/search/final_attempts.cpp
#include "runtime/search/final_attempts.h"

#include "runtime/score/submission.h"

namespace battc::runtime::search {

api::ApiResult<FinalAttempts> final_attempts(Store& store, const SearchInputs& in, const SearchOptions& o,
                                             std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>>& cuda_specs,
                                             std::shared_ptr<jit::SpecLibrary>& specs) {
  FinalAttempts out;
  int kept = 0;
  std::string text = kept_programs_text(store, false, &kept);
  nlohmann::json submission = nlohmann::json::object();
  if (kept > 0) {
    api::RunRequest req;
    req.tasks = in.searched;  // test outputs hidden: the attempts are chosen on train pairs alone
    req.programs.texts = {{"kept.py", text}};
    req.engine = api::Engine::Specs;
    req.backend = o.backend;
    req.exec.pairing = Pairing::ByName;
    req.exec.jobs = o.jobs;
    req.exec.arena_bytes = o.arena_bytes;
    req.exec.work_budget = o.work_budget;
    req.evaluation = Evaluation::All;
    req.jit = o.jit;
    req.specs = specs;
    req.cuda_specs = cuda_specs;
    auto run = api::run_batt(std::move(req));
    if (!run.ok()) return run.error();
    specs = run->specs;
    cuda_specs = run->cuda_specs;
    // The store's order (ranking.h: written programs before found ones among
    // equal scores), which kept_programs_text writes best first.
    submission = submission_json(run->result, run->scores, AttemptOrder::Given);
  }
  // Every task has an entry, every test input two attempts ([[0]] where no
  // program predicts a grid).
  for (const Task& t : in.tasks) {
    if (submission.contains(t.id)) continue;
    nlohmann::json inputs = nlohmann::json::array();
    for (std::size_t i = 0; i < t.test.size(); ++i)
      inputs.push_back({{"attempt_1", grid_json(GridData{1, 1, {0}})}, {"attempt_2", grid_json(GridData{1, 1, {0}})}});
    submission[t.id] = std::move(inputs);
  }
  out.score = score_submission(submission, in.tasks);
  out.submission = std::move(submission);
  return out;
}

}  // namespace battc::runtime::search
