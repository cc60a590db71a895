// tests/fuzz/fuzz_tasks.cpp: the task loader on arbitrary bytes (a task or
// Kaggle challenges file's text). Bad input must come back as a TaskError
// naming the problem; anything else (a crash, another exception, a sanitizer
// report) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/tasks/load_tasks.h"
#include "runtime/tasks/task_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    auto tasks = battc::runtime::load_task_text(text, "fuzz.json");
    for (const auto& t : tasks)
      if (t.id.empty()) __builtin_trap();  // every task has an id
  } catch (const battc::runtime::TaskError&) {
  }
  return 0;
}
