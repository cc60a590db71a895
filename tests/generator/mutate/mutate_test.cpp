// tests/generator/mutate/mutate_test.cpp: the mutation kinds as one table
// (every MutationKind once, named, weighted, with its maker), and each
// kind on real solvers: it fires within a bounded number of seeded draws,
// its mutant type-checks, prints differently from its parent, and is a
// change of that kind (a constant swapped, a statement dropped, ...); where
// a kind has nothing to change it makes nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "generator/diag/diagnostics.h"
#include "generator/dialect/dialect.h"
#include "generator/mutate/mutate.h"
#include "generator/mutate/conjugates.h"
#include "generator/mutate/prefixes.h"
#include "generator/mutate/program_text.h"
#include "generator/parse/parser.h"
#include "tests/typed_programs.h"

using namespace battc::generator;

namespace {

// arc-dsl solvers in arc-dsl's style (the first three are battc's demo).
const char* kArcDslPrograms = R"PY(from dsl import *


def solve_crop_bbox(I):
    x1 = mostcolor(I)
    x2 = ofcolor(I, x1)
    x3 = asindices(I)
    x4 = difference(x3, x2)
    O = subgrid(x4, I)
    return O


def solve_largest_object(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = recolor(EIGHT, x2)
    O = paint(I, x3)
    return O


def solve_gravity(I):
    x1 = dmirror(I)
    x2 = rbind(order, positive)
    x3 = apply(x2, x1)
    O = dmirror(x3)
    return O


def solve_aabf363d(I):
    x1 = leastcolor(I)
    x2 = replace(I, x1, ZERO)
    x3 = leastcolor(x2)
    O = replace(x2, x3, x1)
    return O


def solve_b27ca6d3(I):
    x1 = objects(I, T, F, T)
    x2 = sizefilter(x1, TWO)
    x3 = mapply(outbox, x2)
    O = fill(I, THREE, x3)
    return O


def solve_f25fbde4(I):
    x1 = objects(I, F, T, T)
    x2 = first(x1)
    x3 = subgrid(x2, I)
    O = upscale(x3, TWO)
    return O


def solve_mirror(I):
    O = vmirror(I)
    return O
)PY";

// tokpidjin's dialect: (S, I, C), ranked constants (R4).
const char* kTokpidjinPrograms = R"PY(from dsl import *
from constants import *


def solve_a5313dff(S, I, C):
    x1 = o_g(I, R4)
    x2 = colorfilter(x1, ZERO)
    x3 = rbind(bordering, I)
    x4 = compose(flip, x3)
    x5 = mfilter_f(x2, x4)
    O = fill(I, ONE, x5)
    return O
)PY";

struct Fixture {
  TypeTable tt;
  Signatures sig{tt};
  Mutator mutator{sig};
  MutationContext ctx{&sig, {0, 1, 2, 3, 8}};
  std::map<std::string, TypedProgram> programs;  // by name, canonical and typed

  Fixture() {
    add(kArcDslPrograms, Dialect::ArcDsl);
    add(kTokpidjinPrograms, Dialect::Tokpidjin);
  }
  void add(const char* text, Dialect dialect) {
    for (TypedProgram& t : battc::test::typed_programs(text, dialect, sig)) programs.emplace(t.program.name, t);
  }
  const TypedProgram& operator[](const std::string& name) const {
    auto it = programs.find(name);
    REQUIRE(it != programs.end());
    return it->second;
  }
};

std::string text_of(const Program& p) { return program_text(canonical_program(p), "solve_m"); }

// What a kind did in up to `tries` draws of one seeded stream: how many
// mutants it made, how many type-checked, and the first that type-checked
// and printed differently from its parent.
struct Fired {
  int made = 0, typed = 0;
  std::optional<Program> mutant;  // as the mutator made it (not canonical)
};

Fired fire(const Fixture& f, MutationKind k, const TypedProgram& p, const TypedProgram* other, std::uint64_t seed,
           int tries = 200) {
  Fired r;
  Rng rng(seed, static_cast<std::uint64_t>(k));
  for (int i = 0; i < tries && !r.mutant; ++i) {
    auto m = f.mutator.mutate(p, k, rng, f.ctx, other);
    if (!m) continue;
    ++r.made;
    auto t = type_program(*m, p.dialect, f.sig);
    if (!t) continue;
    ++r.typed;
    if (program_text(t->program, "solve_m") != program_text(p.program, "solve_m")) r.mutant = *m;
  }
  return r;
}

