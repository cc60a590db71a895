// python/src/outcome.cpp: outcomes as JSON, from the same writers as the
// CLI's files (results_json, submission_json), so Python sees what
// results.json says.
#include "python/src/outcome.h"

#include "runtime/api/options.h"
#include "runtime/api/timing_json.h"

#include "runtime/score/results_json.h"
#include "runtime/score/submission.h"

namespace battc::python {

using nlohmann::json;

json outcome_json(const runtime::api::RunOutcome& r, runtime::AttemptOrder order) {
  const runtime::RunResult& run = r.result;
  json predictions = json::object();
  for (const auto& task : run.tasks) {
    json per_program = json::object();
    for (int p = 0; p < int(run.programs.size()); ++p) {
      if (!task.want[p]) continue;
      json grids = json::array();
      for (const auto& s : task.samples) {
        if (!s.is_test) continue;
        const runtime::EvalRecord* e = s.evals.empty() ? nullptr : &s.evals[p];
        grids.push_back(e && e->ok() && e->grid >= 0 ? runtime::grid_json(s.grids[e->grid]) : json(nullptr));
      }
      per_program[run.programs[p]] = std::move(grids);
    }
    predictions[task.id] = std::move(per_program);
  }
  json task_ids = json::array();
  for (const auto& task : run.tasks) task_ids.push_back(task.id);
  const auto& t = r.times;
  return json{{"tasks", std::move(task_ids)},
              {"programs", run.programs},
              {"results", runtime::results_json(run, r.scores, r.summary)},
              {"submission", runtime::submission_json(run, r.scores, order)},
              {"predictions", std::move(predictions)},
              {"diagnostics", r.diagnostics},
              {"accepted", r.generated ? r.generated->report.programs : 0},
              {"rejected", r.generated ? r.generated->report.rejected : 0},
              {"backend", r.backend},
              {"engine", runtime::api::engine_name(r.engine)},
              {"engine_why", r.engine_why},
              {"cache_hit", r.cache_hit},
              {"times",
               {{"parse", t.parse},
                {"typecheck", t.typecheck},
                {"generate", t.generate},
                {"compile", t.compile},
                {"run", t.run},
                {"score", t.score},
                {"total", t.total}}},
              {"timing", runtime::api::timing_json(r)}};
}

json check_json(const generator::Generated& g) {
  json accepted = json::array();
  for (const auto& p : g.batt.programs()) accepted.push_back(p.name);
  return json{{"accepted", std::move(accepted)},
              {"rejected", g.report.rejected},
              {"diagnostics", g.diags.render(g.sources)}};
}

}  // namespace battc::python
