// generator/pipeline.cpp: the pipeline as one readable list of steps.
#include "generator/pipeline.h"

#include <fnmatch.h>

#include <fmt/core.h>

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>

#include "generator/emit/emit_host.h"
#include "generator/ir/lower.h"
#include "generator/parse/parser.h"
#include "generator/passes/fuse_objects.h"
#include "generator/passes/hoist_s_invariant.h"

namespace battc::generator {
namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Program without_locations(Program p) {
  p.loc = p.ret_loc = SrcLoc{};
  for (Stmt& s : p.body) {
    s.loc = s.call.callee_loc = SrcLoc{};
    for (Arg& a : s.call.args) a.loc = SrcLoc{};
  }
  return p;
}

}  // namespace

const std::vector<std::string>& pass_names() {
  static const std::vector<std::string> names = {"fuse_objects", "hoist_s_invariant"};
  return names;
}

std::unique_ptr<Generated> run_pipeline(const PipelineOptions& opt) {
  auto g = std::make_unique<Generated>();
  g->signatures = std::make_unique<Signatures>(g->types);
  auto enabled = [&](const char* pass) { return opt.disabled_passes.count(pass) == 0; };

  // 1. parse
  auto t0 = std::chrono::steady_clock::now();
  std::vector<ParsedFile> parsed;
  for (const std::string& path : opt.program_files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      g->diags.error(SrcLoc{}, "", "cannot read program file '" + path + "'");
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    int id = g->sources.add(path, ss.str());
    parsed.push_back(parse_program_file(g->sources, id, g->diags));
    g->report.rejected += parsed.back().rejected;
  }
  for (const ProgramText& t : opt.program_texts) {
    int id = g->sources.add(t.name, t.text);
    parsed.push_back(parse_program_file(g->sources, id, g->diags));
    g->report.rejected += parsed.back().rejected;
  }
  g->report.parse_s = seconds_since(t0);

  // 2. type check and merge (value numbering happens as programs are added)
  t0 = std::chrono::steady_clock::now();
  std::map<std::string, SrcLoc> seen;  // program name -> where it was first read
  auto selected = [&](const std::string& name) {
    if (opt.program_globs.empty()) return true;
    for (const auto& glob : opt.program_globs)
      if (fnmatch(glob.c_str(), name.c_str(), 0) == 0) return true;
    return false;
  };
  auto add = [&](const Program& p, Dialect own) {
    if (!selected(p.name)) {
      ++g->report.filtered_out;
      return;
    }
    if (auto [it, fresh] = seen.emplace(p.name, p.loc); !fresh) {
      g->diags.error(p.loc, p.name,
                     fmt::format("a program of this name was already read at {}; this one is skipped",
                                 format_loc(g->sources, it->second)));
      ++g->report.rejected;
      return;
    }
    if (lower_program(p, opt.dialect ? *opt.dialect : own, *g->signatures, g->batt, g->diags))
      ++g->report.programs;
    else
      ++g->report.rejected;
  };
  for (const ParsedFile& f : parsed)
    for (const Program& p : f.programs) add(p, dialect_of_params(p.params));
  for (const ParsedProgram& p : opt.programs) add(without_locations(p.program), p.dialect);
  g->report.typecheck_s = seconds_since(t0);

  // 3. passes, then 4. emit
  t0 = std::chrono::steady_clock::now();
  if (enabled("fuse_objects")) g->report.fused_object_groups = fuse_objects(g->batt, g->types);
  if (enabled("hoist_s_invariant")) g->report.hoisted_s_invariant = hoist_s_invariant(g->batt);
  g->report.nodes = static_cast<int>(g->batt.nodes().size());
  g->report.merged_duplicates = g->batt.merged_duplicates();
  if (opt.emit) g->unit = emit_host_unit(g->batt);
  g->report.generate_s = seconds_since(t0);
  return g;
}

}  // namespace battc::generator
