// runtime/jit/cuda_libraries.cpp: the search for NVRTC and nvJitLink, dlopen
// by full path, and the binding of every entry point battc calls.
#include "runtime/jit/cuda_libraries.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "runtime/jit/install_layout.h"

#ifndef BATTC_DEVICE_CUDA_VERSION
#define BATTC_DEVICE_CUDA_VERSION ""
#endif

namespace fs = std::filesystem;

namespace battc::runtime::jit {
namespace {

std::mutex python_mu;
std::vector<std::string> python_paths;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : std::string();
}

void add_folder(std::vector<std::string>& out, const fs::path& p) {
  std::error_code ec;
  if (p.empty() || !fs::is_directory(p, ec)) return;
  auto s = fs::weakly_canonical(p, ec).string();
  if (ec) s = p.string();
  for (const auto& o : out)
    if (o == s) return;
  out.push_back(s);
}

// A CUDA toolkit's library folders.
void add_toolkit(std::vector<std::string>& out, const std::string& home) {
  if (home.empty()) return;
  fs::path h(home);
  add_folder(out, h / "lib64");
  add_folder(out, h / "lib");
  add_folder(out, h / "targets/x86_64-linux/lib");
  add_folder(out, h / "targets/sbsa-linux/lib");
}

// The NVIDIA wheels' library folders in one site-packages: CUDA 13 wheels
// share nvidia/cu13/lib, CUDA 12 wheels have one folder per library.
void add_site_packages(std::vector<std::string>& out, const fs::path& site) {
  add_folder(out, site / "nvidia/cu13/lib");
  add_folder(out, site / "nvidia/cuda_nvrtc/lib");
  add_folder(out, site / "nvidia/nvjitlink/lib");
}

std::vector<fs::path> site_packages_candidates() {
  std::vector<fs::path> sites;
  {
    std::lock_guard<std::mutex> lock(python_mu);
    for (const auto& p : python_paths) sites.emplace_back(p);
  }
  if (auto venv = env("VIRTUAL_ENV"); !venv.empty()) {
    std::error_code ec;
    for (auto it = fs::directory_iterator(fs::path(venv) / "lib", ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
      sites.push_back(it->path() / "site-packages");
  }
  if (auto pp = env("PYTHONPATH"); !pp.empty()) {
    size_t start = 0;
    while (start <= pp.size()) {
      size_t colon = pp.find(':', start);
      if (colon == std::string::npos) colon = pp.size();
      if (colon > start) sites.emplace_back(pp.substr(start, colon - start));
      start = colon + 1;
    }
  }
  // battc installed from a wheel: <site-packages>/battc/bin/battc.
  for (fs::path p = fs::path(install_layout().binary).parent_path(); !p.empty() && p != p.root_path();
       p = p.parent_path()) {
    auto name = p.filename().string();
    if (name == "site-packages" || name == "dist-packages") {
      sites.push_back(p);
      break;
    }
  }
  return sites;
}

std::vector<std::string> search_folders() {
  std::vector<std::string> out;
  add_toolkit(out, env("BATTC_CUDA_HOME"));
  add_toolkit(out, env("CUDA_HOME"));
  add_toolkit(out, env("CUDA_PATH"));
  add_toolkit(out, "/usr/local/cuda");
  for (const auto& site : site_packages_candidates()) add_site_packages(out, site);
  return out;
}

struct Opened {
  void* handle = nullptr;
  std::string path;
};

// The first of `sonames` in the first folder that has one, then the loader's
// own search. dlopen errors other than "not there" are kept for the message.
Opened open_library(const std::vector<std::string>& folders, const std::vector<std::string>& sonames,
                    std::string& errors) {
  for (const auto& folder : folders) {
    for (const auto& so : sonames) {
      fs::path p = fs::path(folder) / so;
      std::error_code ec;
      if (!fs::exists(p, ec)) continue;
      if (void* h = dlopen(p.c_str(), RTLD_NOW | RTLD_LOCAL)) return {h, fs::canonical(p, ec).string()};
      const char* e = dlerror();
      errors += std::string(errors.empty() ? "" : "; ") + (e ? e : p.string() + ": dlopen failed");
    }
  }
  for (const auto& so : sonames) {
    if (void* h = dlopen(so.c_str(), RTLD_NOW | RTLD_LOCAL)) {
      std::string path = so;
      Dl_info info{};
      // The real path, through any symbol of the library.
      if (void* sym = dlsym(h, so.rfind("libnvrtc", 0) == 0 ? "nvrtcVersion" : "nvJitLinkVersion");
          sym && dladdr(sym, &info) && info.dli_fname) {
        std::error_code ec;
        auto real = fs::canonical(info.dli_fname, ec);
        path = ec ? std::string(info.dli_fname) : real.string();
      }
      return {h, path};
    }
  }
  return {};
}

template <class Fn>
bool bind(void* lib, Fn& slot, const std::string& name, std::string& why) {
  void* p = dlsym(lib, name.c_str());
  if (!p) {
    why = "lacks " + name;
    return false;
  }
  slot = reinterpret_cast<Fn>(p);
  return true;
}

bool bind_nvrtc(void* lib, NvrtcApi& a, std::string& why) {
#define BATTC_BIND(NAME) bind(lib, a.NAME, #NAME, why)
  return BATTC_BIND(nvrtcVersion) && BATTC_BIND(nvrtcGetErrorString) && BATTC_BIND(nvrtcCreateProgram) &&
         BATTC_BIND(nvrtcDestroyProgram) && BATTC_BIND(nvrtcCompileProgram) && BATTC_BIND(nvrtcGetProgramLogSize) &&
         BATTC_BIND(nvrtcGetProgramLog) && BATTC_BIND(nvrtcGetCUBINSize) && BATTC_BIND(nvrtcGetCUBIN);
#undef BATTC_BIND
}

// Plain name first, else the versioned symbol of the library's major
// (__nvJitLinkCreate_13_0), which is what <nvJitLink.h>'s inline wrappers call.
template <class Fn>
bool bind_link(void* lib, Fn& slot, const char* name, unsigned major, std::string& why) {
  if (void* p = dlsym(lib, name)) {
    slot = reinterpret_cast<Fn>(p);
    return true;
  }
  return bind(lib, slot, "__" + std::string(name) + "_" + std::to_string(major) + "_0", why);
}

bool bind_nvjitlink(void* lib, NvJitLinkApi& a, unsigned& major, unsigned& minor, std::string& why) {
  if (!bind(lib, a.nvJitLinkVersion, "nvJitLinkVersion", why)) return false;
  if (a.nvJitLinkVersion(&major, &minor) != NVJITLINK_SUCCESS) {
    why = "nvJitLinkVersion failed";
    return false;
  }
#define BATTC_BIND(NAME) bind_link(lib, a.NAME, #NAME, major, why)
  return BATTC_BIND(nvJitLinkCreate) && BATTC_BIND(nvJitLinkDestroy) && BATTC_BIND(nvJitLinkAddData) &&
         BATTC_BIND(nvJitLinkAddFile) && BATTC_BIND(nvJitLinkComplete) && BATTC_BIND(nvJitLinkGetLinkedCubinSize) &&
         BATTC_BIND(nvJitLinkGetLinkedCubin) && BATTC_BIND(nvJitLinkGetErrorLogSize) &&
         BATTC_BIND(nvJitLinkGetErrorLog) && BATTC_BIND(nvJitLinkGetInfoLogSize) && BATTC_BIND(nvJitLinkGetInfoLog);
#undef BATTC_BIND
}

std::string where(const std::vector<std::string>& folders) {
  std::string s;
  for (const auto& f : folders) s += (s.empty() ? "" : ", ") + f;
  return s.empty() ? std::string("searched the loader's path only (none of $BATTC_CUDA_HOME, $CUDA_HOME, $CUDA_PATH, "
                                 "/usr/local/cuda or an NVIDIA wheel's folder exists)")
                   : "looked in " + s + ", then the loader's path";
}

CudaJitProbe probe() {
  CudaJitProbe out;
  out.folders = search_folders();
  static CudaJitLibraries libs;
  std::string errors;
  auto not_found = [&](const char* what, const char* wheel) {
    return std::string(what) + " not found: " + where(out.folders) + (errors.empty() ? "" : " (" + errors + ")") +
           "; install the CUDA toolkit or the " + wheel + " wheel, or set BATTC_CUDA_HOME";
  };
  Opened rtc = open_library(out.folders, {"libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so"}, errors);
  if (!rtc.handle) {
    out.why = not_found("NVRTC (libnvrtc.so)", "nvidia-cuda-nvrtc");
    return out;
  }
  Opened link = open_library(out.folders, {"libnvJitLink.so.13", "libnvJitLink.so.12", "libnvJitLink.so"}, errors);
  if (!link.handle) {
    out.why = not_found("nvJitLink (libnvJitLink.so)", "nvidia-nvjitlink");
    return out;
  }
  std::string why;
  if (!bind_nvrtc(rtc.handle, libs.nvrtc, why)) {
    out.why = "NVRTC at " + rtc.path + " " + why + " (too old for battc?)";
    return out;
  }
  if (!bind_nvjitlink(link.handle, libs.link, libs.nvjitlink_major, libs.nvjitlink_minor, why)) {
    out.why = "nvJitLink at " + link.path + " " + why + " (too old for battc?)";
    return out;
  }
  libs.nvrtc.nvrtcVersion(&libs.nvrtc_major, &libs.nvrtc_minor);
  libs.nvrtc_path = rtc.path;
  libs.nvjitlink_path = link.path;
  out.libs = &libs;
  return out;
}

}  // namespace

void set_python_paths(std::vector<std::string> paths) {
  std::lock_guard<std::mutex> lock(python_mu);
  python_paths = std::move(paths);
}

const CudaJitProbe& cuda_jit_libraries() {
  static const CudaJitProbe p = probe();
  return p;
}

const char* device_library_cuda_version() { return BATTC_DEVICE_CUDA_VERSION; }

}  // namespace battc::runtime::jit
