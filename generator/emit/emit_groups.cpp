// generator/emit/emit_groups.cpp
#include "generator/emit/emit_groups.h"

#include <fmt/core.h>

#include <algorithm>
#include <stdexcept>

#include "generator/emit/emit_literals.h"
#include "generator/emit/emit_statement.h"

namespace battc::generator {

namespace {

// A group's slots: every node its programs need per sample, state as a
// statement, or return, ascending (so per-sample ones stay in schedule
// order). Prologue nodes get a slot for their status only.
std::vector<int> group_nodes(const Batt& b, const std::vector<int>& programs) {
  std::vector<int> nodes;
  for (int p : programs) {
    const BattProgram& prog = b.programs()[p];
    std::vector<int> nd = sample_needs(b, prog);
    nodes.insert(nodes.end(), nd.begin(), nd.end());
    nodes.insert(nodes.end(), prog.stmts.begin(), prog.stmts.end());
    nodes.push_back(prog.result);
  }
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  return nodes;
}

}  // namespace

GroupParts emit_group_parts(const Batt& b, const std::vector<std::vector<int>>& groups, int& serial) {
  const auto& progs = b.programs();
  const int n_nodes = static_cast<int>(b.nodes().size());
  const int np = static_cast<int>(progs.size());
  GroupParts out;
  std::vector<int> group_start = {0}, group_programs;
  std::vector<int> hoist_start = {0}, hoist_slot, hoist_node;
  // Per program (each is in exactly one group), in group-local slots.
  std::vector<std::vector<int>> need(np), stmts(np);
  std::vector<int> seen(np, 0);
  std::vector<int> slots(n_nodes, -1);

  for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
    const std::vector<int>& members = groups[g];
    if (members.empty()) throw std::logic_error("battc bug: an empty program group");
    for (int p : members) {
      if (p < 0 || p >= np || seen[p]++) throw std::logic_error("battc bug: program groups are not a partition");
      group_programs.push_back(p);
    }
    group_start.push_back(static_cast<int>(group_programs.size()));
    std::vector<int> nodes = group_nodes(b, members);
    for (int k = 0; k < static_cast<int>(nodes.size()); ++k) slots[nodes[k]] = k;

    std::string fields;
    for (int k = 0; k < static_cast<int>(nodes.size()); ++k) {
      const Node& n = b.nodes()[nodes[k]];
      if (n.hoisted) {
        hoist_slot.push_back(k);
        hoist_node.push_back(nodes[k]);
      } else {
        fields += fmt::format("  {} s{}{{}};\n", cxx_type(n.type), k);
      }
    }
    hoist_start.push_back(static_cast<int>(hoist_slot.size()));
    out.chunks += fmt::format("struct G{} {{\n  u8 need[{}];\n  u8 st[{}];\n{}}};\n", g, nodes.size(), nodes.size(),
                              fields);
    out.chunks += fmt::format(
        "BATTC_DEV void group_{0}(Env& e);\n#if BATTC_IN_PART({1})\nBATTC_DEV void group_{0}(Env& e) {{\n"
        "  Ctx& c = e.c;\n  Prologue& P = e.P;\n  (void)c;\n  (void)P;\n  G{0}& V = *static_cast<G{0}*>(e.G);\n",
        g, serial++);
    for (int node : nodes)
      if (!b.nodes()[node].hoisted) out.chunks += statement(b, node, &slots);
    out.chunks += "}\n#endif\n\n";
    out.alloc += fmt::format("    case {0}: return alloc_group<G{0}>(c);\n", g);
    out.run += fmt::format("    case {0}: group_{0}(e); break;\n", g);

    for (int p : members) {
      for (int node : sample_needs(b, progs[p])) need[p].push_back(slots[node]);
      for (int node : progs[p].stmts) stmts[p].push_back(slots[node]);
      int r = progs[p].result;
      std::string value = b.nodes()[r].hoisted ? fmt::format("P.v{}", r)
                                               : fmt::format("static_cast<G{}*>(e.G)->s{}", g, slots[r]);
      out.results += fmt::format("    case {}: set_result(e, {}, out, encode); break;\n", p, value);
    }
    for (int node : nodes) slots[node] = -1;
  }
  if (!groups.empty() && static_cast<int>(group_programs.size()) != np)
    throw std::logic_error("battc bug: program groups leave programs out");

  std::vector<int> need_start = {0}, need_all, stmt_start = {0}, stmt_all;
  for (int p = 0; p < np; ++p) {
    need_all.insert(need_all.end(), need[p].begin(), need[p].end());
    need_start.push_back(static_cast<int>(need_all.size()));
    stmt_all.insert(stmt_all.end(), stmts[p].begin(), stmts[p].end());
    stmt_start.push_back(static_cast<int>(stmt_all.size()));
  }
  auto table = [](const char* name, const std::vector<int>& v) {
    return fmt::format("BATTC_TABLE int {}[{}] = {};\n", name, std::max<size_t>(v.size(), 1), int_list(v));
  };
  out.tables = fmt::format("constexpr int kGroups = {};\n", groups.size()) + table("kGroupStart", group_start) +
               table("kGroupPrograms", group_programs) + table("kGNeedStart", need_start) + table("kGNeed", need_all) +
               table("kGStmtStart", stmt_start) + table("kGStmts", stmt_all) + table("kGHoistStart", hoist_start) +
               table("kGHoistSlot", hoist_slot) + table("kGHoistNode", hoist_node);
  return out;
}

}  // namespace battc::generator
