// generator/ir/lower.cpp: name resolution, keyword arguments, type checking
// and interning. It runs twice per program: a checking pass that only
// computes types, and, when that passes, an interning pass, so a rejected
// program adds nothing.
#include "generator/ir/lower.h"

#include <fmt/core.h>

#include <map>
#include <algorithm>
#include <optional>
#include <set>

#include "generator/diag/closest_name.h"
#include "generator/dialect/dialect.h"

namespace battc::generator {
namespace {

struct Val {
  TypeRef type = nullptr;
  int node = -1;                     // -1 in the checking pass
  std::optional<long long> integer;  // the value of an integer constant
};

// power(f, n) with a constant n unrolls (PowerN); this bound keeps the
// emitted template recursion small.
constexpr long long kMaxUnrolledPower = 16;

// Types are DAGs (fork(f, x, x) shares x), but their C++ names and the
// checker's walks are trees; these bounds keep a hostile program from making
// them exponential, or nesting C++ templates past what a compiler takes.
// Real programs' types have a few dozen parts and a depth under ten.
constexpr int kMaxTypeParts = 2048;
constexpr int kMaxTypeDepth = 64;  // Signatures::call_depth's bound too

struct TypeSize {
  int parts = 0;  // counted as a tree, saturating past kMaxTypeParts
  int depth = 0;
};

TypeSize type_size(TypeRef t, std::map<TypeRef, TypeSize>& memo) {
  if (auto it = memo.find(t); it != memo.end()) return it->second;
  TypeSize s{1, 1};
  for (TypeRef p : t->parts) {
    TypeSize q = type_size(p, memo);
    s.parts = std::min(s.parts + q.parts, kMaxTypeParts + 1);
    s.depth = std::max(s.depth, q.depth + 1);
  }
  memo[t] = s;
  return s;
}

class Lowering {
 public:
  Lowering(const Program& prog, Dialect dialect, const Signatures& sig, Batt& batt, Diagnostics& diags, bool intern)
      : prog_(prog), dialect_(dialect), sig_(sig), tt_(sig.types()), batt_(batt), diags_(diags), intern_(intern) {}

  bool run() {
    for (const Stmt& st : prog_.body) assigned_later_.insert(st.target);
    BattProgram out;
    out.name = prog_.name;
    out.differ = prog_.name.rfind("differ_", 0) == 0;
    out.loc = prog_.loc;
    for (const Stmt& st : prog_.body) {
      std::optional<Val> v = lower_call(st);
      if (!v) return false;
      locals_[st.target] = *v;
      assigned_later_.erase(st.target);
      out.stmts.push_back(v->node);
      out.stmt_locs.push_back(st.loc);
      out.stmt_callees.push_back(st.call.callee);
    }
    std::optional<Val> r = resolve(prog_.ret, prog_.ret_loc);
    if (!r) return false;
    out.result = r->node;
    if (!intern_ && !out.differ && !can_be_grid(r->type))
      diags_.warning(prog_.ret_loc, prog_.name,
                     fmt::format("this solver returns {}, never a grid: it cannot solve any task", type_name(r->type)));
    if (intern_) batt_.programs().push_back(std::move(out));
    return true;
  }

 private:
  void error(SrcLoc loc, std::string msg, std::vector<std::string> notes = {}) {
    if (!intern_) diags_.error(loc, prog_.name, std::move(msg), std::move(notes));
  }

  Val add(Node n) {
    Val v{n.type, -1, std::nullopt};
    if (intern_) {
      n.origin = Origin{prog_.name, n.origin.loc};
      v.node = batt_.intern(std::move(n));
    }
    return v;
  }

  Val param(ParamKind k, SrcLoc loc) {
    TypeRef t = k == ParamKind::S ? tt_.raw_tuple(tt_.pair(tt_.grid(), tt_.grid())) : tt_.grid();
    Node n{NodeKind::Param, t};
    n.param = k;
    n.origin.loc = loc;
    return add(std::move(n));
  }

  // A value of type t may be a grid (a union may hold one).
  bool can_be_grid(TypeRef t) const {
    if (t == tt_.grid()) return true;
    if (!t->is(TypeKind::VUnion)) return false;
    return std::any_of(t->parts.begin(), t->parts.end(), [&](TypeRef p) { return can_be_grid(p); });
  }

