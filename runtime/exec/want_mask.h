// runtime/exec/want_mask.h: which of a batt's programs run on which task and
// sample. By name, solve_<id> and differ_<id> meet only task <id>; a differ
// never runs on a sample whose output is unknown (it would have no C).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/abi/batt_abi.h"
#include "runtime/exec/exec_options.h"

namespace battc::runtime {

// canonical_ref's rule: the part of the name after the first '_' is the id;
// battc also pairs <prefix>_<id>_<n> (n decimal digits) with task <id>, the
// names of several programs for one task (search exports them so).
bool program_named_for(const std::string& program, const std::string& task_id);

// Per program, 1 when it is paired with the task.
std::vector<std::uint8_t> task_want_mask(const abi::BattInfo& info, const std::string& task_id, Pairing pairing);

// The task's mask less the differs when the sample's output is unknown.
std::vector<std::uint8_t> sample_want_mask(const abi::BattInfo& info, const std::vector<std::uint8_t>& task_mask,
                                           bool has_expected);

}  // namespace battc::runtime
