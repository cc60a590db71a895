// runtime/cli/input_paths.h: CLI11 checks for files and folders a command
// reads. A missing input is bad input (exit 1), not a usage error (exit 2),
// whichever flag names it: these validators mark their failure so that main
// can tell it from CLI11's other parse errors.
#pragma once

#include <CLI/CLI.hpp>

namespace battc::runtime {

CLI::Validator input_file();    // an existing file
CLI::Validator input_folder();  // an existing folder

// Whether the parse error being handled came from input_file/input_folder.
bool input_missing();

}  // namespace battc::runtime
