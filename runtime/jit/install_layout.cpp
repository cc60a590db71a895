// runtime/jit/install_layout.cpp: finds the install prefix from the file that
// holds this code (dladdr works alike for an executable and a shared module).
#include "runtime/jit/install_layout.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace battc::runtime::jit {
namespace {

constexpr const char* kMarker = "share/battc/include/runtime/abi/batt_abi.h";

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : std::string();
}

// The real path of the executable or shared object that holds this function.
std::string own_binary() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<const void*>(&own_binary), &info) && info.dli_fname && *info.dli_fname) {
    std::error_code ec;
    auto p = fs::canonical(info.dli_fname, ec);
    if (!ec) return p.string();
  }
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.string();
}

InstallLayout find_layout() {
  InstallLayout l;
  l.binary = own_binary();
  if (auto home = env("BATTC_HOME"); !home.empty()) {
    l.prefix = home;
    l.searched = "$BATTC_HOME=" + home;
    return l;
  }
  if (l.binary.empty()) {
    l.searched = "(battc could not tell where its own binary is; set BATTC_HOME to the install prefix)";
    return l;
  }
  fs::path dir = fs::path(l.binary).parent_path();
  std::string tried;
  for (int up = 0; up < 3 && !dir.empty(); ++up, dir = dir.parent_path()) {
    tried += (tried.empty() ? "" : ", ") + dir.string();
    std::error_code ec;
    if (fs::is_regular_file(dir / kMarker, ec)) {
      l.prefix = dir.string();
      break;
    }
    if (dir == dir.root_path()) break;
  }
  l.searched = "looked for " + std::string(kMarker) + " under " + tried + " (set BATTC_HOME to the install prefix)";
  return l;
}

std::string under_prefix(const char* env_name, const char* relative) {
  if (auto v = env(env_name); !v.empty()) return v;
  const auto& l = install_layout();
  // With no prefix found the relative path is returned as is, so the error
  // that follows names what was missing; `searched` says where it was sought.
  return l.prefix.empty() ? std::string(relative) : (fs::path(l.prefix) / relative).string();
}

}  // namespace

const InstallLayout& install_layout() {
  static const InstallLayout layout = find_layout();
  return layout;
}

std::string layout_include_dir() { return under_prefix("BATTC_INCLUDE_DIR", "share/battc/include"); }
std::string layout_dsl_library() { return under_prefix("BATTC_DSL_LIBRARY", "lib/battc/libbattc_dsl.a"); }
std::string layout_device_dir() { return under_prefix("BATTC_DSL_DEVICE_DIR", "lib/battc/device"); }
std::string layout_demo_dir() { return under_prefix("BATTC_DEMO_DIR", "share/battc/demo"); }

}  // namespace battc::runtime::jit
