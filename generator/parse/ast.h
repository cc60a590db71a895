// generator/parse/ast.h: what the parser yields. Program files are a subset
// of Python (docs/generator.md, Program files); whatever the file wrote
// (nested calls, tuples, lambdas, aliases), the parser hands on each program
// as a list of single-call assignments and one return of a name, the form
// the lowering, the mutations and the printer work on. Nothing here is ever
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
  // The expression the file wrote when the parser named it (a nested call,
  // tuple or lambda): what messages show instead of the made-up name.
  std::string text;
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
