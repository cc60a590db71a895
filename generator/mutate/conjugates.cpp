// generator/mutate/conjugates.cpp
#include "generator/mutate/conjugates.h"

#include "generator/mutate/program_text.h"
#include "generator/types/type.h"

namespace battc::generator {

const std::vector<GridSymmetry>& grid_symmetries() {
  static const std::vector<GridSymmetry> all = {
      {"rot90", "rot90", "rot270"},       {"rot180", "rot180", "rot180"},   {"rot270", "rot270", "rot90"},
      {"hmirror", "hmirror", "hmirror"}, {"vmirror", "vmirror", "vmirror"}, {"dmirror", "dmirror", "dmirror"},
      {"cmirror", "cmirror", "cmirror"},
  };
  return all;
}

std::vector<Program> dihedral_conjugates(const TypedProgram& p) {
  std::vector<Program> out;
  const Program& src = p.program;
  if (src.params.size() != 1 || src.body.empty() || p.stmt_types.size() != src.body.size()) return out;
  const std::string& input = src.params[0];
  const TypeRef result = p.stmt_types.back();
  if (src.body.back().target != src.ret || !result || result->kind != TypeKind::Grid) return out;
  // p is canonical: its names are x1.. and O, each bound once, O by the
  // last statement, so these two name nothing of p's.
  const std::string turned = "turned_input", answer = "turned_answer";
  for (const GridSymmetry& g : grid_symmetries()) {
    Program q = src;
    q.body.clear();
    Stmt first;
    first.target = turned;
    first.call.callee = g.forward;
    first.call.args.push_back(Arg{});
    first.call.args.back().name = input;
    q.body.push_back(first);
    for (Stmt st : src.body) {
      for (Arg& a : st.call.args)
        if (!a.is_int && a.name == input) a.name = turned;
      if (st.target == src.ret) st.target = answer;  // the last statement: canonical names bind once
      q.body.push_back(std::move(st));
    }
    Stmt last;
    last.target = src.ret;
    last.call.callee = g.inverse;
    last.call.args.push_back(Arg{});
    last.call.args.back().name = answer;
    q.body.push_back(last);
    q.ret = src.ret;
    out.push_back(canonical_program(q));
  }
  return out;
}

}  // namespace battc::generator
