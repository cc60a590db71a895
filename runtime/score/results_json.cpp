// runtime/score/results_json.cpp: writes results.json's text directly, keys in
// sorted order, byte for byte what nlohmann's compact dump of the same object
// gives (a DOM of a cross product took longer to build, write and free than
// the run took to decide it); results_json() parses that text, so there is
// one writer.
#include "runtime/score/results_json.h"

#include "runtime/score/submission.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string_view>
#include <vector>

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

// Appends s as JSON, exactly as nlohmann's compact dump writes it (no ASCII
// escaping, invalid UTF-8 replaced): printable ASCII directly, anything else
// through nlohmann.
void put_string(std::string& out, std::string_view s) {
  bool plain = true;
  for (char ch : s) plain = plain && ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\';
  if (!plain) {
    out += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  out += '"';
  out += s;
  out += '"';
}

void put_number(std::string& out, long long v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

// One paired program of a task. The bulk of results.json (a cross product
// has a hundred thousand of these), so it is written by hand, keys in sorted
// order as nlohmann's object would put them.
void put_program(std::string& out, const RunResult& run, const TaskResult& task, const ProgramScore& score, int p) {
  bool differ = run.is_differ[p] != 0;
  std::string status = "[", match = "[", failures = "[", values = "[";
  bool failed = false;
  for (std::size_t i = 0; i < task.samples.size(); ++i) {
    const SampleResult& s = task.samples[i];
    const char* sep = i ? "," : "";
    status += sep, match += sep, failures += sep, values += sep;
    const EvalRecord* r = s.evals.empty() || !s.evals[p].evaluated() ? nullptr : &s.evals[p];
    bool skipped = !s.evals.empty() && s.evals[p].skipped();
    if (r)
      put_string(status, dsl::status_name(r->st()));
    else
      status += skipped ? "\"skipped\"" : "null";
    if (r && !r->ok()) {
      put_string(failures, failure_text(run, p, *r));
      failed = true;
    } else {
      failures += "null";
    }
    match += r && s.has_expected ? (r->matches() ? "1" : "0") : "null";
    if (differ) {
      bool has_text = r && r->ok() && !s.texts.empty() && !s.texts[p].empty();
      values += has_text ? json::parse(s.texts[p], nullptr, false).dump(-1, ' ', false, json::error_handler_t::replace)
                         : "null";
    }
  }
  out += '{';
  if (differ) out += "\"differ\":true,";
  if (failed) out += "\"failures\":" + failures + "],";  // per sample: null, or why and where it failed
  out += "\"match\":" + match + "],\"solved\":";
  out += score.solved ? "true" : "false";
  out += ",\"status\":" + status + "],\"train_matched\":";
  put_number(out, score.train_matched);
  if (differ) out += ",\"values\":" + values + ']';
  out += '}';
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

std::string results_text(const RunResult& run, const Scores& scores, const RunSummary& summary,
                         const json& inputs) {
  auto dump = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
  // An object's keys ascend, and a repeated key keeps its last value: each
  // name with its indices, ascending.
  auto sorted = [](std::size_t n, auto name) {
    std::map<std::string_view, std::vector<std::size_t>> by_name;
    for (std::size_t i = 0; i < n; ++i) by_name[name(i)].push_back(i);
    return by_name;
  };
  auto programs = sorted(run.programs.size(), [&](std::size_t p) -> std::string_view { return run.programs[p]; });
  auto tasks = sorted(run.tasks.size(), [&](std::size_t t) -> std::string_view { return run.tasks[t].id; });

  std::string out = "{\"format\":\"battc-results/1\",";
  if (!inputs.is_null()) out += "\"inputs\":" + dump(inputs) + ',';
  out += "\"summary\":" + dump(summary_json(summary)) + ",\"tasks\":{";
  bool first_task = true;
  for (const auto& [id, indices] : tasks) {
    std::size_t t = indices.back();
    const TaskResult& task = run.tasks[t];
    const TaskScore& ts = scores.tasks[t];
    if (!first_task) out += ',';
    first_task = false;
    put_string(out, id);
    out += ":{\"best\":" + dump(best_json(run, task, ts)) + ",\"near_miss\":";
    out += ts.near_miss() ? "true" : "false";
    out += ",\"programs\":{";
    bool first_program = true;
    for (const auto& [name, indices] : programs) {
      auto last = std::find_if(indices.rbegin(), indices.rend(), [&](std::size_t p) { return task.want[p]; });
      if (last == indices.rend()) continue;
      std::size_t p = *last;
      if (!first_program) out += ',';
      first_program = false;
      put_string(out, name);
      out += ':';
      put_program(out, run, task, ts.programs[p], int(p));
    }
    out += "},\"samples\":[";
    for (std::size_t i = 0; i < task.samples.size(); ++i) {
      if (i) out += ',';
      put_string(out, task.samples[i].name());
    }
    out += "],\"solved_by\":[";
    for (std::size_t i = 0; i < ts.solved_by.size(); ++i) {
      if (i) out += ',';
      put_string(out, run.programs[ts.solved_by[i]]);
    }
    out += "],\"train_pairs\":";
    put_number(out, ts.train_pairs);
    out += '}';
  }
  out += "}}";
  return out;
}

json results_json(const RunResult& run, const Scores& scores, const RunSummary& summary) {
  return json::parse(results_text(run, scores, summary));
}

void write_results_text(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  if (!out) throw std::runtime_error(file.string() + ": cannot open for writing");
  out << text << '\n';
  out.flush();
  if (!out) throw std::runtime_error(file.string() + ": write failed");
}

}  // namespace battc::runtime
