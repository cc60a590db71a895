// generator/types/rules_containers.cpp: generic container primitives and the
// higher-order ones (dsl/containers.h). Each rule computes what the template
// deduces: element types, Python's type(container)(...) and tuple_of.
#include "generator/types/rule_builder.h"

namespace battc::generator {
namespace {

using A = std::vector<TypeRef>;

// What the rules share; it lives as long as the table (the RuleBuilder does not).
struct Ctx {
  const Signatures& sig;
  TypeTable& tt;

  CallType call(TypeRef f, const A& args) const { return sig.call(f, args); }

  TypeRef elem(TypeRef t) const { return elem_type(tt, t); }
  bool intlike(TypeRef t) const { return t == tt.integer() || t == tt.boolean(); }
  // The element type of a container, also for a pair of two different
  // callables (whose elements are their union).
  TypeRef fn_elem(TypeRef t) const {
    if (t->is(TypeKind::Pair) && t->parts[0] != t->parts[1] && t->parts[0]->callable() && t->parts[1]->callable())
      return callable_union(tt, t->parts[0], t->parts[1]);
    return elem(t);
  }
  // Container t with its elements widened to u (nullptr when already so):
  // sets stay sets, tuples and pairs become tuples.
  TypeRef widened(TypeRef t, TypeRef u) const {
    TypeRef w = is_set(t) ? tt.fset(u) : tt.tuple(u);
    return w == t ? nullptr : w;
  }
  CallType not_container(const char* prim, TypeRef t) const {
    return RuleBuilder::bad(fmt::format("{}: {} is not a container", prim, type_name(t)));
  }
  // merge(x): same_kind(x, elem(elem(x)))
  CallType merged(const char* prim, TypeRef x) const {
    TypeRef inner = elem(x);
    if (!inner) return not_container(prim, x);
    TypeRef e = elem(inner);
    if (!e) return RuleBuilder::bad(fmt::format("{}: the elements ({}) are not containers", prim, type_name(inner)));
    return RuleBuilder::ok(same_kind(tt, x, e));
  }
  CallType callable(const char* prim, TypeRef f) const {
    if (f->callable()) return RuleBuilder::ok(f);
    return RuleBuilder::bad(fmt::format("{}: {} is not callable", prim, type_name(f)));
  }
  // f(args) must give a truth value (an if tests it).
  CallType predicate(const char* prim, TypeRef f, const A& args) const {
    if (!f->callable()) return callable(prim, f);
    CallType r = call(f, args);
    if (!r.ok()) return r;
    if (!intlike(r.result))
      return RuleBuilder::bad(fmt::format("{}: the condition returns {}, not Boolean", prim, type_name(r.result)));
    return r;
  }
};

}  // namespace

void add_container_rules(RuleBuilder& b) {
  TypeTable& tt = b.tt;
  auto cx = std::make_shared<Ctx>(Ctx{b.sig, tt});

  b.add("size", 1, [cx](const A& a) {
    if (!cx->elem(a[0])) return cx->not_container("size", a[0]);
    return RuleBuilder::ok(cx->tt.integer());
  });
  for (const char* name : {"first", "last"}) {
    bool is_first = std::string(name) == "first";
    b.add(name, 1, [cx, name, is_first](const A& a) {
      if (a[0]->is(TypeKind::Pair)) return RuleBuilder::ok(a[0]->parts[is_first ? 0 : 1]);
      TypeRef e = cx->elem(a[0]);
      return e ? RuleBuilder::ok(e) : cx->not_container(name, a[0]);
    });
  }
  b.add("contained", 2, [cx](const A& a) {
    if (!cx->elem(a[1]) && !a[1]->is(TypeKind::Pair)) return cx->not_container("contained", a[1]);
    return RuleBuilder::ok(cx->tt.boolean());
  });
  b.add("initset", 1, [cx](const A& a) { return RuleBuilder::ok(cx->tt.fset(a[0])); });
  b.add("repeat", 2, [cx](const A& a) {
    if (!cx->intlike(a[1])) return RuleBuilder::no_overload("repeat", a);
    return RuleBuilder::ok(cx->tt.tuple(a[0]));
  });
  b.overloads("interval", {RuleBuilder::Overload{{Pat::Num, Pat::Num, Pat::Num}, tt.raw_tuple(tt.integer())}});
  b.add("product", 2, [cx](const A& a) {
    TypeRef x = cx->elem(a[0]), y = cx->elem(a[1]);
    if (!x) return cx->not_container("product", a[0]);
    if (!y) return cx->not_container("product", a[1]);
    return RuleBuilder::ok(cx->tt.fset(cx->tt.pair(x, y)));
  });
  b.add("pair", 2, [cx](const A& a) {
    TypeRef x = cx->elem(a[0]), y = cx->elem(a[1]);
    if (!x) return cx->not_container("pair", a[0]);
    if (!y) return cx->not_container("pair", a[1]);
    return RuleBuilder::ok(cx->tt.tuple(cx->tt.pair(x, y)));
  });
  b.add("combine", 2, [cx](const A& a) {
    TypeRef x = cx->fn_elem(a[0]), y = cx->fn_elem(a[1]);
    if (!x) return cx->not_container("combine", a[0]);
    if (!y) return cx->not_container("combine", a[1]);
    if (x == y && cx->elem(a[0]) && cx->elem(a[1])) return RuleBuilder::ok(same_kind(cx->tt, a[0], x));
    if (!x->callable() || !y->callable())
      return RuleBuilder::bad(fmt::format("combine: element types differ ({} and {})", type_name(x), type_name(y)));
    // different functions: both containers widen to one of their union
    TypeRef u = callable_union(cx->tt, x, y);
    CallType out = RuleBuilder::ok(same_kind(cx->tt, a[0], u));
    out.unify = {cx->widened(a[0], u), cx->widened(a[1], u)};
    return out;
  });
  b.add("intersection", 2, [cx](const A& a) {
    if (!is_set(a[0]) || a[0] != a[1]) return RuleBuilder::no_overload("intersection", a);
    return RuleBuilder::ok(a[0]);
  });
  b.add("difference", 2, [cx](const A& a) {
    TypeRef x = cx->elem(a[0]);
    if (!x) return cx->not_container("difference", a[0]);
    if (!cx->elem(a[1])) return cx->not_container("difference", a[1]);
    return RuleBuilder::ok(same_kind(cx->tt, a[0], x));
  });
  b.add("dedupe", 1, [cx](const A& a) {
    TypeRef x = cx->elem(a[0]);
    if (!x || is_set(a[0])) return RuleBuilder::bad(fmt::format("dedupe: {} is not a tuple", type_name(a[0])));
    return RuleBuilder::ok(same_kind(cx->tt, a[0], x));
  });
  b.add("remove", 2, [cx](const A& a) {
    TypeRef x = cx->elem(a[1]);
    if (!x) return cx->not_container("remove", a[1]);
    return RuleBuilder::ok(same_kind(cx->tt, a[1], x));
  });
  b.add("insert", 2, [cx](const A& a) {
    if (a[1] == cx->tt.fset(a[0])) return RuleBuilder::ok(a[1]);
    if (!is_set(a[1]) || !a[0]->callable() || !a[1]->parts[0]->callable()) return RuleBuilder::no_overload("insert", a);
    // a function into a set of other functions: both widen to their union
    TypeRef u = callable_union(cx->tt, a[0], a[1]->parts[0]);
    CallType out = RuleBuilder::ok(cx->tt.fset(u));
    out.unify = {u == a[0] ? nullptr : u, cx->widened(a[1], u)};
    return out;
  });
  b.add("other", 2, [cx](const A& a) {
    TypeRef x = cx->elem(a[0]);
    return x ? RuleBuilder::ok(x) : cx->not_container("other", a[0]);
  });
  b.add("totuple", 1, [cx](const A& a) {
    TypeRef x = cx->elem(a[0]);
    return x ? RuleBuilder::ok(cx->tt.tuple(x)) : cx->not_container("totuple", a[0]);
  });
  b.add("merge", 1, [cx](const A& a) { return cx->merged("merge", a[0]); });
  for (const char* name : {"maximum", "minimum"}) {
    b.add(name, 1, [cx, name](const A& a) {
      TypeRef x = cx->elem(a[0]);
      if (!x) return cx->not_container(name, a[0]);
      if (!cx->intlike(x)) return RuleBuilder::bad(fmt::format("{}: the elements are {}, not Integer", name, type_name(x)));
      return RuleBuilder::ok(cx->tt.integer());
    });
  }
  for (const char* name : {"argmax", "argmin", "valmax", "valmin"}) {
    bool arg = name[0] == 'a';
    b.add(name, 2, [cx, name, arg](const A& a) {
      TypeRef x = cx->elem(a[0]);
      if (!x) return cx->not_container(name, a[0]);
      if (!a[1]->callable()) return cx->callable(name, a[1]);
      CallType k = cx->call(a[1], {x});
      if (!k.ok()) return k;
      if (k.result->callable()) return RuleBuilder::bad(fmt::format("{}: the key is a function", name));
      return RuleBuilder::ok(arg ? x : k.result);
    });
  }
  for (const char* name : {"mostcommon", "leastcommon"}) {
    b.add(name, 1, [cx, name](const A& a) {
      TypeRef x = cx->elem(a[0]);
      return x ? RuleBuilder::ok(x) : cx->not_container(name, a[0]);
    });
  }
  b.add("order", 2, [cx](const A& a) {
    TypeRef x = cx->elem(a[0]);
    if (!x) return cx->not_container("order", a[0]);
    if (!a[1]->callable()) return cx->callable("order", a[1]);
    CallType k = cx->call(a[1], {x});
    if (!k.ok()) return k;
    if (k.result->callable()) return RuleBuilder::bad("order: the key is a function");
    return RuleBuilder::ok(cx->tt.tuple(x));
  });
  b.add("sfilter", 2, [cx](const A& a) {
    TypeRef x = cx->elem(a[0]);
    if (!x) return cx->not_container("sfilter", a[0]);
    CallType p = cx->predicate("sfilter", a[1], {x});
    return p.ok() ? RuleBuilder::ok(same_kind(cx->tt, a[0], x)) : p;
  });
  b.add("mfilter", 2, [cx](const A& a) {
    TypeRef x = cx->elem(a[0]);
    if (!x) return cx->not_container("mfilter", a[0]);
    CallType p = cx->predicate("mfilter", a[1], {x});
    return p.ok() ? cx->merged("mfilter", same_kind(cx->tt, a[0], x)) : p;
  });
  b.add("extract", 2, [cx](const A& a) {
    TypeRef x = cx->elem(a[0]);
    if (!x) return cx->not_container("extract", a[0]);
    CallType p = cx->predicate("extract", a[1], {x});
    return p.ok() ? RuleBuilder::ok(x) : p;
  });
  b.add("sizefilter", 2, [cx](const A& a) {
    TypeRef x = cx->elem(a[0]);
    if (!x) return cx->not_container("sizefilter", a[0]);
    if (!cx->elem(x)) return RuleBuilder::bad(fmt::format("sizefilter: the elements ({}) have no size", type_name(x)));
    if (!cx->intlike(a[1])) return RuleBuilder::no_overload("sizefilter", a);
    return RuleBuilder::ok(cx->tt.fset(x));
  });
  for (const char* name : {"apply", "mapply"}) {
    bool m = name[0] == 'm';
    b.add(name, 2, [cx, name, m](const A& a) {
      if (!a[0]->callable()) return cx->callable(name, a[0]);
      TypeRef x = cx->elem(a[1]);
      if (!x) return cx->not_container(name, a[1]);
      CallType r = cx->call(a[0], {x});
      if (!r.ok()) return r;
      TypeRef out = same_kind(cx->tt, a[1], r.result);
      return m ? cx->merged(name, out) : RuleBuilder::ok(out);
    });
  }
  b.add("rapply", 2, [cx](const A& a) {
    TypeRef fs = a[0];
    if (fs->is(TypeKind::Pair) && fs->parts[0] != fs->parts[1]) {
      CallType r1 = cx->call(fs->parts[0], {a[1]});
      if (!r1.ok()) return r1;
      CallType r2 = cx->call(fs->parts[1], {a[1]});
      if (!r2.ok()) return r2;
      if (r1.result != r2.result) return RuleBuilder::bad("rapply: the functions return different types");
      return RuleBuilder::ok(cx->tt.tuple(r1.result));
    }
    TypeRef f = cx->elem(fs);
    if (!f) return cx->not_container("rapply", fs);
    if (!f->callable()) return cx->callable("rapply", f);
    CallType r = cx->call(f, {a[1]});
    return r.ok() ? RuleBuilder::ok(same_kind(cx->tt, fs, r.result)) : r;
  });
  for (const char* name : {"papply", "mpapply", "prapply"}) {
    std::string n = name;
    b.add(name, 3, [cx, name, n](const A& a) {
      if (!a[0]->callable()) return cx->callable(name, a[0]);
      TypeRef x = cx->elem(a[1]), y = cx->elem(a[2]);
      if (!x) return cx->not_container(name, a[1]);
      if (!y) return cx->not_container(name, a[2]);
      CallType r = cx->call(a[0], {x, y});
      if (!r.ok()) return r;
      if (n == "prapply") return RuleBuilder::ok(cx->tt.fset(r.result));
      TypeRef out = cx->tt.tuple(r.result);
      return n == "mpapply" ? cx->merged(name, out) : RuleBuilder::ok(out);
    });
  }
}

}  // namespace battc::generator
