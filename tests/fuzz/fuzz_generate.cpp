// tests/fuzz/fuzz_generate.cpp: generation on arbitrary program text. Programs
// are untrusted input to a code generator, so the emitted unit may name only
// validated identifiers: every `fn_<name>` is a primitive the signature table
// types, every string literal the programs added is a program name
// (solve_*/differ_* of identifier characters), and no byte outside printable
// ASCII reaches the unit.
#include <cstddef>
#include <cstdint>
#include <regex>
#include <set>
#include <string>

#include "generator/dialect/dialect.h"
#include "generator/pipeline.h"

namespace {

std::unique_ptr<battc::generator::Generated> generate(std::string text) {
  battc::generator::PipelineOptions o;
  if (!text.empty()) o.program_texts.push_back({"fuzz.py", std::move(text)});
  return battc::generator::run_pipeline(o);
}

std::set<std::string> matches(const std::string& unit, const std::regex& re, int group) {
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(unit.begin(), unit.end(), re); it != std::sregex_iterator(); ++it)
    out.insert((*it)[group].str());
  return out;
}

const std::regex kFn(R"(\bfn_([A-Za-z0-9_]+))");
const std::regex kLiteral(R"re("((?:[^"\\\n]|\\.)*)")re");

// What the template itself holds, generated without programs.
struct Baseline {
  std::set<std::string> fns, literals, primitives;
  Baseline() {
    auto g = generate("");
    fns = matches(g->unit, kFn, 1);
    literals = matches(g->unit, kLiteral, 1);
    for (const auto& n : g->signatures->names()) primitives.insert(n);
    for (const auto& n : battc::generator::internal_primitives()) primitives.insert(n);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Baseline base;
  // The suffix may be empty: `def solve_(I)` is a program (one for every task).
  static const std::regex program_name(R"((solve|differ)_[A-Za-z0-9_]*)");
  auto g = generate(std::string(reinterpret_cast<const char*>(data), size));
  const std::string& unit = g->unit;
  for (unsigned char ch : unit)
    if (ch != '\n' && (ch < 0x20 || ch > 0x7e)) __builtin_trap();
  for (const auto& f : matches(unit, kFn, 1))
    if (!base.fns.count(f) && !base.primitives.count(f)) __builtin_trap();
  for (const auto& lit : matches(unit, kLiteral, 1))
    if (!base.literals.count(lit) && !std::regex_match(lit, program_name)) __builtin_trap();
  return 0;
}
