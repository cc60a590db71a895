// runtime/cli/doctor_cmd.cpp: battc doctor: api::doctor printed, one line an
// item. Exit 0 when a CPU run can work (the GPU is optional), 1 otherwise.
#include <fmt/core.h>

#include <memory>
#include <string>

#include "runtime/api/doctor.h"
#include "runtime/cli/commands.h"

namespace battc::runtime {

namespace {

std::string mode_line(const std::string& mode) {
  if (mode == "compiler") return "compiler JIT (prebuilt spec packs first, new shapes compiled here)";
  if (mode == "prebuilt")
    return "prebuilt spec packs only (no C++ compiler: a run needing another shape is refused, a search skips it)";
  return "none (no C++ compiler and no prebuilt spec packs)";
}

}  // namespace

void add_doctor_command(CLI::App& app) {
  auto cache_dir = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("doctor", "Show what battc found: install, compiler, CUDA libraries, GPUs, cache");
  cmd->add_option("--cache-dir", *cache_dir, "Compiled-unit cache (default: $BATTC_CACHE_DIR or ~/.cache/battc)");
  cmd->callback([cache_dir] {
    auto report = api::doctor(*cache_dir);
    for (const auto& i : report.items)
      fmt::print("{:<4} {:<24} {}\n", i.ok ? "ok" : (i.needed ? "FAIL" : "no"), i.name, i.detail);
    fmt::print("statement shapes: {}\n", mode_line(report.mode));
    fmt::print("CPU runs: {}; GPU runs: {}\n", report.cpu_ready ? "ready" : "not ready (see FAIL above)",
               report.gpu_ready ? "ready" : "not available (see \"no\" above)");
    set_exit_code(report.cpu_ready ? 0 : 1);
  });
}

}  // namespace battc::runtime
