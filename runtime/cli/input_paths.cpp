// runtime/cli/input_paths.cpp
#include "runtime/cli/input_paths.h"

#include <filesystem>
#include <string>

namespace battc::runtime {
namespace {

bool missing = false;  // set by a failing check; parsing is single-threaded

CLI::Validator existing(bool folder) {
  return CLI::Validator(
      [folder](std::string& path) -> std::string {
        std::error_code ec;
        std::filesystem::file_status s = std::filesystem::status(path, ec);
        if (folder ? std::filesystem::is_directory(s) : std::filesystem::is_regular_file(s)) return "";
        missing = true;
        if (!std::filesystem::exists(s)) return path + ": no such " + (folder ? "folder" : "file");
        return path + (folder ? ": not a folder" : ": not a file");
      },
      folder ? "DIR" : "FILE");
}

}  // namespace

CLI::Validator input_file() { return existing(false); }
CLI::Validator input_folder() { return existing(true); }
bool input_missing() { return missing; }

}  // namespace battc::runtime
