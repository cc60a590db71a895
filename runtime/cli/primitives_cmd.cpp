// runtime/cli/primitives_cmd.cpp: `battc primitives [--json]`, the primitive
// table with arc-dsl's type names.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "runtime/cli/commands.h"
#include "generator/types/primitive_table.h"

using battc::generator::primitive_table;

namespace battc::runtime {
namespace {
int g_exit_code = 0;
}

int last_exit_code() { return g_exit_code; }
void set_exit_code(int code) { g_exit_code = code; }

void add_primitives_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("primitives", "List the DSL primitives and their signatures");
  static bool json = false;
  cmd->add_flag("--json", json, "Print a JSON array of {name, signature, params, returns}");
  cmd->callback([] {
    const auto& table = primitive_table();
    if (json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& p : table) {
        nlohmann::json params = nlohmann::json::array();
        for (const auto& q : p.params) params.push_back({{"name", q.name}, {"type", q.type}});
        out.push_back({{"name", p.name}, {"signature", p.signature()}, {"params", params}, {"returns", p.returns}});
      }
      fmt::print("{}\n", out.dump(2));
    } else {
      for (const auto& p : table) fmt::print("{:<14} {}\n", p.name, p.signature());
      fmt::print("{} primitives\n", table.size());
    }
  });
}

}  // namespace battc::runtime
