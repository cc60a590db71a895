// runtime/score/dump_writer.h: the evaluation dump (--dump-outputs): one JSON
// line per evaluation in canonical_ref.py's order (tasks by id, programs by
// name, samples train/0.. then test/0..) and format, `budget` for `timeout`.
#pragma once

#include <filesystem>
#include <ostream>

#include "runtime/exec/run_result.h"

namespace battc::runtime {

// Evaluations not run (unpaired programs, differs without a known output)
// have no line. "value" is written when the status is ok and the value's text
// was kept (ExecOptions::dump); failing that, from a kept test grid.
void write_dump(std::ostream& out, const RunResult& run);

// The same into a file; throws std::runtime_error when it cannot be written.
void write_dump_file(const std::filesystem::path& file, const RunResult& run);

}  // namespace battc::runtime
