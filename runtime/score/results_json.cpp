// runtime/score/results_json.cpp: builds the results object; keys come out
// sorted (nlohmann's object), so the file is deterministic.
#include "runtime/score/results_json.h"

#include "runtime/score/submission.h"

#include <fstream>
#include <stdexcept>

namespace battc::runtime {

namespace {

using nlohmann::json;

json failures_json(const RunSummary& s) {
  json out = json::object();
  for (const auto& [name, n] : failures_by_reason(s)) out[name] = n;
  return out;
}

// A failed evaluation: why, and where when the run knows its statements:
// "empty container at solvers.py:861 (first)". One string, not an object: a
// cross product has a hundred thousand of them, and results.json's size is
// its writing time.
std::string failure_text(const RunResult& run, int p, const EvalRecord& r) {
  std::string out = dsl::why_name(r.reason());
  if (const StatementSite* site = failed_statement(run, p, r)) out += " at " + site->at + " (" + site->callee + ")";
  return out;
}

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
              {"skipped", s.skipped},
              {"partial", s.partial},
              {"evaluation", s.until_train_fails ? "until-train-fails" : "all"},
              {"near_misses", s.near_misses},
              {"failures", failures_json(s)},
              {"seconds", s.seconds}};
}

json program_json(const RunResult& run, const TaskResult& task, const ProgramScore& score, int p) {
  json status = json::array(), match = json::array(), values = json::array(), failures = json::array();
  bool differ = run.is_differ[p] != 0, failed = false;
  for (const SampleResult& s : task.samples) {
    const EvalRecord* r = s.evals.empty() || !s.evals[p].evaluated() ? nullptr : &s.evals[p];
    bool skipped = !s.evals.empty() && s.evals[p].skipped();
    status.push_back(r ? json(dsl::status_name(r->st())) : skipped ? json("skipped") : json(nullptr));
    failures.push_back(r && !r->ok() ? json(failure_text(run, p, *r)) : json(nullptr));
    failed |= r && !r->ok();
    match.push_back(r && s.has_expected ? json(r->matches() ? 1 : 0) : json(nullptr));
    if (differ) {
      bool has_text = r && r->ok() && !s.texts.empty() && !s.texts[p].empty();
      values.push_back(has_text ? json::parse(s.texts[p], nullptr, false) : json(nullptr));
    }
  }
  json out{{"solved", score.solved}, {"train_matched", score.train_matched}, {"status", std::move(status)},
           {"match", std::move(match)}};
  if (failed) out["failures"] = std::move(failures);  // per sample: null, or why and where it failed
  if (differ) {
    out["differ"] = true;
    out["values"] = std::move(values);
  }
  return out;
}

// The task's best programs (TaskScore::ranked), with their predictions on
// the test inputs: what a report shows, and how close an unsolved task came.
json best_json(const RunResult& run, const TaskResult& task, const TaskScore& ts) {
  json best = json::array();
  for (std::size_t i = 0; i < ts.ranked.size() && i < kBestKept; ++i) {
    int p = ts.ranked[i];
    const ProgramScore& s = ts.programs[p];
    json predictions = json::array();
    for (const SampleResult& sample : task.samples) {
      if (!sample.is_test) continue;
      const EvalRecord* r = sample.evals.empty() ? nullptr : &sample.evals[p];
      predictions.push_back(r && r->ok() && r->grid >= 0 ? grid_json(sample.grids[r->grid]) : json(nullptr));
    }
    best.push_back({{"program", run.programs[p]},
                    {"solved", s.solved},
                    {"train_matched", s.train_matched},
                    {"test_matched", s.test_matched},
                    {"test_known", s.test_known},
                    {"predictions", std::move(predictions)}});
  }
  return best;
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
    const TaskScore& ts = scores.tasks[t];
    tasks[task.id] = json{{"samples", std::move(samples)},     {"solved_by", std::move(solved_by)},
                          {"programs", std::move(programs)},   {"train_pairs", ts.train_pairs},
                          {"near_miss", ts.near_miss()},       {"best", best_json(run, task, ts)}};
  }
  return json{{"format", "battc-results/1"}, {"summary", summary_json(summary)}, {"tasks", std::move(tasks)}};
}

void write_results_file(const std::filesystem::path& file, const RunResult& run, const Scores& scores,
                        const RunSummary& summary, const json& inputs) {
  json j = results_json(run, scores, summary);
  if (!inputs.is_null()) j["inputs"] = inputs;
  write_results_json(file, j);
}

void write_results_json(const std::filesystem::path& file, const json& results) {
  std::ofstream out(file, std::ios::binary);
  if (!out) throw std::runtime_error(file.string() + ": cannot open for writing");
  out << results.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  out.flush();
  if (!out) throw std::runtime_error(file.string() + ": write failed");
}

}  // namespace battc::runtime
