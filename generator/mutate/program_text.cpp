// generator/mutate/program_text.cpp
#include "generator/mutate/program_text.h"

#include <map>

namespace battc::generator {

Program canonical_program(const Program& p) {
  Program out = p;
  std::map<std::string, std::string> rename;
  for (std::size_t k = 0; k < out.body.size(); ++k) {
    Stmt& st = out.body[k];
    for (Arg& a : st.call.args)
      if (!a.is_int)
        if (auto it = rename.find(a.name); it != rename.end()) a.name = it->second;
    if (auto it = rename.find(st.call.callee); it != rename.end()) st.call.callee = it->second;
    // Python rebinding (x = f(x)) renames from here on.
    std::string fresh = st.target == p.ret && k + 1 == out.body.size() ? "O" : "x" + std::to_string(k + 1);
    rename[st.target] = fresh;
    st.target = fresh;
  }
  if (auto it = rename.find(out.ret); it != rename.end()) out.ret = it->second;
  return out;
}

std::string program_text(const Program& p, const std::string& name) {
  std::string s = "def " + name + "(";
  for (std::size_t i = 0; i < p.params.size(); ++i) s += (i ? ", " : "") + p.params[i];
  s += "):\n";
  for (const Stmt& st : p.body) {
    s += "    " + st.target + " = " + st.call.callee + "(";
    for (std::size_t i = 0; i < st.call.args.size(); ++i) {
      const Arg& a = st.call.args[i];
      if (i) s += ", ";
      if (a.keyword) s += *a.keyword + "=";
      s += a.is_int ? std::to_string(a.value) : a.name;
    }
    s += ")\n";
  }
  return s + "    return " + p.ret + "\n";
}

}  // namespace battc::generator
