// runtime/report/html_report.cpp: the report's data (one JSON object) put
// into the embedded template. The data is the report's only input: the page
// draws everything from it, so the file opens anywhere, offline.
#include "runtime/report/html_report.h"

#include <fnmatch.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "runtime/report/report_template.h"
#include "runtime/score/submission.h"
#include "runtime/tasks/load_tasks.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace battc::runtime {
namespace {

json sample_json(const Sample& s) {
  return json{{"input", grid_json(s.input)}, {"output", s.output ? grid_json(*s.output) : json(nullptr)}};
}

bool matches_any(const std::string& name, const std::vector<std::string>& globs) {
  if (globs.empty()) return true;
  for (const auto& g : globs)
    if (fnmatch(g.c_str(), name.c_str(), 0) == 0) return true;
  return false;
}

// Text that is safe inside <script>...</script> and inside <title>.
std::string script_safe(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<' && i + 1 < s.size() && s[i + 1] == '/') out += "<\\/", ++i;
    else out += s[i];
  }
  return out;
}

std::string html_escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

json read_json(const fs::path& file, bool required) {
  std::ifstream in(file);
  if (!in) {
    if (required) throw std::runtime_error(file.string() + ": cannot read (is this a battc run's --out folder?)");
    return nullptr;
  }
  json j = json::parse(in, nullptr, false);
  if (j.is_discarded()) throw std::runtime_error(file.string() + ": not JSON");
  return j;
}

}  // namespace

std::map<std::string, ProgramSource> program_sources(const std::vector<std::string>& files) {
  std::map<std::string, ProgramSource> out;
  for (const auto& f : files) {
    std::ifstream in(f);
    if (!in) continue;
    std::string line, name, text;
    int line_no = 0, start = 0;
    auto flush = [&] {
      while (text.size() >= 2 && text[text.size() - 1] == '\n' && text[text.size() - 2] == '\n') text.pop_back();
      if (!name.empty()) out.emplace(name, ProgramSource{f, start, text});
      name.clear();
      text.clear();
    };
    while (std::getline(in, line)) {
      ++line_no;
      bool top = !line.empty() && line[0] != ' ' && line[0] != '\t' && line[0] != '#';
      if (top) {
        flush();
        if (line.rfind("def ", 0) == 0) {
          auto paren = line.find('(');
          if (paren != std::string::npos) name = line.substr(4, paren - 4), start = line_no;
        }
      }
      if (!name.empty()) text += (line.find_first_not_of(" \t\r") == std::string::npos ? "" : line) + "\n";
    }
    flush();
  }
  return out;
}

json run_inputs_json(const std::vector<std::string>& task_paths, const std::string& solutions,
                     const std::vector<std::string>& program_files) {
  auto absolute = [](const std::vector<std::string>& v) {
    json a = json::array();
    for (const auto& p : v) a.push_back(fs::absolute(p).lexically_normal().string());
    return a;
  };
  return json{{"tasks", absolute(task_paths)},
              {"solutions", solutions.empty() ? std::string() : fs::absolute(solutions).lexically_normal().string()},
              {"programs", absolute(program_files)}};
}

ReportInput report_input_from_folder(const std::string& out_dir, const std::vector<std::string>& task_paths,
                                     const std::string& solutions, const std::vector<std::string>& program_files) {
  ReportInput in;
  in.results = read_json(fs::path(out_dir) / "results.json", true);
  if (in.results.value("format", "") != "battc-results/1")
    throw std::runtime_error(out_dir + "/results.json: not a battc results.json");
  in.submission = read_json(fs::path(out_dir) / "submission.json", false);
  const json inputs = in.results.value("inputs", json::object());
  std::vector<std::string> tasks = task_paths, programs = program_files;
  std::string sol = solutions;
  if (tasks.empty()) tasks = inputs.value("tasks", std::vector<std::string>{});
  if (programs.empty()) programs = inputs.value("programs", std::vector<std::string>{});
  if (sol.empty() && task_paths.empty()) sol = inputs.value("solutions", std::string());
  if (tasks.empty())
    throw std::runtime_error(out_dir + "/results.json does not say where its tasks are: give --tasks");
  std::vector<fs::path> paths(tasks.begin(), tasks.end());
  in.tasks = load_tasks(paths);
  if (!sol.empty()) apply_solutions(in.tasks, sol);
  in.sources = program_sources(programs);
  in.title = "battc report: " + fs::path(out_dir).filename().string();
  return in;
}

std::string html_report(const ReportInput& in) {
  std::map<std::string, const Task*> tasks;
  for (const auto& t : in.tasks) tasks.emplace(t.id, &t);
  std::set<std::string> wanted(in.task_ids.begin(), in.task_ids.end());
  std::set<std::string> shown_programs;
  json out_tasks = json::array();
  const json& results_tasks = in.results.at("tasks");
  for (const auto& [id, r] : results_tasks.items()) {
    if (!wanted.empty() && !wanted.count(id)) continue;
    json best = json::array();
    for (const auto& b : r.value("best", json::array())) {
      const std::string program = b.value("program", "");
      if (!matches_any(program, in.program_globs) || best.size() >= in.top) continue;
      json entry = b;
      if (r.contains("programs") && r["programs"].contains(program)) {
        entry["status"] = r["programs"][program]["status"];
        entry["match"] = r["programs"][program]["match"];
      }
      shown_programs.insert(program);
      best.push_back(std::move(entry));
    }
    json solved_by = r.value("solved_by", json::array());
    for (const auto& p : solved_by) shown_programs.insert(p.get<std::string>());
    json task{{"id", id},
              {"samples", r.value("samples", json::array())},
              {"solved_by", std::move(solved_by)},
              {"near_miss", r.value("near_miss", false)},
              {"train_pairs", r.value("train_pairs", 0)},
              {"paired", r.contains("programs") ? r["programs"].size() : 0},
              {"best", std::move(best)},
              {"train", json::array()},
              {"test", json::array()},
              {"submission", in.submission.is_object() && in.submission.contains(id) ? in.submission[id] : json(nullptr)}};
    if (auto it = tasks.find(id); it != tasks.end()) {
      for (const auto& s : it->second->train) task["train"].push_back(sample_json(s));
      for (const auto& s : it->second->test) task["test"].push_back(sample_json(s));
    }
    out_tasks.push_back(std::move(task));
  }
  json sources = json::object();
  for (const auto& p : shown_programs)
    if (auto it = in.sources.find(p); it != in.sources.end())
      sources[p] = {{"file", fs::path(it->second.file).filename().string()},
                    {"line", it->second.line},
                    {"text", it->second.text}};
  json data{{"summary", in.results.value("summary", json::object())},
            {"tasks", std::move(out_tasks)},
            {"sources", std::move(sources)}};

  std::string page = kReportTemplate;
  replace_all(page, "@TITLE@", html_escaped(in.title));
  replace_all(page, "@DATA@", script_safe(data.dump(-1, ' ', false, json::error_handler_t::replace)));
  return page;
}

}  // namespace battc::runtime
