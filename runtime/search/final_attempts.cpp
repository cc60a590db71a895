// runtime/search/final_attempts.cpp
#include "runtime/search/final_attempts.h"

#include "runtime/score/submission.h"
#include "runtime/score/symmetry.h"

namespace battc::runtime::search {

namespace {

// The kept programs run by name on `tasks` (test outputs hidden), as battc
// run of the export runs them.
api::ApiResult<api::RunOutcome> run_kept(const std::string& text, std::vector<Task> tasks, const SearchOptions& o,
                                         std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>>& cuda_specs,
                                         std::shared_ptr<jit::SpecLibrary>& specs) {
  api::RunRequest req;
  req.tasks = std::move(tasks);
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
  return run;
}

// Each kept program's symmetries on its task (runtime/score/symmetry.h):
// the kept programs run again on every transform of the tasks; the counts
// go into the store, one transaction.
std::optional<api::ApiError> store_symmetries(Store& store, const std::string& text, const std::vector<KeptName>& names,
                                              const RunResult& base, const SearchInputs& in, const SearchOptions& o,
                                              std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>>& cuda_specs,
                                              std::shared_ptr<jit::SpecLibrary>& specs) {
  std::vector<RunResult> runs;
  for (Symmetry s : kSymmetries) {
    std::vector<Task> moved;
    moved.reserve(in.searched.size());
    for (const Task& t : in.searched) moved.push_back(transformed(t, s));
    auto run = run_kept(text, std::move(moved), o, cuda_specs, specs);
    if (!run.ok()) return run.error();
    runs.push_back(std::move(run->result));
  }
  std::vector<std::vector<int>> counts = symmetry_counts(base, runs);
  std::map<std::string, const KeptName*> by_name;
  for (const KeptName& k : names) by_name[k.name] = &k;
  Store::Transaction tx(store);
  for (std::size_t t = 0; t < base.tasks.size(); ++t)
    for (std::size_t p = 0; p < base.programs.size(); ++p) {
      auto k = by_name.find(base.programs[p]);
      if (base.tasks[t].want[p] && k != by_name.end() && k->second->task == base.tasks[t].id)
        store.set_symmetries(k->second->program, k->second->task, counts[t][p]);
    }
  tx.commit();
  return std::nullopt;
}

}  // namespace

api::ApiResult<FinalAttempts> final_attempts(Store& store, const SearchInputs& in, const SearchOptions& o,
                                             std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>>& cuda_specs,
                                             std::shared_ptr<jit::SpecLibrary>& specs) {
  FinalAttempts out;
  int kept = 0;
  std::vector<KeptName> names;
  std::string text = kept_programs_text(store, false, &kept, &names);
  nlohmann::json submission = nlohmann::json::object();
  if (kept > 0) {
    // Test outputs hidden (in.searched): the attempts are chosen on train pairs alone.
    auto first = run_kept(text, in.searched, o, cuda_specs, specs);
    if (!first.ok()) return first.error();
    if (auto failed = store_symmetries(store, text, names, first->result, in, o, cuda_specs, specs)) return *failed;
    // The store's order now with the symmetries (ranking.h's attempt_order:
    // written programs, then the more symmetric, among equal train pairs
    // right), which kept_programs_text writes first to last: the export's.
    text = kept_programs_text(store, false, &kept);
    auto run = run_kept(text, in.searched, o, cuda_specs, specs);
    if (!run.ok()) return run.error();
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
