// runtime/exec/gpu_model.cpp
#include "runtime/exec/gpu_model.h"

#include <charconv>

namespace battc::runtime {

namespace {
constexpr std::uint64_t kGB = 1000ull * 1000 * 1000;
constexpr std::uint64_t kContextBytes = 512ull << 20;  // a CUDA context and its module, about
}  // namespace

std::uint64_t fresh_process_free_bytes(std::uint64_t total_bytes) {
  return total_bytes > kContextBytes ? total_bytes - kContextBytes : 0;
}

std::uint64_t GpuModel::free_bytes() const { return fresh_process_free_bytes(memory_bytes); }

const std::vector<GpuModel>& gpu_models() {
  static const std::vector<GpuModel> models = {
      {"t4", "NVIDIA T4 16GB", 40, 16 * kGB, "sm_75"},
      {"p100", "NVIDIA Tesla P100 16GB", 56, 16 * kGB, "sm_60"},
      {"l4", "NVIDIA L4 24GB", 58, 24 * kGB, "sm_89"},
      {"a100", "NVIDIA A100 SXM 80GB", 108, 80 * kGB, "sm_80"},
      {"h100", "NVIDIA H100 SXM 80GB", 132, 80 * kGB, "sm_90"},
  };
  return models;
}

std::optional<GpuModel> parse_gpu_model(const std::string& spec) {
  std::string name = spec;
  int count = 1;
  if (auto x = spec.rfind('x'); x != std::string::npos && x + 1 < spec.size()) {
    const char* b = spec.data() + x + 1;
    const char* e = spec.data() + spec.size();
    auto [p, ec] = std::from_chars(b, e, count);
    if (ec != std::errc() || p != e || count < 1 || count > 16) return std::nullopt;
    name = spec.substr(0, x);
  }
  for (GpuModel m : gpu_models())
    if (m.name == name) {
      m.count = count;
      if (count > 1) m.name = spec;
      return m;
    }
  return std::nullopt;
}

std::string gpu_model_names() {
  std::string s;
  for (const GpuModel& m : gpu_models()) s += (s.empty() ? "" : ", ") + m.name;
  return s + " (NAMExN for N of them, e.g. t4x2)";
}

}  // namespace battc::runtime
