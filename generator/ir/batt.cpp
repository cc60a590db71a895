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
