// runtime/exec/want_mask.cpp: the pairing rules of canonical_ref.py.
#include "runtime/exec/want_mask.h"

namespace battc::runtime {

bool program_named_for(const std::string& program, const std::string& task_id) {
  auto cut = program.find('_');
  if (cut == std::string::npos || program.compare(cut + 1, task_id.size(), task_id) != 0) return false;
  std::size_t tail = cut + 1 + task_id.size();
  if (tail == program.size()) return true;  // solve_<id>
  // solve_<id>_<n>: one of several programs for the task (search's exports).
  if (program[tail] != '_' || tail + 1 == program.size()) return false;
  for (std::size_t i = tail + 1; i < program.size(); ++i)
    if (program[i] < '0' || program[i] > '9') return false;
  return true;
}

std::vector<std::uint8_t> task_want_mask(const abi::BattInfo& info, const std::string& task_id, Pairing pairing) {
  std::vector<std::uint8_t> mask(info.n_programs, 1);
  if (pairing == Pairing::ByName)
    for (int p = 0; p < info.n_programs; ++p) mask[p] = program_named_for(info.program_names[p], task_id);
  return mask;
}

std::vector<std::uint8_t> sample_want_mask(const abi::BattInfo& info, const std::vector<std::uint8_t>& task_mask,
                                           bool has_expected) {
  std::vector<std::uint8_t> mask = task_mask;
  if (!has_expected)
    for (int p = 0; p < info.n_programs; ++p)
      if (info.program_is_differ[p]) mask[p] = 0;
  return mask;
}

}  // namespace battc::runtime
