// tests/golden/golden_programs_test.cpp: whole programs against the
// reference. The demo programs on the demo tasks, and tests/golden/arc1's
// programs on the ARC-AGI-1 training tasks they target, go through battc as
// `battc run --pairing all --dump-outputs` would (through the run API, on
// each CPU engine: the whole-batt unit and the specializations)
// and the dump is compared evaluation by evaluation with the one
// canonical_ref.py wrote (tools/golden/make_program_golden.py): where the
// reference says ok, battc must say ok with an equal value (for arc1, whose
// golden keeps no ARC-derived grids: the same sha256 of the value's text);
// where the reference fails, battc must fail; no evaluation may be missing
// on either side. Each check also runs the programs stopping at their first
// train miss (Evaluation::UntilTrainFails) and compares with the full run.
//
// The JIT cache is $BATTC_CACHE_DIR when set (repeated runs are fast), else a
// temporary folder removed afterwards. The arc1 test needs ARC_DATA (see
// tests/runtime/arc_data.h) and reports itself skipped without it. The
// programs and reference dumps are read from tests/golden/source_dir.h's
// folder: the source tree, or the GPU bundle (tools/gpu_bundle.sh).
#include <catch2/catch.hpp>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "runtime/api/run_batt.h"
#include "runtime/jit/sha256.h"
#include "runtime/score/dump_writer.h"
#include "runtime/tasks/load_tasks.h"
#include "tests/golden/source_dir.h"
#include "tests/runtime/arc_data.h"

namespace fs = std::filesystem;
namespace jit = battc::runtime::jit;
using namespace battc::runtime;
using nlohmann::json;

namespace {

const fs::path kSource = battc::test::source_dir();

using Key = std::tuple<std::string, std::string, std::string>;  // task, sample, program

std::string key_text(const Key& k) {
  return std::get<0>(k) + " " + std::get<1>(k) + " " + std::get<2>(k);
}

// One evaluation of a dump: its status and, when ok, the value: the JSON text
// as written (battc) or the sha256 the golden keeps (arc1).
struct Eval {
  std::string status;
  std::optional<json> value;
  std::string value_text;    // battc: the raw text after "value":
  std::string value_sha256;  // golden arc1
};

std::map<Key, Eval> parse_dump(std::istream& in, const std::string& what) {
  std::map<Key, Eval> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    json j = json::parse(line, nullptr, false);
    INFO(what << " line " << n << ": " << line);
    REQUIRE_FALSE(j.is_discarded());
    Key k{j.at("task").get<std::string>(), j.at("sample").get<std::string>(), j.at("program").get<std::string>()};
    Eval e;
    e.status = j.at("status").get<std::string>();
    if (j.contains("value")) {
      e.value = j["value"];
      // "value" is the last key: its text runs from after "value": to the
      // closing brace of the line.
      auto at = line.find(",\"value\":");
      REQUIRE(at != std::string::npos);
      REQUIRE(line.back() == '}');
      at += 9;
      e.value_text = line.substr(at, line.size() - 1 - at);
    }
    if (j.contains("value_sha256")) e.value_sha256 = j["value_sha256"].get<std::string>();
    bool fresh = out.emplace(k, std::move(e)).second;
    INFO("evaluation " << key_text(k));
    REQUIRE(fresh);  // each evaluation once
  }
  return out;
}

std::map<Key, Eval> read_golden(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  INFO(file.string());
  REQUIRE(in);
  auto out = parse_dump(in, file.string());
  REQUIRE_FALSE(out.empty());
  return out;
}

