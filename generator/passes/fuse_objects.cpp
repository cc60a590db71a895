// generator/passes/fuse_objects.cpp: find the groups, then rebuild the node
// list with each group's fused value inserted before its first member (the
// list stays a valid schedule: operands before users).
#include "generator/passes/fuse_objects.h"

#include <map>
#include <optional>

namespace battc::generator {
namespace {

std::optional<int> int_const(const Batt& b, int node) {
  const Node& n = b.nodes()[node];
  if (n.kind != NodeKind::Const || n.value.kind == ConstantValue::Kind::Point) return std::nullopt;
  return n.value.a;
}

// The o_g variant (0..7) a node computes, or nullopt.
std::optional<int> variant_of(const Batt& b, const Node& n) {
  if (n.kind != NodeKind::Call) return std::nullopt;
  if (n.prim == "o_g" && n.args.size() == 2) {
    auto k = int_const(b, n.args[1]);
    if (k && *k >= 0 && *k <= 7) return *k;
  }
  if (n.prim == "tk_objects" && n.args.size() == 4) {
    auto u = int_const(b, n.args[1]), d = int_const(b, n.args[2]), w = int_const(b, n.args[3]);
    if (u && d && w) return (*u ? 4 : 0) | (*d ? 2 : 0) | (*w ? 1 : 0);
  }
  return std::nullopt;
}

Node node(NodeKind kind, TypeRef type) {
  Node n{};
  n.kind = kind;
  n.type = type;
  return n;
}

Node int_node(TypeTable& tt, int v, const Origin& origin) {
  Node n = node(NodeKind::Const, tt.integer());
  n.value = ConstantValue{ConstantValue::Kind::Int, v, 0};
  n.origin = origin;
  n.hoisted = true;
  return n;
}

}  // namespace

int fuse_objects(Batt& batt, TypeTable& tt) {
  const std::vector<Node>& old = batt.nodes();
  // grid node -> (mask of variants, first member)
  std::map<int, std::pair<int, int>> groups;
  std::vector<int> variant(old.size(), -1);
  for (int i = 0; i < static_cast<int>(old.size()); ++i) {
    auto v = variant_of(batt, old[i]);
    if (!v) continue;
    variant[i] = *v;
    auto [it, fresh] = groups.emplace(old[i].args[0], std::make_pair(0, i));
    it->second.first |= 1 << *v;
  }
  std::map<int, int> fused_mask;  // first member -> mask, for groups of 2+ variants
  for (const auto& [grid, g] : groups)
    if (__builtin_popcount(static_cast<unsigned>(g.first)) >= 2) fused_mask[g.second] = g.first;
  if (fused_mask.empty()) return 0;

  TypeRef objs = tt.fset(tt.tobject()), all = tt.raw_tuple(objs);
  std::vector<Node> out;
  std::vector<int> renum(old.size(), -1);
  std::map<int, int> fused_of_grid;  // old grid node -> new fused node
  auto add = [&out](Node n) {
    out.push_back(std::move(n));
    return static_cast<int>(out.size()) - 1;
  };
  for (int i = 0; i < static_cast<int>(old.size()); ++i) {
    Node n = old[i];
    for (int& a : n.args) a = renum[a];
    if (auto it = fused_mask.find(i); it != fused_mask.end()) {
      int mask = add(int_node(tt, it->second, n.origin));
      Node f = node(NodeKind::Call, all);
      f.prim = "o_g_fused";
      f.args = {n.args[0], mask};
      f.origin = n.origin;
      fused_of_grid[old[i].args[0]] = add(std::move(f));
    }
    if (variant[i] >= 0) {
      if (auto g = fused_of_grid.find(old[i].args[0]); g != fused_of_grid.end()) {
        int k = add(int_node(tt, variant[i], n.origin));
        Node pick = node(NodeKind::Call, objs);
        pick.prim = "o_g_pick";
        pick.args = {g->second, k};
        pick.origin = n.origin;
        pick.uses = n.uses;
        n = std::move(pick);
      }
    }
    renum[i] = add(std::move(n));
  }
  for (BattProgram& p : batt.programs()) {
    for (int& s : p.stmts) s = renum[s];
    p.result = renum[p.result];
  }
  batt.reset_nodes(std::move(out));
  return static_cast<int>(fused_mask.size());
}

}  // namespace battc::generator
