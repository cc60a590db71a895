// generator/pipeline.h: program files in, one batt unit out. The passes run
// in the order pipeline.cpp lists them; each is timed, and any can be turned
// off by name (--disable-pass).
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "generator/diag/diagnostics.h"
#include "generator/dialect/dialect.h"
#include "generator/ir/batt.h"
#include "generator/parse/ast.h"
#include "generator/types/signatures.h"
#include "generator/types/type.h"

namespace battc::generator {

// A program file's text given in memory; `name` stands for its path in
// diagnostics.
struct ProgramText {
  std::string name;
  std::string text;
};

// A program already parsed (a search's mutants, made and checked as
// programs): lowered as a parsed file's would be, without printing and
// parsing it again. Its source locations are dropped: they name no file of
// this run.
struct ParsedProgram {
  Program program;
  Dialect dialect = Dialect::ArcDsl;
};

struct PipelineOptions {
  std::vector<std::string> program_files;
  std::vector<ProgramText> program_texts;  // read after the files
  std::vector<ParsedProgram> programs;     // after the texts; `dialect` below overrides theirs
  std::set<std::string> disabled_passes;  // "hoist_s_invariant", ...
  // Every program's dialect; unset: each program's own (dialect_of_params).
  std::optional<Dialect> dialect;
  bool emit = true;                       // false: stop after the passes (battc check)
  // Only programs whose name matches one of these shell globs (solve_1*,
  // solve_?a*); empty: every program. The others are skipped, not rejected.
  std::vector<std::string> program_globs;
};

struct GenerateReport {
  int programs = 0;  // accepted
  int rejected = 0;
  int filtered_out = 0;  // skipped by PipelineOptions::program_globs
  int nodes = 0;
  int hoisted_s_invariant = 0;
  int fused_object_groups = 0;
  int merged_duplicates = 0;
  double parse_s = 0, typecheck_s = 0, generate_s = 0;
};

// Everything a generation produced; the batt's types live in `types`.
struct Generated {
  SourceSet sources;
  Diagnostics diags;
  TypeTable types;
  std::unique_ptr<Signatures> signatures;
  Batt batt;
  std::string unit;  // the emitted host translation unit (when emit)
  GenerateReport report;
};

// Reads, parses, checks, merges, runs the passes and emits. Unreadable files
// and bad programs become diagnostics; only a battc bug throws.
std::unique_ptr<Generated> run_pipeline(const PipelineOptions& options);

// The pass names --disable-pass accepts.
const std::vector<std::string>& pass_names();

}  // namespace battc::generator
