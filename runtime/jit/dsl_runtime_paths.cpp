// runtime/jit/dsl_runtime_paths.cpp: resolves the include root and the DSL
// library, and hashes what a unit's object code depends on besides its own
// source: the library's bytes and every header a unit can include.
#include "runtime/jit/dsl_runtime_paths.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <tuple>
#include <vector>

#include "runtime/jit/install_layout.h"
#include "runtime/jit/sha256.h"

namespace fs = std::filesystem;

namespace battc::runtime::jit {
namespace {

// Headers a unit may include: dsl/ and runtime/abi/, sorted by relative path.
std::vector<fs::path> unit_headers(const fs::path& root) {
  std::vector<fs::path> out;
  for (const char* sub : {"dsl", "runtime/abi"}) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root / sub, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      auto ext = it->path().extension().string();
      if (it->is_regular_file() && (ext == ".h" || ext == ".hpp" || ext == ".def" || ext == ".inc")) {
        // Lexically: in the build tree dsl/ is a link into the source tree.
        out.push_back(it->path().lexically_relative(root));
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::string dsl_include_dir() { return layout_include_dir(); }

std::optional<std::string> dsl_headers_hash(const std::string& include_dir) {
  Sha256 h;
  for (const auto& rel : unit_headers(include_dir)) {
    auto file_hash = sha256_file((fs::path(include_dir) / rel).string());
    if (!file_hash) return std::nullopt;
    h.field(rel.generic_string());
    h.field(*file_hash);
  }
  return h.hex();
}

Result<DslRuntime> find_dsl_runtime() {
  DslRuntime rt;
  rt.include_dir = dsl_include_dir();
  rt.library = layout_dsl_library();
  const std::string fix = " (" + install_layout().searched +
                          "; or set BATTC_INCLUDE_DIR to the folder holding dsl/ and runtime/abi/, "
                          "BATTC_DSL_LIBRARY to libbattc_dsl.a)";
  if (!fs::is_regular_file(fs::path(rt.include_dir) / "runtime/abi/batt_abi.h")) {
    return jit_error("runtime", "the DSL headers are not at " + rt.include_dir + fix);
  }
  struct stat st {};
  if (stat(rt.library.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return jit_error("runtime", "the DSL library is not at " + rt.library + fix);
  }

  static std::mutex mu;
  static std::map<std::tuple<std::string, std::string, long long, long long, long long>, std::string> hashes;
  auto key = std::make_tuple(rt.include_dir, rt.library, (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                             (long long)st.st_mtim.tv_nsec);
  std::lock_guard<std::mutex> lock(mu);
  auto it = hashes.find(key);
  if (it == hashes.end()) {
    auto lib_hash = sha256_file(rt.library);
    if (!lib_hash) return jit_error("runtime", "cannot read the DSL library " + rt.library);
    Sha256 h;
    h.field(*lib_hash);
    for (const auto& rel : unit_headers(rt.include_dir)) {
      auto file_hash = sha256_file((fs::path(rt.include_dir) / rel).string());
      if (!file_hash) return jit_error("runtime", "cannot read " + (fs::path(rt.include_dir) / rel).string());
      h.field(rel.generic_string());
      h.field(*file_hash);
    }
    it = hashes.emplace(key, h.hex()).first;
  }
  rt.content_hash = it->second;
  return rt;
}

}  // namespace battc::runtime::jit