bool is_variable(const Program& p, const std::string& name, std::size_t k) {
  for (const std::string& q : p.params)
    if (q == name) return true;
  for (std::size_t j = 0; j < k && j < p.body.size(); ++j)
    if (p.body[j].target == name) return true;
  return false;
}

bool same_arg(const Arg& a, const Arg& b) {
  return a.is_int == b.is_int && (a.is_int ? a.value == b.value : a.name == b.name) && a.keyword == b.keyword;
}

// Where two programs of one length differ: the statements whose callee
// changed and the (statement, argument) places whose argument changed;
// nullopt when their shapes differ (length, targets, argument counts).
struct Diff {
  std::vector<std::size_t> callees;
  std::vector<std::pair<std::size_t, std::size_t>> args;
};

std::optional<Diff> diff_in_place(const Program& a, const Program& b) {
  if (a.body.size() != b.body.size() || a.ret != b.ret) return std::nullopt;
  Diff d;
  for (std::size_t k = 0; k < a.body.size(); ++k) {
    const Stmt &x = a.body[k], &y = b.body[k];
    if (x.target != y.target || x.call.args.size() != y.call.args.size()) return std::nullopt;
    if (x.call.callee != y.call.callee) d.callees.push_back(k);
    for (std::size_t i = 0; i < x.call.args.size(); ++i)
      if (!same_arg(x.call.args[i], y.call.args[i])) d.args.emplace_back(k, i);
  }
  return d;
}

// The one argument a mutant changed in place (no callee changed), or
// nullopt when it changed anything else.
std::optional<std::pair<const Arg*, const Arg*>> one_arg_changed(const Program& parent, const Program& mutant,
                                                                 std::size_t& stmt) {
  auto d = diff_in_place(parent, mutant);
  if (!d || !d->callees.empty() || d->args.size() != 1) return std::nullopt;
  auto [k, i] = d->args[0];
  stmt = k;
  return std::make_pair(&parent.body[k].call.args[i], &mutant.body[k].call.args[i]);
}

// Where `m` is `a` with one statement inserted before a statement of the
// same callee and argument count: its index; nullopt otherwise.
std::optional<std::size_t> inserted_before_use(const Program& a, const Program& m) {
  if (m.body.size() != a.body.size() + 1) return std::nullopt;
  std::size_t k = 0;
  while (k < a.body.size() && m.body[k].call.callee == a.body[k].call.callee) ++k;
  if (k == a.body.size()) return std::nullopt;
  const Stmt &was = a.body[k], &now = m.body[k + 1];
  if (now.call.callee != was.call.callee || now.call.args.size() != was.call.args.size()) return std::nullopt;
  return k;
}

// Lift: one statement y = f(v) inserted, v an earlier value, and the next
// statement's constant argument (only it) replaced by y.
bool is_lift(const TypedProgram& p, const Program& a, const Program& m) {
  auto at = inserted_before_use(a, m);
  if (!at) return false;
  const std::size_t k = *at;
  const Stmt& y = m.body[k];
  if (y.call.args.size() != 1 || !is_variable(m, y.call.args[0].name, k)) return false;
  const Stmt &was = a.body[k], &now = m.body[k + 1];
  int lifted = 0;
  for (std::size_t i = 0; i < was.call.args.size(); ++i) {
    const Arg &x = was.call.args[i], &z = now.call.args[i];
    if (!z.is_int && z.name == y.target) {
      ++lifted;
      if (!x.is_int && (is_variable(a, x.name, k) || !find_constant(p.dialect, x.name))) return false;
    }
  }
  return lifted == 1;
}

// Compose: one statement y = compose(g, f) inserted, f the argument of the
// next statement that y replaced (only it).
bool is_compose(const Program& a, const Program& m) {
  auto at = inserted_before_use(a, m);
  if (!at) return false;
  const std::size_t k = *at;
  const Stmt& y = m.body[k];
  if (y.call.callee != "compose" || y.call.args.size() != 2) return false;
  const Stmt &was = a.body[k], &now = m.body[k + 1];
  int composed = 0;
  for (std::size_t i = 0; i < was.call.args.size(); ++i)
    if (!now.call.args[i].is_int && now.call.args[i].name == y.target)
      composed += !was.call.args[i].is_int && was.call.args[i].name == y.call.args[1].name ? 1 : 100;
  return composed == 1;
}

