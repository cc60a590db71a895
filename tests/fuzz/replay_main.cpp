// tests/fuzz/replay_main.cpp: runs a fuzz target's LLVMFuzzerTestOneInput on
// files, so that the ordinary build (no clang, no libFuzzer) tests every
// harness on its seeds and on the inputs the fuzzer once found
// (tests/fuzz/regressions/<target>/).
//   replay [--ext .json]... PATH...   (a folder: its files with those endings)
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  std::vector<std::string> exts;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--ext" && i + 1 < argc) {
      exts.push_back(argv[++i]);
      continue;
    }
    if (fs::is_directory(a)) {
      for (const auto& e : fs::recursive_directory_iterator(a)) {
        if (!e.is_regular_file()) continue;
        std::string name = e.path().filename().string();
        bool wanted = exts.empty() || name.rfind("crash-", 0) == 0 || name.rfind("timeout-", 0) == 0;
        for (const auto& x : exts) wanted |= e.path().extension() == x;
        if (wanted && name != "README.md") files.push_back(e.path());
      }
    } else if (fs::is_regular_file(a)) {
      files.push_back(a);
    } else {
      std::fprintf(stderr, "replay: %s: no such file or folder\n", a.c_str());
      return 1;
    }
  }
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("replay: %zu inputs, no failure\n", files.size());
  return files.empty() ? 1 : 0;
}
