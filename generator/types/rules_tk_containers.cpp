// generator/types/rules_tk_containers.cpp: typing rules of the tokpidjin
// dialect's own primitives: containers, ranks, arithmetic and sample helpers
// (no cells involved; dsl/tk_containers.h). Internal names (tk_* for the ones
// arc-dsl also has) as in dsl/primitives_tokpidjin.def. The variants whose
// Python body is arc-dsl's own type as that primitive does.
#include <memory>

#include "generator/types/rule_builder.h"

namespace battc::generator {
namespace {

using A = std::vector<TypeRef>;

// What the rules share; it lives as long as the table (the RuleBuilder does not).
struct Cx {
  const Signatures& sig;
  TypeTable& tt;

  TypeRef elem(TypeRef t) const { return elem_type(tt, t); }
  bool intlike(TypeRef t) const { return t == tt.integer() || t == tt.boolean(); }
  // the rule of arc-dsl's primitive `name`, messages naming `as`
  CallType as(const char* name, const A& a) const { return sig.call(tt.prim(name), a); }
  CallType not_container(const std::string& prim, TypeRef t) const {
    return RuleBuilder::bad(fmt::format("{}: {} is not a container", RuleBuilder::surface(prim), type_name(t)));
  }
  CallType not_rank(const std::string& prim, TypeRef t) const {
    return RuleBuilder::bad(fmt::format("{}: the rank is {}, not Integer", RuleBuilder::surface(prim), type_name(t)));
  }
  // f(x) for a key function: not itself a function
  CallType key(const std::string& prim, TypeRef f, TypeRef x) const {
    if (!f->callable()) return RuleBuilder::bad(fmt::format("{}: {} is not callable", RuleBuilder::surface(prim), type_name(f)));
    CallType k = sig.call(f, {x});
    if (!k.ok()) return k;
    if (k.result->callable()) return RuleBuilder::bad(fmt::format("{}: the key is a function", RuleBuilder::surface(prim)));
    return k;
  }
  CallType predicate(const std::string& prim, TypeRef f, TypeRef x) const {
    CallType k = key(prim, f, x);
    if (k.ok() && !intlike(k.result))
      return RuleBuilder::bad(fmt::format("{}: the condition returns {}, not Boolean", RuleBuilder::surface(prim), type_name(k.result)));
    return k;
  }
  // The members of a sample pair of container c (both of one type), or nullptr.
  TypeRef sample_member(TypeRef c) const {
    TypeRef p = elem(c);
    if (!p || !p->is(TypeKind::Pair) || p->parts[0] != p->parts[1]) return nullptr;
    return p->parts[0];
  }
  // c_iz / c_zo: a tuple of the elements function's results hold.
  CallType sample_diff(const std::string& prim, const A& a) const {
    TypeRef x = sample_member(a[0]);
    if (!x) return RuleBuilder::bad(fmt::format("{}: {} is not a container of (input, output) pairs", prim, type_name(a[0])));
    if (!a[1]->callable()) return RuleBuilder::bad(fmt::format("{}: {} is not callable", prim, type_name(a[1])));
    CallType r = sig.call(a[1], {x});
    if (!r.ok()) return r;
    TypeRef e = elem(r.result);
    if (!e) return RuleBuilder::bad(fmt::format("{}: the function returns {}, not a container", prim, type_name(r.result)));
    return RuleBuilder::ok(tt.tuple(e));
  }
};

}  // namespace

void add_tk_containers_rules(RuleBuilder& b) {
  TypeTable& tt = b.tt;
  auto cx = std::make_shared<Cx>(Cx{b.sig, tt});
  using O = RuleBuilder::Overload;
  TypeRef I = tt.integer(), P = tt.point();

  // () is 0 (add, subtract) or 1 (multiply, divide); the types are arc-dsl's
  b.same({"tk_add", "tk_subtract", "tk_multiply", "tk_divide"},
         {O{{Pat::Num, Pat::Num}, I}, O{{Pat::Pt, Pat::Pt}, P}, O{{Pat::Num, Pat::Pt}, P}, O{{Pat::Pt, Pat::Num}, P}});
  b.add("c_branch", 3, [cx](const A& a) { return cx->as("branch", a); });

  // the ones whose Python body is (or behaves as) an arc-dsl primitive's
  struct Same {
    const char* name;
    const char* as;
    int arity;
  };
  for (Same s : {Same{"difference_tuple", "difference", 2}, Same{"merge_f", "merge", 1}, Same{"merge_t", "merge", 1},
                 Same{"tk_size_t", "size", 1}, Same{"size_f", "size", 1}, Same{"valmax_t", "valmax", 2},
                 Same{"valmax_f", "valmax", 2}, Same{"valmin_t", "valmin", 2}, Same{"valmin_f", "valmin", 2},
                 Same{"argmax_t", "argmax", 2}, Same{"argmax_f", "argmax", 2}, Same{"argmin_t", "argmin", 2},
                 Same{"argmin_f", "argmin", 2}, Same{"mostcommon_t", "mostcommon", 1},
                 Same{"mostcommon_f", "mostcommon", 1}, Same{"leastcommon_t", "leastcommon", 1},
                 Same{"leastcommon_f", "leastcommon", 1}, Same{"remove_f", "remove", 2}, Same{"apply_f", "apply", 2},
                 Same{"rapply_f", "rapply", 2}, Same{"mapply_f", "mapply", 2}, Same{"mfilter_f", "mfilter", 2},
                 Same{"tk_extract", "extract", 2}, Same{"tk_other", "other", 2}, Same{"other_t", "other", 2},
                 Same{"other_f", "other", 2}}) {
    const char* as = s.as;
    b.add(s.name, s.arity, [cx, as](const A& a) { return cx->as(as, a); });
  }
  // an element (a pair's part)
  for (const char* name : {"tk_first", "second", "tk_last", "first_t", "first_f", "last_t", "last_f"}) {
    bool front = std::string(name).find("first") != std::string::npos;
    b.add(name, 1, [cx, name, front](const A& a) {
      if (a[0]->is(TypeKind::Pair)) return RuleBuilder::ok(a[0]->parts[front ? 0 : 1]);
      TypeRef e = cx->elem(a[0]);
      return e ? RuleBuilder::ok(e) : cx->not_container(name, a[0]);
    });
  }
  for (const char* name : {"combine_t", "combine_f"}) {
    bool set = std::string(name) == "combine_f";
    b.add(name, 2, [cx, name, set](const A& a) {
      TypeRef x = cx->elem(a[0]), y = cx->elem(a[1]);
      if (!x) return cx->not_container(name, a[0]);
      if (!y) return cx->not_container(name, a[1]);
      if (x != y) return RuleBuilder::bad(fmt::format("{}: element types differ ({} and {})", name, type_name(x), type_name(y)));
      return RuleBuilder::ok(set ? cx->tt.fset(x) : cx->tt.tuple(x));
    });
  }
  // filters with a forced result kind
  for (const char* name : {"sfilter_t", "sfilter_f", "mfilter_t"}) {
    bool tuple = std::string(name) == "sfilter_t";
    b.add(name, 2, [cx, name, tuple](const A& a) {
      TypeRef x = cx->elem(a[0]);
      if (!x) return cx->not_container(name, a[0]);
      CallType p = cx->predicate(name, a[1], x);
      if (!p.ok()) return p;
      return RuleBuilder::ok(tuple ? cx->tt.tuple(x) : cx->tt.fset(x));
    });
  }
  b.add("remove_t", 2, [cx](const A& a) {
    TypeRef x = cx->elem(a[1]);
    return x ? RuleBuilder::ok(cx->tt.tuple(x)) : cx->not_container("remove_t", a[1]);
  });
  for (const char* name : {"apply_t", "mapply_t"}) {
    bool m = name[0] == 'm';
    b.add(name, 2, [cx, name, m](const A& a) {
      if (!a[0]->callable()) return RuleBuilder::bad(fmt::format("{}: {} is not callable", name, type_name(a[0])));
      TypeRef x = cx->elem(a[1]);
      if (!x) return cx->not_container(name, a[1]);
      CallType r = cx->sig.call(a[0], {x});
      if (!r.ok()) return r;
      if (!m) return RuleBuilder::ok(cx->tt.tuple(r.result));
      TypeRef e = cx->elem(r.result);
      if (!e) return RuleBuilder::bad(fmt::format("{}: the function returns {}, not a container", name, type_name(r.result)));
      return RuleBuilder::ok(cx->tt.tuple(e));
    });
  }
  b.add("rapply_t", 2, [cx](const A& a) {
    CallType r = cx->as("rapply", a);
    if (!r.ok()) return r;
    return RuleBuilder::ok(cx->tt.tuple(cx->elem(r.result)));
  });

  // ranks: (container, rank) and (container, key, rank)
  for (const char* name : {"get_nth_t", "get_nth_f", "get_rank", "get_common_rank", "get_common_rank_t",
                           "get_common_rank_f"}) {
    b.add(name, 2, [cx, name](const A& a) {
      TypeRef x = cx->elem(a[0]);
      if (!x) return cx->not_container(name, a[0]);
      if (!cx->intlike(a[1])) return cx->not_rank(name, a[1]);
      return RuleBuilder::ok(x);
    });
  }
  for (const char* name : {"get_nth_by_key_t", "get_nth_by_key_f"}) {
    b.add(name, 3, [cx, name](const A& a) {
      TypeRef x = cx->elem(a[0]);
      if (!x) return cx->not_container(name, a[0]);
      if (!cx->intlike(a[1])) return cx->not_rank(name, a[1]);
      CallType k = cx->key(name, a[2], x);
      return k.ok() ? RuleBuilder::ok(x) : k;
    });
  }
  for (const char* name : {"get_arg_rank", "get_arg_rank_t", "get_arg_rank_f", "get_val_rank", "get_val_rank_t",
                           "get_val_rank_f"}) {
    bool arg = std::string(name).find("arg") != std::string::npos;
    b.add(name, 3, [cx, name, arg](const A& a) {
      TypeRef x = cx->elem(a[0]);
      if (!x) return cx->not_container(name, a[0]);
      if (!cx->intlike(a[2])) return cx->not_rank(name, a[2]);
      CallType k = cx->key(name, a[1], x);
      if (!k.ok()) return k;
      return RuleBuilder::ok(arg ? x : k.result);
    });
  }

  // samples: containers of (input, output) pairs
  b.add("dedupe_pair_tuple", 1, [cx](const A& a) {
    TypeRef p = cx->elem(a[0]);
    if (!p || !p->is(TypeKind::Pair))
      return RuleBuilder::bad(fmt::format("dedupe_pair_tuple: {} is not a container of pairs", type_name(a[0])));
    return RuleBuilder::ok(cx->tt.tuple(p));
  });
  b.add("c_iz", 2, [cx](const A& a) { return cx->sample_diff("c_iz", a); });
  b.add("c_zo", 2, [cx](const A& a) { return cx->sample_diff("c_zo", a); });
  for (const char* name : {"c_iz_n", "c_zo_n"}) {
    std::string base = std::string(name).substr(0, 4);
    b.add(name, 3, [cx, name, base](const A& a) {
      CallType x = cx->sample_diff(base, {a[0], a[1]});
      if (!x.ok()) return x;
      if (!a[2]->callable()) return RuleBuilder::bad(fmt::format("{}: {} is not callable", name, type_name(a[2])));
      return cx->sig.call(a[2], {x.result});
    });
  }
}

}  // namespace battc::generator
