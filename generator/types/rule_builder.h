// generator/types/rule_builder.h: shared by the rules_*.cpp files that fill
// the signature table: overload lists for monomorphic primitives and
// lambdas for polymorphic ones.
#pragma once

#include <fmt/core.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "generator/types/signatures.h"

namespace battc::generator {

// A parameter pattern of an overload: one type, or a small class of types.
// TObj/TPatch/TObjs: the tokpidjin dialect's Object (cells (i, j, c)), patch
// (Indices or TObject) and set of objects.
enum class Pat { Int, Bool, Num /*Int or Bool*/, Pt, Grid, Indices, Object, Patch, Objects, IndicesSet, TObj, TPatch, TObjs, TCell, Any };

struct RuleBuilder {
  Signatures& sig;
  TypeTable& tt;

  RuleBuilder(Signatures& s, TypeTable& t) : sig(s), tt(t) {}

  static bool matches(TypeTable& tt, Pat p, TypeRef t) {
    switch (p) {
      case Pat::Int: return t == tt.integer();
      case Pat::Bool: return t == tt.boolean();
      case Pat::Num: return t == tt.integer() || t == tt.boolean();
      case Pat::Pt: return t == tt.point();
      case Pat::Grid: return t == tt.grid();
      case Pat::Indices: return t == tt.indices();
      case Pat::Object: return t == tt.object();
      case Pat::Patch: return t == tt.indices() || t == tt.object();
      case Pat::Objects: return t == tt.fset(tt.object());
      case Pat::IndicesSet: return t == tt.fset(tt.indices());
      case Pat::TObj: return t == tt.tobject();
      case Pat::TPatch: return t == tt.indices() || t == tt.tobject();
      case Pat::TObjs: return t == tt.fset(tt.tobject());
      case Pat::TCell: return t == tt.tcell();
      case Pat::Any: return true;
    }
    return false;
  }

  // Python accepts any iterable where arc-dsl says Patch, and any pair of
  // ints where it says IntegerTuple; the DSL converts such arguments first.
  // The type an argument converts to for a pattern, or nullptr.
  static TypeRef conversion(TypeTable& tt, Pat p, TypeRef t) {
    auto two_of = [](TypeRef x, TypeRef e) {
      return (x->is(TypeKind::Tuple) && x->parts[0] == e) || (x->is(TypeKind::Pair) && x->parts[0] == e && x->parts[1] == e);
    };
    auto intlike = [&](TypeRef x) { return x == tt.integer() || x == tt.boolean(); };
    bool to_ix = p == Pat::Patch || p == Pat::Indices, to_ob = p == Pat::Patch || p == Pat::Object;
    if (to_ix && two_of(t, tt.point())) return tt.indices();
    if (to_ob && two_of(t, tt.cell())) return tt.object();
    // tokpidjin: any iterable of (i, j) or (i, j, c) where a patch is expected
    bool to_tix = p == Pat::TPatch, to_tob = p == Pat::TPatch || p == Pat::TObj;
    if (to_tix && two_of(t, tt.point())) return tt.indices();
    if (to_tob && two_of(t, tt.tcell())) return tt.tobject();
    if (p == Pat::Pt && t->is(TypeKind::Tuple) && t->parts[0] == tt.integer()) return tt.point();
    if (p == Pat::Pt && t->is(TypeKind::Pair) && t != tt.point() && intlike(t->parts[0]) && intlike(t->parts[1]))
      return tt.point();
    return nullptr;
  }

  static CallType ok(TypeRef t) { return CallType{t, "", {}}; }
  static CallType bad(std::string why) { return CallType{nullptr, std::move(why), {}}; }

  // tk_first -> first: messages use the name programs write.
  static std::string surface(const std::string& internal) {
    return internal.rfind("tk_", 0) == 0 ? internal.substr(3) : internal;
  }
  static std::string list(const std::vector<TypeRef>& args) {
    std::string s;
    for (size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + type_name(args[i]);
    return s;
  }
  static CallType no_overload(const std::string& name, const std::vector<TypeRef>& args) {
    return bad(fmt::format("{} does not take ({})", surface(name), list(args)));
  }

  void add(const std::string& name, int arity, Signatures::Rule rule, bool coercing = false) {
    sig.rules_[name] = Signatures::Entry{arity, std::move(rule), coercing};
  }

  // Overloads: the first whose patterns match gives the result. The result
  // is a fixed type, or (resultOf < 0 ? fixed : the type of argument k).
  struct Overload {
    std::vector<Pat> params;
    TypeRef result;   // fixed result, or nullptr to use same_as
    int same_as = -1;  // result is the type of this argument
  };
  void overloads(const std::string& name, std::vector<Overload> list_) {
    int arity = static_cast<int>(list_.front().params.size());
    TypeTable* table = &tt;  // the builder itself does not outlive construction
    add(name, arity, [table, name, list_](const std::vector<TypeRef>& args) {
      // exact matches first, then with conversions
      for (int pass = 0; pass < 2; ++pass) {
        for (const Overload& o : list_) {
          std::vector<TypeRef> conv(args.size(), nullptr);
          bool m = true, any = false;
          for (size_t i = 0; i < o.params.size() && m; ++i) {
            if (matches(*table, o.params[i], args[i])) continue;
            conv[i] = pass == 1 ? conversion(*table, o.params[i], args[i]) : nullptr;
            m = conv[i] != nullptr;
            any = true;
          }
          if (!m) continue;
          TypeRef r = o.result ? o.result : (conv[o.same_as] ? conv[o.same_as] : args[o.same_as]);
          CallType out = ok(r);
          if (any) out.convert = conv;
          return out;
        }
      }
      return no_overload(name, args);
    }, /*coercing=*/true);
  }
  // Shorthand: one overload per group of names sharing it.
  void same(std::initializer_list<const char*> names, std::vector<Overload> list_) {
    for (const char* n : names) overloads(n, list_);
  }

};

void add_arith_rules(RuleBuilder& b);
void add_container_rules(RuleBuilder& b);
void add_closure_rules(RuleBuilder& b);
void add_grid_rules(RuleBuilder& b);
// the tokpidjin dialect's own primitives (dsl/primitives_tokpidjin.def)
void add_tk_containers_rules(RuleBuilder& b);
void add_tk_grids_rules(RuleBuilder& b);
void add_tk_patches_rules(RuleBuilder& b);

}  // namespace battc::generator
