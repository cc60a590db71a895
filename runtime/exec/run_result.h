// runtime/exec/run_result.h: what an execution leaves for scoring and the
// output files: per (task, sample, program) a compact record, the distinct
// grids test samples produced, and value texts where they were kept.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "dsl/ctx.h"
#include "runtime/tasks/grid_data.h"

namespace battc::runtime {

struct EvalRecord {
  static constexpr std::uint8_t kEvaluated = 1;  // the program ran on this sample
  static constexpr std::uint8_t kIsGrid = 2;     // it returned a Grid
  static constexpr std::uint8_t kMatches = 4;    // ok, a Grid, equal to the known output
  static constexpr std::uint8_t kRerun = 8;      // re-run after an arena shortfall in the batt
  // Not run: the program already missed a train pair of this task
  // (Evaluation::UntilTrainFails).
  static constexpr std::uint8_t kSkipped = 16;
  // With ExecOptions::grid_stats: an ok grid of the known output's shape.
  static constexpr std::uint8_t kShapeRight = 32;

  std::uint8_t status = 0;  // dsl::Status
  std::uint8_t flags = 0;
  std::uint16_t stmt = 0;   // failed: the index of the first failing statement in the program
  std::int32_t grid = -1;   // index into SampleResult::grids (test samples, ok grids)
  // With ExecOptions::grid_stats, for an ok grid: its hash (0 otherwise) and
  // how many of its cells equal the known output's (0 unless the shapes agree;
  // at most 900, a task's grids being at most 30x30).
  std::uint16_t cells_equal = 0;
  // With ExecOptions::completions, for an ok non-grid value: the margins by
  // which the known output, a part of the input, extends the value's
  // bounding box (crop_margins of completion_check.h; 0 for none).
  std::uint16_t crop_margins = 0;
  std::uint8_t why = 0;     // failed: the dsl::Why of that statement
  // With ExecOptions::completions, for an ok non-grid value: the last calls
  // that would make it the known output (kCompletes* of completion_check.h).
  std::uint8_t completes = 0;
  // With it: per colour c (bit c), whether fill(., c, v) makes exactly the
  // cells that became c (CompletionFlags::fill_colours).
  std::uint16_t fill_colours = 0;
  std::uint64_t hash = 0;

  bool evaluated() const { return flags & kEvaluated; }
  bool is_grid() const { return flags & kIsGrid; }
  bool matches() const { return flags & kMatches; }
  bool rerun() const { return flags & kRerun; }
  bool skipped() const { return flags & kSkipped; }
  bool shape_right() const { return flags & kShapeRight; }
  dsl::Status st() const { return dsl::Status(status); }
  dsl::Why reason() const { return dsl::Why(why); }
  bool ok() const { return evaluated() && st() == dsl::Status::Ok; }
};
// A search round holds one per program per sample (millions in an
// enumeration level): keep it at 24 bytes.
static_assert(sizeof(EvalRecord) == 24);

struct SampleResult {
  bool is_test = false;
  int index = 0;              // within train or test
  bool has_expected = false;  // the output is known
  std::vector<EvalRecord> evals;   // one per program; empty when the task pairs none
  std::vector<std::string> texts;  // per program, dump JSON of the value ("" none); empty if none kept
  std::vector<GridData> grids;     // distinct grids returned on a test sample
  // grids' index by hash (intern_grid): a search round returns thousands of
  // distinct grids on a test sample, and a scan per grid made interning
  // quadratic (a tenth of an enumeration round's time).
  std::unordered_map<std::uint64_t, int> grid_at;
  float seconds = 0;               // CPU: wall time of its batt call and re-runs

  std::string name() const { return (is_test ? "test/" : "train/") + std::to_string(index); }
};

struct TaskResult {
  std::string id;
  std::vector<std::uint8_t> want;     // per program: paired with this task
  std::vector<SampleResult> samples;  // train samples, then test samples
};

// A program statement, for saying where an evaluation failed: the file and
// line it was written at ("solvers.py:12") and what it calls ("objects", or
// the variable holding the function). Statements the parser made for nested
// calls have their own entries, at the nested call.
struct StatementSite {
  std::string at;
  std::string callee;
};

struct RunResult {
  std::vector<std::string> programs;       // the batt's programs, in its order
  // Per program, its statements in order (EvalRecord::stmt indexes them);
  // empty when the caller did not give them (an entry without a batt).
  std::vector<std::vector<StatementSite>> statements;
  std::vector<std::uint8_t> is_differ;     // per program
  std::vector<TaskResult> tasks;           // in the order given to execute()
  std::uint64_t evaluations = 0;  // (sample, program) evaluations recorded
  std::uint64_t batt_calls = 0;   // battc_eval calls, re-runs included
  std::uint64_t reruns = 0;       // programs re-run after an arena shortfall (sample_eval.h)
  std::uint64_t skipped = 0;      // (sample, program) records marked skipped
  bool until_train_fails = false; // run with Evaluation::UntilTrainFails
  bool partial = false;           // stopped early (ExecOptions::stop): some samples never ran
  double seconds = 0;             // wall time of execute()
};

// The statement a failed evaluation of program p stopped at, or nullptr when
// the run does not know its programs' statements (the dump and results.json
// both say where from it).
inline const StatementSite* failed_statement(const RunResult& run, int p, const EvalRecord& r) {
  if (static_cast<std::size_t>(p) >= run.statements.size() || r.stmt >= run.statements[p].size()) return nullptr;
  return &run.statements[p][r.stmt];
}

}  // namespace battc::runtime
