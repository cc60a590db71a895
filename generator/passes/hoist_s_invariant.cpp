// generator/passes/hoist_s_invariant.cpp: one forward sweep (operands come
// before their users in the node list).
#include "generator/passes/hoist_s_invariant.h"

namespace battc::generator {

int hoist_s_invariant(Batt& batt) {
  int calls = 0;
  for (Node& n : batt.mutable_nodes()) {
    switch (n.kind) {
      case NodeKind::Param: n.hoisted = n.param == ParamKind::S; break;
      case NodeKind::Const:
      case NodeKind::Prim: n.hoisted = true; break;
      case NodeKind::Call:
      case NodeKind::CallValue:
      case NodeKind::Convert: {
        bool all = true;
        for (int a : n.args) all = all && batt.nodes()[a].hoisted;
        n.hoisted = all;
        if (all) ++calls;
        break;
      }
    }
  }
  return calls;
}

}  // namespace battc::generator
