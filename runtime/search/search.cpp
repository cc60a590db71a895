// runtime/search/search.cpp: the loop. Everything that decides what a round
// makes (task and parent draws, mutations, dedup, selection) is single-
// threaded, reads only the store's content and a random stream per (seed,
// round, task), and orders ties by content; only evaluation is parallel, and
// its results do not depend on the thread count. So the same inputs, seed and
// rounds give the same store whatever --jobs, and a resumed run continues as
// the uninterrupted one would have.
#include "runtime/search/search.h"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "generator/mutate/mutate.h"
#include "generator/mutate/program_text.h"
#include "runtime/jit/sha256.h"
#include "runtime/search/score_round.h"
#include "runtime/search/stored_program.h"
#include "runtime/search/store.h"

namespace battc::runtime::search {
namespace {

using Clock = std::chrono::steady_clock;
using generator::Dialect;
using generator::MutationKind;
using generator::Program;
using generator::Rng;
using generator::TypedProgram;

// The name of every program's def in the store: the text is the program's
// identity, so it must not depend on the task or the round.
constexpr const char* kStoredName = "solve_program";

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// How often each kind is drawn (card.py's mix leans on constants too).
constexpr std::array<std::uint64_t, generator::kMutationKinds> kKindWeights = {30, 20, 18, 10, 8, 8, 6};

struct Candidate {
  Program program;  // canonical
  std::string source;
  Dialect dialect = Dialect::ArcDsl;
  std::int64_t parent = 0;
  std::string task;  // the task it was made for
  double parent_score = 0;
  MutationKind kind = MutationKind::Constant;
};

std::uint64_t text_hash(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::vector<int> palette_of(const Task& t) {
  std::set<int> colors;
  for (const auto& pair : t.train) {
    for (int c : pair.input.cells) colors.insert(c);
    for (int c : pair.output->cells) colors.insert(c);
  }
  return {colors.begin(), colors.end()};
}

class Search {
 public:
  explicit Search(const SearchOptions& o)
      : o_(o), sig_(types_), mutator_(sig_), store_(o.store) {}

  SearchReport run();

 private:
  void note(const std::string& s) {
    if (o_.note) o_.note(s);
  }
  std::string inputs_key() const;
  void seed_round();
  void round(int r);
  const TypedProgram* typed(std::int64_t id);
  api::ApiResult<api::RunOutcome> evaluate(const std::vector<Candidate>& cands, const std::vector<Task>& tasks,
                                           Pairing pairing, const std::vector<std::string>& names,
                                           std::vector<int>& kept, std::vector<std::string>& new_shapes);
  std::set<std::string> solved_tasks() { return solved_in(store_.best()); }
  std::set<std::string> solved_in(const std::map<std::string, std::vector<TaskScore>>& best) const;

  const SearchOptions& o_;
  generator::TypeTable types_;
  generator::Signatures sig_;
  generator::Mutator mutator_;
  Store store_;
  std::vector<Task> tasks_;
  std::map<std::string, std::size_t> task_index_;
  std::vector<std::vector<int>> palettes_;
  std::map<std::int64_t, std::optional<TypedProgram>> typed_;
  std::shared_ptr<jit::SpecLibrary> specs_;
  std::vector<std::pair<Program, Dialect>> seeds_;
  std::vector<std::string> seed_names_;
  SearchReport rep_;
  std::set<std::string> solved_by_seeds_;
  std::unordered_set<std::string> shapes_;  // the store's shapes table
};

// The spec keys program p of batt b needs: its nodes (operands included,
// S-only ones too) and its result's record.
std::vector<std::string> program_shapes(const generator::Batt& b, const generator::BattProgram& p,
                                        std::vector<std::optional<std::string>>& memo) {
  std::vector<char> seen(b.nodes().size(), 0);
  std::vector<int> stack(p.stmts.begin(), p.stmts.end());
  stack.push_back(p.result);
  std::vector<std::string> out;
  while (!stack.empty()) {
    int i = stack.back();
    stack.pop_back();
    if (seen[i]) continue;
    seen[i] = 1;
    if (!memo[i]) {
      auto d = generator::node_spec(b, i);
      memo[i] = d ? d->key : std::string();
    }
    if (!memo[i]->empty()) out.push_back(*memo[i]);
    for (int a : b.nodes()[i].args) stack.push_back(a);
  }
  out.push_back(generator::record_spec(b.nodes()[p.result].type).key);
  return out;
}

std::string Search::inputs_key() const {
  jit::Sha256 h;
  h.field("battc-search-1");
  for (const Task& t : tasks_) h.field(t.id);
  for (std::size_t i = 0; i < seeds_.size(); ++i) h.field(generator::program_text(seeds_[i].first, seed_names_[i]));
  h.field(fmt::format("{} {} {} {} {} {} {} {}", o_.seed, o_.tasks_per_round, o_.parents_per_task,
                      o_.mutants_per_parent, o_.keep, o_.arena_bytes, o_.work_budget, o_.new_shapes_per_round));
  return h.hex();
}

const TypedProgram* Search::typed(std::int64_t id) {
  auto it = typed_.find(id);
  if (it != typed_.end()) return it->second ? &*it->second : nullptr;
  std::optional<TypedProgram> t;
  if (auto p = store_.program(id)) {
    generator::Diagnostics diags;
    generator::SourceSet sources;
    auto progs = parse_program_text("store", p->source, diags, sources);
    Dialect d = generator::parse_dialect(p->dialect).value_or(Dialect::ArcDsl);
    if (progs.size() == 1) t = generator::type_program(progs[0], d, sig_);
  }
  auto& slot = typed_[id] = std::move(t);
  return slot ? &*slot : nullptr;
}

std::set<std::string> Search::solved_in(const std::map<std::string, std::vector<TaskScore>>& best) const {
  std::set<std::string> out;
  for (const auto& [task, scores] : best)
    if (task_index_.count(task) && !scores.empty() && scores.front().solved) out.insert(task);
  return out;
}

// The candidates' batt (one program each, named names[i]), run over
// `tasks`; with pairing All, programs of equal IR (the same value-numbered
// statements and result) are kept once (by name, equal seeds of two tasks
// both run). kept[i] is the index of candidate i's program in the result, or
// -1 when it was a duplicate.
api::ApiResult<api::RunOutcome> Search::evaluate(const std::vector<Candidate>& cands, const std::vector<Task>& tasks,
                                                 Pairing pairing, const std::vector<std::string>& names,
                                                 std::vector<int>& kept, std::vector<std::string>& new_shapes) {
  std::string text;
  for (std::size_t i = 0; i < cands.size(); ++i) text += generator::program_text(cands[i].program, names[i]) + "\n";
  api::ProgramInput in;
  in.texts = {{"candidates.py", text}};
  auto g = api::generate_programs(in, false);
  rep_.rejected += g->report.rejected;
  std::map<std::string, std::size_t> by_name;
  for (std::size_t i = 0; i < names.size(); ++i) by_name[names[i]] = i;
  std::map<std::pair<std::vector<int>, int>, bool> seen;
  std::vector<generator::BattProgram> unique;
  kept.assign(cands.size(), -1);
  // Admission in an order fixed by content (not by task order), so the
  // shape budget favours no task.
  std::vector<std::size_t> order(g->batt.programs().size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (pairing == Pairing::All)
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      const auto& a = cands[by_name.at(g->batt.programs()[x].name)].source;
      const auto& b = cands[by_name.at(g->batt.programs()[y].name)].source;
      std::uint64_t ha = text_hash(a), hb = text_hash(b);
      return ha != hb ? ha < hb : a < b;
    });
  std::vector<std::optional<std::string>> memo(g->batt.nodes().size());
  std::set<std::string> admitted;
  for (std::size_t i : order) {
    auto& p = g->batt.programs()[i];
    if (pairing == Pairing::All && !seen.emplace(std::make_pair(p.stmts, p.result), true).second) continue;
    std::vector<std::string> fresh;
    for (std::string& k : program_shapes(g->batt, p, memo))
      if (!shapes_.count(k) && !admitted.count(k)) fresh.push_back(std::move(k));
    std::sort(fresh.begin(), fresh.end());
    fresh.erase(std::unique(fresh.begin(), fresh.end()), fresh.end());
    if (pairing == Pairing::All && admitted.size() + fresh.size() > std::size_t(std::max(0, o_.new_shapes_per_round))) {
      ++rep_.over_shape_budget;
      continue;
    }
    admitted.insert(fresh.begin(), fresh.end());
    kept[by_name.at(p.name)] = static_cast<int>(unique.size());
    unique.push_back(std::move(p));
  }
  new_shapes.assign(admitted.begin(), admitted.end());
  shapes_.insert(admitted.begin(), admitted.end());
  if (unique.empty()) return api::ApiError{api::ErrorKind::Input, ""};  // nothing to run this round
  g->batt.programs() = std::move(unique);
  generator::remove_unreachable(g->batt);  // the dropped candidates' values: nothing to compile or run
  api::RunRequest req;
  req.engine = api::Engine::Specs;
  req.exec.pairing = pairing;
  req.exec.jobs = o_.jobs;
  req.exec.arena_bytes = o_.arena_bytes;
  req.exec.work_budget = o_.work_budget;
  req.exec.grid_stats = true;
  req.evaluation = Evaluation::All;  // fitness counts cells on every pair
  req.jit = o_.jit;
  req.specs = specs_;
  auto out = api::run_generated(std::move(req), std::move(g), tasks);
  if (out.ok()) specs_ = out->specs;
  return out;
}

void Search::seed_round() {
  auto t0 = Clock::now();
  std::vector<Candidate> cands;
  for (std::size_t i = 0; i < seeds_.size(); ++i) {
    Candidate c;
    c.program = seeds_[i].first;
    c.dialect = seeds_[i].second;
    c.source = generator::program_text(c.program, kStoredName);
    c.kind = MutationKind::Constant;
    cands.push_back(std::move(c));
  }
  std::vector<int> kept;
  std::vector<std::string> new_shapes;
  double generate_s = since(t0);
  auto out = evaluate(cands, tasks_, Pairing::ByName, seed_names_, kept, new_shapes);
  if (!out.ok()) throw std::runtime_error(out.error().message.empty() ? "no seed to run" : out.error().message);
  auto t1 = Clock::now();
  RoundScores scores = score_round(out->result, out->tasks);
  double score_s = since(t1);
  t1 = Clock::now();
  store_.begin();
  for (std::size_t i = 0; i < cands.size(); ++i) {
    StoredProgram sp;
    sp.source = cands[i].source;
    sp.length = static_cast<int>(cands[i].program.body.size());
    sp.dialect = generator::dialect_name(cands[i].dialect);
    sp.mutation = "seed";
    sp.origin = seed_names_[i];
    std::int64_t id = store_.add_program(sp);
    if (kept[i] < 0) continue;
    for (const TaskScore& s : scores.of_program(kept[i])) {
      if (s.score <= 0) continue;
      TaskScore row = s;
      row.program = id;
      store_.set_score(row);
    }
  }
  for (const Task& t : tasks_) store_.keep_best(t.id, o_.keep);
  store_.add_shapes(new_shapes, 0);
  store_.set_meta("inputs", inputs_key());
  store_.set_meta("seeded", "1");
  // Solved by the seeds: read back inside the transaction, one commit for all.
  solved_by_seeds_ = solved_tasks();
  store_.set_meta("seeds_solved", std::to_string(solved_by_seeds_.size()));
  RoundRow row;
  row.round = 0;
  row.candidates = static_cast<std::int64_t>(cands.size());
  row.evaluations = static_cast<std::int64_t>(out->result.evaluations);
  row.generate_s = generate_s + out->times.parse + out->times.typecheck;
  row.compile_s = out->times.compile;
  row.run_s = out->times.run;
  row.score_s = score_s;
  row.store_s = since(t1);
  row.seconds = since(t0);
  store_.add_round(row);
  store_.commit();
  note(fmt::format("round 0: {} seeds, {} evaluations in {:.1f} s (compile {:.1f} s); {} of {} tasks solved",
                   cands.size(), row.evaluations, row.seconds, row.compile_s, solved_by_seeds_.size(), tasks_.size()));
}

void Search::round(int r) {
  auto t0 = Clock::now();
  auto best = store_.best();
  std::set<std::string> solved_before = solved_in(best);
  std::vector<StoredProgram> pool = store_.programs();

  // Tasks: unsolved ones four times as likely.
  Rng rng(o_.seed, static_cast<std::uint64_t>(r));
  std::vector<std::size_t> left(tasks_.size());
  for (std::size_t i = 0; i < left.size(); ++i) left[i] = i;
  std::vector<std::size_t> chosen;
  while (!left.empty() && chosen.size() < std::size_t(std::max(1, o_.tasks_per_round))) {
    std::vector<std::uint64_t> w;
    for (std::size_t i : left) w.push_back(solved_before.count(tasks_[i].id) ? 1 : 4);
    std::size_t k = rng.weighted(w);
    chosen.push_back(left[k]);
    left.erase(left.begin() + static_cast<std::ptrdiff_t>(k));
  }
  std::sort(chosen.begin(), chosen.end());

  // Parents and mutants, task by task, each task its own random stream.
  std::vector<Candidate> cands;
  std::unordered_set<std::string> texts;
  std::map<std::string, MutationStats> stats;
  std::vector<std::uint64_t> kind_weights(kKindWeights.begin(), kKindWeights.end());
  for (std::size_t ti : chosen) {
    const Task& task = tasks_[ti];
    Rng trng(o_.seed, static_cast<std::uint64_t>(r), text_hash(task.id));
    const std::vector<TaskScore>* own = best.count(task.id) ? &best[task.id] : nullptr;
    generator::MutationContext ctx{&sig_, palettes_[ti]};
    auto draw_parent = [&](double& score) -> std::int64_t {
      if (own && !own->empty()) {
        std::vector<std::uint64_t> w;
        for (const TaskScore& s : *own) w.push_back(1 + static_cast<std::uint64_t>(s.score * 1000));
        const TaskScore& s = (*own)[trng.weighted(w)];
        score = s.score;
        return s.program;
      }
      score = 0;
      return pool[trng.below(pool.size())].id;  // nothing of its own yet: any program
    };
    for (int pi = 0; pi < o_.parents_per_task; ++pi) {
      double parent_score = 0;
      std::int64_t parent = draw_parent(parent_score);
      const TypedProgram* tp = typed(parent);
      if (!tp) continue;
      for (int m = 0; m < o_.mutants_per_parent; ++m) {
        auto kind = static_cast<MutationKind>(trng.weighted(kind_weights));
        const TypedProgram* other = nullptr;
        if (kind == MutationKind::Crossover) {
          double unused;
          other = typed(draw_parent(unused));
        }
        MutationStats& st = stats[generator::mutation_name(kind)];
        for (int attempt = 0; attempt < 4; ++attempt) {
          auto mutant = mutator_.mutate(*tp, kind, trng, ctx, other);
          if (!mutant) continue;
          ++st.made;
          auto checked = generator::type_program(*mutant, tp->dialect, sig_);
          if (!checked) {
            ++st.discarded;
            continue;
          }
          Candidate c;
          c.source = generator::program_text(checked->program, kStoredName);
          if (!texts.insert(c.source).second) break;  // made already this round
          c.program = std::move(checked->program);
          c.dialect = tp->dialect;
          c.parent = parent;
          c.task = task.id;
          c.parent_score = parent_score;
          c.kind = kind;
          cands.push_back(std::move(c));
          break;
        }
      }
    }
  }
  // Programs the store has already met are not evaluated again.
  std::unordered_set<std::string> known;
  for (const StoredProgram& p : pool) known.insert(p.source);
  cands.erase(std::remove_if(cands.begin(), cands.end(), [&](const Candidate& c) { return known.count(c.source); }),
              cands.end());
  RoundRow row;
  row.round = r;
  row.candidates = static_cast<std::int64_t>(cands.size());
  if (cands.empty()) {
    store_.begin();
    store_.add_round(row);
    store_.commit();
    return;
  }

  std::vector<Task> round_tasks;
  for (std::size_t ti : chosen) round_tasks.push_back(tasks_[ti]);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < cands.size(); ++i) names.push_back("solve_cand" + std::to_string(i));  // the parser reads solve_* only
  std::vector<int> kept;
  std::vector<std::string> new_shapes;
  double generate_s = since(t0);
  std::int64_t rejected_before = rep_.rejected;
  auto out = evaluate(cands, round_tasks, Pairing::All, names, kept, new_shapes);
  if (!out.ok() && !out.error().message.empty()) throw std::runtime_error(out.error().message);
  if (!out.ok()) {  // every candidate waits for the shape budget
    store_.begin();
    store_.add_round(row);
    store_.commit();
    return;
  }
  row.rejected = rep_.rejected - rejected_before;
  row.unique = static_cast<std::int64_t>(out->result.programs.size());
  row.evaluations = static_cast<std::int64_t>(out->result.evaluations);