// Whether `m` is a change of kind k to `p` (crossover: with `other`).
bool is_change_of_kind(MutationKind k, const TypedProgram& p, const Program& m, const TypedProgram* other) {
  const Program& a = p.program;
  std::size_t s = 0;
  switch (k) {
    case MutationKind::Constant: {
      auto c = one_arg_changed(a, m, s);
      return c && !c->second->is_int && !is_variable(m, c->second->name, s) &&
             find_constant(p.dialect, c->second->name);
    }
    case MutationKind::Argument: {
      auto c = one_arg_changed(a, m, s);
      return c && !c->first->is_int && is_variable(a, c->first->name, s) && is_variable(m, c->second->name, s);
    }
    case MutationKind::FunctionValue: {
      auto c = one_arg_changed(a, m, s);
      return c && !c->second->is_int && !is_variable(m, c->second->name, s) &&
             find_dialect_prim(p.dialect, c->second->name) && find_dialect_prim(p.dialect, c->first->name);
    }
    case MutationKind::Primitive: {
      auto d = diff_in_place(a, m);
      return d && d->callees.size() == 1 && d->args.empty() &&
             find_dialect_prim(p.dialect, m.body[d->callees[0]].call.callee);
    }
    case MutationKind::Insert: return m.body.size() == a.body.size() + 1;
    case MutationKind::Drop: return m.body.size() + 1 == a.body.size();
    case MutationKind::Append:
      // the parent whole, then one call of its result
      return m.body.size() == a.body.size() + 1 && m.ret == m.body.back().target &&
             m.body.back().call.args.front().name == a.ret;
    case MutationKind::Crossover:
      // a prefix of the parent (at least its first statement), the suffix of
      // the other (at least its last, which the mutant returns)
      return other && !m.body.empty() && m.body.front().call.callee == a.body.front().call.callee &&
             m.body.back().call.callee == other->program.body.back().call.callee && m.ret == m.body.back().target;
    case MutationKind::Splice: {
      // the parent's statements in order with n of the donor's, in the
      // donor's order, inserted in one block before the statement that uses
      // the last of them
      if (!other || m.body.size() <= a.body.size() || m.body.size() > a.body.size() + kMaxFragment) return false;
      std::size_t n = m.body.size() - a.body.size(), k = 0;
      while (k < a.body.size() && m.body[k].call.callee == a.body[k].call.callee) ++k;
      for (std::size_t j = k; j < a.body.size(); ++j)
        if (m.body[j + n].call.callee != a.body[j].call.callee) return false;
      std::size_t d = 0;
      for (std::size_t j = k; j < k + n; ++j) {
        while (d < other->program.body.size() && other->program.body[d].call.callee != m.body[j].call.callee) ++d;
        if (d++ >= other->program.body.size()) return false;
      }
      const Stmt& use = m.body[k + n];
      return k < a.body.size() && std::any_of(use.call.args.begin(), use.call.args.end(), [&](const Arg& x) {
               return !x.is_int && x.name == m.body[k + n - 1].target;
             });
    }
    case MutationKind::Lift: return is_lift(p, a, m);
    case MutationKind::Compose: return is_compose(a, m);
    case MutationKind::Truncate: {
      // one of the parent's prefixes (prefixes.h), as the checker prints it
      const std::string t = text_of(m);
      for (const Program& q : result_type_prefixes(p))
        if (text_of(q) == t) return true;
      return false;
    }
    case MutationKind::Twice: return text_of(m) != text_of(a);  // which two changes: the replay test
  }
  return false;
}

// The programs each kind is tried on, with the second parent for crossovers.
struct KindCase {
  MutationKind kind;
  std::vector<std::pair<std::string, std::string>> programs;  // (parent, other; "" for none)
};