  // Python: a name assigned anywhere in a function is local to all of it, so
  // using it before its assignment fails there (UnboundLocalError) even when
  // a primitive or constant has that name.
  bool used_before_assigned(const std::string& name, SrcLoc loc) {
    if (!assigned_later_.count(name)) return false;
    error(loc, fmt::format("'{}' is used before it is assigned (a name assigned in a program is local to all of it)", name));
    return true;
  }

  std::optional<Val> resolve(const std::string& name, SrcLoc loc) {
    if (auto it = locals_.find(name); it != locals_.end()) return it->second;
    if (used_before_assigned(name, loc)) return std::nullopt;
    bool three = prog_.params.size() == 3;
    if (name == "I") return param(ParamKind::I, loc);
    if (three && name == "S") return param(ParamKind::S, loc);
    if (three && name == "C") return param(prog_.name.rfind("differ_", 0) == 0 ? ParamKind::C : ParamKind::CNone, loc);
    if (const ConstantValue* c = find_constant(dialect_, name)) {
      Node n{NodeKind::Const, sig_.constant_type(*c)};
      n.value = *c;
      n.origin.loc = loc;
      Val v = add(std::move(n));
      if (c->kind == ConstantValue::Kind::Int) v.integer = c->a;
      return v;
    }
    if (const DialectPrim* p = find_dialect_prim(dialect_, name)) {
      if (!supported(*p, loc)) return std::nullopt;
      Node n{NodeKind::Prim, tt_.prim(p->internal)};
      n.prim = p->internal;
      n.origin.loc = loc;
      return add(std::move(n));
    }
    if ((name == "S" || name == "C") && !three) {
      error(loc, fmt::format("'{}' is not a parameter of this program: it takes (I); write (S, I, C) to use {}", name, name));
      return std::nullopt;
    }
    error(loc, fmt::format("unknown name '{}'{}{}", name, other_dialect_note(name), did_you_mean(name, false)));
    return std::nullopt;
  }

  // " (did you mean 'x'?)" for the nearest name the program could have
  // meant: its variables, parameters, the dialect's primitives and, for a
  // value, its constants.
  std::string did_you_mean(const std::string& name, bool function) const {
    std::vector<std::string> names;
    for (const auto& [n, v] : locals_)
      if (!function || v.type->callable()) names.push_back(n);
    if (!function) names.insert(names.end(), prog_.params.begin(), prog_.params.end());
    for (const DialectPrim& p : dialect_table(dialect_)) names.push_back(p.name);
    if (!function)
      for (const auto& [n, c] : constant_list(dialect_ == Dialect::Tokpidjin)) names.push_back(n);
    std::optional<std::string> best = closest_name(name, names);
    return best ? fmt::format(" (did you mean '{}'?)", *best) : "";
  }

  // tokpidjin's get_nth_f/get_nth_t on a pair of two different types (what
  // astuple(a, b) gives) with a constant rank: Python returns one of the
  // two, so the call becomes first or last of the pair, whose type is known.
  // (Out of range they return frozenset() or nan: left to the checker,
  // which rejects the call.)
  void pick_from_pair(bool is_prim, std::string& internal, std::vector<Val>& args, std::vector<TypeRef>& types) {
    if (!is_prim || (internal != "get_nth_f" && internal != "get_nth_t") || args.size() != 2) return;
    TypeRef t = types[0];
    if (!t->is(TypeKind::Pair) || t->parts[0] == t->parts[1] || !args[1].integer) return;
    long long r = *args[1].integer;
    if (r < -2 || r > 1) return;
    internal = (r == 0 || r == -2) ? "first" : "last";
    args.resize(1);
    types.resize(1);
  }

  // rbind(get_nth_f, K) (or get_nth_t) with a constant K in F0, F1, L1, L2:
  // the closure becomes a one-argument primitive that knows K
  // (get_nth_f_r0, ...), so that it can also take a pair of two types.
  std::optional<Val> fixed_rank_nth(bool is_prim, const std::string& internal, const std::vector<Val>& args,
                                    const std::vector<TypeRef>& types, SrcLoc loc) {
    if (!is_prim || internal != "rbind" || args.size() != 2 || !args[1].integer) return std::nullopt;
    if (!types[0]->is(TypeKind::Prim) || (types[0]->prim != "get_nth_f" && types[0]->prim != "get_nth_t"))
      return std::nullopt;
    static const std::map<long long, const char*> suffix = {{0, "_r0"}, {1, "_r1"}, {-1, "_rm1"}, {-2, "_rm2"}};
    auto it = suffix.find(*args[1].integer);
    if (it == suffix.end()) return std::nullopt;
    std::string name = types[0]->prim + it->second;
    Node n{NodeKind::Prim, tt_.prim(name)};
    n.prim = name;
    n.origin.loc = loc;
    return add(std::move(n));
  }

