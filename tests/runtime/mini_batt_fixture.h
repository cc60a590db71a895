// tests/runtime/mini_batt_fixture.h: loads tests/data/batt/mini_batt.cpp, built
// by CMake as a module (MINI_BATT_PATH), and small tasks to run it on. Shared by
// the executor and scoring tests.
#pragma once

#include <dlfcn.h>

#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "runtime/exec/batt_entry.h"
#include "runtime/tasks/task.h"

namespace battc::test {

// The mini unit's entry points; loaded once, never unloaded.
inline const runtime::BattEntry& mini_batt() {
  static const runtime::BattEntry entry = [] {
    void* h = ::dlopen(MINI_BATT_PATH, RTLD_NOW | RTLD_LOCAL);
    if (!h) throw std::runtime_error(std::string("dlopen: ") + ::dlerror());
    auto info = reinterpret_cast<abi::InfoFn>(::dlsym(h, abi::kInfoSymbol));
    runtime::BattEntry e;
    e.info = info ? info() : nullptr;
    e.prologue = reinterpret_cast<abi::PrologueFn>(::dlsym(h, abi::kPrologueSymbol));
    e.eval = reinterpret_cast<abi::EvalFn>(::dlsym(h, abi::kEvalSymbol));
    if (!e.info || !e.prologue || !e.eval) throw std::runtime_error("mini_batt lacks an entry point");
    return e;
  }();
  return entry;
}

// The mini unit's programs, in its order.
enum MiniProgram { kFail = 0, kMirror = 1, kRow = 2 };

inline runtime::GridData grid(std::initializer_list<std::initializer_list<int>> rows) {
  runtime::GridData g;
  g.h = int(rows.size());
  for (const auto& r : rows) {
    g.w = int(r.size());
    g.cells.insert(g.cells.end(), r.begin(), r.end());
  }
  return g;
}

// Upside down, as the DSL's hmirror.
inline runtime::GridData hmirror(const runtime::GridData& g) {
  runtime::GridData m = g;
  for (int i = 0; i < g.h; ++i)
    for (int j = 0; j < g.w; ++j) m.cells[std::size_t(i) * g.w + j] = g.at(g.h - 1 - i, j);
  return m;
}

inline runtime::Sample pair(const runtime::GridData& in, std::optional<runtime::GridData> out) {
  return runtime::Sample{in, std::move(out)};
}

// A task whose outputs (train, and test when `known`) are hmirror of the inputs.
inline runtime::Task mirror_task(const std::string& id, std::vector<runtime::GridData> train,
                                 std::vector<runtime::GridData> test, bool known = true) {
  runtime::Task t;
  t.id = id;
  for (auto& g : train) t.train.push_back(pair(g, hmirror(g)));
  for (auto& g : test) t.test.push_back(pair(g, known ? std::optional(hmirror(g)) : std::nullopt));
  return t;
}

}  // namespace battc::test
