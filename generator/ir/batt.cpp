// generator/ir/batt.cpp: value numbering.
#include "generator/ir/batt.h"

#include <algorithm>

namespace battc::generator {

Batt::Key Batt::key_of(const Node& n) {
  return Key{static_cast<int>(n.kind), n.type, static_cast<int>(n.param), static_cast<int>(n.value.kind), n.value.a,
             n.value.b, n.prim, n.args};
}

int Batt::intern(Node n) {
  Key k = key_of(n);
  auto it = index_.find(k);
  if (it != index_.end()) {
    if (n.kind == NodeKind::Call || n.kind == NodeKind::CallValue) ++merged_;
    return it->second;
  }
  int id = static_cast<int>(nodes_.size());
  nodes_.push_back(std::move(n));
  index_.emplace(std::move(k), id);
  return id;
}

void Batt::reset_nodes(std::vector<Node> nodes) {
  nodes_ = std::move(nodes);
  index_.clear();
  for (int i = 0; i < static_cast<int>(nodes_.size()); ++i) index_.emplace(key_of(nodes_[i]), i);
}

int remove_unreachable(Batt& b) {
  const auto& nodes = b.nodes();
  std::vector<char> live(nodes.size(), 0);
  std::vector<int> stack;
  for (const BattProgram& p : b.programs()) {
    stack.insert(stack.end(), p.stmts.begin(), p.stmts.end());
    stack.push_back(p.result);
  }
  while (!stack.empty()) {
    int i = stack.back();
    stack.pop_back();
    if (live[i]) continue;
    live[i] = 1;
    for (int a : nodes[i].args) stack.push_back(a);
  }
  std::vector<int> renumber(nodes.size(), -1);
  std::vector<Node> kept;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (live[i]) {
      renumber[i] = static_cast<int>(kept.size());
      kept.push_back(nodes[i]);
    }
  int dropped = static_cast<int>(nodes.size() - kept.size());
  if (dropped == 0) return 0;
  for (Node& n : kept)
    for (int& a : n.args) a = renumber[a];  // operands come first, so they are live too
  for (BattProgram& p : b.programs()) {
    for (int& s : p.stmts) s = renumber[s];
    p.result = renumber[p.result];
  }
  b.reset_nodes(std::move(kept));
  return dropped;
}

std::vector<int> sample_needs(const Batt& b, const BattProgram& p) {
  std::vector<char> mark(b.nodes().size(), 0);
  std::vector<int> stack(p.stmts.begin(), p.stmts.end());
  stack.push_back(p.result);
  std::vector<int> out;
  while (!stack.empty()) {
    int i = stack.back();
    stack.pop_back();
    if (mark[i] || b.nodes()[i].hoisted) continue;
    mark[i] = 1;
    out.push_back(i);
    for (int a : b.nodes()[i].args) stack.push_back(a);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace battc::generator
