// generator/emit/emit_host.cpp: tables, fields, statement chunks and result
// cases, each written into its marked region of the template.
#include "generator/emit/emit_host.h"
#include "generator/diag/internal_error.h"

#include <fmt/core.h>

#include <algorithm>
#include <stdexcept>

#include "generator/emit/emit_groups.h"
#include "generator/emit/emit_literals.h"
#include "generator/emit/emit_statement.h"
#include "generator/emit/cuda_unit_template.h"
#include "generator/emit/host_unit_template.h"

namespace battc::generator {
namespace {

// Statements of one phase, in functions of at most chunk_size statements.
// Each chunk is declared, then defined under BATTC_IN_PART(n), n counting
// the chunks of both phases, so a split CUDA compile defines each chunk in
// exactly one part and calls it from another (runtime/abi/unit_support.h).
void emit_chunks(const Batt& b, bool hoisted, const EmitOptions& opt, int& serial, std::string& chunks,
                 std::string& calls) {
  const char* prefix = hoisted ? "prologue" : "sample";
  int count = 0, chunk = -1;
  for (int i = 0; i < static_cast<int>(b.nodes().size()); ++i) {
    if (b.nodes()[i].hoisted != hoisted) continue;
    if (count % opt.chunk_size == 0) {
      if (chunk >= 0) chunks += "}\n#endif\n\n";
      ++chunk;
      chunks += fmt::format("BATTC_DEV void {0}_{1}(Env& e);\n#if BATTC_IN_PART({2})\n"
                            "BATTC_DEV void {0}_{1}(Env& e) {{\n  Ctx& c = e.c;\n  Prologue& P = e.P;\n  (void)c;\n"
                            "  (void)P;\n",
                            prefix, chunk, serial++);
      if (!hoisted) chunks += "  State& V = *e.V;\n";
      calls += fmt::format("  {}_{}(e);\n", prefix, chunk);
    }
    chunks += statement(b, i, nullptr);
    ++count;
  }
  if (chunk >= 0) chunks += "}\n#endif\n\n";
}

}  // namespace

std::string fill_template_region(const std::string& text, const std::string& name, const std::string& body) {
  std::string begin = "// @BATTC:BEGIN " + name + "\n", end = "// @BATTC:END " + name + "\n";
  size_t a = text.find(begin), z = text.find(end);
  if (a == std::string::npos || z == std::string::npos || z < a)
    battc::internal_error("template region " + name + " is missing");
  return text.substr(0, a) + body + text.substr(z + end.size());
}

UnitParts emit_unit_parts(const Batt& b, const EmitOptions& opt, bool whole_batt) {
  const auto& progs = b.programs();
  int n_nodes = static_cast<int>(b.nodes().size());
  UnitParts u;

  std::string names, differ;
  std::vector<int> need_start = {0}, need_all, stmt_start = {0}, stmts_all;
  for (const BattProgram& p : progs) {
    names += (names.empty() ? "" : ",\n    ") + c_string_literal(p.name);
    differ += std::string(differ.empty() ? "" : ", ") + (p.differ ? "1" : "0");
    if (!whole_batt) continue;
    std::vector<int> nd = sample_needs(b, p);
    need_all.insert(need_all.end(), nd.begin(), nd.end());
    need_start.push_back(static_cast<int>(need_all.size()));
    stmts_all.insert(stmts_all.end(), p.stmts.begin(), p.stmts.end());
    stmt_start.push_back(static_cast<int>(stmts_all.size()));
  }
  size_t np = progs.size();
  u.tables = fmt::format("constexpr int kPrograms = {};\nconstexpr int kNodes = {};\n", np, n_nodes);
  if (whole_batt)  // the group tables stand for these where there is no whole-batt State
    u.tables += fmt::format(
        "BATTC_TABLE int kNeedStart[{}] = {};\nBATTC_TABLE int kNeed[{}] = {};\n"
        "BATTC_TABLE int kStmtStart[{}] = {};\nBATTC_TABLE int kStmts[{}] = {};\n",
        np + 1, int_list(need_start), need_all.size() + 1, int_list(need_all), np + 1, int_list(stmt_start),
        stmts_all.size() + 1, int_list(stmts_all));
  u.names = fmt::format("const char* const kNames[{}] = {{{}}};\nconst u8 kDiffer[{}] = {{{}}};\n", np + 1,
                        names.empty() ? "\"\"" : names, np + 1, differ.empty() ? "0" : differ);

  for (int i = 0; i < n_nodes; ++i) {
    const Node& n = b.nodes()[i];
    std::string field = fmt::format("  {} v{}{{}};\n", cxx_type(n.type), i);
    if (n.hoisted || whole_batt) (n.hoisted ? u.prologue_fields : u.state_fields) += field;
  }

  int serial = 0;
  emit_chunks(b, true, opt, serial, u.chunks, u.prologue_calls);
  if (whole_batt) {
    emit_chunks(b, false, opt, serial, u.chunks, u.sample_calls);
    for (size_t k = 0; k < np; ++k)
      u.results +=
          fmt::format("    case {}: set_result(e, {}, out, encode); break;\n", k, ref(b, progs[k].result, nullptr));
  }
  GroupParts g = emit_group_parts(b, opt.groups);
  u.group_tables = std::move(g.tables);
  u.group_chunks = std::move(g.chunks);
  u.group_imports = std::move(g.imports);
  u.group_alloc = std::move(g.alloc);
  u.group_run = std::move(g.run);
  u.group_results = std::move(g.results);
  return u;
}

std::string fill_unit_template(std::string text, const UnitParts& u, bool whole_batt) {
  text = fill_template_region(text, "TABLES", u.tables);
  text = fill_template_region(text, "PROLOGUE_FIELDS", u.prologue_fields);
  text = fill_template_region(text, "CHUNKS", u.chunks);
  text = fill_template_region(text, "PROLOGUE_CALLS", u.prologue_calls);
  if (whole_batt) {
    text = fill_template_region(text, "STATE_FIELDS", u.state_fields);
    text = fill_template_region(text, "SAMPLE_CALLS", u.sample_calls);
    text = fill_template_region(text, "RESULTS", u.results);
  }
  text = fill_template_region(text, "GROUP_TABLES", u.group_tables);
  text = fill_template_region(text, "GROUP_CHUNKS", u.group_chunks);
  text = fill_template_region(text, "GROUP_IMPORTS", u.group_imports);
  text = fill_template_region(text, "GROUP_ALLOC", u.group_alloc);
  text = fill_template_region(text, "GROUP_RUN", u.group_run);
  text = fill_template_region(text, "GROUP_RESULTS", u.group_results);
  return text;
}

std::string emit_host_unit(const Batt& b, const EmitOptions& opt) {
  UnitParts u = emit_unit_parts(b, opt);
  return fill_template_region(fill_unit_template(kHostUnitTemplate, u, true), "NAMES", u.names);
}

std::string emit_cuda_unit(const Batt& b, const EmitOptions& opt) {
  if (opt.groups.empty()) battc::internal_error("a CUDA unit without program groups");
  return fill_unit_template(kCudaUnitTemplate, emit_unit_parts(b, opt, false), false);
}

}  // namespace battc::generator
