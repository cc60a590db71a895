// runtime/cli/main.cpp: the battc command line. Each subcommand lives in its
// own file under runtime/cli/; this file only wires them to CLI11.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "runtime/cli/commands.h"
#include "runtime/cli/input_paths.h"
#include "runtime/cli/report_error.h"
#include "runtime/cli/suggest.h"

int main(int argc, char** argv) {
  CLI::App app{"battc: compile ARC DSL programs into one batt and run them over ARC tasks"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "battc 0.1");
  app.option_defaults()->always_capture_default();  // --help shows every default
  battc::runtime::add_primitives_command(app);
  battc::runtime::add_tasks_command(app);
  battc::runtime::add_generate_commands(app);
  battc::runtime::add_run_command(app);
  battc::runtime::add_search_commands(app);
  battc::runtime::add_doctor_command(app);
  battc::runtime::add_diff_command(app);
  battc::runtime::add_report_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (battc::runtime::input_missing()) {  // a missing input file is bad input, not usage
      fmt::print(stderr, "battc: error: {}\n", e.what());
      return 1;
    }
    int code = app.exit(e);
    if (code == 0) return 0;
    if (auto s = battc::runtime::suggestion(app, argc, argv)) fmt::print(stderr, "battc: did you mean '{}'?\n", *s);
    return 2;  // usage errors exit 2
  } catch (const battc::InternalError& e) {
    // A subcommand's own bug that no library boundary caught: said as one,
    // never an abort.
    return battc::runtime::report_error(battc::runtime::api::internal(e));
  } catch (const std::exception& e) {
    return battc::runtime::report_error({battc::runtime::api::ErrorKind::Internal, std::string("an exception escaped: ") + e.what()});
  }
  return battc::runtime::last_exit_code();
}
