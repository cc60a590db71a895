// python/src/request.cpp: JSON requests into API requests. In-memory tasks
// go through the task parser, so their errors read like a file's.
#include "python/src/request.h"

#include <set>

#include "runtime/api/options.h"
#include "runtime/api/request_checks.h"
#include "runtime/tasks/parse_task.h"
#include "runtime/tasks/task_error.h"

namespace battc::python {
namespace {

using nlohmann::json;

// Every key of `j` must be one of `known`: a misspelt keyword is an error,
// not silently ignored.
void check_keys(const json& j, const std::set<std::string>& known, const char* what) {
  if (!j.is_object()) throw RequestError(std::string(what) + ": the request is not an object");
  for (const auto& [k, v] : j.items())
    if (!known.count(k)) throw RequestError(std::string(what) + ": unknown argument '" + k + "'");
}

template <class T>
T get(const json& j, const char* key, T fallback) {
  if (!j.contains(key) || j[key].is_null()) return fallback;
  try {
    return j[key].get<T>();
  } catch (const json::exception&) {
    throw RequestError(std::string("argument '") + key + "' has the wrong type");
  }
}

std::vector<std::string> strings(const json& j, const char* key) {
  return get<std::vector<std::string>>(j, key, {});
}

// An option word parsed by the library (the CLI's words and messages).
template <class T>
T word(runtime::api::ApiResult<T> parsed) {
  if (!parsed.ok()) throw RequestError(parsed.error().message);
  return std::move(parsed.value());
}

}  // namespace

runtime::api::ProgramInput program_input(const json& j) {
  runtime::api::ProgramInput in;
  in.files = strings(j, "program_files");
  if (j.contains("program_texts")) {
    for (const auto& t : j["program_texts"]) {
      if (!t.is_object() || !t.contains("name") || !t.contains("text") || !t["text"].is_string())
        throw RequestError("a program text must be {'name': str, 'text': str}");
      in.texts.push_back({t["name"].get<std::string>(), t["text"].get<std::string>()});
    }
  }
  in.dialect = word(runtime::api::parse_dialect_option(get<std::string>(j, "dialect", "auto")));
  auto passes = strings(j, "disable_passes");
  in.disabled_passes = {passes.begin(), passes.end()};
  if (in.files.empty() && in.texts.empty()) throw RequestError("no programs given");  // check has no tasks
  return in;
}

runtime::api::RunRequest run_request(const json& j) {
  check_keys(j,
             {"task_paths", "tasks", "solutions", "program_files", "program_texts", "pairing", "backend", "engine",
              "evaluate", "dialect", "disable_passes", "jobs", "budget_mb", "cache_dir", "attempt_order"},
             "battc.run");
  attempt_order(j);  // a wrong value is refused before any work
  runtime::api::RunRequest r;
  r.task_paths = strings(j, "task_paths");
  r.solutions = get<std::string>(j, "solutions", "");
  if (j.contains("tasks") && !j["tasks"].is_null()) {
    if (!j["tasks"].is_object()) throw RequestError("tasks must map task ids to tasks");
    for (const auto& [id, task] : j["tasks"].items())
      r.tasks.push_back(runtime::parse_task(task, runtime::JsonSource{"<tasks given in Python>", id, true}, id));
  }
  r.programs = program_input(j);

  r.exec.pairing = word(runtime::api::parse_pairing(get<std::string>(j, "pairing", "all")));
  r.backend = word(runtime::api::parse_backend(get<std::string>(j, "backend", "auto")));
  r.engine = word(runtime::api::parse_engine(get<std::string>(j, "engine", "auto")));
  r.evaluation = word(runtime::api::parse_evaluation(get<std::string>(j, "evaluate", "auto")));
  r.exec.jobs = get<unsigned>(j, "jobs", 0);
  r.exec.arena_bytes = std::uint64_t(get<unsigned>(j, "budget_mb", 256)) * runtime::kMiB;
  r.exec.dump = false;
  if (j.contains("cache_dir") && !j["cache_dir"].is_null()) r.jit.cache_dir = get<std::string>(j, "cache_dir", "");
  if (auto e = runtime::api::check_run_request(r)) throw RequestError(e->message);
  return r;
}

runtime::AttemptOrder attempt_order(const json& j) {
  const std::string v = get<std::string>(j, "attempt_order", "rank");
  if (v == "rank") return runtime::AttemptOrder::Rank;
  if (v == "given") return runtime::AttemptOrder::Given;
  throw RequestError("attempt_order '" + v + "': choose rank or given");
}

runtime::search::SearchOptions search_request(const json& j) {
  check_keys(j,
             {"task_paths", "solutions", "program_files", "store", "rounds", "minutes", "seed", "jobs", "resume",
              "cache_dir", "submission", "select_on_test", "strategy", "backend", "seeds_on"},
             "battc.search");
  runtime::search::SearchOptions o;
  o.task_paths = strings(j, "task_paths");
  o.solutions = get<std::string>(j, "solutions", "");
  o.program_files = strings(j, "program_files");
  o.store = get<std::string>(j, "store", "");
  o.rounds = get<int>(j, "rounds", 0);
  o.minutes = get<double>(j, "minutes", 0);
  o.seed = get<std::uint64_t>(j, "seed", 1);
  o.jobs = get<unsigned>(j, "jobs", 0);
  o.resume = get<bool>(j, "resume", false);
  o.select_on_test = get<bool>(j, "select_on_test", false);
  o.submission = get<std::string>(j, "submission", "");
  o.strategy = get<std::string>(j, "strategy", "auto");
  o.seeds_on = get<std::string>(j, "seeds_on", "all");
  o.backend = word(runtime::api::parse_backend(get<std::string>(j, "backend", "cpu")));
  if (j.contains("cache_dir") && !j["cache_dir"].is_null()) o.jit.cache_dir = get<std::string>(j, "cache_dir", "");
  if (auto e = runtime::search::check_search_options(o)) throw RequestError("battc.search: " + e->message);
  return o;
}

}  // namespace battc::python
