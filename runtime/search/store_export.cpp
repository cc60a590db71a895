// runtime/search/store_export.cpp: battc store export: the kept programs of
// each task, best first, renamed so that battc run --pairing by-name pairs
// them with their task.
#include <fmt/core.h>

#include <fstream>
#include <stdexcept>

#include "generator/mutate/program_text.h"
#include "runtime/search/search.h"
#include "runtime/search/store.h"
#include "runtime/search/stored_program.h"

namespace battc::runtime::search {

std::string kept_programs_text(Store& store, bool best_only, int* count, std::vector<KeptName>* names) {
  std::string text;
  int n = 0;
  for (auto& [task, scores] : store.best()) {
    attempt_order(scores);
    for (std::size_t i = 0; i < scores.size() && (!best_only || i == 0); ++i) {
      generator::Diagnostics diags;
      generator::SourceSet sources;
      auto progs = parse_program_text("store", scores[i].source, diags, sources);
      if (progs.size() != 1)
        throw StoreError(store.path() + ": program " + std::to_string(scores[i].program) + " does not parse");
      std::string name = i == 0 ? "solve_" + task : fmt::format("solve_{}_{}", task, i);
      text += fmt::format("# program {}: score {:.4f} on {}{}\n", scores[i].program, scores[i].score, task,
                          scores[i].solved ? ", fits" : "");
      text += generator::program_text(progs[0], name) + "\n";
      if (names) names->push_back(KeptName{name, scores[i].program, task});
      ++n;
    }
  }
  if (count) *count = n;
  return text;
}

int export_store(const std::string& store_path, const std::string& out_path, bool best_only) {
  Store store(store_path);
  int n = 0;
  std::string text = "# battc store export of " + store_path + "\n\n" + kept_programs_text(store, best_only, &n);
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + out_path);
  return n;
}

}  // namespace battc::runtime::search
