// runtime/search/candidates.cpp
#include "runtime/search/candidates.h"

#include <algorithm>
#include <unordered_set>

#include "generator/mutate/conjugates.h"
#include "generator/mutate/prefixes.h"
#include "generator/mutate/program_text.h"
#include "runtime/exec/parallel_for.h"

namespace battc::runtime::search {
namespace {

using generator::MutationKind;
using generator::Rng;
using generator::TypedProgram;

// One task's parents and mutants: a parent drawn from the task's kept
// programs by score (any stored program while it has none; now and then a
// program of the library for a task not yet settled), mutants of
// drawn kinds, the first of up to four draws of a kind that the checker
// accepts; a text made already this round ends that mutant's draws.
class TaskMutations {
 public:
  TaskMutations(const MutationSources& src, const SearchOptions& o, int round, const Task& task,
                const std::vector<int>& palette, const std::vector<TaskScore>* own,
                const std::vector<std::int64_t>& anyone, const std::vector<std::int64_t>& library)
      : src_(src), o_(o), task_(task), own_(own), anyone_(anyone), library_(library),
        rng_(o.seed, static_cast<std::uint64_t>(round), text_hash(task.id)), ctx_{&src.sig, palette} {}

  void make(std::unordered_set<std::string>& texts, std::vector<Candidate>& out,
            std::map<std::string, MutationStats>& stats) {
    const std::vector<std::uint64_t> weights = generator::mutation_weights();  // the kinds' table
    const bool explore = unsettled() && !library_.empty();
    for (int pi = 0; pi < o_.parents_per_task; ++pi) {
      double parent_score = 0;
      std::int64_t parent =
          explore && pi % kExploreEvery == kExploreEvery - 1 ? library_parent(parent_score) : draw_parent(parent_score);
      const TypedProgram* tp = src_.typed(parent);
      if (!tp) continue;
      for (int m = 0; m < o_.mutants_per_parent; ++m) {
        auto kind = static_cast<MutationKind>(rng_.weighted(weights));
        const TypedProgram* other = nullptr;
        if (kind == MutationKind::Crossover) {
          double unused;
          other = src_.typed(draw_parent(unused));
        } else if (kind == MutationKind::Splice && !library_.empty()) {
          other = src_.typed(library_[rng_.below(library_.size())]);
        }
        mutant(*tp, kind, other, parent, parent_score, texts, out, stats[generator::mutation_name(kind)]);
      }
    }
  }

 private:
  // A task's kept programs are the programs nearest its answer by train
  // score, and round 0 ran every seed on it, so its parents are the seeds
  // that score best there and their mutants: a local optimum when the
  // answer shares none of their structure. Every kExploreEvery-th parent of
  // an unsettled task (its plausibly fitting programs make fewer than two
  // test predictions: none fits, or those that fit agree, perhaps on a
  // wrong answer) is a program of the library (seeds, enumeration's finds)
  // drawn at random instead, as every parent was before the seeds ran on
  // every task (docs/search.md, "Parents"). A mutant of it counts as
  // improving only when it beats the task's best.
  static constexpr int kExploreEvery = 4;

  bool unsettled() const {
    if (!own_ || own_->empty()) return false;  // draw_parent draws from the whole store then anyway
    return distinct_predictions(*own_) < 2;
  }

  std::int64_t library_parent(double& score) {
    score = 0;
    for (const TaskScore& s : *own_) score = std::max(score, s.score);
    return library_[rng_.below(library_.size())];
  }

  std::int64_t draw_parent(double& score) {
    if (own_ && !own_->empty()) {
      std::vector<std::uint64_t> w;
      for (const TaskScore& s : *own_) w.push_back(1 + static_cast<std::uint64_t>(s.score * 1000));
      const TaskScore& s = (*own_)[rng_.weighted(w)];
      score = s.score;
      return s.program;
    }
    score = 0;
    return anyone_[rng_.below(anyone_.size())];  // nothing of its own yet: any program
  }

  void mutant(const TypedProgram& tp, MutationKind kind, const TypedProgram* other, std::int64_t parent,
              double parent_score, std::unordered_set<std::string>& texts, std::vector<Candidate>& out,
              MutationStats& st) {
    for (int attempt = 0; attempt < 4; ++attempt) {
      auto made = src_.mutator.mutate(tp, kind, rng_, ctx_, other);
      if (!made) continue;
      ++st.made;
      auto checked = generator::type_program(*made, tp.dialect, src_.sig);
      if (!checked) {
        ++st.discarded;
        continue;
      }
      Candidate c;
      c.source = generator::program_text(checked->program, kStoredName);
      if (!texts.insert(c.source).second) return;  // made already this round
      c.program = std::move(checked->program);
      c.dialect = tp.dialect;
      c.parent = parent;
      c.task = task_.id;
      c.parent_score = parent_score;
      c.mutation = generator::mutation_name(kind);
      out.push_back(std::move(c));
      return;
    }
  }

