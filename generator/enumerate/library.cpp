// generator/enumerate/library.cpp
#include "generator/enumerate/library.h"

#include <map>
#include <set>

namespace battc::generator {
namespace {

// The fragment key of a statement: its callee and each argument's leaf name
// or fragment index (children are hash-consed first, so equal expressions
// give equal keys).
std::string fragment_key(const Fragment& f) {
  std::string k = f.prim + "(";
  for (const Fragment::Arg& a : f.args) k += (a.fragment >= 0 ? "#" + std::to_string(a.fragment) : a.leaf) + ",";
  return k + ")";
}

}  // namespace

Library seed_library(const std::vector<TypedProgram>& seeds, const Signatures& sig) {
  Library lib;
  std::map<std::string, int> index;  // fragment_key -> fragment
  for (const TypedProgram& tp : seeds) {
    if (tp.dialect != Dialect::ArcDsl || tp.program.params.size() != 1) continue;
    const std::string& input = tp.program.params[0];
    std::map<std::string, int> var;  // the program's variables held as fragments
    std::set<std::string> targets;   // every variable so far, held or left out
    for (std::size_t k = 0; k < tp.program.body.size(); ++k) {
      const Stmt& s = tp.program.body[k];
      targets.insert(s.target);
      if (!sig.has(s.call.callee) || k >= tp.stmt_types.size() || !tp.stmt_types[k]) continue;
      Fragment f;
      f.prim = s.call.callee;
      f.type = tp.stmt_types[k];
      bool ok = true;
      for (const Arg& a : s.call.args) {
        if (a.is_int || a.keyword) {
          ok = false;
          break;
        }
        Fragment::Arg fa;
        if (auto v = var.find(a.name); v != var.end()) {
          fa.fragment = v->second;
          f.from_input = f.from_input || lib.fragments[std::size_t(v->second)].from_input;
        } else if (a.name == input) {
          fa.leaf = "I";
          fa.type = tp.type_at(a.name, k, sig);
          f.from_input = true;
        } else {
          fa.leaf = a.name;
          fa.type = tp.type_at(a.name, k, sig);
          // A variable left out above is not a leaf.
          if (!fa.type || targets.count(a.name)) ok = false;
        }
        if (!ok) break;
        f.args.push_back(std::move(fa));
      }
      if (!ok) continue;
      std::string key = fragment_key(f);
      auto [at, fresh] = index.emplace(key, static_cast<int>(lib.fragments.size()));
      if (fresh) lib.fragments.push_back(std::move(f));
      var[s.target] = at->second;
    }
  }
  return lib;
}

std::vector<int> add_fragments(std::vector<PoolValue>& pool, const Library& lib) {
  std::map<std::string, int> leaf_at;
  for (std::size_t i = 0; i < pool.size(); ++i)
    if (pool[i].leaf()) leaf_at.emplace(pool[i].name, static_cast<int>(i));
  auto leaf = [&](const Fragment::Arg& a) {
    auto it = leaf_at.find(a.leaf);
    if (it != leaf_at.end()) return it->second;
    PoolValue v;  // a constant or primitive only fragments take
    v.type = a.type;
    v.name = a.leaf;
    v.constant = true;
    v.operand_only = true;
    pool.push_back(std::move(v));
    return leaf_at[a.leaf] = static_cast<int>(pool.size() - 1);
  };
  std::vector<int> at;
  for (const Fragment& f : lib.fragments) {
    PoolValue v;
    v.type = f.type;
    v.prim = f.prim;
    for (const Fragment::Arg& a : f.args) v.args.push_back(a.fragment >= 0 ? at[std::size_t(a.fragment)] : leaf(a));
    v.constant = !f.from_input;
    v.operand_only = true;
    pool.push_back(std::move(v));
    at.push_back(static_cast<int>(pool.size() - 1));
  }
  return at;
}

}  // namespace battc::generator
