// runtime/score/results_json.cpp: builds the results object; keys come out
// sorted (nlohmann's object), so the file is deterministic.
#include "runtime/score/results_json.h"

#include <fstream>
#include <stdexcept>

namespace battc::runtime {

namespace {

using nlohmann::json;

json summary_json(const RunSummary& s) {
  return json{{"tasks", s.tasks},
              {"tasks_paired", s.tasks_paired},
              {"tasks_solved", s.tasks_solved},
              {"programs", s.programs},
              {"differs", s.differs},
              {"programs_solving", s.programs_solving},
              {"evaluations", s.evaluations},
              {"ok", s.ok},
              {"error", s.error},
              {"budget", s.budget},
              {"batt_calls", s.batt_calls},
              {"reruns", s.reruns},
              {"seconds", s.seconds}};
}

json program_json(const RunResult& run, const TaskResult& task, const ProgramScore& score, int p) {
  json status = json::array(), match = json::array(), values = json::array();
  bool differ = run.is_differ[p] != 0;
  for (const SampleResult& s : task.samples) {
    const EvalRecord* r = s.evals.empty() || !s.evals[p].evaluated() ? nullptr : &s.evals[p];
    status.push_back(r ? json(dsl::status_name(r->st())) : json(nullptr));
    match.push_back(r && s.has_expected ? json(r->matches() ? 1 : 0) : json(nullptr));
    if (differ) {
      bool has_text = r && r->ok() && !s.texts.empty() && !s.texts[p].empty();
      values.push_back(has_text ? json::parse(s.texts[p], nullptr, false) : json(nullptr));
    }
  }
  json out{{"solved", score.solved}, {"train_matched", score.train_matched}, {"status", std::move(status)},
           {"match", std::move(match)}};
  if (differ) {
    out["differ"] = true;
    out["values"] = std::move(values);
  }
  return out;
}

}  // namespace

json results_json(const RunResult& run, const Scores& scores, const RunSummary& summary) {
  json tasks = json::object();
  for (std::size_t t = 0; t < run.tasks.size(); ++t) {
    const TaskResult& task = run.tasks[t];
    json samples = json::array(), solved_by = json::array(), programs = json::object();
    for (const SampleResult& s : task.samples) samples.push_back(s.name());
    for (int p : scores.tasks[t].solved_by) solved_by.push_back(run.programs[p]);
    for (int p = 0; p < int(run.programs.size()); ++p)
      if (task.want[p]) programs[run.programs[p]] = program_json(run, task, scores.tasks[t].programs[p], p);
    tasks[task.id] = json{{"samples", std::move(samples)}, {"solved_by", std::move(solved_by)},
                          {"programs", std::move(programs)}};
  }
  return json{{"format", "battc-results/1"}, {"summary", summary_json(summary)}, {"tasks", std::move(tasks)}};
}

void write_results_file(const std::filesystem::path& file, const RunResult& run, const Scores& scores,
                        const RunSummary& summary) {
  std::ofstream out(file, std::ios::binary);
  if (!out) throw std::runtime_error(file.string() + ": cannot open for writing");
  out << results_json(run, scores, summary).dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  out.flush();
  if (!out) throw std::runtime_error(file.string() + ": write failed");
}

}  // namespace battc::runtime