  // A primitive of the dialect that battc has no typing rule for.
  bool supported(const DialectPrim& p, SrcLoc loc) {
    if (sig_.has(p.internal)) return true;
    error(loc, fmt::format("{} primitive '{}' is not supported by battc", dialect_name(dialect_), p.name));
    return false;
  }

  // Why an unknown name may be known elsewhere: the other dialect has it.
  std::string other_dialect_note(const std::string& name) const {
    Dialect other = dialect_ == Dialect::ArcDsl ? Dialect::Tokpidjin : Dialect::ArcDsl;
    if (!find_dialect_prim(other, name) && !find_constant(other, name)) return "";
    return fmt::format(" in {} (the {} dialect has it; a program's dialect follows its parameters: (I) is arc-dsl, "
                       "(S, I, C) is tokpidjin, or set --dialect)",
                       dialect_name(dialect_), dialect_name(other));
  }

  // An argument as the file wrote it.
  static std::string shown(const Arg& a) {
    if (a.is_int) return std::to_string(a.value);
    return a.text.empty() ? a.name : a.text;
  }

  std::optional<Val> literal(long long v, SrcLoc loc) {
    Node n{NodeKind::Const, tt_.integer()};
    n.value = ConstantValue{ConstantValue::Kind::Int, static_cast<int>(v), 0};
    n.origin.loc = loc;
    Val out = add(std::move(n));
    out.integer = v;
    return out;
  }

  // Arguments in parameter order (keywords placed by the primitive's names).
  std::optional<std::vector<const Arg*>> order_args(const Call& call, bool is_prim) {
    bool any_kw = false;
    for (const Arg& a : call.args) any_kw |= a.keyword.has_value();
    std::vector<const Arg*> out;
    if (!any_kw) {
      for (const Arg& a : call.args) out.push_back(&a);
      return out;
    }
    if (!is_prim) {
      error(call.callee_loc, fmt::format("keyword arguments need a primitive; '{}' is a closure", call.callee));
      return std::nullopt;
    }
    const DialectPrim* prim = find_dialect_prim(dialect_, call.callee);
    std::vector<std::string> names;
    for (const Param& q : prim->params) names.push_back(q.name);
    std::vector<std::string> sig_note = {fmt::format("{}{}", call.callee, prim->signature())};
    out.assign(names.size(), nullptr);
    size_t pos = 0;
    for (const Arg& a : call.args) {
      size_t k = pos;
      if (a.keyword) {
        auto it = std::find(names.begin(), names.end(), *a.keyword);
        if (it == names.end()) {
          error(a.loc, fmt::format("{} has no parameter '{}'", call.callee, *a.keyword), sig_note);
          return std::nullopt;
        }
        k = static_cast<size_t>(it - names.begin());
      } else {
        ++pos;
      }
      if (k >= out.size()) {
        error(a.loc, fmt::format("{} takes {} argument{}, not {}", call.callee, names.size(), names.size() == 1 ? "" : "s",
                                 call.args.size()), sig_note);
        return std::nullopt;
      }
      if (out[k]) {
        error(a.loc, fmt::format("{}: argument '{}' is given twice", call.callee, names[k]), sig_note);
        return std::nullopt;
      }
      out[k] = &a;
    }
    for (size_t k = 0; k < out.size(); ++k)
      if (!out[k]) {
        error(call.callee_loc, fmt::format("{}: missing argument '{}'", call.callee, names[k]), sig_note);
        return std::nullopt;
      }
    return out;
  }

