// tests/generator/signatures_test.cpp: the signature table against the
// primitive table (every primitive typed, same arity), the coercing list
// against dsl::is_coercing (both sides convert the same arguments), and a
// handful of typing results by name, closures included; interning from
// several threads.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "dsl/functors.h"
#include "generator/dialect/dialect.h"
#include "generator/types/primitive_table.h"
#include "generator/types/signatures.h"

using namespace battc::generator;

namespace {

struct Fixture {
  TypeTable tt;
  Signatures sig{tt};
  TypeRef I = tt.integer(), B = tt.boolean(), G = tt.grid(), P = tt.point();
  TypeRef S = tt.raw_tuple(tt.pair(tt.grid(), tt.grid()));
  TypeRef Objs = tt.fset(tt.object());
  TypeRef fn(const char* name) { return tt.prim(name); }
  CallType call(const char* prim, std::vector<TypeRef> args) { return sig.call_prim(prim, args); }
};

}  // namespace

TEST_CASE("every primitive has a typing rule of the table's arity", "[generator][signatures]") {
  Fixture f;
  std::set<std::string> table;
  for (const PrimitiveInfo& p : primitive_table()) {
    INFO("primitive " << p.name);
    table.insert(p.name);
    REQUIRE(f.sig.has(p.name));
    CHECK(f.sig.arity(p.name) == static_cast<int>(p.params.size()));
  }
  CHECK(table.size() == 160);
  // tokpidjin's primitives that have a rule take its table's arity
  for (const DialectPrim& p : dialect_table(Dialect::Tokpidjin)) {
    INFO("tokpidjin primitive " << p.name << " (" << p.internal << ")");
    table.insert(p.internal);
    if (f.sig.has(p.internal)) CHECK(f.sig.arity(p.internal) == static_cast<int>(p.params.size()));
  }
  for (const std::string& name : internal_primitives()) table.insert(name);
  // and no rule for something that is not a primitive
  for (const std::string& name : f.sig.names()) {
    INFO("rule " << name);
    CHECK(table.count(name) == 1);
  }
  CHECK_FALSE(f.sig.has("solve_x"));
  CHECK(f.sig.arity("no_such_primitive") == -1);
}

TEST_CASE("the overload-list rules are exactly dsl::is_coercing", "[generator][signatures]") {
  Fixture f;
  std::vector<std::string> only_generator, only_dsl;
  int coercing = 0;
  std::set<std::string> names;
  for (const PrimitiveInfo& p : primitive_table()) names.insert(p.name);
  for (const DialectPrim& p : dialect_table(Dialect::Tokpidjin)) names.insert(p.internal);
  for (const std::string& name : names) {
    bool gen = f.sig.coercing(name), dsl = battc::dsl::is_coercing(name.c_str());
    if (gen && !dsl) only_generator.push_back(name);
    if (dsl && !gen) only_dsl.push_back(name);
    coercing += gen;
  }
  INFO("overload lists in generator/types but not in dsl::is_coercing: " << only_generator.size());
  for (const auto& n : only_generator) UNSCOPED_INFO("  generator only: " << n);
  for (const auto& n : only_dsl) UNSCOPED_INFO("  dsl only: " << n);
  CHECK(only_generator.empty());
  CHECK(only_dsl.empty());
  CHECK(coercing > 100);  // grids, patches and arithmetic
  CHECK_FALSE(f.sig.coercing("apply"));
  CHECK_FALSE(f.sig.coercing("first"));
  CHECK(f.sig.coercing("fill"));
  CHECK(f.sig.coercing("interval"));
}

TEST_CASE("typing results by name: first of a Grid is a row, Tuple[Integer]", "[generator][signatures]") {
  Fixture f;
  TypeTable& tt = f.tt;
  CallType r = f.call("first", {f.G});
  REQUIRE(r.ok());
  CHECK(r.result == tt.raw_tuple(f.I));
  CHECK(type_name(r.result) == "Tuple[Integer]");
  CHECK(f.call("last", {tt.pair(f.G, f.I)}).result == f.I);  // a pair's own parts
}

TEST_CASE("typing results by name: apply(size, Objects) is FrozenSet[Integer]", "[generator][signatures]") {
  Fixture f;
  TypeTable& tt = f.tt;
  CallType r = f.call("apply", {f.fn("size"), f.Objs});
  REQUIRE(r.ok());
  CHECK(r.result == tt.fset(f.I));
  CHECK(type_name(r.result) == "IntegerSet");
}

