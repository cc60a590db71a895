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

// The task's lines, appended to `out`.
void append_task(std::string& out, const RunResult& run, const TaskResult& task, const std::vector<int>& programs) {
  std::string task_key = "{\"task\":" + json_string(task.id) + ",\"sample\":\"";
  for (int p : programs) {
    if (!task.want[p]) continue;
    std::string program = json_string(run.programs[p]);
    for (const SampleResult& s : task.samples) {
      if (s.evals.empty() || !s.evals[p].evaluated()) continue;
      const EvalRecord& r = s.evals[p];
      out += task_key;
      out += s.name();
      out += "\",\"program\":";
      out += program;
      out += ",\"status\":\"";
      out += dsl::status_name(r.st());
      out += '"';
      if (!r.ok()) {
        append_failure(out, run, p, r);
      } else {
        if (!s.texts.empty() && !s.texts[p].empty()) {
          out += ",\"value\":";
          out += s.texts[p];
        } else if (r.grid >= 0) {
          out += ",\"value\":";
          out += json_grid(s.grids[r.grid]);
        }
      }
      out += "}\n";
    }
  }
}

// Indices of `tasks` (Task or TaskResult) in the dump's order: by id.
template <class T>
std::vector<int> task_order(const std::vector<T>& tasks) {
  std::vector<std::string> ids;
  for (const T& t : tasks) ids.push_back(t.id);
  return order_by(ids);
}

}  // namespace

void write_dump(std::ostream& out, const RunResult& run) {
  std::vector<int> programs = order_by(run.programs);
  std::string text;
  for (int t : task_order(run.tasks)) {
    text.clear();
    append_task(text, run, run.tasks[t], programs);
    out << text;
  }
}

DumpStream::DumpStream(const std::filesystem::path& file, RunResult meta, const std::vector<Task>& tasks)
    : file_(file),
      out_(file, std::ios::binary),
      meta_(std::move(meta)),
      programs_(order_by(meta_.programs)),
      order_(task_order(tasks)),
      done_(tasks.size(), nullptr) {
  if (!out_) throw std::runtime_error(file.string() + ": cannot open for writing");
}

void DumpStream::task_done(std::size_t t, TaskResult& task) {
  std::unique_lock lock(mu_);
  done_[t] = &task;
  if (writing_) return;  // the thread writing now takes this one too, in its turn
  writing_ = true;
  while (next_ < order_.size() && done_[order_[next_]]) {
    TaskResult& ready = *done_[order_[next_++]];
    lock.unlock();
    write(ready);
    lock.lock();
  }
  writing_ = false;
}

void DumpStream::write(TaskResult& task) {
  buffer_.clear();
  append_task(buffer_, meta_, task, programs_);
  out_ << buffer_;
  // Written: the values' texts are not needed again (differs' are, for
  // results.json), and freeing them lets the next tasks reuse the memory.
  for (SampleResult& s : task.samples)
    for (std::size_t p = 0; p < s.texts.size(); ++p)
      if (p >= meta_.is_differ.size() || !meta_.is_differ[p]) std::string().swap(s.texts[p]);
}

void DumpStream::finish(RunResult& run) {
  for (; next_ < order_.size(); ++next_) write(run.tasks[order_[next_]]);
  out_.flush();
  if (!out_) throw std::runtime_error(file_.string() + ": write failed");
}

}  // namespace battc::runtime