const std::vector<KindCase>& kind_cases() {
  static const std::vector<KindCase> cases = {
      {MutationKind::Constant,
       {{"solve_largest_object", ""}, {"solve_aabf363d", ""}, {"solve_b27ca6d3", ""}, {"solve_a5313dff", ""}}},
      {MutationKind::Argument, {{"solve_crop_bbox", ""}, {"solve_aabf363d", ""}, {"solve_largest_object", ""}}},
      {MutationKind::Primitive,
       {{"solve_crop_bbox", ""}, {"solve_gravity", ""}, {"solve_f25fbde4", ""}, {"solve_mirror", ""},
        {"solve_a5313dff", ""}}},
      {MutationKind::FunctionValue,
       {{"solve_largest_object", ""}, {"solve_b27ca6d3", ""}}},
      {MutationKind::Insert, {{"solve_mirror", ""}, {"solve_crop_bbox", ""}, {"solve_b27ca6d3", ""}}},
      {MutationKind::Drop, {{"solve_crop_bbox", ""}, {"solve_aabf363d", ""}}},
      {MutationKind::Crossover,
       {{"solve_crop_bbox", "solve_largest_object"}, {"solve_aabf363d", "solve_gravity"},
        {"solve_f25fbde4", "solve_b27ca6d3"}}},
      {MutationKind::Append, {{"solve_mirror", ""}, {"solve_crop_bbox", ""}, {"solve_largest_object", ""}}},
      {MutationKind::Splice,
       {{"solve_largest_object", "solve_crop_bbox"}, {"solve_aabf363d", "solve_crop_bbox"},
        {"solve_crop_bbox", "solve_largest_object"}}},
      {MutationKind::Lift, {{"solve_largest_object", ""}, {"solve_aabf363d", ""}, {"solve_b27ca6d3", ""}}},
      {MutationKind::Compose, {{"solve_largest_object", ""}, {"solve_gravity", ""}}},
      {MutationKind::Truncate, {{"solve_aabf363d", ""}, {"solve_gravity", ""}, {"solve_f25fbde4", ""}}},
      {MutationKind::Twice, {{"solve_largest_object", ""}, {"solve_aabf363d", ""}, {"solve_crop_bbox", ""}}},
  };
  return cases;
}

}  // namespace

TEST_CASE("mutation kinds: one table, every kind once, weighted and named", "[generator][mutate]") {
  const auto& kinds = mutation_kinds();
  std::set<MutationKind> seen;
  std::set<std::string> names;
  for (int i = 0; i < kMutationKinds; ++i) {
    const MutationKindInfo& k = kinds[std::size_t(i)];
    INFO("entry " << i);
    CHECK(k.kind == MutationKind(i));  // in enum order: an index drawn by weight is the kind
    CHECK(seen.insert(k.kind).second);
    REQUIRE(k.name != nullptr);
    CHECK(std::string(k.name).size() > 0);
    CHECK(names.insert(k.name).second);
    CHECK(k.weight > 0);
    CHECK(k.make != nullptr);
    CHECK(std::string(mutation_name(k.kind)) == k.name);
    CHECK(&mutation_kind(k.kind) == &k);
  }
  CHECK(seen.size() == std::size_t(kMutationKinds));
  CHECK(std::string(mutation_name(MutationKind(kMutationKinds))) == "?");
  // The store records these names and the search draws with these weights
  // (docs/search.md, "Mutations"): renaming one orphans stored rows,
  // reweighting changes what every seeded search makes.
  CHECK(names == std::set<std::string>{"constant", "argument", "primitive", "function_value", "insert", "drop",
                                       "crossover", "append", "splice", "lift", "compose", "truncate", "twice"});
  CHECK(mutation_weights() == std::vector<std::uint64_t>{24, 20, 18, 10, 8, 8, 6, 6, 8, 6, 6, 4, 8});
}

TEST_CASE("mutation kinds: each has test programs here", "[generator][mutate]") {
  std::set<MutationKind> covered;
  for (const KindCase& c : kind_cases()) covered.insert(c.kind);
  for (const MutationKindInfo& k : mutation_kinds()) {
    INFO(k.name);
    CHECK(covered.count(k.kind) == 1);
  }
}

TEST_CASE("mutation kinds: each fires on real solvers, type-checks and changes the program", "[generator][mutate]") {
  Fixture f;
  for (const KindCase& c : kind_cases()) {
    std::uint64_t seed = 1;
    for (const auto& [name, other_name] : c.programs) {
      const TypedProgram& p = f[name];
      const TypedProgram* other = other_name.empty() ? nullptr : &f[other_name];
      INFO(mutation_name(c.kind) << " on " << name << (other ? " with " + other_name : std::string()));
      Fired r = fire(f, c.kind, p, other, seed++);
      CHECK(r.made > 0);
      CHECK(r.typed > 0);
      REQUIRE(r.mutant);
      INFO("parent:\n" << program_text(p.program, "solve_m") << "mutant:\n" << text_of(*r.mutant));
      CHECK(is_change_of_kind(c.kind, p, *r.mutant, other));
      // The printed mutant reads back as the same program.
      SourceSet sources;
      Diagnostics diags;
      auto again = parse_program_file(sources, sources.add("m.py", text_of(*r.mutant)), diags);
      REQUIRE(again.programs.size() == 1);
      CHECK(text_of(again.programs[0]) == text_of(*r.mutant));
    }
  }
}

