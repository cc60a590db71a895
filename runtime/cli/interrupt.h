// runtime/cli/interrupt.h: Ctrl-C (SIGINT) and SIGTERM during a long
// command. The first signal only sets a flag the executor reads before each
// sample (ExecOptions::stop), so the command ends by writing what was
// evaluated, marked partial; the handler then restores the default action,
// so a second signal stops the process at once.
#pragma once

#include <atomic>

namespace battc::runtime {

class InterruptGuard {
 public:
  InterruptGuard();   // installs the handlers
  ~InterruptGuard();  // restores the previous ones
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  const std::atomic<bool>* flag() const;
  bool fired() const;
  int signal() const;  // the signal that fired (0: none)
  // The shell's convention: 128 + the signal.
  int exit_code() const { return 128 + signal(); }
};

}  // namespace battc::runtime
