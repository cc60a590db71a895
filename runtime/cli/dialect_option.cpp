// runtime/cli/dialect_option.cpp: --dialect, shared by check, generate,
// compile and run.
#include "generator/dialect/dialect.h"
#include "runtime/cli/commands.h"

namespace battc::runtime {

void add_dialect_option(CLI::App* cmd, std::string& dialect) {
  std::vector<std::string> choices = {"auto"};
  for (const std::string& d : generator::dialect_names()) choices.push_back(d);
  cmd->add_option("--dialect", dialect,
                  "The DSL the programs are written in; auto: tokpidjin for programs taking (S, I, C), "
                  "arc-dsl for programs taking (I)")
      ->check(CLI::IsMember(choices))
      ->capture_default_str();
}

}  // namespace battc::runtime
