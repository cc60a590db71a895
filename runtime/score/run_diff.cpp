// runtime/score/run_diff.cpp: loading either kind of run output, and the
// comparison: solved sets from results.json, evaluations key by key, values
// where both sides have a dump (else results.json's match).
#include "runtime/score/run_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;
using nlohmann::json;

namespace battc::runtime {
namespace {

void add_results(RunRecords& r, const json& results) {
  if (!results.is_object() || results.value("format", "") != "battc-results/1" || !results.contains("tasks"))
    throw std::runtime_error(r.source + ": not a battc results.json (no \"format\": \"battc-results/1\")");
  r.has_results = true;
  for (const auto& [task, t] : results["tasks"].items()) {
    auto solved = t.value("solved_by", std::vector<std::string>{});
    std::sort(solved.begin(), solved.end());
    if (!solved.empty()) r.solved_by[task] = solved;
    const auto samples = t.value("samples", std::vector<std::string>{});
    if (!t.contains("programs")) continue;
    for (const auto& [program, p] : t["programs"].items()) {
      const json& status = p["status"];
      const json& match = p["match"];
      for (std::size_t i = 0; i < samples.size() && i < status.size(); ++i) {
        if (status[i].is_null()) continue;  // not evaluated
        if (status[i] == "skipped") {
          r.skipped.insert({task, samples[i], program});
          continue;
        }
        auto& e = r.evals[{task, samples[i], program}];
        e.status = status[i].get<std::string>();
        e.match = i < match.size() && match[i].is_number() ? match[i].get<int>() : -1;
      }
    }
  }
}

void add_dump_line(RunRecords& r, const std::string& line, std::size_t line_no) {
  if (line.find_first_not_of(" \t\r") == std::string::npos) return;
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("task") || !j.contains("sample") || !j.contains("program") ||
      !j.contains("status"))
    throw std::runtime_error(fmt::format("{}:{}: not an evaluation dump line ({{\"task\", \"sample\", \"program\", "
                                         "\"status\", \"value\"}})",
                                         r.source, line_no));
  auto& e = r.evals[{j["task"].get<std::string>(), j["sample"].get<std::string>(), j["program"].get<std::string>()}];
  e.status = j["status"].get<std::string>();
  e.value = j.contains("value") ? j["value"].dump() : std::string();
  r.has_values = true;
}

void add_dump_file(RunRecords& r, const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot read");
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) add_dump_line(r, line, ++n);
  r.has_values = true;  // an empty dump still says "no evaluation"
}

json read_json_file(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot read");
  json j = json::parse(in, nullptr, false);
  if (j.is_discarded()) throw std::runtime_error(file.string() + ": not JSON");
  return j;
}

bool failed(const std::string& status) { return status == "error" || status == "budget" || status == "timeout"; }

bool same_status(const std::string& a, const std::string& b, const DiffOptions& o) {
  return a == b || (o.failures_equal && failed(a) && failed(b));
}

// A grid as the dump writes it: an array of equal-length arrays of ints.
bool as_grid(const json& j, std::vector<std::vector<int>>& out) {
  if (!j.is_array() || j.empty()) return false;
  for (const auto& row : j) {
    if (!row.is_array()) return false;
    std::vector<int> r;
    for (const auto& c : row) {
      if (!c.is_number_integer()) return false;
      r.push_back(c.get<int>());
    }
    out.push_back(std::move(r));
  }
  return true;
}

std::string shortened(const std::string& s, std::size_t n = 60) { return s.size() <= n ? s : s.substr(0, n) + "…"; }

