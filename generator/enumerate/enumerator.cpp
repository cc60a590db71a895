// generator/enumerate/enumerator.cpp: a level's calls are typed per tuple of
// argument *types* (one call_prim per primitive and tuple, remembered), then
// counted by expression size per tuple without listing them (a convolution
// of the argument lists' size counts), so a level of millions of possible
// calls costs its bound, not its size: only calls up to the size where the
// bound is reached are listed, by a walk that stops at that size.
#include "generator/enumerate/enumerator.h"

#include <algorithm>
#include <map>
#include <set>

#include "generator/dialect/dialect.h"
#include "generator/mutate/rng.h"
#include "generator/types/primitive_table.h"

namespace battc::generator {
namespace {

// Primitives enumeration leaves out: those that build functions (function
// values are leaves here), identity, those of type Any everywhere, and those
// that only pair two arbitrary values (their pairs outnumber every other
// call and have no use before a later step picks from them).
const std::set<std::string>& left_out() {
  static const std::set<std::string> s = {
      "identity", "compose",  "chain",   "matcher",  "rbind",    "lbind",  "power",     "fork",
      "branch",   "rapply",   "papply",  "mpapply",  "prapply",  "product", "pair",     "interval",
      "repeat",   "initset",  "insert",  "remove",   "other",    "equality", "contained", "both",
      "either",   "astuple",  "combine", "intersection", "difference", "cellwise", "manhattan",
      "position", "gravitate", "hmatching", "vmatching", "adjacent",  "toivec", "tojvec"};
  return s;
}

// The constant leaves besides the colours: booleans and the points a
// direction or a size takes.
const char* const kPointConstants[] = {"ORIGIN", "UNITY", "UP", "DOWN", "LEFT", "RIGHT", "TWO_BY_TWO",
                                       "THREE_BY_THREE", "NEG_UNITY", "UP_RIGHT", "DOWN_LEFT"};
const char* const kIntNames[] = {"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"};

// An expression's size, what orders a level (the smallest first): its
// description length (prior.h), the sum of its calls' and leaves' costs (I
// nothing). With the flat costs (a call two, a leaf one) of two calls of
// one level the one with fewer constants comes first (hconcat(I, vmirror(I))
// before fill(I, TWO, ofcolor(I, ONE))).

// Counts of values by expression size.
using Sizes = std::vector<std::size_t>;

void add_into(Sizes& a, std::size_t size, std::size_t n) {
  if (a.size() <= size) a.resize(size + 1, 0);
  a[size] += n;
}

Sizes convolve(const Sizes& a, const Sizes& b) {
  if (a.empty() || b.empty()) return {};
  Sizes out(a.size() + b.size() - 1, 0);
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) out[i + j] += a[i] * b[j];
  return out;
}

// The pooled values of one type that an argument position may take, by
// size (ascending), and their size counts: all of them and the old ones
// (a call needs at least one fresh argument: counts are all minus old).
struct Group {
  std::vector<int> values;
  Sizes all, old;
};

struct Pending {
  std::size_t size;
  std::uint64_t order;
  std::size_t prim;
  std::vector<int> args;
};

// The one type an argument of arc-dsl's annotation takes, where it names
// one (nullptr: any type; the checker decides). What keeps the typed tuples
// of objects(grid, bool, bool, bool) at one instead of thousands.
TypeRef annotated_type(const std::string& annotation, TypeTable& tt) {
  if (annotation == "Integer") return tt.integer();
  if (annotation == "Boolean") return tt.boolean();
  if (annotation == "Grid") return tt.grid();
  if (annotation == "IntegerTuple") return tt.point();
  return nullptr;
}

}  // namespace

Enumerator::Enumerator(const Signatures& sig) : sig_(sig) {
  for (const PrimitiveInfo& p : primitive_table()) {
    if (left_out().count(p.name) || !sig.has(p.name) || p.params.empty()) continue;
    Prim e{p.name, {}, {}, p.returns};
    for (const Param& a : p.params) {
      e.callable.push_back(a.type == "Callable");
      e.only.push_back(annotated_type(a.type, sig.types()));
    }
    table_.push_back(std::move(e));
    prims_.push_back(p.name);
  }
}

