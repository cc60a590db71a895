// runtime/jit/cuda_device_runtime.cpp: resolves the device library of an
// architecture and hashes what a cubin depends on besides the unit: the
// library's bytes and the headers (inline and template code reaches the unit
// without passing through the library).
#include "runtime/jit/cuda_device_runtime.h"

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <sstream>
#include <tuple>

#include "runtime/jit/dsl_runtime_paths.h"
#include "runtime/jit/install_layout.h"
#include "runtime/jit/sha256.h"
#ifndef BATTC_CUDA_ARCHS_LIST
#error "BATTC_CUDA_ARCHS_LIST must be defined by runtime/CMakeLists.txt"
#endif

namespace fs = std::filesystem;

namespace battc::runtime::jit {
namespace {

bool well_formed(const std::string& arch) {
  if (arch.size() < 4 || arch.compare(0, 3, "sm_") != 0) return false;
  for (size_t i = 3; i < arch.size(); ++i)
    if (arch[i] < '0' || arch[i] > '9') return false;
  return true;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s.empty() ? "none" : s;
}

}  // namespace

std::vector<std::string> cuda_device_archs() {
  std::vector<std::string> out;
  std::stringstream list(BATTC_CUDA_ARCHS_LIST);  // "75,80,89,90"
  std::string n;
  while (std::getline(list, n, ','))
    if (!n.empty()) out.push_back("sm_" + n);
  return out;
}

std::string cuda_device_dir() { return layout_device_dir(); }

Result<CudaDeviceRuntime> find_cuda_device_runtime(const std::string& arch) {
  const auto archs = cuda_device_archs();
  if (!well_formed(arch)) {
    return jit_error("arch", "\"" + arch + "\" is not a GPU architecture of the form sm_XX (e.g. sm_75); this build has " +
                                 joined(archs));
  }
  bool built = false;
  for (const auto& a : archs) built = built || a == arch;
  if (!built) {
    return jit_error("arch", "no DSL device library was built for " + arch + "; this build has " + joined(archs) +
                                 " (configure with -DBATTC_CUDA_ARCHS=\"...\" to add one)");
  }

  CudaDeviceRuntime rt;
  rt.arch = arch;
  rt.include_dir = dsl_include_dir();
  rt.library = (fs::path(cuda_device_dir()) / ("libbattc_dsl_device_" + arch + ".a")).string();
  if (!fs::is_regular_file(fs::path(rt.include_dir) / "dsl/dsl.h")) {
    return jit_error("runtime", "the DSL headers are not at " + rt.include_dir +
                                    " (set BATTC_INCLUDE_DIR to the folder holding dsl/ and runtime/abi/)");
  }
  struct stat st {};
  if (stat(rt.library.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return jit_error("runtime", "the DSL device library for " + arch + " is not at " + rt.library +
                                    " (build the battc_dsl_device target, or set BATTC_DSL_DEVICE_DIR to the folder "
                                    "holding libbattc_dsl_device_sm_XX.a)");
  }

  static std::mutex mu;
  static std::map<std::tuple<std::string, std::string, long long, long long, long long>, std::string> hashes;
  auto key = std::make_tuple(rt.include_dir, rt.library, (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                             (long long)st.st_mtim.tv_nsec);
  std::lock_guard<std::mutex> lock(mu);
  auto it = hashes.find(key);
  if (it == hashes.end()) {
    auto lib_hash = sha256_file(rt.library);
    if (!lib_hash) return jit_error("runtime", "cannot read the DSL device library " + rt.library);
    auto headers = dsl_headers_hash(rt.include_dir);
    if (!headers) return jit_error("runtime", "cannot read the DSL headers under " + rt.include_dir);
    Sha256 h;
    h.field(*lib_hash);
    h.field(*headers);
    it = hashes.emplace(key, h.hex()).first;
  }
  rt.content_hash = it->second;
  return rt;
}

}  // namespace battc::runtime::jit
