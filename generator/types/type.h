// generator/types/type.h: the generator's view of DSL types, one-to-one with
// the C++ value types of dsl/ (values.h, closures.h). Types are interned, so
// two types are equal exactly when their pointers are.
//
//   Int, Bool, Grid
//   Pair(a, b)      IntegerTuple is Pair(Int, Int), Cell is Pair(Int, Pair(Int, Int))
//   Triple(a, b, c) a 3-tuple; the tokpidjin dialect's cell (i, j, c) is
//                   Triple(Int, Int, Int) ("TCell"), its Object FSet(TCell)
//   Tuple(t), FSet(t)
//   Prim(name)      a primitive used as a value (fn_<name>)
//   Closure(kind, parts)  what compose/chain/fork/matcher/rbind/lbind/power
//                         return; parts are the captured callables and values
#pragma once

#include <cstddef>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_set>
#include <vector>

namespace battc::generator {

// VUnion(a, b): a value of type a or b, which one a runtime fact (what
// branch() between two functions of different result types returns).
enum class TypeKind { Int, Bool, Grid, Pair, Triple, Tuple, FSet, Prim, Closure, VUnion };
// Choice: branch() between two different callables (which one is a runtime
// value); PowerN: power() with a constant count, unrolled, so the function
// may change the type at each step.
// Union: one of several callables (parts, in canonical order, none itself a
// union), what a container of different functions holds (dsl FnUnion).
enum class ClosureKind { Compose, Chain, Matcher, RBind, LBind, Fork, Power, Choice, PowerN, Union };

struct Type;
using TypeRef = const Type*;

struct Type {
  TypeKind kind;
  std::vector<TypeRef> parts;
  std::string prim;  // Prim: the primitive's name
  ClosureKind closure = ClosureKind::Compose;
  int count = 0;  // PowerN: how many times

  bool is(TypeKind k) const { return kind == k; }
  bool callable() const { return kind == TypeKind::Prim || kind == TypeKind::Closure; }
};

// Owns and interns every type of a compilation. Interning is thread-safe
// (a search makes and checks its mutants on several threads): lookups share
// a lock, and only a type seen for the first time takes it alone.
class TypeTable {
 public:
  TypeTable();
  TypeRef integer() const { return int_; }
  TypeRef boolean() const { return bool_; }
  TypeRef grid() const { return grid_; }
  TypeRef point() const { return point_; }  // Pair(Int, Int)
  TypeRef cell() const { return cell_; }    // Pair(Int, Pt)
  TypeRef indices() const { return indices_; }
  TypeRef object() const { return object_; }
  TypeRef tcell() const { return tcell_; }      // Triple(Int, Int, Int): tokpidjin's (i, j, c)
  TypeRef tobject() const { return tobject_; }  // FSet(TCell): tokpidjin's Object
  TypeRef pair(TypeRef a, TypeRef b);
  TypeRef triple(TypeRef a, TypeRef b, TypeRef c);
  TypeRef tuple(TypeRef elem);  // the DSL's tuple_of: a tuple of Tuple(Int) is a Grid
  TypeRef raw_tuple(TypeRef elem);
  TypeRef fset(TypeRef elem);
  TypeRef vunion(TypeRef a, TypeRef b);
  TypeRef prim(const std::string& name);
  TypeRef closure(ClosureKind k, std::vector<TypeRef> parts, int count = 0);

 private:
  TypeRef make(TypeKind k, std::vector<TypeRef> parts, std::string prim = "", ClosureKind ck = ClosureKind::Compose,
               int count = 0);
  // Hashed on a type's fields, looked up by a probe Type (heterogeneous
  // lookup), so a hit allocates nothing beyond the caller's parts.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(const Type& t) const;
    std::size_t operator()(const std::unique_ptr<Type>& t) const { return (*this)(*t); }
  };
  struct Equal {
    using is_transparent = void;
    static bool same(const Type& a, const Type& b);
    bool operator()(const std::unique_ptr<Type>& a, const std::unique_ptr<Type>& b) const { return same(*a, *b); }
    bool operator()(const Type& a, const std::unique_ptr<Type>& b) const { return same(a, *b); }
    bool operator()(const std::unique_ptr<Type>& a, const Type& b) const { return same(*a, b); }
  };
  mutable std::shared_mutex mu_;
  std::unordered_set<std::unique_ptr<Type>, Hash, Equal> interned_;
  TypeRef int_, bool_, grid_, point_, cell_, indices_, object_, tcell_, tobject_;
};

// arc-dsl's names where one fits ("Grid", "Indices", "Objects",
// "Tuple[Integer]", "Callable[rbind]").
std::string type_name(TypeRef t);
// The C++ type of dsl/ that holds a value of this type ("FSet<Pt>",
// "RBind<fn_add, Int>"). Built only from the type, never from input text.
std::string cxx_type(TypeRef t);

// Container view, as dsl/container.h has it: the element type, or nullptr
// when t is not a container.
TypeRef elem_type(TypeTable& tt, TypeRef t);
bool is_set(TypeRef t);
// Python's type(container)(...) for results of type r.
TypeRef same_kind(TypeTable& tt, TypeRef container, TypeRef r);
bool is_patch(TypeRef t);  // Indices or Object
bool is_tk_patch(TypeRef t);  // Indices or tokpidjin's Object

// The union of two callables (each maybe a union already): members
// flattened, deduplicated and sorted by their C++ spelling; a single member
// is returned as it is.
TypeRef callable_union(TypeTable& tt, TypeRef a, TypeRef b);

}  // namespace battc::generator