TEST_CASE("mutation kinds: the type-keeping kinds make only well-typed mutants", "[generator][mutate]") {
  // Constant, argument, primitive, function value and insert change one
  // place for something of the same type (or a statement of type T -> T),
  // so the checker never has anything to refuse.
  Fixture f;
  for (MutationKind k : {MutationKind::Constant, MutationKind::Argument, MutationKind::Primitive,
                         MutationKind::FunctionValue, MutationKind::Insert}) {
    int made = 0, typed = 0;
    for (const auto& [name, p] : f.programs) {
      Rng rng(7, static_cast<std::uint64_t>(k), text_of(p.program).size());
      for (int i = 0; i < 50; ++i)
        if (auto m = f.mutator.mutate(p, k, rng, f.ctx)) {
          ++made;
          auto t = type_program(*m, p.dialect, f.sig);
          typed += t ? 1 : 0;
          INFO(mutation_name(k) << " on " << name << ":\n" << text_of(*m));
          CHECK(t);
        }
    }
    INFO(mutation_name(k));
    CHECK(made > 20);
    CHECK(typed == made);
  }
}

TEST_CASE("mutation kinds: Mutator::mutate makes what the table's maker makes", "[generator][mutate]") {
  Fixture f;
  for (const KindCase& c : kind_cases()) {
    const MutationKindInfo& k = mutation_kind(c.kind);
    const auto& [name, other_name] = c.programs.front();
    const TypedProgram& p = f[name];
    const TypedProgram* other = other_name.empty() ? nullptr : &f[other_name];
    INFO(k.name << " on " << name);
    Rng a(3), b(3);
    int made = 0;
    for (int i = 0; i < 20; ++i) {
      auto x = f.mutator.mutate(p, k.kind, a, f.ctx, other);
      auto y = (f.mutator.*k.make)(p, b, f.ctx, other);
      REQUIRE(bool(x) == bool(y));
      if (!x) continue;
      ++made;
      CHECK(text_of(*x) == text_of(*y));
    }
    CHECK(made > 0);
  }
}

TEST_CASE("mutation kinds: nothing to change makes nothing", "[generator][mutate]") {
  Fixture f;
  const TypedProgram& mirror = f["solve_mirror"];  // O = vmirror(I): one statement, one variable
  auto never = [&](MutationKind k, const TypedProgram& p, const TypedProgram* other) {
    Rng rng(11, static_cast<std::uint64_t>(k));
    int made = 0;
    for (int i = 0; i < 100; ++i) made += f.mutator.mutate(p, k, rng, f.ctx, other) ? 1 : 0;
    return made == 0;
  };
  CHECK(never(MutationKind::Argument, mirror, nullptr));       // no other Grid than I
  CHECK(never(MutationKind::Constant, mirror, nullptr));       // no constant
  CHECK(never(MutationKind::FunctionValue, mirror, nullptr));  // no primitive passed as a value
  CHECK(never(MutationKind::Drop, mirror, nullptr));           // its only statement is returned
  CHECK(never(MutationKind::Lift, mirror, nullptr));           // no constant to compute
  CHECK(never(MutationKind::Compose, mirror, nullptr));        // no function passed as a value
  CHECK(never(MutationKind::Truncate, mirror, nullptr));       // no earlier value to return
  CHECK(never(MutationKind::Truncate, f["solve_crop_bbox"], nullptr));  // none of the result's type
  // A crossover needs a second parent of the same parameters and dialect.
  CHECK(never(MutationKind::Crossover, f["solve_crop_bbox"], nullptr));
  CHECK(never(MutationKind::Crossover, f["solve_crop_bbox"], &f["solve_a5313dff"]));
  CHECK(never(MutationKind::Crossover, mirror, &f["solve_crop_bbox"]));  // a prefix needs two statements
  // A splice needs a donor of the same parameters and dialect.
  CHECK(never(MutationKind::Splice, f["solve_crop_bbox"], nullptr));
  CHECK(never(MutationKind::Splice, f["solve_crop_bbox"], &f["solve_a5313dff"]));
  // A value outside the enum is no kind.
  Rng rng(1);
  CHECK_FALSE(f.mutator.mutate(mirror, MutationKind(kMutationKinds), rng, f.ctx));
  CHECK_FALSE(f.mutator.mutate(mirror, MutationKind(-1), rng, f.ctx));
}

