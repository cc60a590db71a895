// generator/mutate/mutate.cpp: each kind picks a site at random, then a
// replacement among those that keep the types; nullopt when there is none.
#include "generator/mutate/mutate.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "generator/diag/internal_error.h"
#include "generator/mutate/prefixes.h"
#include "generator/mutate/typed_program.h"
#include "generator/types/primitive_table.h"

namespace battc::generator {
namespace {

// An interned type as a memo key's word (fits_memo.h).
std::uintptr_t word(TypeRef t) { return reinterpret_cast<std::uintptr_t>(t); }

// The indices of `names` whose primitive passes `fits` (a memo's list,
// fits_memo.h).
template <class F>
FitsMemo::Fits fitting_names(const std::vector<std::string>& names, Dialect d, F fits) {
  FitsMemo::Fits out;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (const DialectPrim* prim = find_dialect_prim(d, names[i]); prim && fits(*prim))
      out.push_back(std::uint16_t(i));
  return out;
}

int dialect_index(Dialect d) { return d == Dialect::ArcDsl ? 0 : 1; }

// The names of ints that programs write: NEG_TWO .. TEN.
const std::vector<std::pair<int, std::string>>& int_names() {
  static const std::vector<std::pair<int, std::string>> names = {
      {-2, "NEG_TWO"}, {-1, "NEG_ONE"}, {0, "ZERO"}, {1, "ONE"},   {2, "TWO"},   {3, "THREE"}, {4, "FOUR"},
      {5, "FIVE"},     {6, "SIX"},      {7, "SEVEN"}, {8, "EIGHT"}, {9, "NINE"}, {10, "TEN"}};
  return names;
}
const std::vector<std::string>& point_names() {
  static const std::vector<std::string> names = {"DOWN",      "RIGHT",       "UP",          "LEFT",        "ORIGIN",
                                                 "UNITY",     "NEG_UNITY",   "UP_RIGHT",    "DOWN_LEFT",   "ZERO_BY_TWO",
                                                 "TWO_BY_ZERO", "TWO_BY_TWO", "THREE_BY_THREE"};
  return names;
}

std::string int_name(int v) {
  for (const auto& [x, n] : int_names())
    if (x == v) return n;
  return "";
}

// tokpidjin's ranked families: F0..F9, L1..L10, R0..R9, A0..A9.
bool ranked(const std::string& name, char& family, int& index) {
  if (name.size() < 2) return false;
  if (name[0] != 'F' && name[0] != 'L' && name[0] != 'R' && name[0] != 'A') return false;
  for (std::size_t i = 1; i < name.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return false;
  family = name[0];
  index = std::stoi(name.substr(1));
  return true;
}

// Names that hold a value at statement k: parameters and earlier targets.
std::vector<std::string> variables_before(const TypedProgram& p, std::size_t k) {
  std::vector<std::string> out = {"I"};
  if (p.program.params.size() == 3) out.push_back("S");
  for (std::size_t j = 0; j < k; ++j)
    if (std::find(out.begin(), out.end(), p.program.body[j].target) == out.end()) out.push_back(p.program.body[j].target);
  return out;
}

bool is_variable(const TypedProgram& p, const std::string& name, std::size_t k) {
  auto vars = variables_before(p, k);
  return std::find(vars.begin(), vars.end(), name) != vars.end();
}

// Whether parameter k of a primitive is a scale factor (arc-dsl names it
// `factor`: upscale, downscale, hupscale, vupscale). Append gives it 2 or 3,
// not a colour: upscale(r, EIGHT) of a 30x30 grid, appended again to its own
// near misses, made evaluations a hundred times their parents' cost (a
// LOO-40 search's mutation rounds went from 8 to 45 seconds).
bool scale_parameter(const std::string& internal, std::size_t k) {
  for (const PrimitiveInfo& p : primitive_table())
    if (p.name == internal) return k < p.params.size() && p.params[k].name == "factor";
  return false;
}

// The statements statement j of p needs, itself included, ascending: the
// latest definition before each use of a name, transitively.
std::vector<std::size_t> backward_slice(const Program& p, std::size_t j) {
  std::vector<bool> need(j + 1, false);
  need[j] = true;
  auto mark = [&](const std::string& name, std::size_t before) {
    for (std::size_t n = before; n-- > 0;)
      if (p.body[n].target == name) {
        need[n] = true;
        return;
      }
  };
  for (std::size_t m = j + 1; m-- > 0;) {
    if (!need[m]) continue;
    mark(p.body[m].call.callee, m);
    for (const Arg& a : p.body[m].call.args)
      if (!a.is_int) mark(a.name, m);
  }
  std::vector<std::size_t> out;
  for (std::size_t m = 0; m <= j; ++m)
    if (need[m]) out.push_back(m);
  return out;
}

// The types of statement k's arguments (an integer literal's is Integer);
// nullopt when one is unknown there.
std::optional<std::vector<TypeRef>> argument_types(const TypedProgram& p, std::size_t k, const Signatures& sig) {
  std::vector<TypeRef> out;
  for (const Arg& x : p.program.body[k].call.args) {
    TypeRef t = x.is_int ? sig.types().integer() : p.type_at(x.name, k, sig);
    if (!t) return std::nullopt;
    out.push_back(t);
  }
  return out;
}

// Inserts `y_new = callee(args...)` before statement k of `out`, located
// there (canonical_program renames y_new); returns the new statement's name.
std::string insert_call(Program& out, std::size_t k, const std::string& callee, const std::vector<std::string>& args) {
  Stmt s;
  s.target = "y_new";
  s.loc = out.body[k].loc;
  s.call.callee = callee;
  s.call.callee_loc = s.loc;
  for (const std::string& name : args) {
    Arg a;
    a.name = name;
    a.loc = s.loc;
    s.call.args.push_back(a);
  }
  out.body.insert(out.body.begin() + static_cast<std::ptrdiff_t>(k), s);
  return s.target;
}

// A uniformly drawn element of the sites where `ok` holds, as (stmt, arg).
template <class F>
std::optional<std::pair<std::size_t, std::size_t>> pick_site(const TypedProgram& p, Rng& rng, F ok) {
  std::vector<std::pair<std::size_t, std::size_t>> sites;
  for (std::size_t k = 0; k < p.program.body.size(); ++k)
    for (std::size_t a = 0; a < p.program.body[k].call.args.size(); ++a)
      if (ok(k, a)) sites.emplace_back(k, a);
  if (sites.empty()) return std::nullopt;
  return rng.pick(sites);
}

}  // namespace

// How often the search draws each kind, relative to the others
// (docs/search.md, "Mutations"). The mix leans on constants, as card.py's
// does: swapping a colour or a direction keeps the program's structure.
// Type-keeping rewiring (argument, primitive, function value) comes next;
// the structural kinds (insert, drop, crossover, append, splice, lift,
// compose, truncate) and two changes at once (twice) are drawn least.
// Changing a weight changes what every seeded search makes.
const std::array<MutationKindInfo, kMutationKinds>& mutation_kinds() {
  static constexpr std::array<MutationKindInfo, kMutationKinds> kinds = {{
      {MutationKind::Constant, "constant", 24, &Mutator::constant},
      {MutationKind::Argument, "argument", 20, &Mutator::argument},
      {MutationKind::Primitive, "primitive", 18, &Mutator::primitive},
      {MutationKind::FunctionValue, "function_value", 10, &Mutator::function_value},
      {MutationKind::Insert, "insert", 8, &Mutator::insert},
      {MutationKind::Drop, "drop", 8, &Mutator::drop},
      {MutationKind::Crossover, "crossover", 6, &Mutator::crossover},
      {MutationKind::Append, "append", 6, &Mutator::append},
      {MutationKind::Splice, "splice", 8, &Mutator::splice},
      {MutationKind::Lift, "lift", 6, &Mutator::lift},
      {MutationKind::Compose, "compose", 6, &Mutator::compose},
      {MutationKind::Truncate, "truncate", 4, &Mutator::truncate},
      {MutationKind::Twice, "twice", 8, &Mutator::twice},
  }};
  static_assert([] {
    for (int i = 0; i < kMutationKinds; ++i)
      if (kinds[i].kind != MutationKind(i) || kinds[i].weight == 0 || kinds[i].make == nullptr) return false;
    return true;
  }(), "mutation_kinds(): every kind once, in MutationKind order, with a weight and a maker");
  return kinds;
}

const MutationKindInfo& mutation_kind(MutationKind k) {
  int i = static_cast<int>(k);
  BATTC_ASSERT(i >= 0 && i < kMutationKinds, "not a MutationKind: " + std::to_string(i));
  return mutation_kinds()[i];
}

std::vector<std::uint64_t> mutation_weights() {
  std::vector<std::uint64_t> w;
  for (const MutationKindInfo& k : mutation_kinds()) w.push_back(k.weight);
  return w;
}

const char* mutation_name(MutationKind k) {
  int i = static_cast<int>(k);
  return i >= 0 && i < kMutationKinds ? mutation_kinds()[i].name : "?";
}

Mutator::Mutator(const Signatures& sig) : sig_(sig) {
  for (Dialect d : {Dialect::ArcDsl, Dialect::Tokpidjin}) {
    auto& table = by_arity_[dialect_index(d)];
    for (const DialectPrim& p : dialect_table(d)) {
      if (!sig.has(p.internal)) continue;
      int n = sig.arity(p.internal);
      if (n < 0) continue;
      if (table.size() <= std::size_t(n)) table.resize(n + 1);
      table[n].push_back(p.name);
    }
    for (auto& v : table) std::sort(v.begin(), v.end());
  }
}

// A site's key: which kind asks (its lists differ), the dialect (its
// names), what else decides (types as words, an argument's position) and
// the call's argument types.
FitsMemo::Key Mutator::site_key(int kind, Dialect d, std::initializer_list<std::uintptr_t> decide,
                                const std::vector<TypeRef>& args) const {
  FitsMemo::Key key;
  key.reserve(3 + decide.size() + args.size());
  key.push_back(std::uintptr_t(kind));
  key.push_back(std::uintptr_t(dialect_index(d)));
  key.insert(key.end(), decide.begin(), decide.end());
  key.push_back(args.size());
  for (TypeRef t : args) key.push_back(word(t));
  return key;
}

std::optional<Program> Mutator::mutate(const TypedProgram& p, MutationKind k, Rng& rng, const MutationContext& ctx,
                                       const TypedProgram* other) const {
  int i = static_cast<int>(k);
  if (i < 0 || i >= kMutationKinds) return std::nullopt;
  return (this->*mutation_kinds()[i].make)(p, rng, ctx, other);
}

std::optional<Program> Mutator::constant(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                         const TypedProgram*) const {
  auto site = pick_site(p, rng, [&](std::size_t k, std::size_t a) {
    const Arg& arg = p.program.body[k].call.args[a];
    return arg.is_int || (!is_variable(p, arg.name, k) && find_constant(p.dialect, arg.name));
  });
  if (!site) return std::nullopt;
  Program out = p.program;
  Arg& arg = out.body[site->first].call.args[site->second];
  std::string old = arg.is_int ? int_name(static_cast<int>(arg.value)) : arg.name;
  std::string repl;
  char family;
  int index;
  const ConstantValue* c = arg.is_int ? nullptr : find_constant(p.dialect, arg.name);
  if (c && c->kind == ConstantValue::Kind::Bool) {
    repl = c->a ? "F" : "T";
  } else if (c && c->kind == ConstantValue::Kind::Point) {
    repl = rng.pick(point_names());
  } else if (!arg.is_int && p.dialect == Dialect::Tokpidjin && ranked(arg.name, family, index)) {
    // Ranks step to a neighbour (F1 -> F0 or F2); symbols are redrawn.
    int lo = family == 'L' ? 1 : 0, hi = family == 'L' ? 10 : 9;
    int next = family == 'F' || family == 'L' ? index + (rng.chance(50) ? 1 : -1) : lo + int(rng.below(hi - lo + 1));
    if (next < lo || next > hi) next = index + (next < lo ? 1 : -1);
    repl = std::string(1, family) + std::to_string(next);
  } else if (!ctx.palette.empty() && rng.chance(60)) {
    repl = int_name(rng.pick(ctx.palette));  // colours the task uses, as card's c_iz/c_zo
  } else {
    repl = rng.pick(int_names()).second;
  }
  if (repl.empty() || repl == old) return std::nullopt;
  arg.is_int = false;
  arg.name = repl;
  arg.text.clear();  // what the file wrote no longer applies
  return out;
}

std::optional<Program> Mutator::argument(const TypedProgram& p, Rng& rng, const MutationContext&,
                                         const TypedProgram*) const {
  auto site = pick_site(p, rng, [&](std::size_t k, std::size_t a) {
    const Arg& arg = p.program.body[k].call.args[a];
    return !arg.is_int && is_variable(p, arg.name, k);
  });
  if (!site) return std::nullopt;
  auto [k, a] = *site;
  const std::string& cur = p.program.body[k].call.args[a].name;
  TypeRef t = p.type_at(cur, k, sig_);
  std::vector<std::string> same;
  for (const std::string& v : variables_before(p, k))
    if (v != cur && p.type_at(v, k, sig_) == t) same.push_back(v);
  if (same.empty()) return std::nullopt;
  Program out = p.program;
  out.body[k].call.args[a].name = rng.pick(same);
  out.body[k].call.args[a].text.clear();
  return out;
}

std::optional<Program> Mutator::primitive(const TypedProgram& p, Rng& rng, const MutationContext&,
                                          const TypedProgram*) const {
  std::vector<std::size_t> sites;
  for (std::size_t k = 0; k < p.program.body.size(); ++k) {
    const Call& c = p.program.body[k].call;
    bool keywords = std::any_of(c.args.begin(), c.args.end(), [](const Arg& a) { return a.keyword.has_value(); });
    if (!keywords && !is_variable(p, c.callee, k) && find_dialect_prim(p.dialect, c.callee)) sites.push_back(k);
  }
  if (sites.empty()) return std::nullopt;
  std::size_t k = rng.pick(sites);
  const Call& call = p.program.body[k].call;
  auto types = argument_types(p, k, sig_);
  if (!types) return std::nullopt;
  const std::vector<TypeRef>& args = *types;
  const auto& table = by_arity_[dialect_index(p.dialect)];
  if (args.size() >= table.size()) return std::nullopt;
  const std::vector<std::string>& same_arity = table[args.size()];
  const FitsMemo::Fits fitting = memo_.get(site_key(0, p.dialect, {word(p.stmt_types[k])}, args), [&] {
    return fitting_names(same_arity, p.dialect, [&](const DialectPrim& d) {
      return sig_.call_prim(d.internal, args).result == p.stmt_types[k];
    });
  });
  std::vector<std::string> fits;
  for (std::uint16_t i : fitting)
    if (same_arity[i] != call.callee) fits.push_back(same_arity[i]);
  if (fits.empty()) return std::nullopt;
  Program out = p.program;
  out.body[k].call.callee = rng.pick(fits);
  return out;
}

std::optional<Program> Mutator::function_value(const TypedProgram& p, Rng& rng, const MutationContext&,
                                               const TypedProgram*) const {
  auto site = pick_site(p, rng, [&](std::size_t k, std::size_t a) {
    const Arg& arg = p.program.body[k].call.args[a];
    return !arg.keyword && !arg.is_int && !is_variable(p, arg.name, k) && find_dialect_prim(p.dialect, arg.name);
  });
  if (!site) return std::nullopt;
  // Plain variables, not a structured binding: the memo's lambda captures
  // them, which clang before 16 refuses for a binding.
  const std::size_t k = site->first, a = site->second;
  const Call& call = p.program.body[k].call;
  const DialectPrim* d = find_dialect_prim(p.dialect, call.args[a].name);
  int n = sig_.arity(d->internal);
  const auto& table = by_arity_[dialect_index(p.dialect)];
  if (n < 0 || std::size_t(n) >= table.size()) return std::nullopt;
  // The statement's types with the argument's slot open.
  auto types = argument_types(p, k, sig_);
  TypeRef callee = p.type_at(call.callee, k, sig_);
  if (!types || !callee || !callee->callable()) return std::nullopt;
  std::vector<TypeRef>& args = *types;
  // Only functions with which this statement keeps its result type: then
  // nothing after it changes type (checked once more by the caller).
  const std::vector<std::string>& names = table[n];
  args[a] = nullptr;  // the open slot: not part of the key
  const FitsMemo::Fits fitting =
      memo_.get(site_key(1, p.dialect, {word(callee), word(p.stmt_types[k]), a}, args), [&] {
        std::vector<TypeRef> tried = args;
        return fitting_names(names, p.dialect, [&](const DialectPrim& f) {
          tried[a] = sig_.types().prim(f.internal);
          return sig_.call(callee, tried).result == p.stmt_types[k];
        });
      });
  std::vector<std::string> fits;
  for (std::uint16_t i : fitting)
    if (names[i] != call.args[a].name) fits.push_back(names[i]);
  if (fits.empty()) return std::nullopt;
  Program out = p.program;
  out.body[k].call.args[a].name = rng.pick(fits);
  out.body[k].call.args[a].text.clear();
  return out;
}

std::optional<Program> Mutator::insert(const TypedProgram& p, Rng& rng, const MutationContext&,
                                       const TypedProgram*) const {
  auto site = pick_site(p, rng, [&](std::size_t k, std::size_t a) {
    const Arg& arg = p.program.body[k].call.args[a];
    return !arg.is_int && !arg.keyword && is_variable(p, arg.name, k);
  });
  if (!site) return std::nullopt;
  auto [k, a] = *site;
  const std::string v = p.program.body[k].call.args[a].name;
  TypeRef t = p.type_at(v, k, sig_);
  const auto& table = by_arity_[dialect_index(p.dialect)];
  if (table.size() < 2) return std::nullopt;
  std::vector<std::string> fits;
  for (const std::string& name : table[1]) {
    const DialectPrim* d = find_dialect_prim(p.dialect, name);
    if (d && sig_.call_prim(d->internal, {t}).result == t) fits.push_back(name);
  }
  if (fits.empty()) return std::nullopt;
  Program out = p.program;
  std::string y = insert_call(out, k, rng.pick(fits), {v});
  out.body[k + 1].call.args[a].name = y;
  return out;
}

std::optional<Program> Mutator::drop(const TypedProgram& p, Rng& rng, const MutationContext&,
                                     const TypedProgram*) const {
  std::size_t n = p.program.body.size();
  if (n < 2) return std::nullopt;
  std::size_t k = rng.below(n - 1);  // never the last statement
  const std::string& t = p.program.body[k].target;
  if (t == p.program.ret) return std::nullopt;
  std::vector<std::string> same;
  for (const std::string& v : variables_before(p, k))
    if (p.type_at(v, k, sig_) == p.stmt_types[k]) same.push_back(v);
  Program out = p.program;
  std::string repl = same.empty() ? "" : rng.pick(same);
  for (std::size_t j = k + 1; j < n; ++j) {
    Stmt& s = out.body[j];
    if (s.call.callee == t) {
      if (repl.empty()) return std::nullopt;
      s.call.callee = repl;
    }
    for (Arg& a : s.call.args)
      if (!a.is_int && a.name == t) {
        if (repl.empty()) return std::nullopt;  // used, and nothing of its type to take its place
        a.name = repl;
      }
  }
  out.body.erase(out.body.begin() + static_cast<std::ptrdiff_t>(k));
  return out;
}

// Drop never removes the returned statement; this does, with whatever only
// it needed: a mutant whose last steps are wrong (an append, a lift) gets
// back to the value before them, and a program that fits with a last step
// that changes nothing on the train pairs (replace(x, FOUR, FIVE) where no
// train grid has a 4 there, the signature of a fit by accident) gets its
// shorter twin, which ranks first.
std::optional<Program> Mutator::truncate(const TypedProgram& p, Rng& rng, const MutationContext&,
                                         const TypedProgram*) const {
  std::vector<Program> prefixes = result_type_prefixes(p);
  if (prefixes.empty()) return std::nullopt;
  return rng.pick(prefixes);
}

// Two changes at once, each of a kind drawn by the table's weights among
// those that need no second program (not crossover, splice or twice): a
// path of two changes whose first alone scores worse than the parent is
// never kept, so one change at a time does not cross it. The first change
// is checked (`type_program`) so that the second reads its types.
std::optional<Program> Mutator::twice(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                      const TypedProgram*) const {
  static const std::vector<std::uint64_t> w = [] {  // the table's, once
    std::vector<std::uint64_t> out = mutation_weights();
    for (MutationKind k : {MutationKind::Crossover, MutationKind::Splice, MutationKind::Twice})
      out[static_cast<std::size_t>(k)] = 0;
    return out;
  }();
  auto first = mutate(p, static_cast<MutationKind>(rng.weighted(w)), rng, ctx, nullptr);
  if (!first) return std::nullopt;
  auto typed = type_program(*first, p.dialect, sig_);
  if (!typed) return std::nullopt;
  return mutate(*typed, static_cast<MutationKind>(rng.weighted(w)), rng, ctx, nullptr);
}

// `other` is the second parent; without one there is no crossover.
std::optional<Program> Mutator::crossover(const TypedProgram& a, Rng& rng, const MutationContext&,
                                          const TypedProgram* other) const {
  if (!other) return std::nullopt;
  const TypedProgram& b = *other;
  if (a.dialect != b.dialect || a.program.params != b.program.params || a.program.body.size() < 2 ||
      b.program.body.empty())
    return std::nullopt;
  std::size_t i = 1 + rng.below(a.program.body.size() - 1);  // a's statements [0, i)
  std::size_t j = rng.below(b.program.body.size());          // b's statements [j, end)
  Program out = a.program;
  out.body.resize(i);
  // b's names renamed apart; its uses of values before j get a's values of
  // the same type.
  std::map<std::string, std::string> rename;
  for (std::size_t m = j; m < b.program.body.size(); ++m) {
    Stmt s = b.program.body[m];
    auto map_name = [&](std::string& name) -> bool {
      if (auto it = rename.find(name); it != rename.end()) {
        name = it->second;
        return true;
      }
      if (!is_variable(b, name, m) || name == "I" || name == "S") return true;
      TypeRef t = b.type_at(name, m, sig_);
      std::vector<std::string> same;
      for (const std::string& v : variables_before(a, i))
        if (a.type_at(v, i, sig_) == t) same.push_back(v);
      if (same.empty()) return false;
      std::string chosen = rng.pick(same);
      rename[name] = chosen;  // every later use of it takes the same value
      name = chosen;
      return true;
    };
    if (!map_name(s.call.callee)) return std::nullopt;
    for (Arg& arg : s.call.args)
      if (!arg.is_int && !map_name(arg.name)) return std::nullopt;
    std::string fresh = "y" + std::to_string(m);
    rename[s.target] = fresh;
    s.target = fresh;
    out.body.push_back(s);
  }
  auto it = rename.find(b.program.ret);
  if (it == rename.end()) return std::nullopt;
  out.ret = it->second;
  return out;
}

// Many tasks are another's transformation and one more step: its objects
// moved, then recoloured; its grid cropped, then scaled. Insert adds only
// T -> T steps before a use, so it never reaches past the result, nor takes
// a constant: this kind does both, r -> f(r, k...) with f's other
// parameters integers (the task's colours first) and its result r's type.
std::optional<Program> Mutator::append(const TypedProgram& p, Rng& rng, const MutationContext& ctx,
                                       const TypedProgram*) const {
  const std::size_t n = p.program.body.size();
  if (n == 0) return std::nullopt;
  TypeRef t = p.type_at(p.program.ret, n, sig_);
  if (!t) return std::nullopt;
  TypeRef integer = sig_.types().integer();
  std::vector<std::pair<std::string, int>> fits;  // (name as written, constants it takes)
  const auto& table = by_arity_[dialect_index(p.dialect)];
  for (std::size_t arity = 1; arity <= 3 && arity < table.size(); ++arity)
    for (const std::string& name : table[arity]) {
      const DialectPrim* d = find_dialect_prim(p.dialect, name);
      std::vector<TypeRef> args(arity, integer);
      args[0] = t;
      if (d && sig_.call_prim(d->internal, args).result == t) fits.emplace_back(name, static_cast<int>(arity) - 1);
    }
  if (fits.empty()) return std::nullopt;
  const auto& [callee, constants] = rng.pick(fits);
  Program out = p.program;
  Stmt s;
  s.target = "y_new";  // canonical_program renames it
  s.loc = out.body.back().loc;
  s.call.callee = callee;
  s.call.callee_loc = s.loc;
  Arg r;
  r.name = p.program.ret;
  r.loc = s.loc;
  s.call.args.push_back(r);
  const DialectPrim* d = find_dialect_prim(p.dialect, callee);
  for (int i = 0; i < constants; ++i) {
    Arg k;
    k.loc = s.loc;
    if (scale_parameter(d->internal, std::size_t(i) + 1))
      k.name = rng.chance(50) ? "TWO" : "THREE";
    else
      k.name = !ctx.palette.empty() && rng.chance(75) ? int_name(rng.pick(ctx.palette)) : rng.pick(int_names()).second;
    s.call.args.push_back(k);
  }
  out.body.push_back(s);
  out.ret = s.target;
  return out;
}

// Solvers share sub-computations (the largest object, the background
// colour, the grid's cells of a colour) that neither the one-call kinds nor
// a crossover of the same task's programs reach: a splice takes one from
// another program, the seeds' library first. An argument of type T is
// replaced by the value of one of the donor's statements of type T, with the
// statements that value needs (at most kMaxFragment) copied in before the
// use, renamed apart; the donor reads only the parameters both share.
std::optional<Program> Mutator::splice(const TypedProgram& p, Rng& rng, const MutationContext&,
                                       const TypedProgram* other) const {
  if (!other) return std::nullopt;
  const TypedProgram& d = *other;
  if (p.dialect != d.dialect || p.program.params != d.program.params || d.program.body.empty())
    return std::nullopt;
  auto site = pick_site(p, rng, [&](std::size_t k, std::size_t a) {
    const Arg& arg = p.program.body[k].call.args[a];
    return !arg.is_int && !arg.keyword && is_variable(p, arg.name, k);
  });
  if (!site) return std::nullopt;
  auto [k, a] = *site;
  TypeRef t = p.type_at(p.program.body[k].call.args[a].name, k, sig_);
  if (!t) return std::nullopt;
  std::vector<std::vector<std::size_t>> fragments;
  for (std::size_t j = 0; j < d.program.body.size(); ++j) {
    if (d.stmt_types[j] != t) continue;
    auto slice = backward_slice(d.program, j);
    if (slice.size() <= kMaxFragment) fragments.push_back(std::move(slice));
  }
  if (fragments.empty()) return std::nullopt;
  const std::vector<std::size_t>& frag = rng.pick(fragments);
  std::map<std::string, std::string> rename;
  std::vector<Stmt> copied;
  for (std::size_t m : frag) {
    Stmt s = d.program.body[m];
    if (auto it = rename.find(s.call.callee); it != rename.end()) s.call.callee = it->second;
    for (Arg& arg : s.call.args)
      if (auto it = rename.find(arg.name); !arg.is_int && it != rename.end()) arg.name = it->second;
    std::string fresh = "y_splice" + std::to_string(copied.size());  // canonical_program renames it
    rename[s.target] = fresh;
    s.target = fresh;
    s.loc = p.program.body[k].loc;
    s.call.callee_loc = s.loc;
    copied.push_back(std::move(s));
  }
  Program out = p.program;
  out.body[k].call.args[a].name = copied.back().target;
  out.body[k].call.args[a].text.clear();
  out.body.insert(out.body.begin() + static_cast<std::ptrdiff_t>(k), copied.begin(), copied.end());
  return out;
}

// A near miss often differs from the answer by a constant that should vary
// with the sample: replace(x, EIGHT, THREE) where THREE is the object's own
// colour in one pair and another colour in the next. Constant draws another
// constant, the same in every sample; this kind computes one instead: a
// constant argument (an integer, a point, a boolean) becomes y = f(v), v
// the input or an earlier value, f a one-argument primitive whose result at
// v has the constant's type (mostcolor, leastcolor, color, size, shape,
// center, ...), y inserted just before the use.
std::optional<Program> Mutator::lift(const TypedProgram& p, Rng& rng, const MutationContext&,
                                     const TypedProgram*) const {
  auto site = pick_site(p, rng, [&](std::size_t k, std::size_t a) {
    const Arg& arg = p.program.body[k].call.args[a];
    return !arg.keyword && (arg.is_int || (!is_variable(p, arg.name, k) && find_constant(p.dialect, arg.name)));
  });
  if (!site) return std::nullopt;
  auto [k, a] = *site;
  const Arg& arg = p.program.body[k].call.args[a];
  TypeRef want = arg.is_int ? sig_.types().integer() : p.type_at(arg.name, k, sig_);
  const auto& table = by_arity_[dialect_index(p.dialect)];
  if (!want || table.size() < 2) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> fits;  // (f, v)
  for (const std::string& v : variables_before(p, k)) {
    TypeRef t = p.type_at(v, k, sig_);
    if (!t) continue;
    const FitsMemo::Fits fitting = memo_.get(site_key(2, p.dialect, {word(t), word(want)}, {}), [&] {
      return fitting_names(table[1], p.dialect,
                           [&](const DialectPrim& d) { return sig_.call_prim(d.internal, {t}).result == want; });
    });
    for (std::uint16_t i : fitting) fits.emplace_back(table[1][i], v);
  }
  if (fits.empty()) return std::nullopt;
  const auto& [f, v] = rng.pick(fits);
  Program out = p.program;
  std::string y = insert_call(out, k, f, {v});
  Arg& lifted = out.body[k + 1].call.args[a];
  lifted.is_int = false;
  lifted.name = y;
  lifted.text.clear();
  return out;
}

// Solvers pick objects and cells by keys built from primitives:
// argmax(x, compose(size, delta)), sfilter(x, compose(even, height)).
// function_value swaps a key for another primitive of its arity; this kind
// applies one more function to a key's result: a function passed as a
// value (a primitive, or an earlier value that is a function), f, becomes
// y = compose(g, f), g a one-argument primitive, inserted before the use,
// where the call keeps its result type (checked once more by the caller).
std::optional<Program> Mutator::compose(const TypedProgram& p, Rng& rng, const MutationContext&,
                                        const TypedProgram*) const {
  auto site = pick_site(p, rng, [&](std::size_t k, std::size_t a) {
    const Arg& arg = p.program.body[k].call.args[a];
    if (arg.keyword || arg.is_int) return false;
    TypeRef t = p.type_at(arg.name, k, sig_);
    return t && t->callable();
  });
  if (!site) return std::nullopt;
  // Plain variables, not a structured binding: the memo's lambda captures
  // them, which clang before 16 refuses for a binding.
  const std::size_t k = site->first, a = site->second;
  auto types = argument_types(p, k, sig_);
  TypeRef callee = p.type_at(p.program.body[k].call.callee, k, sig_);
  const auto& table = by_arity_[dialect_index(p.dialect)];
  const DialectPrim* compose_prim = find_dialect_prim(p.dialect, "compose");
  if (!types || !callee || !callee->callable() || table.size() < 2 || !compose_prim) return std::nullopt;
  std::vector<TypeRef>& args = *types;
  const TypeRef f = args[a];
  const FitsMemo::Fits fitting =
      memo_.get(site_key(3, p.dialect, {word(callee), word(p.stmt_types[k]), a}, args), [&] {
        std::vector<TypeRef> tried = args;
        return fitting_names(table[1], p.dialect, [&](const DialectPrim& g) {
          CallType composed = sig_.call_prim(compose_prim->internal, {sig_.types().prim(g.internal), f});
          if (!composed.ok()) return false;
          tried[a] = composed.result;
          return sig_.call(callee, tried).result == p.stmt_types[k];
        });
      });
  std::vector<std::string> fits;
  for (std::uint16_t i : fitting) fits.push_back(table[1][i]);
  if (fits.empty()) return std::nullopt;
  Program out = p.program;
  const std::string g = rng.pick(fits);
  std::string y = insert_call(out, k, compose_prim->name, {g, out.body[k].call.args[a].name});
  Arg& composed = out.body[k + 1].call.args[a];
  composed.name = y;
  composed.text.clear();
  return out;
}

}  // namespace battc::generator
