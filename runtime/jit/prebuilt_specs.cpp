// runtime/jit/prebuilt_specs.cpp
#include "runtime/jit/prebuilt_specs.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "runtime/abi/batt_abi.h"
#include "runtime/abi/spec_abi.h"
#include "runtime/jit/install_layout.h"
#include "runtime/jit/sha256.h"

namespace fs = std::filesystem;

namespace battc::runtime::jit {

std::string prebuilt_specs_key(const DslRuntime& rt) {
  return sha256_hex("prebuilt specs; spec abi " + std::to_string(abi::kSpecAbiVersion) + "; abi " +
                    std::to_string(abi::kAbiVersion) + "; dsl " + rt.content_hash)
      .substr(0, 24);
}

std::string prebuilt_specs_root(const std::optional<std::string>& configured) {
  if (configured) return *configured;
  if (const char* v = std::getenv("BATTC_PREBUILT_SPECS_DIR")) return v;
  const auto& layout = install_layout();
  return layout.prefix.empty() ? "" : (fs::path(layout.prefix) / "lib/battc/specs").string();
}

std::string prebuilt_specs_dir(const DslRuntime& rt, const std::optional<std::string>& configured) {
  std::string root = prebuilt_specs_root(configured);
  return root.empty() ? "" : (fs::path(root) / prebuilt_specs_key(rt)).string();
}

std::vector<std::string> pack_files(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".so") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace battc::runtime::jit