  std::optional<Val> lower_call(const Stmt& st) {
    const Call& call = st.call;
    std::optional<Val> callee;
    bool is_prim = false;
    std::string internal;  // the primitive's internal name when is_prim
    if (auto it = locals_.find(call.callee); it != locals_.end()) {
      callee = it->second;
      if (!callee->type->callable()) {
        error(call.callee_loc, fmt::format("'{}' is a value of type {}, not a function", call.callee, type_name(callee->type)));
        return std::nullopt;
      }
    } else if (used_before_assigned(call.callee, call.callee_loc)) {
      return std::nullopt;
    } else if (const DialectPrim* p = find_dialect_prim(dialect_, call.callee)) {
      if (!supported(*p, call.callee_loc)) return std::nullopt;
      is_prim = true;
      internal = p->internal;
    } else if (find_constant(dialect_, call.callee) || call.callee == "I" ||
               (prog_.params.size() == 3 && (call.callee == "S" || call.callee == "C"))) {
      std::optional<Val> v = resolve(call.callee, call.callee_loc);  // a value, not a function
      error(call.callee_loc, fmt::format("'{}' is a value of type {}, not a function", call.callee, type_name(v->type)));
      return std::nullopt;
    } else {
      error(call.callee_loc, fmt::format("unknown function '{}'{}{}", call.callee, other_dialect_note(call.callee),
                                         did_you_mean(call.callee, true)));
      return std::nullopt;
    }
    auto ordered = order_args(call, is_prim);
    if (!ordered) return std::nullopt;
    std::vector<Val> args;
    std::vector<TypeRef> types;
    for (const Arg* a : *ordered) {
      std::optional<Val> v = a->is_int ? literal(a->value, a->loc) : resolve(a->name, a->loc);
      if (!v) return std::nullopt;
      args.push_back(*v);
      types.push_back(v->type);
    }
    pick_from_pair(is_prim, internal, args, types);
    if (std::optional<Val> fixed = fixed_rank_nth(is_prim, internal, args, types, st.loc)) return fixed;
    CallType ct = is_prim ? sig_.call_prim(internal, types) : sig_.call(callee->type, types);
    if (ct.ok() && is_prim && surface_name(internal) == "power" && args[1].integer && *args[1].integer >= 1 &&
        *args[1].integer <= kMaxUnrolledPower)
      ct.result = tt_.closure(ClosureKind::PowerN, {types[0]}, static_cast<int>(*args[1].integer));
    if (!ct.ok()) {
      std::vector<std::string> notes;
      if (!is_prim) notes.push_back(fmt::format("the function ({}) is {}", call.callee, type_name(callee->type)));
      if (is_prim)
        if (const DialectPrim* p = find_dialect_prim(dialect_, call.callee))
          notes.push_back(fmt::format("{} takes {}", call.callee, p->signature()));
      for (size_t i = 0; i < ordered->size() && i < types.size(); ++i)
        notes.push_back(fmt::format("argument {} ({}) is {}", i + 1, shown(*(*ordered)[i]), type_name(types[i])));
      error(st.loc, fmt::format("ill-typed call: {}", ct.error), notes);
      return std::nullopt;
    }
    std::map<TypeRef, TypeSize> memo;
    if (TypeSize size = type_size(ct.result, memo); size.parts > kMaxTypeParts || size.depth > kMaxTypeDepth) {
      error(st.loc, fmt::format("the result's type is too large (more than {} parts or {} levels): closures or tuples "
                                "are nested too deeply",
                                kMaxTypeParts, kMaxTypeDepth));
      return std::nullopt;
    }
    // widen arguments the checker unified (different functions in one container)
    for (size_t i = 0; i < ct.unify.size() && i < args.size(); ++i) {
      if (!ct.unify[i] || ct.unify[i] == args[i].type) continue;
      Node conv{NodeKind::Convert, ct.unify[i]};
      conv.args = {args[i].node};
      conv.origin.loc = (*ordered)[i]->loc;
      args[i] = add(std::move(conv));
    }
    Node n{is_prim ? NodeKind::Call : NodeKind::CallValue, ct.result};
    if (is_prim) n.prim = internal;
    else n.args.push_back(callee->node);
    for (const Val& v : args) n.args.push_back(v.node);
    n.origin.loc = st.loc;
    return add(std::move(n));
  }

  const Program& prog_;
  Dialect dialect_;
  const Signatures& sig_;
  TypeTable& tt_;
  Batt& batt_;
  Diagnostics& diags_;
  bool intern_;
  std::map<std::string, Val> locals_;
  std::set<std::string> assigned_later_;  // targets of statements not lowered yet
};

}  // namespace

bool lower_program(const Program& prog, Dialect dialect, const Signatures& sig, Batt& batt, Diagnostics& diags) {
  if (!Lowering(prog, dialect, sig, batt, diags, false).run()) return false;
  return Lowering(prog, dialect, sig, batt, diags, true).run();
}

}  // namespace battc::generator
