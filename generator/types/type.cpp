// generator/types/type.cpp: interning, names and the container view.
#include "generator/types/type.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <mutex>

namespace battc::generator {

TypeTable::TypeTable() {
  int_ = make(TypeKind::Int, {});
  bool_ = make(TypeKind::Bool, {});
  grid_ = make(TypeKind::Grid, {});
  point_ = pair(int_, int_);
  cell_ = pair(int_, point_);
  indices_ = fset(point_);
  object_ = fset(cell_);
  tcell_ = triple(int_, int_, int_);
  tobject_ = fset(tcell_);
}

std::size_t TypeTable::Hash::operator()(const Type& t) const {
  std::size_t h = std::hash<std::string>()(t.prim);
  auto mix = [&](std::size_t v) { h = (h ^ v) * 0x100000001b3ull + (h >> 29); };
  mix(static_cast<std::size_t>(t.kind));
  mix(static_cast<std::size_t>(t.closure));
  mix(static_cast<std::size_t>(t.count));
  for (TypeRef p : t.parts) mix(reinterpret_cast<std::uintptr_t>(p));
  return h;
}

bool TypeTable::Equal::same(const Type& a, const Type& b) {
  return a.kind == b.kind && a.closure == b.closure && a.count == b.count && a.parts == b.parts && a.prim == b.prim;
}

TypeRef TypeTable::make(TypeKind k, std::vector<TypeRef> parts, std::string prim, ClosureKind ck, int count) {
  Type probe{k, std::move(parts), std::move(prim), ck, count};
  {
    std::shared_lock lock(mu_);
    if (auto it = interned_.find(probe); it != interned_.end()) return it->get();
  }
  std::unique_lock lock(mu_);  // another thread may have added it meanwhile: insert keeps the first
  return interned_.insert(std::make_unique<Type>(std::move(probe))).first->get();
}

TypeRef TypeTable::pair(TypeRef a, TypeRef b) { return make(TypeKind::Pair, {a, b}); }
TypeRef TypeTable::triple(TypeRef a, TypeRef b, TypeRef c) { return make(TypeKind::Triple, {a, b, c}); }
TypeRef TypeTable::raw_tuple(TypeRef e) { return make(TypeKind::Tuple, {e}); }
TypeRef TypeTable::tuple(TypeRef e) {
  if (e->is(TypeKind::Tuple) && e->parts[0] == int_) return grid_;
  return raw_tuple(e);
}
TypeRef TypeTable::fset(TypeRef e) { return make(TypeKind::FSet, {e}); }
TypeRef TypeTable::vunion(TypeRef a, TypeRef b) { return make(TypeKind::VUnion, {a, b}); }
TypeRef TypeTable::prim(const std::string& name) { return make(TypeKind::Prim, {}, name); }
TypeRef TypeTable::closure(ClosureKind k, std::vector<TypeRef> parts, int count) {
  return make(TypeKind::Closure, std::move(parts), "", k, count);
}

namespace {
const char* closure_name(ClosureKind k) {
  switch (k) {
    case ClosureKind::Compose: return "Compose";
    case ClosureKind::Chain: return "Chain";
    case ClosureKind::Matcher: return "Matcher";
    case ClosureKind::RBind: return "RBind";
    case ClosureKind::LBind: return "LBind";
    case ClosureKind::Fork: return "Fork";
    case ClosureKind::Power: return "Power";
    case ClosureKind::Choice: return "Choice";
    case ClosureKind::PowerN: return "PowerN";
    case ClosureKind::Union: return "FnUnion";
  }
  return "?";
}
}  // namespace

std::string type_name(TypeRef t) {
  switch (t->kind) {
    case TypeKind::Int: return "Integer";
    case TypeKind::Bool: return "Boolean";
    case TypeKind::Grid: return "Grid";
    case TypeKind::Pair:
      if (t->parts[0]->is(TypeKind::Int) && t->parts[1]->is(TypeKind::Int)) return "IntegerTuple";
      if (t->parts[0]->is(TypeKind::Int) && t->parts[1]->is(TypeKind::Pair) && t->parts[1]->parts[0]->is(TypeKind::Int) &&
          t->parts[1]->parts[1]->is(TypeKind::Int))
        return "Cell";
      return fmt::format("Tuple[{}, {}]", type_name(t->parts[0]), type_name(t->parts[1]));
    case TypeKind::Triple:
      if (t->parts[0]->is(TypeKind::Int) && t->parts[1]->is(TypeKind::Int) && t->parts[2]->is(TypeKind::Int))
        return "TCell";
      return fmt::format("Tuple[{}, {}, {}]", type_name(t->parts[0]), type_name(t->parts[1]), type_name(t->parts[2]));
    case TypeKind::Tuple: return fmt::format("Tuple[{}]", type_name(t->parts[0]));
    case TypeKind::FSet: {
      std::string e = type_name(t->parts[0]);
      if (e == "TCell") return "TObject";
      if (e == "TObject") return "TObjects";
      if (e == "IntegerTuple") return "Indices";
      if (e == "Cell") return "Object";
      if (e == "Object") return "Objects";
      if (e == "Indices") return "IndicesSet";
      if (e == "Integer") return "IntegerSet";
      return fmt::format("FrozenSet[{}]", e);
    }
    case TypeKind::Prim: return fmt::format("Callable[{}]", t->prim);
    case TypeKind::VUnion: return fmt::format("Union[{}, {}]", type_name(t->parts[0]), type_name(t->parts[1]));
    case TypeKind::Closure: {
      std::string s = fmt::format("Callable[{}(", closure_name(t->closure));
      for (size_t i = 0; i < t->parts.size(); ++i) s += (i ? ", " : "") + type_name(t->parts[i]);
      return s + ")]";
    }
  }
  return "?";
}

std::string cxx_type(TypeRef t) {
  switch (t->kind) {
    case TypeKind::Int: return "Int";
    case TypeKind::Bool: return "Bool";
    case TypeKind::Grid: return "Grid";
    case TypeKind::Pair: {
      std::string n = type_name(t);
      if (n == "IntegerTuple") return "Pt";
      if (n == "Cell") return "Cell";
      return fmt::format("Pair<{}, {}>", cxx_type(t->parts[0]), cxx_type(t->parts[1]));
    }
    case TypeKind::Triple:
      return fmt::format("Triple<{}, {}, {}>", cxx_type(t->parts[0]), cxx_type(t->parts[1]), cxx_type(t->parts[2]));
    case TypeKind::Tuple: return fmt::format("Tuple<{}>", cxx_type(t->parts[0]));
    case TypeKind::FSet: return fmt::format("FSet<{}>", cxx_type(t->parts[0]));
    case TypeKind::Prim: return "fn_" + t->prim;  // prim names are validated against the table
    case TypeKind::VUnion: return fmt::format("VUnion<{}, {}>", cxx_type(t->parts[0]), cxx_type(t->parts[1]));
    case TypeKind::Closure: {
      std::string s = std::string(closure_name(t->closure)) + "<";
      for (size_t i = 0; i < t->parts.size(); ++i) s += (i ? ", " : "") + cxx_type(t->parts[i]);
      if (t->closure == ClosureKind::PowerN) s += fmt::format(", {}", t->count);
      return s + ">";
    }
  }
  return "?";
}

TypeRef elem_type(TypeTable& tt, TypeRef t) {
  switch (t->kind) {
    case TypeKind::Grid: return tt.raw_tuple(tt.integer());
    case TypeKind::Tuple:
    case TypeKind::FSet: return t->parts[0];
    case TypeKind::Pair: return t->parts[0] == t->parts[1] ? t->parts[0] : nullptr;
    case TypeKind::Triple: return t->parts[0] == t->parts[1] && t->parts[1] == t->parts[2] ? t->parts[0] : nullptr;
    default: return nullptr;
  }
}

bool is_set(TypeRef t) { return t->is(TypeKind::FSet); }

TypeRef same_kind(TypeTable& tt, TypeRef container, TypeRef r) {
  return is_set(container) ? tt.fset(r) : tt.tuple(r);
}

TypeRef callable_union(TypeTable& tt, TypeRef a, TypeRef b) {
  std::vector<TypeRef> members;
  for (TypeRef t : {a, b}) {
    if (t->is(TypeKind::Closure) && t->closure == ClosureKind::Union)
      members.insert(members.end(), t->parts.begin(), t->parts.end());
    else
      members.push_back(t);
  }
  std::sort(members.begin(), members.end(), [](TypeRef x, TypeRef y) { return cxx_type(x) < cxx_type(y); });
  members.erase(std::unique(members.begin(), members.end()), members.end());
  if (members.size() == 1) return members[0];
  return tt.closure(ClosureKind::Union, members);
}

bool is_patch(TypeRef t) {
  if (!t->is(TypeKind::FSet)) return false;
  std::string n = type_name(t);
  return n == "Indices" || n == "Object";
}

bool is_tk_patch(TypeRef t) {
  if (!t->is(TypeKind::FSet)) return false;
  std::string n = type_name(t);
  return n == "Indices" || n == "TObject";
}

}  // namespace battc::generator
