// runtime/score/dump_writer.cpp: keys in canonical_ref's order: task, sample,
// program, status, value; compact separators. A failed evaluation has keys
// of battc's own after those: reason, at (file:line), primitive.
#include "runtime/score/dump_writer.h"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <stdexcept>
#include <string>

#include "runtime/score/json_text.h"

namespace battc::runtime {

namespace {

std::vector<int> order_by(const std::vector<std::string>& names) {
  std::vector<int> idx(names.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return names[a] < names[b]; });
  return idx;
}

// A failed evaluation's extra keys, after the reference's: why it failed,
// and where (the statement and its callee) when the run knows its programs'
// statements.
void append_failure(std::string& line, const RunResult& run, int p, const EvalRecord& r) {
  line += ",\"reason\":\"";
  line += dsl::why_name(r.reason());
  line += '"';
  const StatementSite* site = failed_statement(run, p, r);
  if (!site) return;
  line += ",\"at\":";
  line += json_string(site->at);
  line += ",\"primitive\":";
  line += json_string(site->callee);
}

void write_task(std::ostream& out, const RunResult& run, const TaskResult& task, const std::vector<int>& programs) {
  std::string task_key = "{\"task\":" + json_string(task.id) + ",\"sample\":\"";
  std::string line;
  for (int p : programs) {
    if (!task.want[p]) continue;
    std::string program = json_string(run.programs[p]);
    for (const SampleResult& s : task.samples) {
      if (s.evals.empty() || !s.evals[p].evaluated()) continue;
      const EvalRecord& r = s.evals[p];
      line = task_key;
      line += s.name();
      line += "\",\"program\":";
      line += program;
      line += ",\"status\":\"";
      line += dsl::status_name(r.st());
      line += '"';
      if (!r.ok()) {
        append_failure(line, run, p, r);
      } else {
        if (!s.texts.empty() && !s.texts[p].empty()) {
          line += ",\"value\":";
          line += s.texts[p];
        } else if (r.grid >= 0) {
          line += ",\"value\":";
          line += json_grid(s.grids[r.grid]);
        }
      }
      line += "}\n";
      out << line;
    }
  }
}

}  // namespace

void write_dump(std::ostream& out, const RunResult& run) {
  std::vector<std::string> task_ids;
  for (const TaskResult& t : run.tasks) task_ids.push_back(t.id);
  std::vector<int> programs = order_by(run.programs);
  for (int t : order_by(task_ids)) write_task(out, run, run.tasks[t], programs);
}

void write_dump_file(const std::filesystem::path& file, const RunResult& run) {
  std::ofstream out(file, std::ios::binary);
  if (!out) throw std::runtime_error(file.string() + ": cannot open for writing");
  write_dump(out, run);
  out.flush();
  if (!out) throw std::runtime_error(file.string() + ": write failed");
}

}  // namespace battc::runtime