// A temporary JIT cache, or $BATTC_CACHE_DIR.
struct Cache {
  std::string path;
  bool temporary = false;
  Cache() {
    if (const char* env = std::getenv("BATTC_CACHE_DIR"); env != nullptr && *env != '\0') {
      path = env;
      return;
    }
    std::string pattern = (fs::temp_directory_path() / "battc-golden-programs-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
    temporary = true;
  }
  ~Cache() {
    std::error_code ec;
    if (temporary) fs::remove_all(path, ec);
  }
};

// `battc run --pairing all --engine E` through the run API: the results and
// scores, and with `dump` the dump as text.
struct GoldenRun {
  RunResult result;
  Scores scores;
  std::string dump;
};

GoldenRun run_programs(const fs::path& programs, const std::vector<Task>& tasks, const Cache& cache,
                       api::Engine engine, Evaluation evaluation, bool dump) {
  api::RunRequest req;
  req.tasks = tasks;
  req.programs.files = {programs.string()};
  req.engine = engine;
  req.exec.pairing = Pairing::All;
  req.exec.dump = dump;
  req.evaluation = evaluation;
  req.jit.cache_dir = cache.path;
  GoldenRun run;
  {
    auto outcome = api::run_batt(std::move(req));
    if (!outcome.ok()) FAIL(outcome.error().message);
    INFO(outcome->diagnostics);
    REQUIRE(outcome->generated->report.rejected == 0);  // every golden program is accepted
    REQUIRE(outcome->generated->report.programs > 0);
    REQUIRE(outcome->engine == engine);
    if (dump) {
      std::ostringstream out;
      write_dump(out, outcome->result);
      run.dump = out.str();
    }
    run.result = std::move(outcome->result);
    run.scores = std::move(outcome->scores);
  }  // the unit or the specs are unloaded before a temporary cache goes
  return run;
}

std::string battc_dump(const fs::path& programs, const std::vector<Task>& tasks, const Cache& cache,
                       api::Engine engine) {
  return run_programs(programs, tasks, cache, engine, Evaluation::All, true).dump;
}

// The run that stops each program on a task at its first train miss solves
// the same tasks as the full run; every record it evaluated equals the full
// run's (whether it was re-run alone after `budget` may differ: fewer
// programs share the arena), and it skipped exactly the samples after the
// first miss.
void check_until_train_fails(const fs::path& programs, const std::vector<Task>& tasks, const Cache& cache,
                             api::Engine engine) {
  GoldenRun full = run_programs(programs, tasks, cache, engine, Evaluation::All, false);
  GoldenRun cut = run_programs(programs, tasks, cache, engine, Evaluation::UntilTrainFails, false);
  REQUIRE(cut.result.until_train_fails);
  REQUIRE(full.result.tasks.size() == cut.result.tasks.size());
  int bad = 0;
  std::uint64_t skipped = 0;
  for (std::size_t t = 0; t < full.result.tasks.size(); ++t) {
    CHECK(full.scores.tasks[t].solved_by == cut.scores.tasks[t].solved_by);
    const TaskResult& a = full.result.tasks[t];
    const TaskResult& b = cut.result.tasks[t];
    for (std::size_t p = 0; p < full.result.programs.size(); ++p) {
      bool missed = false;  // a train pair before this sample was missed
      for (std::size_t s = 0; s < a.samples.size(); ++s) {
        if (a.samples[s].evals.empty()) continue;
        const EvalRecord& x = a.samples[s].evals[p];
        const EvalRecord& y = b.samples[s].evals[p];
        bool differ = full.result.is_differ[p] != 0;
        bool expect_skip = missed && x.evaluated() && !differ;
        skipped += y.skipped();
        if (expect_skip ? !(y.skipped() && !y.evaluated())
                        : !(x.status == y.status && (x.flags | EvalRecord::kRerun) == (y.flags | EvalRecord::kRerun) &&
                            (x.grid < 0) == (y.grid < 0))) {
          if (++bad <= 10)
            std::cout << "until-train-fails: " << a.id << " " << a.samples[s].name() << " "
                      << full.result.programs[p] << ": expected " << (expect_skip ? "skipped" : "the full run's record")
                      << "\n";
        }
        if (!a.samples[s].is_test && x.evaluated() && !(x.ok() && x.matches())) missed = true;
      }
    }
  }
  CHECK(bad == 0);
  CHECK(skipped == cut.result.skipped);
  CHECK(cut.result.evaluations + cut.result.skipped == full.result.evaluations);
}

enum class Values { Json, Sha256 };

// Prints up to 20 mismatches and returns how many there are.
int compare(const std::map<Key, Eval>& golden, const std::map<Key, Eval>& ours, Values values) {
  int bad = 0, agree = 0;
  auto report = [&](const Key& k, const std::string& what) {
    if (++bad <= 20) std::cout << "mismatch: " << key_text(k) << ": " << what << "\n";
  };
  for (const auto& [k, ref] : golden) {
    auto it = ours.find(k);
    if (it == ours.end()) {
      report(k, "missing in battc's dump (reference " + ref.status + ")");
      continue;
    }
    const Eval& o = it->second;
    if (ref.status == "ok") {
      if (o.status != "ok") {
        report(k, "reference ok, battc " + o.status);
      } else if (!o.value) {
        report(k, "battc ok without a value");
      } else if (values == Values::Json) {
        if (!ref.value) {
          report(k, "golden line has no value");
        } else if (*o.value != *ref.value) {
          report(k, "different value: expected " + ref.value->dump() + ", battc " + o.value->dump());
        } else {
          ++agree;
        }
      } else {
        std::string h = jit::sha256_hex(o.value_text);
        if (h == ref.value_sha256) {
          ++agree;
        } else if (jit::sha256_hex(o.value->dump()) == ref.value_sha256) {
          report(k, "equal value, but battc's text is not compact JSON: " + o.value_text.substr(0, 200));
        } else {
          report(k, "different value: expected sha256 " + ref.value_sha256 + ", battc " + h +
                        " for " + o.value_text.substr(0, 200) + (o.value_text.size() > 200 ? "..." : ""));
        }
      }
    } else if (o.status == "ok") {
      report(k, "reference " + ref.status + ", battc ok");
    } else {
      ++agree;  // both fail (error/timeout vs error/budget)
    }
  }
  for (const auto& [k, o] : ours)
    if (!golden.count(k)) report(k, "only in battc's dump (battc " + o.status + ")");
  if (bad > 20) std::cout << "... " << bad - 20 << " more mismatches\n";
  std::cout << "golden evaluations: " << golden.size() << ", battc: " << ours.size() << ", agree: " << agree
            << ", mismatches: " << bad << "\n";
  return bad;
}

std::vector<std::string> read_lines(const fs::path& file) {
  std::ifstream in(file);
  INFO(file.string());
  REQUIRE(in);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

// The golden on one engine; the specs engine's dump must also equal the
// unit's byte for byte (one semantics on every path).
void check_golden(const fs::path& programs, const std::vector<Task>& tasks, const fs::path& golden_file, Values values,
                  api::Engine engine) {
  auto golden = read_golden(golden_file);
  Cache cache;
  std::string dump = battc_dump(programs, tasks, cache, engine);
  std::istringstream text(dump);
  auto ours = parse_dump(text, "battc's dump");
  CHECK(compare(golden, ours, values) == 0);
  if (engine == api::Engine::Specs) CHECK(dump == battc_dump(programs, tasks, cache, api::Engine::Unit));
  check_until_train_fails(programs, tasks, cache, engine);
}

void check_demo(api::Engine engine) {
  const fs::path demo = kSource / "tasks" / "demo";
  check_golden(demo / "programs.py", load_tasks(demo), kSource / "tests" / "golden" / "demo" / "dump.jsonl",
               Values::Json, engine);
}

// A golden folder of programs on ARC-AGI-1 training tasks, values hashed
// (arc1: arc-dsl's dialect; tk1: tokpidjin's).
void check_hashed_golden(const char* name, api::Engine engine) {
  auto root = battc::test::arc_data("ARC-AGI-1/training");
  if (!root) return;
  const fs::path dir = kSource / "tests" / "golden" / name;
  std::vector<fs::path> files;
  for (const std::string& id : read_lines(dir / "tasks.txt")) files.push_back(*root / "ARC-AGI-1" / "training" / (id + ".json"));
  REQUIRE_FALSE(files.empty());
  check_golden(dir / "programs.py", load_tasks(files), dir / "dump.jsonl", Values::Sha256, engine);
}

// tests/golden/arc1/programs_wide.py: a subset of arc1's programs written
// with nested calls, lambdas, tuples, aliases and annotations, against the
// reference's evaluations of the same programs (written one call per line).
void check_wide_syntax(api::Engine engine) {
  auto root = battc::test::arc_data("ARC-AGI-1/training");
  if (!root) return;
  const fs::path dir = kSource / "tests" / "golden" / "arc1";
  std::vector<fs::path> files;
  for (const std::string& id : read_lines(dir / "tasks.txt")) files.push_back(*root / "ARC-AGI-1" / "training" / (id + ".json"));
  auto golden = read_golden(dir / "dump.jsonl");
  Cache cache;
  std::string dump = battc_dump(dir / "programs_wide.py", load_tasks(files), cache, engine);
  std::istringstream text(dump);
  auto ours = parse_dump(text, "battc's dump");
  std::set<std::string> programs;
  for (const auto& [k, e] : ours) programs.insert(std::get<2>(k));
  CHECK(programs.size() == 17);
  std::map<Key, Eval> same_programs;
  for (const auto& [k, e] : golden)
    if (programs.count(std::get<2>(k))) same_programs.emplace(k, e);
  CHECK(compare(same_programs, ours, Values::Sha256) == 0);
}

}  // namespace

TEST_CASE("arc1 programs in the wider syntax give the reference's results (unit)", "[golden][programs][jit][arc_data]") {
  check_wide_syntax(api::Engine::Unit);
}

TEST_CASE("arc1 programs in the wider syntax give the reference's results (specs)",
          "[golden][programs][specs][arc_data]") {
  check_wide_syntax(api::Engine::Specs);
}

TEST_CASE("demo programs on the demo tasks match the reference dump (unit)", "[golden][programs][jit]") {
  check_demo(api::Engine::Unit);
}

TEST_CASE("demo programs on the demo tasks match the reference dump (specs)", "[golden][programs][specs]") {
  check_demo(api::Engine::Specs);
}

TEST_CASE("arc1 golden programs on their ARC-AGI-1 training tasks match the reference dump (unit)",
          "[golden][programs][jit][arc_data]") {
  check_hashed_golden("arc1", api::Engine::Unit);
}

TEST_CASE("arc1 golden programs on their ARC-AGI-1 training tasks match the reference dump (specs)",
          "[golden][programs][specs][arc_data]") {
  check_hashed_golden("arc1", api::Engine::Specs);
}

TEST_CASE("tk1 golden programs (tokpidjin's dialect, differs included) match the reference dump (unit)",
          "[golden][programs][jit][arc_data][tokpidjin]") {
  check_hashed_golden("tk1", api::Engine::Unit);
}

TEST_CASE("tk1 golden programs (tokpidjin's dialect, differs included) match the reference dump (specs)",
          "[golden][programs][specs][arc_data][tokpidjin]") {
  check_hashed_golden("tk1", api::Engine::Specs);
}
