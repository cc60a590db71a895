// tests/fuzz/fuzz_programs.cpp: the parser and the type checker on arbitrary
// bytes as a program file. Whatever the text, the pipeline must come back
// with diagnostics (every definition accepted or reported), never throw or
// crash; rendering the diagnostics must work too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "generator/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  battc::generator::PipelineOptions o;
  o.program_texts.push_back({"fuzz.py", std::string(reinterpret_cast<const char*>(data), size)});
  o.emit = false;
  auto g = battc::generator::run_pipeline(o);
  std::string text = g->diags.render(g->sources);
  // a rejected program is reported: an error per rejection at least
  if (g->report.rejected > 0 && g->diags.error_count() == 0) __builtin_trap();
  return 0;
}
