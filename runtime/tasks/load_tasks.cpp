// runtime/tasks/load_tasks.cpp: file system and JSON parsing for
// load_tasks.h; the task shape itself is checked by parse_task.cpp.
#include "runtime/tasks/load_tasks.h"

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <new>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>

#include "runtime/tasks/parse_task.h"

namespace battc::runtime {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read_text(const fs::path& file) {
  std::error_code ec;
  auto st = fs::status(file, ec);
  if (ec || !fs::exists(st)) throw TaskError(file.string(), "no such file or directory");
  if (fs::is_directory(st)) throw TaskError(file.string(), "is a folder, expected a JSON file");
  if (!fs::is_regular_file(st)) throw TaskError(file.string(), "not a regular file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw TaskError(file.string(), fmt::format("cannot open: {}", std::strerror(errno)));
  std::ostringstream text;
  try {
    text << in.rdbuf();
  } catch (const std::bad_alloc&) {
    throw TaskError(file.string(), "too large to read");
  }
  if (in.bad()) throw TaskError(file.string(), "read error");
  return std::move(text).str();
}

json parse_json_text(const std::string& text, const fs::path& file) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // nlohmann's what() starts "[json.exception.parse_error.101] "; drop that.
    std::string msg = e.what();
    if (auto p = msg.find("] "); p != std::string::npos && msg.front() == '[') msg = msg.substr(p + 2);
    throw TaskError(file.string(), fmt::format("not valid JSON (byte {}): {}", e.byte, msg));
  } catch (const json::exception& e) {
    throw TaskError(file.string(), fmt::format("not valid JSON: {}", e.what()));
  } catch (const std::bad_alloc&) {
    throw TaskError(file.string(), "too large to parse");
  }
}

enum class FileKind { kTask, kChallenges };

bool is_grid_json(const json& g) {
  return g.is_array() && !g.empty() && std::all_of(g.begin(), g.end(), [](const json& r) { return r.is_array(); });
}

// Why a JSON value is no task file ("" when it is one or a challenges file).
std::string not_a_task(const json& j) {
  if (!j.is_object())
    return fmt::format("expected a JSON object (a task or a Kaggle challenges file), got {}", describe_json(j));
  if (j.contains("train") || j.contains("test")) return "";
  if (j.empty()) return "empty object: neither a task (no \"train\"/\"test\") nor a Kaggle challenges file";
  if (std::all_of(j.begin(), j.end(), [](const json& v) {
        return v.is_array() && !v.empty() && std::all_of(v.begin(), v.end(), is_grid_json);
      }))
    return "a Kaggle solutions file (task id -> test output grids); pass it with --solutions";
  if (std::none_of(j.begin(), j.end(), [](const json& v) { return v.is_object() && (v.contains("train") || v.contains("test")); }))
    return "neither a task (no \"train\"/\"test\") nor a Kaggle challenges file (task id -> task)";
  return "";
}

// A task object has "train" or "test"; a challenges file maps ids to tasks.
FileKind classify(const json& j, const fs::path& file) {
  if (std::string why = not_a_task(j); !why.empty()) throw TaskError(file.string(), why);
  return j.contains("train") || j.contains("test") ? FileKind::kTask : FileKind::kChallenges;
}

std::string id_from_file(const fs::path& file) { return file.stem().string(); }

std::vector<Task> load_challenges(const json& j, const fs::path& file) {
  std::vector<Task> tasks;  // json objects iterate their keys in sorted order
  tasks.reserve(j.size());
  for (const auto& [id, value] : j.items()) tasks.push_back(parse_task(value, JsonSource{file.string(), id, true}, id));
  return tasks;
}

}  // namespace

std::vector<Task> load_task_folder(const fs::path& folder, const LoadOptions& options) {
  std::error_code ec;
  std::vector<fs::path> files;
  fs::directory_iterator it(folder, ec), end;
  if (ec) throw TaskError(folder.string(), fmt::format("cannot list folder: {}", ec.message()));
  for (; it != end; it.increment(ec)) {
    if (ec) throw TaskError(folder.string(), fmt::format("cannot list folder: {}", ec.message()));
    std::error_code fec;
    if (it->path().extension() == ".json" && it->is_regular_file(fec)) files.push_back(it->path());
  }
  if (ec) throw TaskError(folder.string(), fmt::format("cannot list folder: {}", ec.message()));
  if (files.empty()) throw TaskError(folder.string(), "no .json task files in this folder");
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  std::vector<Task> tasks;
  tasks.reserve(files.size());
  for (const auto& file : files) {
    json j = parse_json_text(read_text(file), file);
    std::string why = not_a_task(j);
    if (why.empty() && !(j.contains("train") || j.contains("test")))
      why = "a Kaggle challenges file, which a task folder does not hold (pass it by itself)";
    if (!why.empty()) {
      if (options.warn) options.warn(fmt::format("{}: skipped, not a task: {}", file.string(), why));
      continue;
    }
    tasks.push_back(parse_task(j, JsonSource{file.string(), "", false}, id_from_file(file)));
  }
  if (tasks.empty()) throw TaskError(folder.string(), "no task among its .json files");
  return tasks;
}