TEST_CASE("typing results by name: apply(first, S) is Tuple[Grid]", "[generator][signatures]") {
  Fixture f;
  TypeTable& tt = f.tt;
  CallType r = f.call("apply", {f.fn("first"), f.S});
  REQUIRE(r.ok());
  CHECK(r.result == tt.tuple(f.G));
  CHECK(type_name(r.result) == "Tuple[Grid]");
}

TEST_CASE("typing results by name: mapply merges, mfilter filters then merges", "[generator][signatures]") {
  Fixture f;
  TypeTable& tt = f.tt;
  CallType m = f.call("mapply", {f.fn("backdrop"), f.Objs});
  REQUIRE(m.ok());
  CHECK(m.result == tt.indices());
  CallType bordering = f.call("rbind", {f.fn("bordering"), f.G});
  REQUIRE(bordering.ok());
  CallType mf = f.call("mfilter", {f.Objs, bordering.result});
  REQUIRE(mf.ok());
  CHECK(mf.result == tt.object());
  // a predicate that does not give a truth value
  CallType bad = f.call("mfilter", {f.Objs, f.fn("shape")});
  CHECK_FALSE(bad.ok());
  CHECK(bad.error == "mfilter: the condition returns IntegerTuple, not Boolean");
}

TEST_CASE("typing results by name: an rbind(fill, patch) closure is typed at its call", "[generator][signatures]") {
  Fixture f;
  TypeTable& tt = f.tt;
  CallType c = f.call("rbind", {f.fn("fill"), tt.indices()});
  REQUIRE(c.ok());
  CHECK(c.result->is(TypeKind::Closure));
  CHECK(f.sig.call(c.result, {f.G, f.I}).result == f.G);
  CallType short_call = f.sig.call(c.result, {f.G});
  CHECK_FALSE(short_call.ok());
  CHECK(short_call.error == "fill takes 3 arguments, not 2");
  CHECK_FALSE(f.sig.call(c.result, {f.I, f.I}).ok());
}

TEST_CASE("typing results by name: power(first, 2) unrolled goes through a nested pair", "[generator][signatures]") {
  Fixture f;
  TypeTable& tt = f.tt;
  TypeRef nested = tt.pair(tt.pair(f.G, f.I), f.B);
  TypeRef unrolled = tt.closure(ClosureKind::PowerN, {f.fn("first")}, 2);
  CallType r = f.sig.call(unrolled, {nested});
  REQUIRE(r.ok());
  CHECK(r.result == f.G);
  // with an unknown count the function must keep the type
  CallType power = f.call("power", {f.fn("first"), f.I});
  REQUIRE(power.ok());
  CallType bad = f.sig.call(power.result, {nested});
  CHECK_FALSE(bad.ok());
  CHECK(bad.error.find("cannot be repeated") != std::string::npos);
  CHECK(f.sig.call(f.call("power", {f.fn("rot90"), f.I}).result, {f.G}).result == f.G);
}

TEST_CASE("typing results by name: branch between two different functions is callable", "[generator][signatures]") {
  Fixture f;
  CallType br = f.call("branch", {f.B, f.fn("hmirror"), f.fn("vmirror")});
  REQUIRE(br.ok());
  CHECK(br.result->callable());
  CHECK(f.sig.call(br.result, {f.G}).result == f.G);
  // ...returning different types: the value is one of the two (a VUnion)
  CallType mixed = f.call("branch", {f.B, f.fn("hmirror"), f.fn("size")});
  REQUIRE(mixed.ok());
  CallType either = f.sig.call(mixed.result, {f.G});
  REQUIRE(either.ok());
  CHECK(type_name(either.result) == "Union[Grid, Integer]");
  // a primitive must take both, and give one type for both
  CHECK(f.sig.call_prim("equality", {either.result, f.I}).result == f.B);
  CallType bad = f.sig.call_prim("rot90", {either.result});
  CHECK_FALSE(bad.ok());
  CHECK(bad.error == "rot90 does not take (Integer)");
  CallType split = f.sig.call_prim("identity", {either.result});
  CHECK_FALSE(split.ok());
  CHECK(split.error == "identity gives Grid or Integer depending on which value a branch chose");
  CHECK(f.call("branch", {f.B, f.G, f.G}).result == f.G);
  // two values of different types: one of them, whichever the condition picks
  CallType values = f.call("branch", {f.B, f.G, f.I});
  REQUIRE(values.ok());
  CHECK(type_name(values.result) == "Union[Grid, Integer]");
  CHECK(f.sig.call_prim("equality", {values.result, f.I}).result == f.B);  // a Boolean either way
  CHECK_FALSE(f.call("branch", {f.B, f.G, f.fn("size")}).ok());
  CHECK_FALSE(f.call("branch", {f.G, f.G, f.G}).ok());
}

