// generator/parse/ast.h: what the parser yields. Program files are a strict
// subset of Python (DESIGN.md, Program files): each program is a list of
// single-call assignments and one return of a name. Nothing here is ever
// pasted into emitted code; names are resolved and validated later.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "generator/diag/diagnostics.h"

namespace battc::generator {

// An argument: a name (variable, parameter, primitive or constant) or an
// integer literal.
struct Arg {
  std::optional<std::string> keyword;  // name=... when given by keyword
  bool is_int = false;
  std::string name;  // when !is_int
  long long value = 0;  // when is_int
  SrcLoc loc;
};

struct Call {
  std::string callee;  // a primitive or an earlier variable holding a callable
  SrcLoc callee_loc;
  std::vector<Arg> args;
};

struct Stmt {
  std::string target;
  SrcLoc loc;
  Call call;
};

struct Program {
  std::string name;  // solve_<id> or differ_<id>
  SrcLoc loc;
  std::vector<std::string> params;  // (I) or (S, I, C)
  std::vector<Stmt> body;
  std::string ret;  // the returned name
  SrcLoc ret_loc;
};

struct ParsedFile {
  int file = -1;
  std::vector<Program> programs;  // the well-formed ones, in file order
  int rejected = 0;               // programs dropped for syntax errors or defined twice
};

}  // namespace battc::generator
