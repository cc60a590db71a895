// generator/emit/emit_groups.cpp
#include "generator/emit/emit_groups.h"
#include "generator/diag/internal_error.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "generator/emit/emit_literals.h"
#include "generator/emit/emit_statement.h"

namespace battc::generator {

namespace {

// A group's slots: every node its programs need per sample, state as a
// statement, or return, and every per-task value those statements read,
// ascending (so per-sample ones stay in schedule order). Per-task nodes get
// a slot for their status and a pointer to their value (the State's in[]).
std::vector<int> group_nodes(const Batt& b, const std::vector<int>& programs) {
  std::vector<int> nodes;
  for (int p : programs) {
    const BattProgram& prog = b.programs()[p];
    std::vector<int> nd = sample_needs(b, prog);
    nodes.insert(nodes.end(), nd.begin(), nd.end());
    nodes.insert(nodes.end(), prog.stmts.begin(), prog.stmts.end());
    nodes.push_back(prog.result);
  }
  const size_t own = nodes.size();
  for (size_t k = 0; k < own; ++k)
    if (!b.nodes()[nodes[k]].hoisted)
      for (int a : b.nodes()[nodes[k]].args)
        if (b.nodes()[a].hoisted) nodes.push_back(a);
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  return nodes;
}

// FNV-1a, 64 bits: a group's name from its text, so that the same group
// emitted in another batt has the same name and the same text (the CUDA JIT
// caches each group's module by its text: runtime/jit/cuda_modules.h).
std::string text_name(const std::string& text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char ch : text) h = (h ^ ch) * 1099511628211ull;
  return fmt::format("{:016x}", h);
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// Group g's State and function, named "@@" until its text is known. The
// function is a template's explicit instantiation, so a weak symbol: the CUDA
// JIT may link two cached modules that both hold it (runtime/jit/cuda_jit.cpp,
// modules of several groups), and nvJitLink keeps one.
std::string group_text(const Batt& b, const std::vector<int>& nodes, const std::vector<int>& slots) {
  std::string fields, imports, body;
  int n_in = 0;
  for (int k = 0; k < static_cast<int>(nodes.size()); ++k) {
    const Node& n = b.nodes()[nodes[k]];
    if (n.hoisted) {
      imports += fmt::format("  const {0}& p{1} = *static_cast<const {0}*>(V.in[{2}]);\n  (void)p{1};\n",
                             cxx_type(n.type), k, n_in++);
    } else {
      fields += fmt::format("  {} s{}{{}};\n", cxx_type(n.type), k);
      body += statement(b, nodes[k], &slots);
    }
  }
  return fmt::format(
      "struct G_@@ {{\n  u8 need[{0}];\n  u8 st[{0}];\n  const void* in[{1}];\n{2}}};\n"
      "template <int = 0>\nBATTC_DEV void group_@@(Env& e);\n#if BATTC_GROUP_BODY(0x@@ull)\n"
      "template <int>\nBATTC_DEV void group_@@(Env& e) {{\n"
      "  Ctx& c = e.c;\n  (void)c;\n  G_@@& V = *static_cast<G_@@*>(e.G);\n{3}{4}}}\n"
      "template BATTC_DEV void group_@@<0>(Env& e);\n#endif\n",
      nodes.size(), std::max(n_in, 1), fields, imports, body);
}

}  // namespace

GroupParts emit_group_parts(const Batt& b, const std::vector<std::vector<int>>& groups) {
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
  std::vector<std::string> names;

  for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
    const std::vector<int>& members = groups[g];
    if (members.empty()) battc::internal_error("an empty program group");
    for (int p : members) {
      if (p < 0 || p >= np || seen[p]++) battc::internal_error("program groups are not a partition");
      group_programs.push_back(p);
    }
    group_start.push_back(static_cast<int>(group_programs.size()));
    std::vector<int> nodes = group_nodes(b, members);
    for (int k = 0; k < static_cast<int>(nodes.size()); ++k) {
      slots[nodes[k]] = k;
      if (b.nodes()[nodes[k]].hoisted) {
        hoist_slot.push_back(k);
        hoist_node.push_back(nodes[k]);
      }
    }
    // The group State's in[]: where the per-task values it reads lie in the
    // Prologue (the unit's GroupUnit::group_imports, which abi::eval_group in
    // runtime/abi/group_eval.h calls).
    std::string in;
    for (int h = hoist_start.back(); h < static_cast<int>(hoist_slot.size()); ++h)
      in += fmt::format(" in[{}] = &P.v{};", h - hoist_start.back(), hoist_node[h]);
    if (!in.empty()) out.imports += fmt::format("    case {}:{} break;\n", g, in);
    hoist_start.push_back(static_cast<int>(hoist_slot.size()));

    std::string text = group_text(b, nodes, slots);
    std::string name = text_name(text);
    // Two groups of one batt with equal text (possible only for equal
    // programs, which value numbering merges) would define one name twice.
    if (std::find(names.begin(), names.end(), name) != names.end()) name += fmt::format("_{}", g);
    names.push_back(name);
    out.chunks += "// @BATTC:GROUP " + name + "\n" + replace_all(text, "@@", name) + "// @BATTC:GROUP_END\n\n";
    out.alloc += fmt::format("    case {}: return alloc_group<G_{}>(c);\n", g, name);
    out.run += fmt::format("    case {}: group_{}(e); break;\n", g, name);

    for (int p : members) {
      for (int node : sample_needs(b, progs[p])) need[p].push_back(slots[node]);
      for (int node : progs[p].stmts) stmts[p].push_back(slots[node]);
      int r = progs[p].result;
      std::string value = b.nodes()[r].hoisted ? fmt::format("P.v{}", r)
                                               : fmt::format("static_cast<G_{}*>(e.G)->s{}", name, slots[r]);
      out.results += fmt::format("    case {}: set_result(e, {}, out, encode); break;\n", p, value);
    }
    for (int node : nodes) slots[node] = -1;
  }
  if (!groups.empty() && static_cast<int>(group_programs.size()) != np)
    battc::internal_error("program groups leave programs out");

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