TEST_CASE("typing results by name: fill with a Tuple[IntegerTuple] patch converts it to Indices",
          "[generator][signatures]") {
  Fixture f;
  TypeTable& tt = f.tt;
  CallType r = f.call("fill", {f.G, f.I, tt.tuple(f.P)});
  REQUIRE(r.ok());
  CHECK(r.result == f.G);
  REQUIRE(r.convert.size() == 3);
  CHECK(r.convert[0] == nullptr);
  CHECK(r.convert[1] == nullptr);
  CHECK(r.convert[2] == tt.indices());
  // exact matches need no conversion
  CHECK(f.call("fill", {f.G, f.I, tt.indices()}).convert.empty());
  // a Tuple[Cell] converts to an Object where a patch is wanted
  CallType rec = f.call("recolor", {f.I, tt.tuple(tt.cell())});
  REQUIRE(rec.ok());
  REQUIRE(rec.convert.size() == 2);
  CHECK(rec.convert[1] == tt.object());
  // ...but paint takes the tuple as it is: its cells paint in tuple order
  CallType paint = f.call("paint", {f.G, tt.tuple(tt.cell())});
  REQUIRE(paint.ok());
  CHECK(paint.convert.empty());
  // shift returns the converted type of its patch
  CHECK(f.call("shift", {tt.tuple(f.P), f.P}).result == tt.indices());
}

TEST_CASE("typing results by name: wrong arity and non-callables", "[generator][signatures]") {
  Fixture f;
  CHECK(f.call("fill", {f.G}).error == "fill takes 3 arguments, not 1");
  CHECK(f.sig.call(f.G, {f.G}).error == "Grid is not callable");
  CHECK(f.call("compose", {f.I, f.fn("size")}).error == "compose: Integer is not callable");
  CHECK(f.call("add", {f.G, f.I}).error == "add does not take (Grid, Integer)");
}

TEST_CASE("typing results by name: closures nested past the depth bound are an error, not a crash",
          "[generator][signatures]") {
  Fixture f;
  TypeTable& tt = f.tt;
  TypeRef t = f.fn("identity");
  for (int k = 0; k < 200; ++k) t = tt.closure(ClosureKind::Compose, {t, f.fn("identity")});
  CallType r = f.sig.call(t, {f.G});
  CHECK_FALSE(r.ok());
  CHECK(r.error == "closures nested too deeply");
}

// A search types its mutants on several threads with one table: interning
// from many threads at once gives each type one pointer, as on one thread.
TEST_CASE("types interned from several threads at once are one pointer each", "[generator][signatures]") {
  Fixture f;
  const std::vector<std::string> names = f.sig.names();
  constexpr int kThreads = 4;
  std::vector<std::vector<TypeRef>> made(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      // Each thread walks the primitives from its own start, so first
      // sightings race: nested containers and closures of every primitive.
      for (std::size_t k = 0; k < names.size(); ++k) {
        const std::string& n = names[(k + std::size_t(t) * 37) % names.size()];
        TypeRef p = f.tt.prim(n);
        TypeRef c = f.tt.closure(ClosureKind::RBind, {p, f.tt.integer()});
        made[std::size_t(t)].push_back(f.tt.fset(f.tt.tuple(f.tt.pair(p, c))));
      }
    });
  for (auto& th : threads) th.join();
  std::vector<TypeRef> expected;
  for (std::size_t k = 0; k < names.size(); ++k) {
    TypeRef p = f.tt.prim(names[k]);
    expected.push_back(f.tt.fset(f.tt.tuple(f.tt.pair(p, f.tt.closure(ClosureKind::RBind, {p, f.tt.integer()})))));
  }
  for (int t = 0; t < kThreads; ++t)
    for (std::size_t k = 0; k < names.size(); ++k)
      CHECK(made[std::size_t(t)][k] == expected[(k + std::size_t(t) * 37) % names.size()]);
}
