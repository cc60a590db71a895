// runtime/cli/primitives_cmd.cpp: `battc primitives [--json] [--dialect D]
// [--constants]`: a dialect's primitive table (arc-dsl's type names) or its
// named constants.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "generator/dialect/dialect.h"
#include "generator/types/constants.h"
#include "runtime/cli/commands.h"

namespace battc::runtime {
namespace {
int g_exit_code = 0;
}

int last_exit_code() { return g_exit_code; }
void set_exit_code(int code) { g_exit_code = code; }

namespace {

std::string constant_text(const generator::ConstantValue& v) {
  using K = generator::ConstantValue::Kind;
  if (v.kind == K::Bool) return v.a ? "True" : "False";
  if (v.kind == K::Int) return std::to_string(v.a);
  return fmt::format("({}, {})", v.a, v.b);
}

struct PrimitivesOptions {
  bool json = false;
  bool constants = false;
  std::string dialect = "arc-dsl";
};

void print_primitives(const PrimitivesOptions& o) {
  auto d = *generator::parse_dialect(o.dialect);
  if (o.constants) {
    auto list = generator::constant_list(d == generator::Dialect::Tokpidjin);
    if (o.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& [name, v] : list) out.push_back({{"name", name}, {"value", constant_text(v)}});
      fmt::print("{}\n", out.dump(2));
    } else {
      for (const auto& [name, v] : list) fmt::print("{:<16} {}\n", name, constant_text(v));
      fmt::print("{} constants ({})\n", list.size(), o.dialect);
    }
    return;
  }
  const auto& table = generator::dialect_table(d);
  if (o.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : table) {
      nlohmann::json params = nlohmann::json::array();
      for (const auto& q : p.params) params.push_back({{"name", q.name}, {"type", q.type}});
      out.push_back({{"name", p.name}, {"signature", p.signature()}, {"params", params}, {"returns", p.returns}});
    }
    fmt::print("{}\n", out.dump(2));
  } else {
    for (const auto& p : table) fmt::print("{:<14} {}\n", p.name, p.signature());
    fmt::print("{} primitives ({})\n", table.size(), o.dialect);
  }
}

}  // namespace

void add_primitives_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("primitives", "List the DSL primitives and their signatures (or the constants)");
  static PrimitivesOptions o;
  cmd->add_flag("--json", o.json, "Print a JSON array of {name, signature, params, returns} ({name, value} with --constants)");
  cmd->add_flag("--constants", o.constants, "List the named constants and their values instead");
  cmd->add_option("--dialect", o.dialect, "Whose table: arc-dsl's dsl.py and constants.py, or tokpidjin's")
      ->capture_default_str()
      ->check(CLI::IsMember({"arc-dsl", "tokpidjin"}));
  cmd->callback([] { print_primitives(o); });
}

}  // namespace battc::runtime
