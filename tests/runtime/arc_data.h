// tests/runtime/arc_data.h: finds the ARC datasets for tests that need them.
// ARC_DATA names the folder (CI: ../shared/arc); a relative path is tried
// against the current directory, then against the source tree.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

namespace battc::test {

// The ARC data folder holding `relative`, or nullopt after printing the
// "[SKIP] reason" line that makes CTest report the test as skipped.
inline std::optional<std::filesystem::path> arc_data(const std::string& relative) {
  namespace fs = std::filesystem;
  const char* env = std::getenv("ARC_DATA");
  if (env == nullptr || *env == '\0') {
    std::cout << "[SKIP] ARC_DATA is not set (point it at the ARC data folder, e.g. ../shared/arc)\n";
    return std::nullopt;
  }
  fs::path root = env;
  std::error_code ec;
  if (root.is_relative() && !fs::exists(root / relative, ec)) root = fs::path(BATTC_SOURCE_DIR) / env;
  if (!fs::exists(root / relative, ec)) {
    std::cout << "[SKIP] ARC_DATA=" << env << " has no " << relative << " (tried " << (root / relative).string()
              << ")\n";
    return std::nullopt;
  }
  return root;
}

}  // namespace battc::test
