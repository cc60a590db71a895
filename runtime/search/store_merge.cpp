// runtime/search/store_merge.cpp: read every input, check them against the
// first, join by content, write one new store. The inputs are read in the
// order of their paths, and every choice between two rows is made by their
// content, so the merge does not depend on the order it was given.
#include "runtime/search/store_merge.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "runtime/search/search_inputs.h"
#include "runtime/search/store.h"

namespace battc::runtime::search {
namespace {

namespace fs = std::filesystem;

// A program as the merge sees it: its row, and its parent by text (ids are
// each store's own).
struct MergedProgram {
  StoredProgram row;
  std::string parent_source;
  auto order() const { return std::tie(row.round, row.mutation, row.origin, parent_source, row.length, row.dialect); }
};

struct Inputs {
  std::string seeds_key, options;
  InputsKey key;  // seeds, options and the union of the tasks
  std::map<std::string, MergedProgram> programs;          // by source
  std::map<std::string, std::map<std::string, TaskScore>> scores;  // task -> source -> score
  std::map<int, RoundRow> rounds;
  std::map<std::string, std::array<std::int64_t, 3>> mutations;
  std::map<std::string, int> shapes;
};

std::string need_meta(Store& s, const char* key) {
  auto v = s.meta(key);
  if (!v) throw StoreError(s.path() + ": not a search store (no '" + key + "' in its meta table)");
  return *v;
}

void check_same(Store& s, const char* what, const std::string& have, const std::string& first,
                const std::string& first_path) {
  if (have != first)
    throw StoreError(s.path() + ": searched with other " + what + " than " + first_path + "; stores merge only when "
                     "their seeds and options are the same");
}

void read_tasks(Store& s, Inputs& in) {
  for (const auto& [id, hash] : s.tasks()) {
    auto [it, fresh] = in.key.tasks.emplace(id, hash);
    if (!fresh && it->second != hash)
      throw StoreError(s.path() + ": task " + id + " has other content than in another input");
  }
}

void read_programs(Store& s, Inputs& in) {
  std::map<std::int64_t, std::string> source_of;
  std::vector<StoredProgram> rows = s.programs();
  for (const StoredProgram& p : rows) source_of[p.id] = p.source;
  for (const StoredProgram& p : rows) {
    MergedProgram m{p, p.parent ? source_of[p.parent] : std::string()};
    auto [it, fresh] = in.programs.emplace(p.source, m);
    if (!fresh && m.order() < it->second.order()) it->second = m;
  }
}

void read_scores(Store& s, Inputs& in) {
  for (const auto& [task, scores] : s.best())
    for (const TaskScore& t : scores) {
      auto [it, fresh] = in.scores[task].emplace(t.source, t);
      if (!fresh && better(t, it->second)) it->second = t;
    }
}

void read_counts(Store& s, Inputs& in) {
  for (const RoundRow& r : s.rounds()) {
    RoundRow& sum = in.rounds[r.round];
    sum.round = r.round;
    sum.candidates += r.candidates;
    sum.rejected += r.rejected;
    sum.unique += r.unique;
    sum.evaluations += r.evaluations;
    sum.seconds += r.seconds;
    sum.generate_s += r.generate_s;
    sum.compile_s += r.compile_s;
    sum.run_s += r.run_s;
    sum.score_s += r.score_s;
    sum.store_s += r.store_s;
    sum.improved += r.improved;
    // One strategy per round number whatever the order of the inputs: the
    // first by name ("enumerate" < "mutate", the default) when they differ.
    sum.strategy = std::min(sum.strategy, r.strategy);
    std::set<std::string> ids;
    for (const std::string* list : {static_cast<const std::string*>(&sum.new_solved), &r.new_solved})
      for (std::size_t a = 0; a < list->size();) {
        std::size_t b = std::min(list->find(',', a), list->size());
        if (b > a) ids.insert(list->substr(a, b - a));
        a = b + 1;
      }
    sum.new_solved.clear();
    for (const std::string& id : ids) sum.new_solved += (sum.new_solved.empty() ? "" : ",") + id;
  }
  for (const auto& [kind, counts] : s.mutation_counts())
    for (int i = 0; i < 3; ++i) in.mutations[kind][i] += counts[i];
  for (const auto& [key, round] : s.shape_rounds()) {
    auto [it, fresh] = in.shapes.emplace(key, round);
    if (!fresh) it->second = std::min(it->second, round);
  }
}

Inputs read_inputs(std::vector<std::string> paths) {
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  Inputs in;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (!fs::exists(paths[i])) throw StoreError(paths[i] + ": no such store");
    Store s(paths[i]);
    std::string seeds = need_meta(s, "seeds_key"), options = need_meta(s, "options");
    if (i == 0) {
      in.seeds_key = seeds;
      in.options = options;
    }
    check_same(s, "seed programs", seeds, in.seeds_key, paths[0]);
    check_same(s, "options", options, in.options, paths[0]);
    read_tasks(s, in);
    read_programs(s, in);
    read_scores(s, in);
    read_counts(s, in);
  }
  in.key.seeds = in.seeds_key;
  in.key.options = in.options;
  return in;
}

int keep_of(const std::string& options) {
  auto at = options.find("keep=");
  if (at == std::string::npos) throw StoreError("the stores' options name no keep: '" + options + "'");
  return std::stoi(options.substr(at + 5));
}

// The programs by (round, text): parents come before their mutants (a
// parent is always of an earlier round), and the ids depend on content only.
std::map<std::string, std::int64_t> write_programs(Store& out, const Inputs& in) {
  std::vector<const MergedProgram*> order;
  for (const auto& [source, m] : in.programs) order.push_back(&m);
  std::sort(order.begin(), order.end(), [](const MergedProgram* a, const MergedProgram* b) {
    return std::tie(a->row.round, a->row.source) < std::tie(b->row.round, b->row.source);
  });
  std::map<std::string, std::int64_t> id_of;
  for (const MergedProgram* m : order) {
    StoredProgram p = m->row;
    auto parent = id_of.find(m->parent_source);
    p.parent = parent == id_of.end() ? 0 : parent->second;
    id_of[p.source] = out.add_program(p);
  }
  return id_of;
}

int write_store(Store& out, const Inputs& in) {
  Store::Transaction tx(out);
  std::map<std::string, std::int64_t> id_of = write_programs(out, in);
  int keep = keep_of(in.options);
  std::set<std::string> seeds_fit;
  for (const auto& [task, by_source] : in.scores) {
    std::vector<TaskScore> kept;
    for (const auto& [source, s] : by_source) kept.push_back(s);
    keep_best(kept, keep);
    for (TaskScore s : kept) {
      s.program = id_of.at(s.source);
      out.set_score(s);
      if (s.round == 0 && s.solved) seeds_fit.insert(task);
    }
  }
  for (const auto& [round, row] : in.rounds) out.add_round(row);
  for (const auto& [kind, c] : in.mutations) out.add_mutation_counts(kind, c[0], c[1], c[2]);
  std::map<int, std::vector<std::string>> shapes_by_round;
  for (const auto& [key, round] : in.shapes) shapes_by_round[round].push_back(key);
  for (const auto& [round, keys] : shapes_by_round) out.add_shapes(keys, round);
  out.set_tasks(in.key.tasks);
  out.set_meta("inputs", in.key.combined());
  out.set_meta("seeds_key", in.seeds_key);
  out.set_meta("options", in.options);
  out.set_meta("seed", "");
  out.set_meta("merged", "1");
  out.set_meta("seeded", "1");
  out.set_meta("seeds_solved", std::to_string(seeds_fit.size()));
  tx.commit();
  return out.last_round();
}

}  // namespace

MergeReport merge_stores(const std::vector<std::string>& inputs, const std::string& out) {
  if (inputs.empty()) throw StoreError("store merge: no input store");
  if (fs::exists(out)) throw StoreError(out + ": exists; the merge writes a new store (give another -o)");
  Inputs in = read_inputs(inputs);
  std::string tmp = out + ".merging";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(tmp + suffix);
  MergeReport r;
  {
    Store merged(tmp);
    r.rounds = write_store(merged, in);
    r.programs = static_cast<std::int64_t>(merged.programs().size());
  }  // closed: the WAL is checkpointed into the file and removed
  std::error_code ec;
  fs::rename(tmp, out, ec);
  if (ec) throw StoreError(out + ": cannot write it: " + ec.message());
  r.stores = static_cast<int>(std::set<std::string>(inputs.begin(), inputs.end()).size());
  r.tasks = static_cast<int>(in.key.tasks.size());
  return r;
}

}  // namespace battc::runtime::search
