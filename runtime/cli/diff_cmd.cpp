// runtime/cli/diff_cmd.cpp: battc diff A B: what changed between two runs
// (output folders, results.json files or dumps). Exit 0 equal, 1 different,
// 2 usage (including a path that is no run output).
#include <fmt/core.h>

#include <memory>

#include "runtime/cli/commands.h"
#include "runtime/score/run_diff.h"

namespace battc::runtime {

void add_diff_command(CLI::App& app) {
  struct Options {
    std::string a, b;
    bool json = false;
    bool failures_equal = false;
    std::size_t show = 20;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("diff", "Compare two runs (output folders, results.json or dumps); exit 1 if they differ");
  cmd->add_option("A", o->a, "The first run: a --out folder (results.json, dump.jsonl), results.json or a dump")
      ->required();
  cmd->add_option("B", o->b, "The second run")->required();
  cmd->add_flag("--json", o->json, "Print the differences as JSON");
  cmd->add_flag("--failures-equal", o->failures_equal,
                "error, budget and timeout count as one status (a battc dump against the reference's)");
  cmd->add_option("--show", o->show, "Changed evaluations to list")->capture_default_str();
  cmd->callback([o] {
    RunDiff d;
    try {
      d = diff_runs(load_run_records(o->a), load_run_records(o->b), DiffOptions{o->failures_equal});
    } catch (const std::exception& e) {
      fmt::print(stderr, "battc: error: {}\n", e.what());
      set_exit_code(2);
      return;
    }
    if (o->json) fmt::print("{}\n", diff_json(d).dump(2));
    else fmt::print("{}", render_diff(d, o->show));
    set_exit_code(d.equal() ? 0 : 1);
  });
}

}  // namespace battc::runtime