  // Scores, and per task the candidates with distinct outputs (the shortest
  // of each group), best first.
  auto t1 = Clock::now();
  RoundScores scores = score_round(out->result, out->tasks);
  std::vector<int> cand_of(out->result.programs.size(), -1);
  for (std::size_t i = 0; i < kept.size(); ++i)
    if (kept[i] >= 0) cand_of[kept[i]] = static_cast<int>(i);
  for (std::size_t p = 0; p < cand_of.size(); ++p) {
    const Candidate& c = cands[cand_of[p]];
    for (const TaskScore& s : scores.of_program(static_cast<int>(p)))
      if (s.task == c.task && s.score > c.parent_score) ++stats[generator::mutation_name(c.kind)].improved;
  }
  row.score_s = since(t1);

  t1 = Clock::now();
  store_.begin();
  for (std::size_t ti = 0; ti < out->tasks.size(); ++ti) {
    const std::string& id = out->tasks[ti].id;
    std::vector<TaskScore> existing = best.count(id) ? best[id] : std::vector<TaskScore>{};
    for (const ScoredCandidate& sc : scores.distinct_best(ti, [&](int p) { return cands[cand_of[p]].source; },
                                                         [&](int p) { return int(cands[cand_of[p]].program.body.size()); })) {
      TaskScore s = sc.score;
      if (s.score <= 0) continue;
      if (static_cast<int>(existing.size()) >= o_.keep && !better(s, existing.back())) continue;
      const Candidate& c = cands[cand_of[sc.program]];
      StoredProgram sp;
      sp.source = c.source;
      sp.length = static_cast<int>(c.program.body.size());
      sp.dialect = generator::dialect_name(c.dialect);
      sp.parent = c.parent;
      sp.mutation = generator::mutation_name(c.kind);
      sp.round = r;
      s.program = store_.add_program(sp);
      s.round = r;
      store_.set_score(s);
      existing.push_back(s);
      std::sort(existing.begin(), existing.end(), better);
      if (static_cast<int>(existing.size()) > o_.keep) existing.resize(o_.keep);
    }
    store_.keep_best(id, o_.keep);
  }
  store_.add_shapes(new_shapes, r);
  for (const auto& [kind, st] : stats) {
    store_.add_mutation_counts(kind, st.made, st.improved, st.discarded);
    MutationStats& total = rep_.mutations[kind];
    total.made += st.made;
    total.improved += st.improved;
    total.discarded += st.discarded;
  }
  std::set<std::string> solved_after = solved_tasks();
  std::vector<std::string> fresh;
  for (const std::string& t : solved_after)
    if (!solved_before.count(t)) fresh.push_back(t);
  for (std::size_t i = 0; i < fresh.size(); ++i) row.new_solved += (i ? "," : "") + fresh[i];
  row.generate_s = generate_s + out->times.parse + out->times.typecheck;
  row.compile_s = out->times.compile;
  row.run_s = out->times.run;
  row.store_s = since(t1);
  row.seconds = since(t0);
  store_.add_round(row);
  store_.commit();

