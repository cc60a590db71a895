// runtime/score/run_diff.h: what changed between two runs, for golden-output
// regression (battc diff, battc run --expect) and for the reference
// comparison (--failures-equal: error, budget and timeout count as one). A
// run is an output folder (results.json, and dump.jsonl when the folder has
// one), a results.json file or an evaluation dump (JSON lines).
#pragma once

#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

namespace battc::runtime {

struct RunRecords {
  std::string source;        // what it was read from, for messages
  bool has_results = false;  // results.json was read: which programs solve which task
  bool has_values = false;   // a dump was read: every evaluation's value
  std::map<std::string, std::vector<std::string>> solved_by;  // task -> programs (sorted); solved tasks only
  struct Eval {
    std::string status;  // "ok", "error", "budget", "timeout" (the reference's)
    std::string value;   // the dump's JSON text of the value ("" without a dump or when failed)
    int match = -1;      // results.json's match: 1, 0, -1 unknown
  };
  using Key = std::tuple<std::string, std::string, std::string>;  // task, sample ("test/0"), program
  std::map<Key, Eval> evals;
  // Evaluations results.json marks "skipped" (a run that stopped each
  // program on a task at its first train miss): neither compared nor missing.
  std::set<Key> skipped;
};

// Reads a folder, a results.json or a dump; throws std::runtime_error with a
// message naming the path when it is none of them or is malformed.
RunRecords load_run_records(const std::string& path);

// From a results object and dump lines (a run in memory: --expect).
RunRecords run_records(const nlohmann::json& results, const std::vector<std::string>& dump_lines,
                       const std::string& source);

struct EvalChange {
  std::string task, sample, program;
  std::string kind;  // "status", "value", "match", "only in A", "only in B"
  std::string a, b;  // statuses (or "" where absent)
  std::string detail;  // the first differing cell or value, for "value"
};

struct RunDiff {
  std::string a, b;  // sources
  std::vector<std::pair<std::string, std::vector<std::string>>> newly_solved, no_longer_solved;
  std::vector<EvalChange> changes;  // sorted by program, task, sample
  std::size_t compared = 0;         // evaluations present in both
  std::size_t skipped = 0;          // in one run, skipped by the other: not compared
  bool solved_compared = false;     // both sides had results.json
  bool equal() const { return newly_solved.empty() && no_longer_solved.empty() && changes.empty(); }
};

struct DiffOptions {
  bool failures_equal = false;  // error, budget and timeout are one status
};

RunDiff diff_runs(const RunRecords& a, const RunRecords& b, const DiffOptions& options = {});

// The text for a person: solved changes, then up to `show` changed
// evaluations grouped by program, then one line saying equal or how many differ.
std::string render_diff(const RunDiff& d, std::size_t show = 20);

nlohmann::json diff_json(const RunDiff& d);

}  // namespace battc::runtime
