// runtime/exec/gpu_model.h: named GPUs for plans made on a machine without
// them (`battc run --dry-run --gpu-model h100`): what the executor's planning
// reads of a device (multiprocessors, memory, architecture), taken from the
// vendor's specifications of the usual cloud and Kaggle parts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace battc::runtime {

struct GpuModel {
  std::string name;  // "h100"
  std::string part;  // "NVIDIA H100 SXM 80GB"
  int multiprocessors = 0;
  std::uint64_t memory_bytes = 0;
  std::string arch;  // the cubin it runs, "sm_90"
  int count = 1;     // devices ("t4x2": Kaggle's two T4s)
  // Free memory a fresh process sees: the total less the CUDA context.
  std::uint64_t free_bytes() const;
};

// A device's free memory as a fresh process sees it: its total less the
// CUDA context (the planner's estimate; the executor measures it).
std::uint64_t fresh_process_free_bytes(std::uint64_t total_bytes);

const std::vector<GpuModel>& gpu_models();

// "h100", "t4x2" (NAME or NAMExCOUNT, COUNT 1..16); nullopt when unknown.
std::optional<GpuModel> parse_gpu_model(const std::string& spec);

// "t4, p100, l4, a100, h100" for messages and --help.
std::string gpu_model_names();

}  // namespace battc::runtime
