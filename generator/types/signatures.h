// generator/types/signatures.h: the typing rule of every primitive and of
// calls to closures. The rules mirror the C++ overloads and templates of dsl/
// exactly: a call accepted here instantiates there. Polymorphic primitives
// (first, apply, rbind, ...) get their result type per call, like templates.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "generator/types/constants.h"
#include "generator/types/type.h"

namespace battc::generator {

struct CallType {
  CallType(TypeRef r = nullptr, std::string e = "", std::vector<TypeRef> c = {}, std::vector<TypeRef> u = {})
      : result(r), error(std::move(e)), convert(std::move(c)), unify(std::move(u)) {}

  TypeRef result = nullptr;  // nullptr when ill-typed
  std::string error;         // why, in arc-dsl's type names
  // Per argument, the type it must be converted to first (nullptr: none):
  // a tuple where a patch is expected, a tuple of two ints where a point is.
  std::vector<TypeRef> convert;
  // Per argument, the type the generator must convert it to before the call
  // (an IR Convert node; nullptr: none): a callable or a container of them
  // widened to a union so that different functions share one container.
  std::vector<TypeRef> unify;
  bool ok() const { return result != nullptr; }
};

class Signatures {
 public:
  explicit Signatures(TypeTable& tt);
  bool has(const std::string& prim) const { return rules_.count(prim) != 0; }
  int arity(const std::string& prim) const;
  // Whether prim's rule is a fixed overload list (RuleBuilder::overloads or
  // same): such primitives convert their arguments first, as dsl::is_coercing
  // says on the C++ side; the two lists must agree.
  bool coercing(const std::string& prim) const;
  // Every primitive with a rule, sorted.
  std::vector<std::string> names() const;
  // The type of callee(args...): callee is a Prim or Closure type.
  CallType call(TypeRef callee, const std::vector<TypeRef>& args) const;
  CallType call_prim(const std::string& prim, const std::vector<TypeRef>& args) const;
  // The type of a constant's value (T, F, ZERO, DOWN, ...).
  TypeRef constant_type(const ConstantValue& c) const;
  TypeTable& types() const { return tt_; }

  using Rule = std::function<CallType(const std::vector<TypeRef>&)>;
  struct Entry {
    int arity;
    Rule rule;
    bool coercing = false;  // made by RuleBuilder::overloads
  };

 private:
  CallType call_depth(TypeRef callee, const std::vector<TypeRef>& args, int depth) const;
  TypeTable& tt_;
  std::map<std::string, Entry> rules_;
  friend struct RuleBuilder;
};

}  // namespace battc::generator
