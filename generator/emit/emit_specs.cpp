// generator/emit/emit_specs.cpp: one function per specialization, each the
// statement code emit_host.cpp writes inline, with the operands read from
// the engine's slots. Only types built from the type table, validated
// primitive names and the constant's kind reach the text.
#include "generator/emit/emit_specs.h"
#include "generator/diag/internal_error.h"

#include <fmt/core.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "generator/emit/emit_host.h"
#include "generator/emit/emit_literals.h"
#include "generator/emit/device_spec_pack_template.h"
#include "generator/emit/spec_pack_template.h"

namespace battc::generator {
namespace {

// "arg<T0>(a, 0), arg<T1>(a, 1)" for operands first.., and their types for the key.
void operands(const Batt& b, const Node& n, size_t first, std::string& args, std::string& types) {
  for (size_t k = first; k < n.args.size(); ++k) {
    std::string t = cxx_type(b.nodes()[n.args[k]].type);
    args += fmt::format(", arg<{}>(a, {})", t, k);
    types += (k == first ? "" : ", ") + t;
  }
}

// BATTC_RUN's sequence (runtime/abi/unit_support.h) around `assign`.
std::string run_wrapped(const std::string& assign) {
  return fmt::format(
      "  u64 mark_ = c.mark();\n  c.status = Status::Ok;\n  i64 given_ = abi::start_work(c, work);\n  {};\n"
      "  abi::end_work(c, given_);\n  status = abi::status_byte(c.status, c.why);\n"
      "  if (status != 0) c.release(mark_);\n",
      assign);
}

}  // namespace

std::optional<SpecDef> node_spec(const Batt& b, int i) {
  const Node& n = b.nodes()[i];
  std::string r = cxx_type(n.type);
  SpecDef d;
  d.value_type = r;
  switch (n.kind) {
    case NodeKind::Param:
    case NodeKind::Prim: return std::nullopt;
    case NodeKind::Const: {
      d.kind = SpecDefKind::Constant;
      switch (n.value.kind) {
        case ConstantValue::Kind::Int: d.key = "const int -> " + r; d.code = "Int(a)"; break;
        case ConstantValue::Kind::Bool: d.key = "const bool -> " + r; d.code = "a != 0"; break;
        case ConstantValue::Kind::Point: d.key = "const point -> " + r; d.code = "Pt{a, b}"; break;
      }
      d.code = fmt::format("  slot<{}>(out) = {};\n  (void)a;\n  (void)b;\n", r, d.code);
      return d;
    }
    case NodeKind::Convert: {
      std::string t = cxx_type(b.nodes()[n.args[0]].type);
      d.key = fmt::format("convert ({}) -> {}", t, r);
      d.code = run_wrapped(fmt::format("slot<{0}>(out) = convert_to<{0}>(c, arg<{1}>(a, 0))", r, t));
      return d;
    }
    case NodeKind::Call:
    case NodeKind::CallValue: {
      if (n.type->is(TypeKind::Closure) && n.type->closure == ClosureKind::PowerN) {
        std::string t = cxx_type(b.nodes()[n.args[0]].type);
        d.key = fmt::format("power_n ({}) -> {}", t, r);
        d.code = run_wrapped(fmt::format("slot<{0}>(out) = {0}{{arg<{1}>(a, 0)}}", r, t));
        return d;
      }
      bool value = n.kind == NodeKind::CallValue;
      std::string args, types;
      operands(b, n, value ? 1 : 0, args, types);
      std::string callee;
      if (value) {
        std::string f = cxx_type(b.nodes()[n.args[0]].type);
        d.key = fmt::format("call value {} ({}) -> {}", f, types, r);
        callee = fmt::format("arg<{}>(a, 0)", f);
      } else {
        callee = fmt::format("fn_{}{{}}", checked_identifier(n.prim));
        d.key = fmt::format("call {} ({}) -> {}", callee, types, r);
      }
      d.code = fmt::format("  abi::run_call(c, work, status, slot<{}>(out), 0, {}{});\n", r, callee, args);
      return d;
    }
  }
  battc::internal_error("unknown node kind in node_spec");
}

SpecDef record_spec(TypeRef t) {
  SpecDef d;
  d.kind = SpecDefKind::Record;
  std::string r = cxx_type(t);
  d.key = "record " + r;
  d.code = fmt::format("  record<{}>(c, s, value, out, encode);\n", r);
  return d;
}

std::vector<SpecDef> batt_specs(const Batt& b) {
  std::vector<SpecDef> out;
  std::set<std::string> seen;
  auto add = [&](SpecDef d) {
    if (seen.insert(d.key).second) out.push_back(std::move(d));
  };
  for (int i = 0; i < static_cast<int>(b.nodes().size()); ++i)
    if (auto d = node_spec(b, i)) add(std::move(*d));
  for (const BattProgram& p : b.programs()) add(record_spec(b.nodes()[p.result].type));
  return out;
}

std::vector<std::string> program_spec_keys(const Batt& b, const BattProgram& p,
                                           std::vector<std::optional<std::string>>& memo) {
  std::vector<char> seen(b.nodes().size(), 0);
  std::vector<int> stack(p.stmts.begin(), p.stmts.end());
  stack.push_back(p.result);
  std::vector<std::string> out;
  while (!stack.empty()) {
    int i = stack.back();
    stack.pop_back();
    if (seen[i]) continue;
    seen[i] = 1;
    if (!memo[i]) {
      auto d = node_spec(b, i);
      memo[i] = d ? d->key : std::string();
    }
    if (!memo[i]->empty()) out.push_back(*memo[i]);
    for (int a : b.nodes()[i].args) stack.push_back(a);
  }
  out.push_back(record_spec(b.nodes()[p.result].type).key);
  return out;
}

namespace {

// Spec k's function: its head for its kind (`qualifier` first: "" on the
// host, "__device__ " on the device), then its code.
std::string spec_function(const SpecDef& d, size_t k, const char* qualifier) {
  std::string head;
  switch (d.kind) {
    case SpecDefKind::Statement:
      head = fmt::format("void spec_{}(Ctx& c, i64 work, u8& status, void* out, const void* const* a) {{\n", k);
      break;
    case SpecDefKind::Constant: head = fmt::format("void spec_{}(void* out, int a, int b) {{\n", k); break;
    case SpecDefKind::Record:
      head = fmt::format(
          "void spec_{}(Ctx& c, const abi::SampleIn& s, const void* value, abi::ProgramOut& out, int encode) {{\n", k);
      break;
  }
  return qualifier + head + d.code + "}\n";
}

}  // namespace

std::string emit_device_spec_pack(const std::vector<SpecDef>& specs, const std::string& table_symbol) {
  if (table_symbol.empty() || table_symbol.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
    battc::internal_error("a device spec table name that is no identifier: '" + table_symbol + "'");
  std::string fns, table;
  for (size_t k = 0; k < specs.size(); ++k) {
    fns += spec_function(specs[k], k, "__device__ ");
    const char* member = specs[k].kind == SpecDefKind::Statement  ? "statement"
                         : specs[k].kind == SpecDefKind::Constant ? "constant"
                                                                  : "record";
    table += fmt::format("{}{{.{} = &spec_{}}}", k ? ",\n    " : "    ", member, k);
  }
  if (specs.empty()) table = "    {.statement = nullptr}";
  std::string text = fill_template_region(kDeviceSpecPackTemplate, "SPECS", fns);
  return fill_template_region(text, "TABLE",
                              fmt::format("extern \"C\" __device__ const BattcSpecFn {}[{}] = {{\n{}}};\n",
                                          table_symbol, std::max<size_t>(specs.size(), 1), table));
}

std::string emit_spec_pack(const std::vector<SpecDef>& specs) {
  std::string fns, table;
  for (size_t k = 0; k < specs.size(); ++k) {
    const SpecDef& d = specs[k];
    const char* kind = d.kind == SpecDefKind::Statement ? "Statement" : d.kind == SpecDefKind::Constant ? "Constant" : "Record";
    fns += spec_function(d, k, "");
    std::string size = d.value_type.empty() ? "0, 0" : fmt::format("sizeof({0}), alignof({0})", d.value_type);
    table += fmt::format("    {{{}, abi::SpecKind::{}, reinterpret_cast<void*>(&spec_{}), {}}},\n",
                         c_string_literal(d.key), kind, k, size);
  }
  std::string text = fill_template_region(kSpecPackTemplate, "SPECS", fns);
  if (!specs.empty()) text = fill_template_region(text, "TABLE", table);
  return fill_template_region(text, "COUNT", fmt::format("constexpr int kCount = {};\n", specs.size()));
}

}  // namespace battc::generator
