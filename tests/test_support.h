// tests/test_support.h: scoped helpers several test files share: a fresh
// temporary folder removed at the end of the scope, an environment variable
// set (or unset) for one scope, and the battc binary run as a child process.
#pragma once

#include <stdlib.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>

namespace battc::test {

// Whether this build runs under AddressSanitizer (BATTC_SANITIZE), which
// reserves terabytes of address space at start: a process under `ulimit -v`
// cannot start at all there.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

struct TempDir {
  std::string path;
  explicit TempDir(const std::string& prefix = "battc-test") {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

struct EnvGuard {
  std::string name;
  std::optional<std::string> old;
  EnvGuard(std::string n, const std::optional<std::string>& value) : name(std::move(n)) {
    if (const char* v = std::getenv(name.c_str())) old = v;
    if (value)
      setenv(name.c_str(), value->c_str(), 1);
    else
      unsetenv(name.c_str());
  }
  EnvGuard(const EnvGuard&) = delete;
  EnvGuard& operator=(const EnvGuard&) = delete;
  ~EnvGuard() {
    if (old)
      setenv(name.c_str(), old->c_str(), 1);
    else
      unsetenv(name.c_str());
  }
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

#if defined(BATTC_BINARY)
struct Child {
  int exit_code = -1;
  std::string out, err;
};

// `battc <args>` as a child process, without a usable GPU (BATTC_LIBCUDA
// points nowhere, so a test means the same on a machine with one), its
// cache in `dir`; stdout and stderr kept as <dir>/<name>.out and .err.
// `shell_prefix` runs first in the same shell (a ulimit, say).
inline Child run_battc(const TempDir& dir, const std::string& name, const std::string& args,
                       const std::string& shell_prefix = "") {
  auto out = std::filesystem::path(dir.path) / (name + ".out"), err = std::filesystem::path(dir.path) / (name + ".err");
  // No GPU driver unless the prefix names one (BATTC_LIBCUDA=...).
  const std::string driver =
      shell_prefix.find("BATTC_LIBCUDA=") == std::string::npos ? "BATTC_LIBCUDA=/nonexistent/libcuda.so.1 " : "";
  std::string cmd = shell_prefix + driver + "BATTC_CACHE_DIR='" + dir.path + "/cache' '" + std::string(BATTC_BINARY) +
                    "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  int status = std::system(cmd.c_str());
  Child c;
  c.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  c.out = slurp(out);
  c.err = slurp(err);
  return c;
}
#endif

}  // namespace battc::test
