// runtime/search/store_merge.h: battc store merge: stores of one search run
// as several jobs (shards, islands, machines) joined into one. The inputs
// must have the same seeds and options; their tasks may differ (a task id in
// two stores must have the same content there), and the merge holds their
// union. Programs are joined by canonical text, each task keeps its best
// `keep` by the search's own ranking (ranking.h), rounds and mutation
// counts are summed. Nothing depends on the order the inputs are given in,
// and the result is written to a temporary file and renamed, so a crash
// never leaves half a store. `battc search --resume` continues a merged
// store with any --seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace battc::runtime::search {

struct MergeReport {
  int stores = 0;
  std::int64_t programs = 0;  // in the merged store
  int tasks = 0;
  int rounds = 0;             // the last round
};

// Throws StoreError (with the store and what differs) on an input that is
// no search store, inputs of other seeds or options, a task whose content
// differs between two stores, or an `out` that exists.
MergeReport merge_stores(const std::vector<std::string>& inputs, const std::string& out);

}  // namespace battc::runtime::search
