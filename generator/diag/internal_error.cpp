// generator/diag/internal_error.cpp
#include "generator/diag/internal_error.h"

#include <atomic>
#include <cstdlib>
#include <mutex>

namespace battc {
namespace {

std::string located(const std::string& msg, const SourcePlace& where) {
  return "battc bug at " + std::string(where.file) + ":" + std::to_string(where.line) + ": " + msg;
}

// The injected site: a flag read on every check, the name read only when set.
std::atomic<bool> g_injected{false};
std::mutex g_site_mutex;
std::string g_site;

// BATTC_TEST_INTERNAL_ERROR=<site> breaks that site once in a process (the
// CLI's and Python's boundary tests, where no call can reach the hook).
[[maybe_unused]] const bool g_from_environment = [] {
  if (const char* site = std::getenv("BATTC_TEST_INTERNAL_ERROR"); site && *site) {
    g_site = site;
    g_injected.store(true, std::memory_order_relaxed);
  }
  return true;
}();

}  // namespace

InternalError::InternalError(const std::string& what, SourcePlace where)
    : std::logic_error(located(what, where)), message_(what), file_(where.file), line_(where.line) {}

void internal_error(const std::string& msg, const char* file, unsigned line) {
  throw InternalError(msg, SourcePlace{file, line});
}

void inject_internal_error(const std::string& site) {
  std::lock_guard<std::mutex> lock(g_site_mutex);
  g_site = site;
  g_injected.store(!site.empty(), std::memory_order_relaxed);
}

bool injected_internal_error(const char* site) {
  if (!g_injected.load(std::memory_order_relaxed)) return false;
  std::lock_guard<std::mutex> lock(g_site_mutex);
  if (g_site != site) return false;
  g_site.clear();  // once: the next check passes
  g_injected.store(false, std::memory_order_relaxed);
  return true;
}

}  // namespace battc
