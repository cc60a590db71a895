// runtime/cli/suggest.h: "did you mean" for a mistyped subcommand or flag,
// printed after CLI11's own usage error.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace battc::runtime {

// The closest known subcommand (for argv[1]) or flag of the subcommand given
// (for an unexpected --flag), within two edits; nullopt when none is close.
std::optional<std::string> suggestion(const CLI::App& app, int argc, char** argv);

}  // namespace battc::runtime
