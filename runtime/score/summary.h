// runtime/score/summary.h: the numbers a run ends with (tasks solved, which
// programs solve which tasks, evaluations by status, time) and their text for
// the terminal.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "runtime/exec/run_result.h"
#include "runtime/score/score.h"

namespace battc::runtime {

struct RunSummary {
  std::size_t tasks = 0;
  std::size_t tasks_paired = 0;  // tasks at least one program ran on
  std::size_t tasks_solved = 0;
  std::size_t programs = 0;  // in the batt (accepted)
  std::size_t differs = 0;
  std::size_t rejected = 0;  // programs the generator rejected (the run API fills it in)
  std::size_t programs_solving = 0;  // programs that solve at least one task
  std::uint64_t evaluations = 0, ok = 0, error = 0, budget = 0;
  // Failed evaluations (error and budget) by reason, indexed by dsl::Why.
  std::array<std::uint64_t, dsl::kWhyCount> failures{};
  std::uint64_t batt_calls = 0, reruns = 0;
  // Records not run: their program had missed a train pair of the task
  // (Evaluation::UntilTrainFails, which until_train_fails says was used).
  std::uint64_t skipped = 0;
  bool until_train_fails = false;
  bool partial = false;  // the run was stopped early: samples that never ran count as unsolved
  double seconds = 0;
  // The phases before the run, when the run API filled them in.
  struct Phases {
    bool known = false;
    double parse = 0, typecheck = 0, generate = 0, compile = 0;
    bool cache_hit = false;
  } phases;
  // Per solved task (sorted by id): the programs solving it, sorted by name.
  std::vector<std::pair<std::string, std::vector<std::string>>> solved;
  std::size_t near_misses = 0;         // every train pair right, a known test output wrong
  std::size_t tests_known = 0;         // test samples whose output is known
  std::size_t unsolved_partly = 0;     // unsolved tasks whose best matched some train pair
  // Per unsolved paired task (sorted by id): its best program and how far it got.
  struct Best {
    std::string task, program;
    int train_matched = 0, train_pairs = 0;
    bool near_miss = false;
  };
  std::vector<Best> best_unsolved;
};

RunSummary summarize_run(const RunResult& run, const Scores& scores);

// The failure reasons that occurred, with their counts, most first.
std::vector<std::pair<std::string, std::uint64_t>> failures_by_reason(const RunSummary& s);

// A few lines; with list_solved, one more line per task: solved ones with
// their programs, unsolved ones with their best program.
std::string render_summary(const RunSummary& s, bool list_solved = false);

}  // namespace battc::runtime
