// runtime/cli/commands.h: one registration function per subcommand.
#pragma once

#include <CLI/CLI.hpp>

namespace battc::runtime {

void add_primitives_command(CLI::App& app);
void add_tasks_command(CLI::App& app);
void add_generate_commands(CLI::App& app);  // check, generate, compile
void add_run_command(CLI::App& app);
void add_search_commands(CLI::App& app);  // search, store export
void add_doctor_command(CLI::App& app);
void add_diff_command(CLI::App& app);
void add_report_command(CLI::App& app);

// Writes the HTML report of `in` to `file` (report_cmd.cpp); false, with a
// message on stderr, when it cannot be written.
struct ReportInput;
bool write_report_file(const std::string& file, const ReportInput& in);

// --dialect auto|arc-dsl|tokpidjin into `dialect`.
void add_dialect_option(CLI::App* cmd, std::string& dialect);

// The exit code the subcommand that ran asked for (0 done, 1 bad input).
int last_exit_code();
void set_exit_code(int code);

}  // namespace battc::runtime
