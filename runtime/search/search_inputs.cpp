// runtime/search/search_inputs.cpp
#include "runtime/search/search_inputs.h"

#include <fmt/core.h>

#include <fstream>
#include <set>
#include <sstream>

#include "generator/mutate/program_text.h"
#include "generator/mutate/typed_program.h"
#include "runtime/jit/sha256.h"
#include "runtime/search/stored_program.h"

namespace battc::runtime::search {
namespace {

std::vector<int> palette_of(const Task& t) {
  std::set<int> colors;
  for (const auto& pair : t.train) {
    for (int c : pair.input.cells) colors.insert(c);
    for (int c : pair.output->cells) colors.insert(c);
  }
  return {colors.begin(), colors.end()};
}

void hash_grid(jit::Sha256& h, const GridData& g) {
  std::string bytes = fmt::format("{}x{}:", g.h, g.w);
  for (int c : g.cells) bytes += fmt::format("{},", c);
  h.field(bytes);
}

void hash_task(jit::Sha256& h, const Task& t) {
  h.field(t.id);
  for (const auto* samples : {&t.train, &t.test}) {
    h.field(fmt::format("{} samples", samples->size()));
    for (const Sample& s : *samples) {
      hash_grid(h, s.input);
      if (s.output) hash_grid(h, *s.output);
      else h.field("no output");
    }
  }
}

// The seed solvers of the program files that the checker accepts.
std::optional<api::ApiError> load_seeds(const SearchOptions& o, const generator::Signatures& sig, SearchInputs& in) {
  generator::Diagnostics diags;
  generator::SourceSet sources;
  for (const std::string& f : o.program_files) {
    std::ifstream file(f, std::ios::binary);
    if (!file) return api::input_error("cannot read program file '" + f + "'");
    std::stringstream text;
    text << file.rdbuf();
    for (const generator::Program& p : parse_program_text(f, text.str(), diags, sources)) {
      if (p.name.rfind("differ_", 0) == 0) {
        ++in.differs;
        continue;
      }
      generator::Dialect d = generator::dialect_of_params(p.params);
      auto t = generator::type_program(p, d, sig);
      if (!t) {
        ++in.refused;
        continue;
      }
      in.seeds.emplace_back(t->program, d);
      in.seed_names.push_back(p.name);
    }
  }
  if (in.seeds.empty()) return api::input_error("no seed program was accepted");
  return std::nullopt;
}

}  // namespace

api::ApiResult<SearchInputs> load_search_inputs(const SearchOptions& o, const generator::Signatures& sig) {
  SearchInputs in;
  api::RunRequest load;
  load.task_paths = o.task_paths;
  load.solutions = o.solutions;
  auto tasks = api::load_request_tasks(load);
  if (!tasks.ok()) return tasks.error();
  in.tasks = std::move(tasks.value());
  for (std::size_t i = 0; i < in.tasks.size(); ++i) {
    if (!in.task_index.emplace(in.tasks[i].id, i).second)
      return api::input_error("task " + in.tasks[i].id + " is given twice");
    in.palettes.push_back(palette_of(in.tasks[i]));
  }
  in.searched = in.tasks;
  if (!o.select_on_test)
    for (Task& t : in.searched)
      for (Sample& s : t.test) s.output.reset();
  if (auto e = load_seeds(o, sig, in)) return *e;
  return in;
}

std::string inputs_key(const SearchInputs& in, const SearchOptions& o) {
  jit::Sha256 h;
  h.field("battc-search-3");  // 2: task contents, not only ids; 3: the searched tasks
  h.field(o.select_on_test ? "selects on test outputs" : "test outputs hidden");
  for (const Task& t : in.searched) hash_task(h, t);
  for (std::size_t i = 0; i < in.seeds.size(); ++i)
    h.field(generator::program_text(in.seeds[i].first, in.seed_names[i]));
  h.field(fmt::format("{} {} {} {} {} {} {} {}", o.seed, o.tasks_per_round, o.parents_per_task, o.mutants_per_parent,
                      o.keep, o.arena_bytes, o.work_budget, o.new_shapes_per_round));
  return h.hex();
}

}  // namespace battc::runtime::search
