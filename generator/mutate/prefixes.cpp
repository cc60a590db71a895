// generator/mutate/prefixes.cpp
#include "generator/mutate/prefixes.h"

#include <map>

namespace battc::generator {

std::vector<Program> result_type_prefixes(const TypedProgram& p) {
  std::vector<Program> out;
  const std::vector<Stmt>& body = p.program.body;
  if (body.size() < 2 || p.stmt_types.size() != body.size()) return out;
  TypeRef result = nullptr;
  for (std::size_t k = body.size(); k-- > 0 && !result;)
    if (body[k].target == p.program.ret) result = p.stmt_types[k];
  if (!result) return out;
  std::map<std::string, std::size_t> defined;  // a target's statement
  for (std::size_t k = 0; k + 1 < body.size(); ++k) {
    defined[body[k].target] = k;
    if (p.stmt_types[k] != result || body[k].target == p.program.ret) continue;
    // The statements statement k reads, transitively: walk back from k.
    std::vector<bool> needed(k + 1, false);
    needed[k] = true;
    for (std::size_t j = k + 1; j-- > 0;) {
      if (!needed[j]) continue;
      auto mark = [&](const std::string& name) {
        auto d = defined.find(name);
        if (d != defined.end() && d->second < j) needed[d->second] = true;
      };
      mark(body[j].call.callee);
      for (const Arg& a : body[j].call.args)
        if (!a.is_int) mark(a.name);
    }
    Program q = p.program;
    q.body.clear();
    for (std::size_t j = 0; j <= k; ++j)
      if (needed[j]) q.body.push_back(body[j]);
    q.ret = body[k].target;
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace battc::generator
