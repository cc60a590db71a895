// runtime/api/options.h: the option values both front ends take as text
// (`battc run --backend cuda`, `battc.run(backend="cuda")`), parsed in one
// place so the CLI and Python accept the same words and say the same thing
// about a wrong one (a Usage error naming the choices).
#pragma once

#include <optional>
#include <string>

#include "runtime/api/api_result.h"
#include "runtime/api/run_batt.h"

namespace battc::runtime::api {

ApiResult<Engine> parse_engine(const std::string& name);              // auto, unit, specs
ApiResult<Backend> parse_backend(const std::string& name);            // auto, cpu, cuda
ApiResult<Pairing> parse_pairing(const std::string& name);            // all, by-name
// auto (nullopt: resolve_evaluation decides), all, until-train-fails
ApiResult<std::optional<Evaluation>> parse_evaluation(const std::string& name);
ApiResult<LoadOptions::OnDuplicate> parse_on_duplicate(const std::string& name);  // skip, refuse
// auto (nullopt: each program's own), arc-dsl, tokpidjin
ApiResult<std::optional<generator::Dialect>> parse_dialect_option(const std::string& name);

const char* engine_name(Engine e);
const char* backend_name(Backend b);
const char* pairing_name(Pairing p);
const char* evaluation_name(Evaluation e);

}  // namespace battc::runtime::api