  const MutationSources& src_;
  const SearchOptions& o_;
  const Task& task_;
  const std::vector<TaskScore>* own_;
  const std::vector<std::int64_t>& anyone_;  // a task's parents while it has none of its own
  const std::vector<std::int64_t>& library_;  // a splice's donors
  Rng rng_;
  generator::MutationContext ctx_;
};

}  // namespace

std::uint64_t text_hash(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::vector<std::size_t> draw_tasks(const std::vector<Task>& tasks, const std::set<std::string>& solved,
                                    const std::set<std::string>& settled, const SearchOptions& o, int round) {
  Rng rng(o.seed, static_cast<std::uint64_t>(round));
  std::vector<std::size_t> left(tasks.size());
  for (std::size_t i = 0; i < left.size(); ++i) left[i] = i;
  std::vector<std::size_t> chosen;
  while (!left.empty() && chosen.size() < std::size_t(std::max(1, o.tasks_per_round))) {
    std::vector<std::uint64_t> w;
    for (std::size_t i : left) w.push_back(settled.count(tasks[i].id) ? 1 : solved.count(tasks[i].id) ? 2 : 4);
    std::size_t k = rng.weighted(w);
    chosen.push_back(left[k]);
    left.erase(left.begin() + static_cast<std::ptrdiff_t>(k));
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

std::vector<Candidate> make_candidates(const MutationSources& src, const SearchInputs& in, const SearchOptions& o,
                                       int round, const std::vector<std::size_t>& chosen,
                                       const std::map<std::string, std::vector<TaskScore>>& best,
                                       const std::vector<StoredProgram>& pool,
                                       std::map<std::string, MutationStats>& stats) {
  // A splice's donors: the seeds and what enumeration built, the programs
  // written for (or found on) a task rather than mutants of them; the whole
  // store when it holds neither.
  std::vector<std::int64_t> library;
  for (const StoredProgram& p : pool)
    if (p.mutation == "seed" || p.mutation == "enumerate") library.push_back(p.id);
  if (library.empty())
    for (const StoredProgram& p : pool) library.push_back(p.id);
  // A task with nothing of its own draws from every stored program but the
  // conjugates: one is stored only for what it fits, and as material it is
  // a turned copy of a seed that is there already (with them in this draw,
  // three in four of its parents were turned seeds, and five LOO-40 runs
  // verified 22.4 tasks on average against 24.0 without conjugates).
  std::vector<std::int64_t> anyone;
  for (const StoredProgram& p : pool)
    if (p.mutation != "conjugate") anyone.push_back(p.id);
  if (anyone.empty())
    for (const StoredProgram& p : pool) anyone.push_back(p.id);
  // Each task's mutants on a thread of its own (its random stream is its
  // own), deduplicated within the task there; then across tasks in task
  // order. That is what one pass over the tasks with one set of texts
  // makes: a text an earlier task made ends a later task's draws for that
  // mutant whether or not the later task knew it, so the draws, the
  // candidates and the counts do not depend on the threads.
  struct TaskMade {
    std::unordered_set<std::string> texts;
    std::vector<Candidate> out;
    std::map<std::string, MutationStats> stats;
  };
  std::vector<TaskMade> made(chosen.size());
  parallel_for(chosen.size(), resolve_jobs(o.jobs), [&](unsigned, std::size_t k) {
    const Task& task = in.tasks[chosen[k]];
    auto own = best.find(task.id);
    TaskMutations(src, o, round, task, in.palettes[chosen[k]], own == best.end() ? nullptr : &own->second, anyone,
                  library)
        .make(made[k].texts, made[k].out, made[k].stats);
  });
  // Programs the store has already met are not evaluated again.
  std::unordered_set<std::string> known;
  for (const StoredProgram& p : pool) known.insert(p.source);
  std::vector<Candidate> out;
  std::unordered_set<std::string> texts;
  for (TaskMade& m : made) {
    for (Candidate& c : m.out)
      if (texts.insert(c.source).second && !known.count(c.source)) out.push_back(std::move(c));
    for (const auto& [kind, st] : m.stats) stats[kind] += st;
  }
  return out;
}

std::vector<Candidate> seed_candidates(const SearchInputs& in, bool prefixes, bool conjugates) {
  std::vector<Candidate> out;
  std::unordered_set<std::string> texts;
  for (std::size_t i = 0; i < in.seeds.size(); ++i) {
    Candidate c;
    c.program = in.seeds[i].program;
    c.dialect = in.seeds[i].dialect;
    c.source = generator::program_text(c.program, kStoredName);
    c.mutation = "seed";
    c.origin = in.seed_names[i];
    texts.insert(c.source);
    out.push_back(std::move(c));
  }
  if (!prefixes) return out;
  const std::size_t seeds = out.size();
  auto add = [&](std::size_t i, generator::Program q, const char* kind) {
    Candidate c;
    c.program = generator::canonical_program(q);
    c.dialect = out[i].dialect;
    c.source = generator::program_text(c.program, kStoredName);
    if (!texts.insert(c.source).second) return;
    c.mutation = kind;
    c.origin = out[i].origin;
    c.seed_of = static_cast<int>(i);
    out.push_back(std::move(c));
  };
  for (std::size_t i = 0; i < seeds; ++i)
    for (generator::Program& q : generator::result_type_prefixes(in.seeds[i])) add(i, std::move(q), "prefix");
  for (std::size_t i = 0; i < seeds && conjugates; ++i)
    for (generator::Program& q : generator::dihedral_conjugates(in.seeds[i])) add(i, std::move(q), "conjugate");
  return out;
}

std::vector<std::vector<Task>> seed_round_parts(const std::vector<Task>& tasks, std::size_t programs,
                                                std::size_t max_evaluations) {
  std::vector<std::vector<Task>> parts(1);
  std::size_t evaluations = 0;
  for (const Task& t : tasks) {
    const std::size_t here = (t.train.size() + t.test.size()) * programs;
    if (max_evaluations > 0 && !parts.back().empty() && evaluations + here > max_evaluations) {
      parts.emplace_back();
      evaluations = 0;
    }
    parts.back().push_back(t);
    evaluations += here;
  }
  return parts;
}

}  // namespace battc::runtime::search