  rep_.candidates += row.candidates;
  rep_.unique += row.unique;
  rep_.evaluations += row.evaluations;
  rep_.generate_s += row.generate_s;
  rep_.compile_s += row.compile_s;
  rep_.run_s += row.run_s;
  rep_.score_s += row.score_s;
  rep_.store_s += row.store_s;
  note(fmt::format("round {}: {} candidates, {} unique, {} evaluations ({:.0f}/s), {} tasks solved{}", r,
                   row.candidates, row.unique, row.evaluations, row.evaluations / std::max(row.seconds, 1e-9),
                   solved_after.size(), fresh.empty() ? "" : fmt::format(" (new: {})", row.new_solved)));
}

SearchReport Search::run() {
  auto t0 = Clock::now();
  // Tasks.
  api::RunRequest load;
  load.task_paths = o_.task_paths;
  load.solutions = o_.solutions;
  auto tasks = api::load_request_tasks(load);
  if (!tasks.ok()) throw std::runtime_error(tasks.error().message);
  tasks_ = std::move(tasks.value());
  for (std::size_t i = 0; i < tasks_.size(); ++i) {
    if (!task_index_.emplace(tasks_[i].id, i).second) throw std::runtime_error("task " + tasks_[i].id + " is given twice");
    palettes_.push_back(palette_of(tasks_[i]));
  }
  // Seeds: the solvers of the program files that the checker accepts.
  generator::Diagnostics diags;
  generator::SourceSet sources;
  int refused = 0, differs = 0;
  for (const std::string& f : o_.program_files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read program file '" + f + "'");
    std::stringstream ss;
    ss << in.rdbuf();
    for (const Program& p : parse_program_text(f, ss.str(), diags, sources)) {
      if (p.name.rfind("differ_", 0) == 0) {
        ++differs;
        continue;
      }
      Dialect d = generator::dialect_of_params(p.params);
      auto t = generator::type_program(p, d, sig_);
      if (!t) {
        ++refused;
        continue;
      }
      seeds_.emplace_back(t->program, d);
      seed_names_.push_back(p.name);
    }
  }
  if (seeds_.empty()) throw std::runtime_error("no seed program was accepted");
  if (refused || differs)
    note(fmt::format("seeds: {} accepted, {} refused by the checker, {} differs left out (search scores solvers)",
                     seeds_.size(), refused, differs));

  // The store: new, or resumed with the same inputs.
  bool seeded = store_.meta("seeded").has_value();
  if (seeded && !o_.resume)
    throw std::runtime_error(o_.store + " already holds a search; pass --resume to continue it, or another --store");
  if (seeded && store_.meta("inputs") != inputs_key())
    throw std::runtime_error(o_.store + " was searched with other tasks, seeds or options; --resume needs the same");
  if (!seeded) {
    seed_round();
  } else {
    solved_by_seeds_.clear();
    for (const auto& [task, scores] : store_.best())
      for (const TaskScore& s : scores)
        if (s.solved && s.round == 0 && task_index_.count(task)) solved_by_seeds_.insert(task);
    note(fmt::format("resuming {} after round {}", o_.store, store_.last_round()));
  }
  int r = store_.last_round();
  for (std::string& k : store_.shapes()) shapes_.insert(std::move(k));
  while (true) {
    if (o_.rounds > 0 && r >= o_.rounds) break;
    if (o_.minutes > 0 && since(t0) >= o_.minutes * 60) break;
    if (o_.rounds <= 0 && o_.minutes <= 0) break;
    if (o_.stop_requested && o_.stop_requested()) break;
    ++r;
    round(r);
    ++rep_.rounds;
  }

  rep_.seconds = since(t0);
  rep_.tasks = static_cast<int>(tasks_.size());
  std::set<std::string> solved = solved_tasks();
  rep_.tasks_solved = static_cast<int>(solved.size());
  rep_.tasks_solved_by_seeds = static_cast<int>(solved_by_seeds_.size());
  for (const std::string& t : solved)
    if (!solved_by_seeds_.count(t)) rep_.new_tasks_solved.push_back(t);
  for (const auto& [task, scores] : store_.best())
    if (task_index_.count(task) && !solved.count(task) &&
        std::any_of(scores.begin(), scores.end(), [](const TaskScore& s) { return s.near_miss; }))
      ++rep_.near_misses;
  return rep_;
}

}  // namespace

SearchReport run_search(const SearchOptions& options) {
  Search s(options);
  return s.run();
}

}  // namespace battc::runtime::search