// The first difference between two values, as a person reads it.
std::string first_difference(const std::string& a, const std::string& b) {
  json ja = json::parse(a, nullptr, false), jb = json::parse(b, nullptr, false);
  std::vector<std::vector<int>> ga, gb;
  if (!ja.is_discarded() && !jb.is_discarded() && as_grid(ja, ga) && as_grid(jb, gb)) {
    if (ga.size() != gb.size() || ga[0].size() != gb[0].size())
      return fmt::format("shape {}x{} -> {}x{}", ga.size(), ga[0].size(), gb.size(), gb[0].size());
    for (std::size_t i = 0; i < ga.size(); ++i)
      for (std::size_t j = 0; j < ga[i].size() && j < gb[i].size(); ++j)
        if (ga[i][j] != gb[i][j]) return fmt::format("cell ({},{}) {} -> {}", i, j, ga[i][j], gb[i][j]);
  }
  return shortened(a) + " -> " + shortened(b);
}

std::string plural(std::size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

}  // namespace

RunRecords run_records(const json& results, const std::vector<std::string>& dump_lines, const std::string& source) {
  RunRecords r;
  r.source = source;
  add_results(r, results);
  std::size_t n = 0;
  for (const auto& line : dump_lines) add_dump_line(r, line, ++n);
  if (!dump_lines.empty()) r.has_values = true;
  return r;
}

RunRecords load_run_records(const std::string& path) {
  RunRecords r;
  r.source = path;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    fs::path results = fs::path(path) / "results.json";
    if (!fs::exists(results, ec))
      throw std::runtime_error(path + ": a folder without results.json (not a battc run's --out folder)");
    add_results(r, read_json_file(results));
    if (fs::path dump = fs::path(path) / "dump.jsonl"; fs::exists(dump, ec)) add_dump_file(r, dump);
    return r;
  }
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::string first;
  std::getline(in, first);
  json j = json::parse(first, nullptr, false);
  if (!j.is_discarded() && j.is_object() && j.contains("task") && j.contains("sample")) {
    add_dump_file(r, path);
    return r;
  }
  add_results(r, read_json_file(path));
  return r;
}

RunDiff diff_runs(const RunRecords& a, const RunRecords& b, const DiffOptions& o) {
  RunDiff d;
  d.a = a.source;
  d.b = b.source;
  if (a.has_results && b.has_results) {
    d.solved_compared = true;
    for (const auto& [task, programs] : b.solved_by)
      if (!a.solved_by.count(task)) d.newly_solved.emplace_back(task, programs);
    for (const auto& [task, programs] : a.solved_by)
      if (!b.solved_by.count(task)) d.no_longer_solved.emplace_back(task, programs);
  }
  const bool values = a.has_values && b.has_values;
  auto ia = a.evals.begin(), ib = b.evals.begin();
  auto change = [&](const RunRecords::Key& k, std::string kind, std::string sa, std::string sb, std::string detail) {
    d.changes.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), std::move(kind), std::move(sa),
                         std::move(sb), std::move(detail)});
  };
  while (ia != a.evals.end() || ib != b.evals.end()) {
    if (ib == b.evals.end() || (ia != a.evals.end() && ia->first < ib->first)) {
      if (b.skipped.count(ia->first))
        ++d.skipped;
      else
        change(ia->first, "only in A", ia->second.status, "", "");
      ++ia;
    } else if (ia == a.evals.end() || ib->first < ia->first) {
      if (a.skipped.count(ib->first))
        ++d.skipped;
      else
        change(ib->first, "only in B", "", ib->second.status, "");
      ++ib;
    } else {
      ++d.compared;
      const auto& ea = ia->second;
      const auto& eb = ib->second;
      if (!same_status(ea.status, eb.status, o)) {
        change(ia->first, "status", ea.status, eb.status, "");
      } else if (ea.status == "ok" && values && ea.value != eb.value) {
        change(ia->first, "value", ea.status, eb.status, first_difference(ea.value, eb.value));
      } else if (ea.status == "ok" && !values && ea.match != eb.match && ea.match >= 0 && eb.match >= 0) {
        change(ia->first, "match", ea.status, eb.status, ea.match ? "matched -> wrong" : "wrong -> matched");
      }
      ++ia;
      ++ib;
    }
  }
  std::stable_sort(d.changes.begin(), d.changes.end(), [](const EvalChange& x, const EvalChange& y) {
    return std::tie(x.program, x.task, x.sample) < std::tie(y.program, y.task, y.sample);
  });
  return d;
}