std::vector<Task> load_task_file(const fs::path& file) { return load_task_text(read_text(file), file); }

std::vector<Task> load_task_text(const std::string& text, const fs::path& file) {
  json j = parse_json_text(text, file);
  if (classify(j, file) == FileKind::kChallenges) return load_challenges(j, file);
  std::vector<Task> tasks;
  tasks.push_back(parse_task(j, JsonSource{file.string(), "", false}, id_from_file(file)));
  return tasks;
}

std::vector<Task> load_tasks(const fs::path& path, const LoadOptions& options) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return load_task_folder(path, options);
  return load_task_file(path);
}

std::vector<Task> load_tasks(const std::vector<fs::path>& paths, const LoadOptions& options) {
  std::vector<Task> all;
  std::map<std::string, std::string> seen;  // task id -> the path it came from
  std::size_t skipped = 0;
  for (const auto& path : paths) {
    for (auto& task : load_tasks(path, options)) {
      auto [it, fresh] = seen.emplace(task.id, path.string());
      if (fresh) {
        all.push_back(std::move(task));
        continue;
      }
      std::string what = fmt::format("task {} is loaded twice (also from {})", task.id, it->second);
      if (options.on_duplicate == LoadOptions::OnDuplicate::Refuse)
        throw TaskError(path.string(), what + "; --on-duplicate skip keeps the first");
      if (++skipped <= 5 && options.warn) options.warn(fmt::format("{}: {}: the second is skipped", path.string(), what));
    }
  }
  if (skipped > 5 && options.warn)
    options.warn(fmt::format("{} tasks in all were loaded twice; each second one is skipped", skipped));
  return all;
}

std::vector<Task> load_tasks(const std::vector<fs::path>& paths, const std::string& solutions_file,
                             const LoadOptions& options) {
  if (!solutions_file.empty())
    for (const auto& path : paths) {
      std::error_code ec;
      if (fs::is_directory(path, ec))
        throw TaskError(path.string(), "--solutions goes with a Kaggle challenges file, and this is a folder of task "
                                       "files (each holds its own test outputs)");
    }
  std::vector<Task> tasks = load_tasks(paths, options);
  if (!solutions_file.empty()) apply_solutions(tasks, solutions_file);
  return tasks;
}

void apply_solutions(std::vector<Task>& tasks, const fs::path& solutions_file) {
  json j = parse_json_text(read_text(solutions_file), solutions_file);
  const std::string file = solutions_file.string();
  if (!j.is_object())
    throw TaskError(file, fmt::format("expected a solutions object (task id -> list of grids), got {}", describe_json(j)));
  std::unordered_map<std::string, Task*> by_id;
  for (auto& t : tasks) by_id.emplace(t.id, &t);
  // Checked in full first, then applied: a bad file leaves `tasks` unchanged.
  std::vector<std::pair<std::optional<GridData>*, GridData>> fills;
  for (const auto& [id, value] : j.items()) {
    JsonSource src{file, id, true};
    auto found = by_id.find(id);
    if (found == by_id.end()) fail_at(src, "", "not among the loaded tasks");
    Task& task = *found->second;
    if (!value.is_array()) fail_at(src, "", fmt::format("expected a list of test output grids, got {}", describe_json(value)));
    if (value.size() != task.test.size())
      fail_at(src, "", fmt::format("has {} test output grid{}, but the task has {} test input{}", value.size(),
                                   value.size() == 1 ? "" : "s", task.test.size(), task.test.size() == 1 ? "" : "s"));
    for (std::size_t i = 0; i < value.size(); ++i) {
      std::string path = fmt::format("[{}]", i);
      GridData g = parse_grid(value[i], src, path);
      auto& out = task.test[i].output;
      if (out && *out != g) fail_at(src, path, fmt::format("differs from the test[{}].output the task file gives", i));
      fills.emplace_back(&out, std::move(g));
    }
  }
  for (auto& [out, g] : fills) *out = std::move(g);
}

}  // namespace battc::runtime
