// generator/emit/emit_statement.cpp: only node numbers, slots, validated
// primitive names, types from the type table and resolved constants reach
// the text.
#include "generator/emit/emit_statement.h"
#include "generator/diag/internal_error.h"

#include <fmt/core.h>

#include <stdexcept>

#include "generator/emit/emit_literals.h"

namespace battc::generator {

namespace {

int slot_of(int node, const std::vector<int>* slots) {
  if (!slots) return node;
  int s = (*slots)[node];
  if (s < 0) battc::internal_error("a group's statement reads a value outside its group");
  return s;
}

// A closure-building primitive (compose, chain, matcher, rbind, lbind,
// fork) only gathers its operands into a struct: it cannot fail and spends
// no work (dsl/closures.h). Such a statement is emitted as the aggregate
// itself, not as a run_call: no function is instantiated for it, which is
// most of a prologue's code (the 400 arc-dsl solvers hoist hundreds of
// closures). Only when every operand has exactly the closure's part type
// (a VUnion operand goes through the functor's dispatch).
bool builds_closure(const Batt& b, const Node& n) {
  static const std::pair<const char*, ClosureKind> kBuilders[] = {
      {"compose", ClosureKind::Compose}, {"chain", ClosureKind::Chain}, {"matcher", ClosureKind::Matcher},
      {"rbind", ClosureKind::RBind},     {"lbind", ClosureKind::LBind}, {"fork", ClosureKind::Fork}};
  if (n.kind != NodeKind::Call || !n.type->is(TypeKind::Closure)) return false;
  bool named = false;
  for (const auto& [prim, kind] : kBuilders) named = named || (n.prim == prim && n.type->closure == kind);
  if (!named || n.type->parts.size() != n.args.size()) return false;
  for (size_t k = 0; k < n.args.size(); ++k)
    if (b.nodes()[n.args[k]].type != n.type->parts[k]) return false;
  return true;
}

}  // namespace

std::string ref(const Batt& b, int i, const std::vector<int>* slots) {
  const bool hoisted = b.nodes()[i].hoisted;
  if (!slots) return (hoisted ? "P.v" : "V.v") + std::to_string(i);
  return (hoisted ? "p" : "V.s") + std::to_string(slot_of(i, slots));
}

std::string st(const Batt& b, int i, const std::vector<int>* slots) {
  if (!slots && b.nodes()[i].hoisted) return fmt::format("P.st[{}]", i);
  return fmt::format("V.st[{}]", slot_of(i, slots));
}

std::string statement(const Batt& b, int i, const std::vector<int>* slots) {
  const Node& n = b.nodes()[i];
  std::string v = ref(b, i, slots), s = st(b, i, slots);
  switch (n.kind) {
    case NodeKind::Param:
      switch (n.param) {
        case ParamKind::S: return fmt::format("  {} = P.S;\n  {} = 0;\n", v, s);
        case ParamKind::I: return fmt::format("  {} = e.s->input;\n  {} = 0;\n", v, s);
        case ParamKind::C:
          return fmt::format("  {} = e.s->expected;\n  {} = e.s->has_expected ? 0 : abi::kStNoOutput;\n", v, s);
        case ParamKind::CNone: return fmt::format("  {} = abi::kStCIsNone;  // C is None in a solver\n", s);
      }
      break;
    case NodeKind::Const: return fmt::format("  {} = {};\n  {} = 0;\n", v, constant_literal(n.value), s);
    case NodeKind::Prim: return fmt::format("  {} = 0;\n", s);
    case NodeKind::Call:
    case NodeKind::CallValue:
    case NodeKind::Convert: {
      std::vector<int> ops = n.args;
      std::string failed;
      for (int a : ops) failed += (failed.empty() ? "" : ", ") + st(b, a, slots);
      if (!failed.empty()) failed = "abi::operands_failed(" + failed + ")";
      std::string body;
      if (n.kind == NodeKind::Convert) {
        body = fmt::format("BATTC_RUN({}, {} = convert_to<{}>(c, {}));", s, v, cxx_type(n.type), ref(b, ops[0], slots));
      } else if (builds_closure(b, n)) {
        std::string parts;
        for (int a : ops) parts += (parts.empty() ? "" : ", ") + ref(b, a, slots);
        body = fmt::format("{{ {} = {}{{{}}}; {} = 0; }}", v, cxx_type(n.type), parts, s);
      } else if (n.type->is(TypeKind::Closure) && n.type->closure == ClosureKind::PowerN) {
        body = fmt::format("BATTC_RUN({}, {} = {}{{{}}});", s, v, cxx_type(n.type), ref(b, ops[0], slots));  // power(f, N), unrolled
      } else {
        // A primitive or a closure value, called through abi::run_call
        // (runtime/abi/unit_support.h), which also takes the operands' failure.
        bool value = n.kind == NodeKind::CallValue;
        std::string callee = value ? ref(b, ops[0], slots) : fmt::format("fn_{}{{}}", checked_identifier(n.prim));
        std::string args;
        for (size_t k = value ? 1 : 0; k < ops.size(); ++k) args += ", " + ref(b, ops[k], slots);
        body = fmt::format("abi::run_call(c, e.work, {}, {}, {}, {}{});", s, v, failed.empty() ? "0" : failed,
                           callee, args);
        failed.clear();
      }
      if (!failed.empty()) body = fmt::format("if (u8 f_ = {}) {} = f_; else {}", failed, s, body);
      if (!n.hoisted) body = fmt::format("if (V.need[{}]) {{ {} }}", slot_of(i, slots), body);
      return "  " + body + "\n";
    }
  }
  battc::internal_error("unknown node kind in emit");
}

std::string int_list(const std::vector<int>& v) {
  std::string s = "{";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? (i % 24 == 0 ? ",\n    " : ", ") : "") + std::to_string(v[i]);
  if (v.empty()) s += "0";
  return s + "}";
}

}  // namespace battc::generator
