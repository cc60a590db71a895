// runtime/cli/suggest.cpp: the nearest of the names CLI11 knows.
#include "runtime/cli/suggest.h"

#include <vector>

#include "generator/diag/closest_name.h"

namespace battc::runtime {

std::optional<std::string> suggestion(const CLI::App& app, int argc, char** argv) {
  if (argc < 2) return std::nullopt;
  std::string first = argv[1];
  std::vector<std::string> commands;
  const CLI::App* given = nullptr;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    commands.push_back(sub->get_name());
    if (sub->get_name() == first) given = sub;
  }
  if (!given) return first.rfind("-", 0) == 0 ? std::nullopt : generator::closest_name(first, commands);
  std::vector<std::string> flags;
  for (const CLI::Option* o : given->get_options())
    for (const auto& n : o->get_lnames()) flags.push_back("--" + n);
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) continue;
    arg = arg.substr(0, arg.find('='));
    if (auto s = generator::closest_name(arg, flags)) return *s;
  }
  return std::nullopt;
}

}  // namespace battc::runtime
