// runtime/score/dump_writer.h: the evaluation dump (--dump-outputs): one JSON
// line per evaluation in canonical_ref.py's order (tasks by id, programs by
// name, samples train/0.. then test/0..) and format, `budget` for `timeout`.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "runtime/exec/run_result.h"
#include "runtime/tasks/task.h"

namespace battc::runtime {

// Evaluations not run (unpaired programs, differs without a known output)
// have no line. "value" is written when the status is ok and the value's text
// was kept (ExecOptions::dump); failing that, from a kept test grid.
void write_dump(std::ostream& out, const RunResult& run);

// The dump written while the run goes on (ExecOptions::task_done): a task's
// lines go out once it and every task before it by id are done, and its
// values' texts are then freed (differs' are kept for results.json). The
// file is what write_dump gives for the finished run, and the run no longer
// holds every value's text at once (a cross product's 800 MB).
class DumpStream {
 public:
  // meta: the run's programs (names, statements, is_differ) as execute()
  // will report them; tasks: what execute() is given. Throws when the file
  // cannot be opened.
  DumpStream(const std::filesystem::path& file, RunResult meta, const std::vector<Task>& tasks);
  // Task t is done (every sample): from any thread.
  void task_done(std::size_t t, TaskResult& task);
  // After the run: writes the tasks not yet written (all of them, for a run
  // that never called task_done) and flushes; throws when writing failed.
  void finish(RunResult& run);

 private:
  void write(TaskResult& task);

  std::filesystem::path file_;
  std::ofstream out_;
  RunResult meta_;
  std::vector<int> programs_;        // program indices by name
  std::vector<int> order_;           // task indices by id
  std::vector<TaskResult*> done_;    // per task, once done
  std::size_t next_ = 0;             // order_[next_] is the next to write
  bool writing_ = false;
  std::string buffer_;
  std::mutex mu_;
};

}  // namespace battc::runtime