std::vector<PoolValue> Enumerator::leaves(const std::vector<int>& colours) const {
  TypeTable& tt = sig_.types();
  std::vector<PoolValue> out;
  PoolValue in;
  in.type = tt.grid();
  in.name = "I";
  out.push_back(in);
  std::set<int> ints(colours.begin(), colours.end());
  for (int k = 0; k <= 4; ++k) ints.insert(k);
  auto constant = [&](const std::string& name) {
    if (PoolValue v = this->constant(name); v.type) out.push_back(std::move(v));
  };
  for (int k : ints)
    if (k >= 0 && k <= 9) constant(kIntNames[k]);
  constant("T");
  constant("F");
  for (const char* p : kPointConstants) constant(p);
  for (const Prim& p : table_) {
    bool unary = p.callable.size() == 1 && !p.callable[0];
    bool binary = p.callable.size() == 2 && !p.callable[0] && !p.callable[1];
    const DialectPrim* d = find_dialect_prim(Dialect::ArcDsl, p.name);
    if (!d || (!unary && !binary)) continue;
    PoolValue f;
    f.type = tt.prim(d->internal);
    f.name = p.name;
    f.constant = true;
    f.operand_only = binary;
    f.size = costs_.leaf_cost(p.name);
    out.push_back(f);
  }
  add_bindings(out);
  return out;
}

// The function values of one binding over the leaves (leaves() says
// which). A binding's cost is its call's and its two leaves'.
void Enumerator::add_bindings(std::vector<PoolValue>& pool) const {
  TypeTable& tt = sig_.types();
  std::map<std::string, std::size_t> prim_at;
  for (std::size_t i = 0; i < table_.size(); ++i) prim_at[table_[i].name] = i;
  std::size_t leaves = pool.size();
  auto bind = [&](const char* binder, std::size_t f, std::size_t c) {
    CallType ct = sig_.call_prim(binder, {pool[f].type, pool[c].type});
    if (!ct.ok()) return;
    PoolValue v;
    v.type = ct.result;
    v.prim = binder;
    v.args = {static_cast<int>(f), static_cast<int>(c)};
    v.constant = true;
    v.size = costs_.call_cost(binder) + pool[f].size + pool[c].size;
    pool.push_back(std::move(v));
  };
  for (std::size_t f = 0; f < leaves; ++f) {
    auto at = prim_at.find(pool[f].name);
    if (!pool[f].constant || !pool[f].type->callable() || at == prim_at.end()) continue;
    const Prim& p = table_[at->second];
    for (std::size_t c = 0; c < leaves; ++c) {
      TypeRef ct = pool[c].type;
      if (!pool[c].constant || ct->callable() || (ct != tt.integer() && ct != tt.point())) continue;
      if (p.callable.size() == 2) {
        if (p.only[1] == ct) bind("rbind", f, c);
        if (p.only[0] == ct) bind("lbind", f, c);
      } else if ((p.returns == "Integer" && ct == tt.integer()) || (p.returns == "IntegerTuple" && ct == tt.point())) {
        bind("matcher", f, c);
      }
    }
  }
}

namespace {

// Per type, the values of `pool` a level may take: function values apart
// (they go where a Callable is asked for, and nowhere else).
void group_pool(const std::vector<PoolValue>& pool, int level, std::map<TypeRef, Group>& values,
                std::map<TypeRef, Group>& functions) {
  for (std::size_t i = 0; i < pool.size(); ++i) {
    const PoolValue& v = pool[i];
    if (v.level >= level || v.operand_only) continue;
    Group& g = (v.type->callable() ? functions : values)[v.type];
    g.values.push_back(static_cast<int>(i));
    add_into(g.all, std::size_t(v.size), 1);
    bool fresh = !v.constant && v.level == level - 1;
    if (!fresh) add_into(g.old, std::size_t(v.size), 1);
  }
  for (auto* m : {&values, &functions})
    for (auto& [t, g] : *m)
      std::stable_sort(g.values.begin(), g.values.end(),
                       [&](int a, int b) { return pool[std::size_t(a)].size < pool[std::size_t(b)].size; });
}

// The size counts of the calls over one tuple of groups that have a fresh
// argument: all tuples less the all-old ones, each size one more (the call).
Sizes tuple_sizes(const std::vector<const Group*>& gs, std::size_t call_cost) {
  Sizes all{1}, old{1};
  for (const Group* g : gs) {
    all = convolve(all, g->all);
    old = convolve(old, g->old);
  }
  Sizes out(all.size() + call_cost, 0);
  for (std::size_t s = 0; s < all.size(); ++s) out[s + call_cost] = all[s] - (s < old.size() ? old[s] : 0);
  return out;
}

}  // namespace

