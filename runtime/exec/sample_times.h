// runtime/exec/sample_times.h: where a CPU run's time went, per sample: the
// slowest samples (one batt call each, with its re-runs) and how much of all
// sample time the slowest 0.1% of them took. A few runaway evaluations
// show up here as a large share in a handful of samples.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "runtime/exec/run_result.h"

namespace battc::runtime {

struct SampleTime {
  std::string task, sample;
  double seconds = 0;
  std::size_t evaluations = 0;  // records evaluated on the sample
};

struct SampleTimes {
  double total_seconds = 0;      // summed over samples (all workers)
  std::size_t samples = 0;       // samples that ran at least one program
  double slowest_permille_share = 0;  // share of total_seconds in the slowest 0.1% (at least one sample)
  std::vector<SampleTime> slowest;    // the slowest, slowest first
};

SampleTimes sample_times(const RunResult& run, std::size_t keep = 10);

}  // namespace battc::runtime
