// generator/ir/batt.cpp: value numbering.
#include "generator/ir/batt.h"

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

}  // namespace battc::generator
