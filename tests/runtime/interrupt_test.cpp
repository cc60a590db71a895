// tests/runtime/interrupt_test.cpp: the interrupt guard `battc run` and
// `battc search` share: the first SIGINT only sets the flag (the command
// finishes its round or writes what it evaluated), and leaves the default
// action in place so that a second one ends the process; the old handlers
// come back with the guard's end.
#include <catch2/catch.hpp>

#include <signal.h>

#include "runtime/cli/interrupt.h"

using battc::runtime::InterruptGuard;

namespace {

void (*handler_of(int sig))(int) {
  struct sigaction sa {};
  sigaction(sig, nullptr, &sa);
  return sa.sa_handler;
}

}  // namespace

TEST_CASE("interrupt guard: a first SIGINT sets the flag, a second would end the process", "[cli][interrupt]") {
  auto before = handler_of(SIGINT);
  {
    InterruptGuard guard;
    CHECK_FALSE(guard.fired());
    CHECK(handler_of(SIGINT) != SIG_DFL);
    raise(SIGINT);
    CHECK(guard.fired());
    CHECK(guard.signal() == SIGINT);
    CHECK(guard.exit_code() == 130);
    CHECK(guard.flag()->load());
    CHECK(handler_of(SIGINT) == SIG_DFL);  // the next Ctrl-C is the default: the process ends
  }
  CHECK(handler_of(SIGINT) == before);
}
