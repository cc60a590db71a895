// runtime/search/round_batt.cpp
#include "runtime/search/round_batt.h"

#include <algorithm>
#include <map>
#include <set>

#include "generator/emit/emit_specs.h"

namespace battc::runtime::search {
namespace {

// Whether every shape of `keys` is in the library or can be compiled.
bool shapes_available(const jit::SpecLibrary& lib, const std::vector<std::string>& keys) {
  if (lib.can_compile()) return true;
  return std::all_of(keys.begin(), keys.end(), [&](const std::string& k) { return lib.find(k) != nullptr; });
}

// Admits the batt's programs (deduplicated by IR with pairing All, within
// the shape budget, and without a compiler only those the library covers)
// into `round`; the admitted programs, in admission order.
std::vector<generator::BattProgram> admit(generator::Generated& g, const std::vector<Candidate>& cands,
                                          const RoundBattOptions& ro, const jit::SpecLibrary& lib,
                                          RoundBatt& round) {
  std::map<std::string, std::size_t> by_name;
  for (std::size_t i = 0; i < ro.names.size(); ++i) by_name[ro.names[i]] = i;
  const bool all = ro.pairing == Pairing::All;
  auto& programs = g.batt.programs();
  std::vector<std::size_t> order(programs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Admission in an order fixed by content (not by task order), so the
  // shape budget favours no task.
  if (all) {
    std::vector<const std::string*> source(programs.size());
    std::vector<std::uint64_t> hash(programs.size());
    for (std::size_t i = 0; i < programs.size(); ++i) {
      source[i] = &cands[by_name.at(programs[i].name)].source;
      hash[i] = text_hash(*source[i]);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      return hash[x] != hash[y] ? hash[x] < hash[y] : *source[x] < *source[y];
    });
  }
  std::set<std::pair<std::vector<int>, int>> seen;
  std::vector<std::optional<std::string>> memo(g.batt.nodes().size());
  std::set<std::string> admitted;
  std::vector<generator::BattProgram> unique;
  for (std::size_t i : order) {
    auto& p = programs[i];
    if (all && !seen.emplace(p.stmts, p.result).second) continue;
    std::vector<std::string> keys = generator::program_spec_keys(g.batt, p, memo);
    if (!shapes_available(lib, keys)) {
      if (ro.skipped_no_compiler) ++*ro.skipped_no_compiler;
      continue;
    }
    std::vector<std::string> fresh;
    for (std::string& k : keys)
      if (!ro.shapes->count(k) && !admitted.count(k)) fresh.push_back(std::move(k));
    std::sort(fresh.begin(), fresh.end());
    fresh.erase(std::unique(fresh.begin(), fresh.end()), fresh.end());
    if (all && admitted.size() + fresh.size() > std::size_t(std::max(0, ro.new_shapes))) {
      ++round.over_shape_budget;
      continue;
    }
    admitted.insert(fresh.begin(), fresh.end());
    std::size_t c = by_name.at(p.name);
    round.kept[c] = static_cast<int>(unique.size());
    round.candidate_of.push_back(static_cast<int>(c));
    unique.push_back(std::move(p));
  }
  round.new_shapes.assign(admitted.begin(), admitted.end());
  ro.shapes->insert(admitted.begin(), admitted.end());
  return unique;
}

// A candidate that ran out of a round's work budget, smaller than the
// search's, on some sample might finish with the search's: it scores nothing
// (all its records failed), so that what the store keeps scores as `battc
// run` of the export would. The executor skipped it on later samples where
// a task's first sample ran it out (ExecOptions::skip_out_of_work); those
// records become the same failure.
void drop_out_of_work(RunResult& run) {
  for (std::size_t p = 0; p < run.programs.size(); ++p) {
    bool out = false;
    for (const TaskResult& t : run.tasks)
      for (const SampleResult& s : t.samples)
        out = out || (!s.evals.empty() && s.evals[p].evaluated() && s.evals[p].st() == dsl::Status::Budget &&
                      s.evals[p].reason() == dsl::Why::Work);
    if (!out) continue;
    for (TaskResult& t : run.tasks)
      for (SampleResult& s : t.samples)
        if (!s.evals.empty() && (s.evals[p].evaluated() || s.evals[p].skipped())) {
          s.evals[p].status = std::uint8_t(dsl::Status::Budget);
          s.evals[p].why = std::uint8_t(dsl::Why::Work);
          s.evals[p].flags &= EvalRecord::kEvaluated | EvalRecord::kRerun | EvalRecord::kSkipped;
          s.evals[p].hash = 0;
          s.evals[p].completes = 0;
          s.evals[p].fill_colours = 0;
          s.evals[p].cells_equal = 0;
        }
  }
}

api::RunRequest round_request(const RoundBattOptions& ro, const SearchOptions& o) {
  api::RunRequest req;
  req.engine = api::Engine::Specs;
  req.exec.pairing = ro.pairing;
  req.exec.jobs = o.jobs;
  req.exec.arena_bytes = o.arena_bytes;
  req.exec.work_budget = ro.work_budget > 0 ? std::min(ro.work_budget, o.work_budget) : o.work_budget;
  req.exec.skip_out_of_work = req.exec.work_budget < o.work_budget;  // dropped whole: drop_out_of_work
  req.exec.grid_stats = true;
  req.exec.value_hashes = ro.value_hashes;
  req.exec.completions = ro.value_hashes && ro.completions;
  // Fitness counts cells on every pair; a candidate kept only where it fits
  // needs none past its first wrong one.
  req.evaluation = ro.fits_only ? Evaluation::UntilTrainFails : Evaluation::All;
  req.jit = o.jit;
  req.specs = *ro.specs;
  req.backend = o.backend;
  if (ro.cuda_specs) req.cuda_specs = *ro.cuda_specs;
  return req;
}

}  // namespace

api::ApiResult<std::optional<RoundBatt>> run_round_batt(const std::vector<Candidate>& cands,
                                                         const std::vector<Task>& tasks, const RoundBattOptions& ro,
                                                         const SearchOptions& o) {
  // The candidates as programs, not as a text to parse again (they were
  // made and checked as programs).
  api::ProgramInput in;
  in.parsed.reserve(cands.size());
  for (std::size_t i = 0; i < cands.size(); ++i) {
    in.parsed.push_back(generator::ParsedProgram{cands[i].program, cands[i].dialect});
    in.parsed.back().program.name = ro.names[i];
  }
  auto g = api::generate_programs(in, false);
  RoundBatt round;
  round.rejected = g->report.rejected;
  round.kept.assign(cands.size(), -1);
  if (!*ro.specs) {  // opened before admission: it says which shapes a machine without a compiler has
    auto lib = jit::SpecLibrary::open(o.jit);
    if (!lib.ok()) return api::jit_failure(lib.error(), !o.jit.extra_flags.empty());
    *ro.specs = lib.value();
  }
  std::vector<generator::BattProgram> unique = admit(*g, cands, ro, **ro.specs, round);
  if (unique.empty()) return std::optional<RoundBatt>();  // nothing to run this round
  g->batt.programs() = std::move(unique);
  generator::remove_unreachable(g->batt);  // the dropped candidates' values: nothing to compile or run
  api::RunRequest req = round_request(ro, o);
  auto out = api::run_generated(req, std::move(g), tasks);
  if (!out.ok()) return out.error();
  if (req.exec.work_budget < o.work_budget) drop_out_of_work(out->result);
  *ro.specs = out->specs;
  if (ro.cuda_specs) *ro.cuda_specs = out->cuda_specs;
  if (ro.backend_stats) ro.backend_stats->add(out.value());
  round.out = std::move(out.value());
  return std::optional<RoundBatt>(std::move(round));
}

}  // namespace battc::runtime::search
