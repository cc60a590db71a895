// tests/golden/source_dir.h: the folder the golden tests read their data
// from (tasks/demo, tests/golden/...), the first of:
//   1. $BATTC_TEST_SOURCE_DIR;
//   2. the parent of the test executable's folder when it holds
//      tests/golden/demo/dump.jsonl: the GPU bundle (tools/gpu_bundle.sh)
//      puts golden_tests in bin/ beside a copy of those files;
//   3. the source tree the test was built from (BATTC_SOURCE_DIR).
#pragma once

#include <cstdlib>
#include <filesystem>

namespace battc::test {

inline std::filesystem::path source_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("BATTC_TEST_SOURCE_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path root = exe.parent_path().parent_path();
    if (fs::is_regular_file(root / "tests" / "golden" / "demo" / "dump.jsonl", ec)) return root;
  }
  return BATTC_SOURCE_DIR;
}

}  // namespace battc::test