namespace {

// One primitive at one tuple of argument groups that its rule types, and
// the size counts of its calls.
struct TypedTuple {
  std::size_t prim;
  std::size_t call_cost;
  std::vector<const Group*> groups;
  Sizes sizes;
};

// Every call of the typed tuples up to the cutoff size with a fresh argument
// (a walk over each tuple's groups, smallest values first, that stops past
// the cutoff), in an order fixed by the seed.
std::vector<Pending> list_calls(const std::vector<PoolValue>& pool, const std::vector<TypedTuple>& typed,
                                std::size_t cutoff, int level, std::uint64_t seed) {
  std::vector<Pending> calls;
  for (const TypedTuple& t : typed) {
    std::vector<int> args(t.groups.size());
    const std::size_t call_cost = t.call_cost;
    auto walk = [&](auto&& self, std::size_t k, std::size_t size, bool fresh) -> void {
      if (k == args.size()) {
        if (!fresh || size + call_cost > cutoff) return;
        std::uint64_t h = Rng::mix(seed ^ Rng::mix(std::uint64_t(t.prim) + 1));
        for (int a : args) h = Rng::mix(h ^ std::uint64_t(a));
        calls.push_back({size + call_cost, h, t.prim, args});
        return;
      }
      for (int v : t.groups[k]->values) {
        const PoolValue& pv = pool[std::size_t(v)];
        if (size + std::size_t(pv.size) + call_cost > cutoff) break;  // sorted by size
        args[k] = v;
        self(self, k + 1, size + std::size_t(pv.size), fresh || (!pv.constant && pv.level == level - 1));
      }
    };
    walk(walk, 0, 0, false);
  }
  std::sort(calls.begin(), calls.end(),
            [](const Pending& a, const Pending& b) { return a.size != b.size ? a.size < b.size : a.order < b.order; });
  return calls;
}

}  // namespace

Expansion Enumerator::expand(const std::vector<PoolValue>& pool, int level, std::size_t bound, std::uint64_t seed,
                             bool grids_only) const {
  std::map<TypeRef, Group> values, functions;
  group_pool(pool, level, values, functions);
  std::vector<TypedTuple> typed;
  for (std::size_t pi = 0; pi < table_.size(); ++pi) {
    const Prim& p = table_[pi];
    std::vector<std::vector<std::pair<TypeRef, const Group*>>> choices;
    for (std::size_t k = 0; k < p.callable.size(); ++k) {
      choices.emplace_back();
      for (const auto& [t, g] : p.callable[k] ? functions : values)
        if (!p.only[k] || p.only[k] == t) choices.back().push_back({t, &g});
    }
    if (std::any_of(choices.begin(), choices.end(), [](const auto& c) { return c.empty(); })) continue;
    std::vector<std::size_t> at(choices.size(), 0);
    for (;;) {  // every tuple of types: an odometer over the positions
      std::vector<TypeRef> types;
      std::vector<const Group*> gs;
      for (std::size_t k = 0; k < at.size(); ++k) {
        types.push_back(choices[k][at[k]].first);
        gs.push_back(choices[k][at[k]].second);
      }
      TypeRef result = typed_call(pi, types);
      if (result && (!grids_only || result == sig_.types().grid())) {
        auto cost = static_cast<std::size_t>(costs_.call_cost(p.name));
        typed.push_back({pi, cost, gs, tuple_sizes(gs, cost)});
      }
      std::size_t k = 0;
      while (k < at.size() && ++at[k] == choices[k].size()) at[k++] = 0;
      if (k == at.size()) break;
    }
  }
  // The cutoff: the smallest size whose calls, with all smaller ones, reach the bound.
  Sizes total;
  for (const TypedTuple& t : typed)
    for (std::size_t z = 0; z < t.sizes.size(); ++z) add_into(total, z, t.sizes[z]);
  Expansion out;
  std::size_t cutoff = 0, within = 0;
  for (std::size_t z = 0; z < total.size(); ++z) {
    out.typed += total[z];
    if (within < bound) cutoff = z, within += total[z];
  }
  std::vector<Pending> calls = list_calls(pool, typed, cutoff, level, seed);
  if (calls.size() > bound) calls.resize(bound);
  for (Pending& c : calls) {
    PoolValue v;
    v.prim = table_[c.prim].name;
    v.args = std::move(c.args);
    v.level = level;
    v.size = static_cast<int>(c.size);
    std::vector<TypeRef> types;
    for (int a : v.args) types.push_back(pool[std::size_t(a)].type);
    v.type = typed_call(c.prim, types);
    out.calls.push_back(std::move(v));
  }
  return out;
}

