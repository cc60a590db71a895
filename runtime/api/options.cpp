// runtime/api/options.cpp: each option is a table of (value, word); parsing
// looks the word up and lists the table's words when it is not there.
#include "runtime/api/options.h"

#include <utility>
#include <vector>

namespace battc::runtime::api {
namespace {

template <class T>
using Words = std::vector<std::pair<T, const char*>>;

const Words<Engine>& engines() {
  static const Words<Engine> w = {{Engine::Auto, "auto"}, {Engine::Unit, "unit"}, {Engine::Specs, "specs"}};
  return w;
}
const Words<Backend>& backends() {
  static const Words<Backend> w = {{Backend::Auto, "auto"}, {Backend::Cpu, "cpu"}, {Backend::Cuda, "cuda"}};
  return w;
}
const Words<Pairing>& pairings() {
  static const Words<Pairing> w = {{Pairing::All, "all"}, {Pairing::ByName, "by-name"}};
  return w;
}
const Words<std::optional<Evaluation>>& evaluations() {
  static const Words<std::optional<Evaluation>> w = {
      {std::nullopt, "auto"}, {Evaluation::All, "all"}, {Evaluation::UntilTrainFails, "until-train-fails"}};
  return w;
}
const Words<LoadOptions::OnDuplicate>& on_duplicates() {
  static const Words<LoadOptions::OnDuplicate> w = {{LoadOptions::OnDuplicate::Skip, "skip"},
                                                    {LoadOptions::OnDuplicate::Refuse, "refuse"}};
  return w;
}
const Words<std::optional<generator::Dialect>>& dialects() {
  static const Words<std::optional<generator::Dialect>> w = {
      {std::nullopt, "auto"}, {generator::Dialect::ArcDsl, "arc-dsl"}, {generator::Dialect::Tokpidjin, "tokpidjin"}};
  return w;
}

// "<option> must be 'a', 'b' or 'c', not 'x'"
template <class T>
ApiResult<T> lookup(const Words<T>& words, const char* option, const std::string& name) {
  std::string choices;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (name == words[i].second) return words[i].first;
    choices += (i == 0 ? "'" : i + 1 == words.size() ? " or '" : ", '") + std::string(words[i].second) + "'";
  }
  return usage_error(std::string(option) + " must be " + choices + ", not '" + name + "'");
}

template <class T>
const char* word_of(const Words<T>& words, const T& value) {
  for (const auto& [v, w] : words)
    if (v == value) return w;
  return "?";
}

}  // namespace

ApiResult<Engine> parse_engine(const std::string& name) { return lookup(engines(), "engine", name); }
ApiResult<Backend> parse_backend(const std::string& name) { return lookup(backends(), "backend", name); }
ApiResult<Pairing> parse_pairing(const std::string& name) { return lookup(pairings(), "pairing", name); }
ApiResult<std::optional<Evaluation>> parse_evaluation(const std::string& name) {
  return lookup(evaluations(), "evaluate", name);
}
ApiResult<LoadOptions::OnDuplicate> parse_on_duplicate(const std::string& name) {
  return lookup(on_duplicates(), "on_duplicate", name);
}
ApiResult<std::optional<generator::Dialect>> parse_dialect_option(const std::string& name) {
  return lookup(dialects(), "dialect", name);
}

const char* engine_name(Engine e) { return word_of(engines(), e); }
const char* backend_name(Backend b) { return word_of(backends(), b); }
const char* pairing_name(Pairing p) { return word_of(pairings(), p); }
const char* evaluation_name(Evaluation e) { return word_of(evaluations(), std::optional<Evaluation>(e)); }

}  // namespace battc::runtime::api
