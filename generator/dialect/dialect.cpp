// generator/dialect/dialect.cpp: the dialect tables, built once from
// dsl/primitives.def and dsl/primitives_tokpidjin.def.
#include "generator/dialect/dialect.h"

#include <map>

namespace battc::generator {
namespace {

constexpr std::string_view kTkPrefix = "tk_";

std::vector<DialectPrim> arc_table() {
  std::vector<DialectPrim> t;
  for (const PrimitiveInfo& p : primitive_table()) t.push_back(DialectPrim{p.name, p.name, p.params, p.returns});
  return t;
}

std::vector<DialectPrim> tokpidjin_table() {
  std::map<std::string, const PrimitiveInfo*> arc;
  for (const PrimitiveInfo& p : primitive_table()) arc[p.name] = &p;
  std::vector<DialectPrim> t;
#define BATTC_TK_SAME(N) t.push_back(DialectPrim{#N, #N, arc.at(#N)->params, arc.at(#N)->returns});
#define BATTC_TK_PRIM(N, INTERNAL, PARAMS, RET) t.push_back(DialectPrim{#N, #INTERNAL, parse_params(PARAMS), RET});
#define BATTC_TK_ALIAS(N, TARGET)
#include "dsl/primitives_tokpidjin.def"
#undef BATTC_TK_SAME
#undef BATTC_TK_PRIM
#undef BATTC_TK_ALIAS
  // a module-level `name = target`: the target's primitive under a new name
  auto alias = [&t](const char* name, const char* target) {
    for (size_t i = 0; i < t.size(); ++i)
      if (t[i].name == target) {
        DialectPrim p = t[i];
        p.name = name;
        t.push_back(p);
        return;
      }
  };
#define BATTC_TK_SAME(N)
#define BATTC_TK_PRIM(N, INTERNAL, PARAMS, RET)
#define BATTC_TK_ALIAS(N, TARGET) alias(#N, #TARGET);
#include "dsl/primitives_tokpidjin.def"
#undef BATTC_TK_SAME
#undef BATTC_TK_PRIM
#undef BATTC_TK_ALIAS
  return t;
}

using Index = std::map<std::string, const DialectPrim*>;

Index index_of(const std::vector<DialectPrim>& t) {
  Index m;
  for (const DialectPrim& p : t) m[p.name] = &p;
  return m;
}

}  // namespace

const char* dialect_name(Dialect d) { return d == Dialect::ArcDsl ? "arc-dsl" : "tokpidjin"; }

std::optional<Dialect> parse_dialect(std::string_view s) {
  if (s == "arc-dsl") return Dialect::ArcDsl;
  if (s == "tokpidjin") return Dialect::Tokpidjin;
  return std::nullopt;
}

const std::vector<std::string>& dialect_names() {
  static const std::vector<std::string> names = {"arc-dsl", "tokpidjin"};
  return names;
}

Dialect dialect_of_params(const std::vector<std::string>& params) {
  return params.size() == 3 ? Dialect::Tokpidjin : Dialect::ArcDsl;
}

std::string DialectPrim::signature() const { return PrimitiveInfo{name, internal, params, returns}.signature(); }

const std::vector<DialectPrim>& dialect_table(Dialect d) {
  static const std::vector<DialectPrim> arc = arc_table(), tk = tokpidjin_table();
  return d == Dialect::ArcDsl ? arc : tk;
}

const DialectPrim* find_dialect_prim(Dialect d, const std::string& name) {
  static const Index arc = index_of(dialect_table(Dialect::ArcDsl)), tk = index_of(dialect_table(Dialect::Tokpidjin));
  const Index& m = d == Dialect::ArcDsl ? arc : tk;
  auto it = m.find(name);
  return it == m.end() ? nullptr : it->second;
}

const std::vector<std::string>& internal_primitives() {
  static const std::vector<std::string> names = {
      "get_nth_f_r0", "get_nth_f_r1", "get_nth_f_rm1", "get_nth_f_rm2", "get_nth_t_r0", "get_nth_t_r1",
      "get_nth_t_rm1", "get_nth_t_rm2", "o_g_fused", "o_g_pick"};
  return names;
}

std::string surface_name(const std::string& internal) {
  return internal.rfind(kTkPrefix, 0) == 0 ? internal.substr(kTkPrefix.size()) : internal;
}

const ConstantValue* find_constant(Dialect d, const std::string& name) {
  return d == Dialect::ArcDsl ? find_constant(name) : find_tokpidjin_constant(name);
}

}  // namespace battc::generator
