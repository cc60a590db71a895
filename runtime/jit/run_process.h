// runtime/jit/run_process.h: runs a program with posix_spawn (no shell, so no
// quoting problems) and captures its stdout and stderr, interleaved, as the
// log. Used for the compiler probe and for compiles.
#pragma once

#include <string>
#include <vector>

namespace battc::runtime::jit {

struct ProcessResult {
  bool started = false;  // false: the program could not be run (see output)
  int exit_code = -1;    // the exit status, or -1 when killed by a signal
  int signal = 0;        // the signal that killed it, else 0
  std::string output;    // stdout and stderr together

  bool succeeded() const { return started && exit_code == 0; }
};

// argv[0] is the program's path (not searched on PATH).
ProcessResult run_process(const std::vector<std::string>& argv);

// The argv as one line, each word quoted when needed (for logs and errors).
std::string command_line(const std::vector<std::string>& argv);

}  // namespace battc::runtime::jit