TEST_CASE("mutation kinds: twice is one change, checked, then another on its types", "[generator][mutate]") {
  Fixture f;
  std::vector<std::uint64_t> w = mutation_weights();
  for (MutationKind k : {MutationKind::Crossover, MutationKind::Splice, MutationKind::Twice})
    w[static_cast<std::size_t>(k)] = 0;
  int made = 0, two = 0;
  for (const char* name : {"solve_largest_object", "solve_aabf363d", "solve_crop_bbox", "solve_b27ca6d3"}) {
    const TypedProgram& p = f[name];
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
      INFO(name << " seed " << seed);
      Rng rng(seed), replay(seed);
      auto m = f.mutator.mutate(p, MutationKind::Twice, rng, f.ctx);
      // The same stream, by hand: a kind of those that need no second
      // program, its change, the checker, a second kind, its change.
      std::optional<Program> expect;
      const auto k1 = static_cast<MutationKind>(replay.weighted(w));
      auto first = f.mutator.mutate(p, k1, replay, f.ctx);
      auto typed = first ? type_program(*first, p.dialect, f.sig) : std::nullopt;
      if (typed) expect = f.mutator.mutate(*typed, static_cast<MutationKind>(replay.weighted(w)), replay, f.ctx);
      REQUIRE(m.has_value() == expect.has_value());
      if (!m) continue;
      ++made;
      CHECK(text_of(*m) == text_of(*expect));
      CHECK(rng.below(1000000) == replay.below(1000000));  // nothing else drawn
      // Both changes show: the mutant is neither the parent nor the first change.
      if (text_of(*m) != text_of(p.program) && text_of(*m) != text_of(*first)) ++two;
    }
  }
  CHECK(made > 60);  // of 240 streams: a first or second change may find no site
  CHECK(two > made / 2);
}

// The distinct mutants of kind k that 400 draws of one seeded stream make
// of p, each as the checker canonicalizes it (every one must type-check).
static std::set<std::string> typed_mutants(Fixture& f, const TypedProgram& p, MutationKind k, std::uint64_t seed) {
  Rng rng(seed);
  std::set<std::string> made;
  for (int i = 0; i < 400; ++i)
    if (auto m = f.mutator.mutate(p, k, rng, f.ctx)) {
      auto t = type_program(*m, p.dialect, f.sig);
      REQUIRE(t);
      made.insert(text_of(t->program));
    }
  return made;
}

TEST_CASE("lift: a constant becomes a value computed from an earlier one", "[generator][mutate]") {
  // recolor(EIGHT, x2) of the largest object: among the lifts, its own
  // colour (color(x2)) and the input's colours (mostcolor(I), leastcolor(I));
  // never a value defined after the use, never a non-constant argument.
  Fixture f;
  const TypedProgram& p = f["solve_largest_object"];
  const std::set<std::string> made = typed_mutants(f, p, MutationKind::Lift, 5);
  auto has = [&](const std::string& a, const std::string& b) {
    return std::any_of(made.begin(), made.end(), [&](const std::string& s) {
      return s.find(a) != std::string::npos && s.find(b) != std::string::npos;
    });
  };
  CHECK(has("x3 = color(x2)", "x4 = recolor(x3, x2)"));
  CHECK(has("x3 = mostcolor(I)", "x4 = recolor(x3, x2)"));
  for (const std::string& s : made) {
    INFO(s);
    CHECK(s.find(", size)") != std::string::npos);  // a primitive passed as a value is no constant
    CHECK(s.find("paint(I, ") != std::string::npos);
  }
}

