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
      in.seeds.push_back(std::move(*t));
      in.seed_names.push_back(p.name);
    }
  }
  if (in.seeds.empty() && !o.program_files.empty()) return api::input_error("no seed program was accepted");
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
  std::erase_if(in.tasks, [&](const Task& t) { return !in_shard(t.id, o.shard_index, o.shard_count); });
  if (in.tasks.empty())
    return api::input_error(fmt::format("shard {}/{} holds none of the tasks given", o.shard_index, o.shard_count));
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

std::string InputsKey::combined() const {
  jit::Sha256 h;
  h.field("battc-search-4");  // 2: task contents; 3: the searched tasks; 4: in parts, the random seed apart
  h.field(seeds);
  h.field(options);
  for (const auto& [id, hash] : tasks) {
    h.field(id);
    h.field(hash);
  }
  return h.hex();
}

InputsKey inputs_key(const SearchInputs& in, const SearchOptions& o) {
  InputsKey key;
  jit::Sha256 seeds;
  for (std::size_t i = 0; i < in.seeds.size(); ++i)
    seeds.field(generator::program_text(in.seeds[i].program, in.seed_names[i]));
  key.seeds = seeds.hex();
  key.options = fmt::format("tasks_per_round={} parents={} mutants={} keep={} arena_bytes={} work_budget={} "
                            "new_shapes={} select_on_test={} strategy={} enumerate={}/{}/{}/{} prior={}{}{}{}",
                            o.tasks_per_round, o.parents_per_task, o.mutants_per_parent, o.keep, o.arena_bytes,
                            o.work_budget, o.new_shapes_per_round, o.select_on_test ? 1 : 0, o.strategy,
                            o.enumerate_tasks, o.enumerate_depth, o.enumerate_calls, o.enumerate_shapes,
                            o.enumerate_prior, o.seeds_on == "own" ? "" : " seeds_on=" + o.seeds_on,
                            o.enumerate_library == "none" ? "" : " library=" + o.enumerate_library,
                            o.conjugates ? "" : " conjugates=0");  // stores made before them read as with them
  for (const Task& t : in.searched) {
    jit::Sha256 h;
    hash_task(h, t);
    key.tasks[t.id] = h.hex();
  }
  key.seed = o.seed;
  return key;
}

bool in_shard(const std::string& id, int index, int count) {
  if (count <= 1) return true;
  jit::Sha256 h;
  h.field(id);
  std::string hex = h.hex().substr(0, 15);  // 60 bits: well inside an unsigned 64-bit value
  return std::stoull(hex, nullptr, 16) % std::uint64_t(count) == std::uint64_t(index);
}

}  // namespace battc::runtime::search
