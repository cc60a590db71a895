// runtime/score/summary.cpp: counting over the records, and the text.
#include "runtime/score/summary.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace battc::runtime {

RunSummary summarize_run(const RunResult& run, const Scores& scores) {
  RunSummary s;
  s.tasks = run.tasks.size();
  s.tasks_solved = scores.tasks_solved;
  s.programs = run.programs.size();
  for (auto d : run.is_differ) s.differs += d != 0;
  s.batt_calls = run.batt_calls;
  s.reruns = run.reruns;
  s.until_train_fails = run.until_train_fails;
  s.partial = run.partial;
  s.seconds = run.seconds;
  std::vector<std::uint8_t> solving(run.programs.size(), 0);
  for (std::size_t t = 0; t < run.tasks.size(); ++t) {
    const TaskResult& task = run.tasks[t];
    bool paired = false;
    for (const SampleResult& sample : task.samples)
      for (const EvalRecord& r : sample.evals) {
        s.skipped += r.skipped();
        if (!r.evaluated()) continue;
        paired = true;
        ++s.evaluations;
        switch (r.st()) {
          case dsl::Status::Ok: ++s.ok; break;
          case dsl::Status::Error: ++s.error; break;
          case dsl::Status::Budget: ++s.budget; break;
        }
        if (!r.ok() && r.why < s.failures.size()) ++s.failures[r.why];
      }
    s.tasks_paired += paired;
    for (const SampleResult& sample : task.samples) s.tests_known += sample.is_test && sample.has_expected;
    const TaskScore& ts = scores.tasks[t];
    if (ts.solved_by.empty()) {
      if (ts.ranked.empty()) continue;
      int b = ts.ranked.front();
      s.best_unsolved.push_back({task.id, run.programs[b], ts.programs[b].train_matched, ts.train_pairs, ts.near_miss()});
      s.unsolved_partly += ts.programs[b].train_matched > 0;
      continue;
    }
    auto& [id, names] = s.solved.emplace_back(task.id, std::vector<std::string>{});
    for (int p : scores.tasks[t].solved_by) {
      names.push_back(run.programs[p]);
      solving[p] = 1;
    }
    std::sort(names.begin(), names.end());
  }
  std::sort(s.solved.begin(), s.solved.end());
  std::sort(s.best_unsolved.begin(), s.best_unsolved.end(),
            [](const RunSummary::Best& a, const RunSummary::Best& b) { return a.task < b.task; });
  s.near_misses = scores.near_misses;
  for (auto v : solving) s.programs_solving += v;
  return s;
}

std::vector<std::pair<std::string, std::uint64_t>> failures_by_reason(const RunSummary& s) {
  std::vector<std::pair<std::string, std::uint64_t>> out;
  for (std::size_t w = 0; w < s.failures.size(); ++w)
    if (s.failures[w]) out.emplace_back(dsl::why_name(dsl::Why(w)), s.failures[w]);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

namespace {

// "empty container 1200, index out of range 40, ..." (most first), or "".
std::string failure_counts(const RunSummary& s) {
  std::string out;
  for (const auto& [name, n] : failures_by_reason(s)) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, n);
  return out;
}

}  // namespace

std::string render_summary(const RunSummary& s, bool list_solved) {
  std::string out;
  if (s.partial)
    out += "PARTIAL: the run was interrupted; samples that never ran count as unsolved\n";
  double pct = s.tasks ? 100.0 * double(s.tasks_solved) / double(s.tasks) : 0.0;
  out += fmt::format("tasks solved: {}/{} ({:.1f}%){}, {} with a paired program\n", s.tasks_solved, s.tasks, pct,
                     s.tests_known ? "" : " (train only: no test outputs)", s.tasks_paired);
  if (!s.best_unsolved.empty())
    out += fmt::format("unsolved: {} near misses (every train pair right, a test output wrong), {} more with some "
                       "train pairs right, {} with none\n",
                       s.near_misses, s.unsolved_partly - s.near_misses, s.best_unsolved.size() - s.unsolved_partly);
  out += fmt::format("programs: {} accepted ({} differs), {} rejected, {} solve a task\n", s.programs, s.differs,
                     s.rejected, s.programs_solving);
  out += fmt::format("evaluations: {} (ok {}, error {}, budget {}) in {} batt calls, {} re-run alone\n",
                     s.evaluations, s.ok, s.error, s.budget, s.batt_calls, s.reruns);
  if (std::string f = failure_counts(s); !f.empty()) out += "failures: " + f + "\n";
  if (s.until_train_fails)
    out += fmt::format("skipped: {} evaluations of programs that had missed a train pair of the task "
                       "(--evaluate all runs them)\n",
                       s.skipped);
  double rate = s.seconds > 0 ? double(s.evaluations) / s.seconds : 0.0;
  std::string before;
  if (s.phases.known)
    before = fmt::format("parse {:.2f} s, typecheck {:.2f} s, generate {:.2f} s, compile {:.2f} s{}, ", s.phases.parse,
                         s.phases.typecheck, s.phases.generate, s.phases.compile,
                         s.phases.cache_hit ? " (cache hit)" : "");
  out += fmt::format("time: {}run {:.3f} s ({:.0f} evaluations/s)\n", before, s.seconds, rate);
  if (list_solved) {
    for (const auto& [task, programs] : s.solved) out += fmt::format("  {}: {}\n", task, fmt::join(programs, " "));
    for (const auto& b : s.best_unsolved)
      out += fmt::format("  {} unsolved{}: best {} ({}/{} train pairs)\n", b.task, b.near_miss ? " (near miss)" : "",
                         b.program, b.train_matched, b.train_pairs);
  }
  return out;
}

}  // namespace battc::runtime