TEST_CASE("compose: a key gets one more function applied to its result", "[generator][mutate]") {
  // argmax(x1, size) of the largest object: argmax(x1, compose(invert,
  // size)) picks the smallest; every mutant keeps argmax's result type.
  Fixture f;
  const TypedProgram& p = f["solve_largest_object"];
  const std::set<std::string> made = typed_mutants(f, p, MutationKind::Compose, 9);
  CHECK(made.count(R"(def solve_m(I):
    x1 = objects(I, T, F, T)
    x2 = compose(invert, size)
    x3 = argmax(x1, x2)
    x4 = recolor(EIGHT, x3)
    O = paint(I, x4)
    return O
)") == 1);
  CHECK(made.size() > 3);
}

TEST_CASE("prefixes: each earlier value of the result's type, returned with only what it needs", "[generator][mutate]") {
  Fixture f;
  f.add(R"PY(
def solve_prefixed(I):
    x1 = vmirror(I)
    x2 = ofcolor(I, ONE)
    x3 = hmirror(x1)
    x4 = fill(x3, TWO, x2)
    O = hconcat(x4, I)
    return O
)PY",
        Dialect::ArcDsl);
  std::vector<std::string> texts;
  for (const Program& q : result_type_prefixes(f["solve_prefixed"])) {
    texts.push_back(text_of(q));
    CHECK(type_program(q, Dialect::ArcDsl, f.sig));  // a prefix is a program the checker accepts
  }
  CHECK(texts == std::vector<std::string>{
                     "def solve_m(I):\n    O = vmirror(I)\n    return O\n",
                     "def solve_m(I):\n    x1 = vmirror(I)\n    O = hmirror(x1)\n    return O\n",
                     "def solve_m(I):\n    x1 = vmirror(I)\n    x2 = ofcolor(I, ONE)\n    x3 = hmirror(x1)\n"
                     "    O = fill(x3, TWO, x2)\n    return O\n",
                 });
  // No earlier value of the result's type: no prefix.
  CHECK(result_type_prefixes(f["solve_crop_bbox"]).empty());
}

TEST_CASE("conjugates: the input turned or mirrored first, the result turned back", "[generator][mutate]") {
  Fixture f;
  f.add(R"PY(
def solve_fill_ones(I):
    x1 = ofcolor(I, ONE)
    x2 = vmirror(I)
    O = fill(x2, TWO, x1)
    return O

def solve_count(I):
    x1 = ofcolor(I, ONE)
    O = size(x1)
    return O
)PY",
        Dialect::ArcDsl);
  std::vector<Program> conj = dihedral_conjugates(f["solve_fill_ones"]);
  REQUIRE(conj.size() == grid_symmetries().size());
  for (const Program& q : conj) CHECK(type_program(q, Dialect::ArcDsl, f.sig));
  // Every read of I reads the turned input; the result is turned back.
  CHECK(text_of(conj[0]) ==
        "def solve_m(I):\n    x1 = rot90(I)\n    x2 = ofcolor(x1, ONE)\n    x3 = vmirror(x1)\n"
        "    x4 = fill(x3, TWO, x2)\n    O = rot270(x4)\n    return O\n");
  CHECK(text_of(conj[2]).find("x1 = rot270(I)") != std::string::npos);
  CHECK(text_of(conj[2]).find("O = rot90(x4)") != std::string::npos);
  std::set<std::string> texts;
  for (const Program& q : conj) texts.insert(text_of(q));
  CHECK(texts.size() == conj.size());
  // A result that is no grid has no turned reading, nor has a program of
  // tokpidjin's three parameters (S holds the train pairs, unturned).
  CHECK(dihedral_conjugates(f["solve_count"]).empty());
  CHECK(dihedral_conjugates(f["solve_a5313dff"]).empty());
}

TEST_CASE("truncate: the returned statement goes, with what only it needed", "[generator][mutate]") {
  // A fit whose last step changes nothing on the train pairs and something
  // on the test (replace of a colour the train grids lack) has a shorter
  // twin: the value before that step. Drop never removes the returned
  // statement; truncate makes exactly the program's prefixes.
  Fixture f;
  f.add(R"PY(
def solve_tail(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = subgrid(x2, I)
    O = replace(x3, FOUR, FIVE)
    return O
)PY",
        Dialect::ArcDsl);
  const TypedProgram& p = f["solve_tail"];
  const std::set<std::string> made = typed_mutants(f, p, MutationKind::Truncate, 3);
  CHECK(made == std::set<std::string>{"def solve_m(I):\n    x1 = objects(I, T, F, T)\n    x2 = argmax(x1, size)\n"
                                      "    O = subgrid(x2, I)\n    return O\n"});
  for (int k = 0; k < 50; ++k) {
    Rng rng(k);
    auto m = f.mutator.mutate(p, MutationKind::Drop, rng, f.ctx);
    if (m) CHECK(m->body.back().call.callee == "replace");  // drop keeps the returned statement
  }
}
