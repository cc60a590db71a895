// runtime/search/search_inputs.h: what a search starts from, loaded and
// checked once: the tasks (with each one's palette, the colours mutations
// draw first) and the seed solvers the checker accepts; and the key that
// says whether a store was searched from the same inputs (--resume).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "generator/dialect/dialect.h"
#include "generator/mutate/typed_program.h"
#include "generator/parse/ast.h"
#include "generator/types/signatures.h"
#include "runtime/search/search.h"
#include "runtime/tasks/task.h"

namespace battc::runtime::search {

struct SearchInputs {
  std::vector<Task> tasks;     // as loaded: known test outputs included (the final report's)
  // What the rounds evaluate: `tasks` with every test output removed, unless
  // SearchOptions::select_on_test. No score, selection, dedup or stopping
  // decision can read a test output it does not hold.
  std::vector<Task> searched;
  std::map<std::string, std::size_t> task_index;  // id -> index into tasks
  std::vector<std::vector<int>> palettes;         // per task: the colours of its train grids
  // The accepted seeds as the checker typed them (canonical, with each
  // variable's type): what round 0, the prefixes, the prior and the
  // library read, typed once.
  std::vector<generator::TypedProgram> seeds;
  std::vector<std::string> seed_names;
  int refused = 0, differs = 0;  // seeds the checker refused; differs left out
};

// Loads the tasks and the seeds of `o`. A task given twice, an unreadable
// program file or no accepted seed is an Input error.
api::ApiResult<SearchInputs> load_search_inputs(const SearchOptions& o, const generator::Signatures& sig);

// What a store was searched from, in parts that a merge of stores checks one
// by one (runtime/search/store_merge.h): the seeds, the options that decide
// what a round makes, and each searched task's content (its id and grids;
// the known test outputs, whatever file gave them, only when the search
// selects on them). The random seed is kept beside it: stores of one search
// split over machines differ in it and still merge.
struct InputsKey {
  std::string seeds;                          // sha256 of the seeds' canonical texts and names
  std::string options;                        // the options as text ("keep=5 ..."), readable in the store
  std::map<std::string, std::string> tasks;   // task id -> sha256 of its searched content
  std::uint64_t seed = 0;                     // the random seed
  // sha256 over seeds, options and the tasks in id order: the store's
  // "inputs" meta, which --resume must match (the random seed is checked
  // apart).
  std::string combined() const;
};

InputsKey inputs_key(const SearchInputs& in, const SearchOptions& o);

// Whether task `id` is in shard `index` of `count` (SearchOptions::shard):
// by a hash of the id alone, so a task stays in its shard when others are
// added.
bool in_shard(const std::string& id, int index, int count);

}  // namespace battc::runtime::search