PoolValue Enumerator::call(const std::vector<PoolValue>& pool, const std::string& prim, std::vector<int> args,
                           int level) const {
  PoolValue v;
  v.prim = prim;
  v.level = level;
  auto at = std::find(prims_.begin(), prims_.end(), prim);
  if (at == prims_.end() && !sig_.has(prim)) return v;
  std::vector<TypeRef> types;
  int size = costs_.call_cost(prim);
  for (int a : args) {
    types.push_back(pool[std::size_t(a)].type);
    size += pool[std::size_t(a)].size;
  }
  if (at != prims_.end()) {
    v.type = typed_call(std::size_t(at - prims_.begin()), types);
  } else {  // one no level calls (a completion's): typed once, not remembered
    CallType ct = sig_.call_prim(prim, types);
    v.type = ct.ok() && !ct.result->callable() ? ct.result : nullptr;
  }
  v.args = std::move(args);
  v.size = size;
  return v;
}

int Enumerator::leaf_index(const std::vector<PoolValue>& pool, const std::string& name) {
  for (std::size_t i = 0; i < pool.size(); ++i)
    if (pool[i].leaf() && pool[i].name == name) return static_cast<int>(i);
  return -1;
}

const char* Enumerator::int_name(int k) { return k >= 0 && k <= 9 ? kIntNames[k] : ""; }

std::string Enumerator::constant_name(int k) {
  for (const auto& [name, c] : constant_list(false))
    if (c.kind == ConstantValue::Kind::Int && c.a == k) return name;
  return "";
}

std::string Enumerator::constant_name(int a, int b) {
  for (const auto& [name, c] : constant_list(false))
    if (c.kind == ConstantValue::Kind::Point && c.a == a && c.b == b) return name;
  return "";
}

PoolValue Enumerator::constant(const std::string& name) const {
  PoolValue v;
  const ConstantValue* c = find_constant(name);
  if (!c) return v;
  v.type = sig_.constant_type(*c);
  v.name = name;
  v.constant = true;
  v.size = costs_.leaf_cost(name);
  return v;
}

TypeRef Enumerator::typed_call(std::size_t prim, const std::vector<TypeRef>& args) const {
  auto key = std::make_pair(prim, args);
  auto it = typed_.find(key);
  if (it != typed_.end()) return it->second;
  CallType ct = sig_.call_prim(table_[prim].name, args);
  TypeRef r = ct.ok() && !ct.result->callable() ? ct.result : nullptr;
  typed_.emplace(std::move(key), r);
  return r;
}

Program Enumerator::program(const std::vector<PoolValue>& pool, const PoolValue& v) const {
  std::set<int> needed;
  std::vector<int> stack(v.args.begin(), v.args.end());
  while (!stack.empty()) {
    int i = stack.back();
    stack.pop_back();
    if (pool[std::size_t(i)].leaf() || !needed.insert(i).second) continue;
    for (int a : pool[std::size_t(i)].args) stack.push_back(a);
  }
  Program p;
  p.name = "solve_enumerated";
  p.params = {"I"};
  std::map<int, std::string> var;
  auto call_of = [&](const PoolValue& c) {
    Call call;
    call.callee = c.prim;
    for (int a : c.args) {
      Arg arg;
      const PoolValue& av = pool[std::size_t(a)];
      arg.name = av.leaf() ? av.name : var.at(a);
      call.args.push_back(std::move(arg));
    }
    return call;
  };
  for (int i : needed) {  // ascending: arguments come first in the pool
    std::string name = "x" + std::to_string(var.size() + 1);
    p.body.push_back(Stmt{name, {}, call_of(pool[std::size_t(i)])});
    var[i] = name;
  }
  p.body.push_back(Stmt{"O", {}, call_of(v)});
  p.ret = "O";
  return p;
}

}  // namespace battc::generator
