// runtime/jit/host_compiler.cpp: resolves $CXX (a path, or a name searched on
// PATH) or `c++`, runs `--version` once, and remembers the outcome, failures
// included, so a missing compiler is reported once and costs nothing after.
#include "runtime/jit/host_compiler.h"

#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

#include "runtime/jit/run_process.h"

namespace battc::runtime::jit {
namespace {

const char* const kHowToSet =
    "install a C++ compiler (Debian: apt-get install g++) or set CXX to the compiler's path, "
    "e.g. CXX=/usr/bin/g++";

bool is_executable_file(const std::string& p) {
  struct stat st {};
  return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(p.c_str(), X_OK) == 0;
}

// A name with a slash is a path; else it is searched on PATH.
std::optional<std::string> resolve(const std::string& name, const std::string& path_env) {
  if (name.find('/') != std::string::npos) {
    if (is_executable_file(name)) return name;
    return std::nullopt;
  }
  size_t start = 0;
  while (start <= path_env.size()) {
    size_t end = path_env.find(':', start);
    if (end == std::string::npos) end = path_env.size();
    // Appended in place: `dir + "/" + name` trips GCC 12's -Wrestrict false
    // positive (GCC bug 105651).
    std::string candidate = end > start ? path_env.substr(start, end - start) : std::string(".");
    candidate += '/';
    candidate += name;
    if (is_executable_file(candidate)) return candidate;
    start = end + 1;
  }
  return std::nullopt;
}

Result<HostCompiler> probe(const std::optional<std::string>& cxx_env, const std::string& path_env) {
  std::string name = cxx_env && !cxx_env->empty() ? *cxx_env : "c++";
  std::string from = cxx_env && !cxx_env->empty() ? "$CXX=" + name : "`c++` on PATH";
  auto path = resolve(name, path_env);
  if (!path) {
    return jit_error("probe", "no C++ compiler was found (" + from + " is not an executable file); " + kHowToSet);
  }
  ProcessResult r = run_process({*path, "--version"});
  if (!r.succeeded()) {
    return jit_error("probe",
                     "no C++ compiler was found (" + from + ": `" + *path + " --version` failed); " + kHowToSet,
                     r.output);
  }
  std::string first = r.output.substr(0, r.output.find('\n'));
  char real[PATH_MAX];
  std::string resolved = realpath(path->c_str(), real) ? std::string(real) : *path;
  return HostCompiler{*path, *path + " -> " + resolved + ": " + first};
}

}  // namespace

Result<HostCompiler> probe_host_compiler() {
  static std::mutex mu;
  static std::map<std::pair<std::optional<std::string>, std::string>, Result<HostCompiler>> probed;

  const char* cxx = std::getenv("CXX");
  const char* path = std::getenv("PATH");
  auto key = std::make_pair(cxx ? std::optional<std::string>(cxx) : std::nullopt,
                            std::string(path ? path : "/usr/local/bin:/usr/bin:/bin"));
  std::lock_guard<std::mutex> lock(mu);
  auto it = probed.find(key);
  if (it == probed.end()) it = probed.emplace(key, probe(key.first, key.second)).first;
  return it->second;
}

}  // namespace battc::runtime::jit