std::string render_diff(const RunDiff& d, std::size_t show) {
  std::string out = fmt::format("A: {}\nB: {}\n", d.a, d.b);
  auto solved_lines = [&](const char* what, const auto& list) {
    if (list.empty()) return;
    out += fmt::format("{}: {}\n", what, plural(list.size(), "task"));
    for (const auto& [task, programs] : list) {
      std::string names;
      for (const auto& p : programs) names += (names.empty() ? "" : " ") + p;
      out += fmt::format("  {}: {}\n", task, names);
    }
  };
  solved_lines("newly solved (in B, not in A)", d.newly_solved);
  solved_lines("no longer solved (in A, not in B)", d.no_longer_solved);
  if (!d.changes.empty()) {
    std::set<std::string> programs, tasks;
    std::map<std::string, std::size_t> by_kind;
    for (const auto& c : d.changes) {
      programs.insert(c.program);
      tasks.insert(c.task);
      ++by_kind[c.kind];
    }
    std::string kinds;
    for (const auto& [k, n] : by_kind) kinds += (kinds.empty() ? "" : ", ") + fmt::format("{} {}", n, k);
    out += fmt::format("changed evaluations: {} ({}) in {}, {}\n", d.changes.size(), kinds,
                       plural(programs.size(), "program"), plural(tasks.size(), "task"));
    std::string last_program;
    for (std::size_t i = 0; i < d.changes.size() && i < show; ++i) {
      const auto& c = d.changes[i];
      if (c.program != last_program) out += fmt::format("  {}\n", last_program = c.program);
      std::string what = c.kind == "status"      ? fmt::format("status {} -> {}", c.a, c.b)
                         : c.kind == "only in A" ? fmt::format("only in A ({})", c.a)
                         : c.kind == "only in B" ? fmt::format("only in B ({})", c.b)
                                                 : c.kind + ": " + c.detail;
      out += fmt::format("    {} {}: {}\n", c.task, c.sample, what);
    }
    if (d.changes.size() > show) out += fmt::format("    ... {} more (--show N, or --json)\n", d.changes.size() - show);
  }
  if (d.skipped)
    out += fmt::format("not compared: {} evaluations one run skipped (it stopped each program on a task at its "
                       "first train miss; --evaluate all runs them)\n",
                       d.skipped);
  if (d.equal()) {
    out += fmt::format("equal: {} evaluations compared{}\n", d.compared,
                       d.solved_compared ? ", the same tasks solved" : "");
  } else {
    std::size_t changed_in_both = 0;  // changes of evaluations both sides have
    for (const auto& c : d.changes) changed_in_both += c.kind != "only in A" && c.kind != "only in B";
    out += fmt::format("different: {} of {} evaluations compared agree\n", d.compared - changed_in_both, d.compared);
  }
  return out;
}

json diff_json(const RunDiff& d) {
  auto solved = [](const auto& list) {
    json out = json::array();
    for (const auto& [task, programs] : list) out.push_back({{"task", task}, {"programs", programs}});
    return out;
  };
  json changes = json::array();
  for (const auto& c : d.changes)
    changes.push_back({{"task", c.task},
                       {"sample", c.sample},
                       {"program", c.program},
                       {"kind", c.kind},
                       {"a", c.a},
                       {"b", c.b},
                       {"detail", c.detail}});
  return json{{"a", d.a},
              {"b", d.b},
              {"equal", d.equal()},
              {"compared", d.compared},
              {"skipped", d.skipped},
              {"solved_compared", d.solved_compared},
              {"newly_solved", solved(d.newly_solved)},
              {"no_longer_solved", solved(d.no_longer_solved)},
              {"changes", std::move(changes)}};
}

}  // namespace battc::runtime
