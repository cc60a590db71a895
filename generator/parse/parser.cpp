// generator/parse/parser.cpp: recursive descent over the lexer's tokens.
// Grammar (DESIGN.md, Program files):
//   file    := (import | def)*
//   import  := 'from' dotted 'import' '*'
//   def     := 'def' NAME '(' NAME (',' NAME)* ')' ['->' NAME] ':' NEWLINE
//              INDENT [STRING NEWLINE] (assign NEWLINE)* 'return' NAME NEWLINE DEDENT
//   assign  := NAME '=' NAME '(' [arg (',' arg)* [',']] ')'
//   arg     := [NAME '='] (NAME | ['-'] INT)
#include "generator/parse/parser.h"

#include <fmt/core.h>

#include <algorithm>
#include <set>

#include "generator/parse/lexer.h"

namespace battc::generator {
namespace {

struct SyntaxError {
  SrcLoc loc;
  std::string message;
};

class Parser {
 public:
  Parser(std::vector<Token> toks, Diagnostics& diags) : t_(std::move(toks)), diags_(diags) {}

  ParsedFile run(int file) {
    ParsedFile out;
    out.file = file;
    while (peek().kind != Tok::End) {
      if (peek().kind == Tok::Newline) {
        ++p_;
        continue;
      }
      size_t start = p_;
      std::string name = "";
      try {
        if (is_name("from")) {
          parse_import();
        } else if (is_name("def")) {
          name = peek(1).kind == Tok::Name ? peek(1).text : "";
          Program prog = parse_def();
          if (prog.name.rfind("solve_", 0) != 0 && prog.name.rfind("differ_", 0) != 0) {
            diags_.warning(prog.loc, prog.name, "ignored: only solve_* and differ_* functions are programs");
          } else if (!seen_.insert(prog.name).second) {
            diags_.error(prog.loc, prog.name, fmt::format("program '{}' is defined twice in this file", prog.name));
            ++out.rejected;
          } else {
            out.programs.push_back(std::move(prog));
          }
        } else {
          throw SyntaxError{peek().loc, "expected 'def' or 'from ... import *' at the top level, found " + describe(peek())};
        }
      } catch (const SyntaxError& e) {
        diags_.error(e.loc, name, e.message);
        bool program = name.empty() || name.rfind("solve_", 0) == 0 || name.rfind("differ_", 0) == 0;
        if (t_[start].kind == Tok::Name && t_[start].text == "def" && program) ++out.rejected;
        recover(start);
      }
    }
    return out;
  }

 private:
  const Token& peek(size_t k = 0) const { return t_[std::min(p_ + k, t_.size() - 1)]; }
  bool is_name(const char* s) const { return peek().kind == Tok::Name && peek().text == s; }
  bool is_op(const char* s) const { return peek().kind == Tok::Op && peek().text == s; }

  static std::string describe(const Token& t) {
    switch (t.kind) {
      case Tok::Name: return "'" + t.text + "'";
      case Tok::Int: return "number " + t.text;
      case Tok::String: return "a string";
      case Tok::Op: return "'" + t.text + "'";
      case Tok::Newline: return "end of line";
      case Tok::Indent: return "an indented block";
      case Tok::Dedent: return "end of block";
      case Tok::End: return "end of file";
      case Tok::Bad: return t.text;
    }
    return "?";
  }

  const Token& take() {
    const Token& t = peek();
    if (t.kind == Tok::Bad) throw SyntaxError{t.loc, t.text};
    if (p_ < t_.size() - 1) ++p_;
    return t;
  }
  const Token& expect(Tok kind, const char* what) {
    if (peek().kind != kind) throw SyntaxError{peek().loc, fmt::format("expected {}, found {}", what, describe(peek()))};
    return take();
  }
  void expect_op(const char* op) {
    if (!is_op(op)) throw SyntaxError{peek().loc, fmt::format("expected '{}', found {}", op, describe(peek()))};
    take();
  }
  std::string expect_name(const char* what) {
    if (peek().kind == Tok::Name) check_not_keyword(peek());
    return expect(Tok::Name, what).text;
  }

  // After an error: skip to the next top-level 'def' or 'from' (a name in
  // column 1 at the start of a line), past whatever block the error was in.
  void recover(size_t start) {
    if (p_ == start) ++p_;
    for (; peek().kind != Tok::End; ++p_) {
      const Token& t = peek();
      bool line_start = t_[p_ - 1].kind == Tok::Newline || t_[p_ - 1].kind == Tok::Dedent;
      if (t.kind == Tok::Name && t.loc.col == 1 && line_start && (t.text == "def" || t.text == "from")) return;
    }
  }

  void parse_import() {
    take();  // from
    expect_name("a module name");
    while (is_op(".")) {
      take();
      expect_name("a module name");
    }
    if (!is_name("import")) throw SyntaxError{peek().loc, "expected 'import' after the module name"};
    take();
    if (!is_op("*")) throw SyntaxError{peek().loc, "only 'from <module> import *' is supported"};
    take();
    expect(Tok::Newline, "end of line after 'import *'");
  }

  Program parse_def() {
    Program prog;
    take();  // def
    prog.loc = peek().loc;
    prog.name = expect_name("the program name");
    expect_op("(");
    while (!is_op(")")) {
      SrcLoc at = peek().loc;
      std::string p = expect_name("a parameter name");
      if (is_op(":")) throw SyntaxError{peek().loc, "parameter annotations are not supported"};
      if (is_op("=")) throw SyntaxError{peek().loc, "parameter defaults are not supported"};
      prog.params.push_back(p);
      (void)at;
      if (is_op(",")) take();
      else if (!is_op(")")) throw SyntaxError{peek().loc, fmt::format("expected ',' or ')', found {}", describe(peek()))};
    }
    take();
    if (is_op("->")) {
      take();
      expect_name("a return annotation");
    }
    expect_op(":");
    bool one = prog.params.size() == 1 && prog.params[0] == "I";
    bool three = prog.params.size() == 3 && prog.params[0] == "S" && prog.params[1] == "I" && prog.params[2] == "C";
    if (!one && !three) throw SyntaxError{prog.loc, "a program takes (I) or (S, I, C)"};
    if (prog.name.rfind("differ_", 0) == 0 && !three) throw SyntaxError{prog.loc, "a differ takes (S, I, C)"};
    expect(Tok::Newline, "a new line after ':'");
    expect(Tok::Indent, "an indented body");
    if (peek().kind == Tok::String) {  // docstring
      take();
      expect(Tok::Newline, "end of line after the docstring");
    }
    std::set<std::string> assigned(prog.params.begin(), prog.params.end());
    while (!is_name("return")) {
      if (peek().kind == Tok::Dedent || peek().kind == Tok::End)
        throw SyntaxError{prog.loc, "the program ends without 'return'"};
      if (peek().kind == Tok::Bad) take();  // throws its message
      Stmt st;
      st.loc = peek().loc;
      if (peek().kind != Tok::Name) throw SyntaxError{peek().loc, fmt::format("expected an assignment, found {}", describe(peek()))};
      check_not_keyword(peek());
      st.target = take().text;
      if (!is_op("=")) throw SyntaxError{peek().loc, fmt::format("expected '=' after '{}': only assignments of one call are supported", st.target)};
      take();
      if (std::find(prog.params.begin(), prog.params.end(), st.target) != prog.params.end())
        throw SyntaxError{st.loc, fmt::format("'{}' is a parameter and cannot be assigned", st.target)};
      if (!assigned.insert(st.target).second)
        throw SyntaxError{st.loc, fmt::format("'{}' is assigned twice: each name is assigned once", st.target)};
      st.call = parse_call();
      expect(Tok::Newline, "end of line after the call");
      prog.body.push_back(std::move(st));
    }
    take();  // return
    prog.ret_loc = peek().loc;
    prog.ret = expect_name("the name of the returned value");
    if (is_op("(")) throw SyntaxError{peek().loc, "only a name can be returned: assign the call to a name first"};
    expect(Tok::Newline, "end of line after 'return'");
    if (peek().kind != Tok::Dedent && peek().kind != Tok::End)
      throw SyntaxError{peek().loc, "statements after 'return' are not supported"};
    if (peek().kind == Tok::Dedent) take();
    return prog;
  }

  Call parse_call() {
    Call call;
    call.callee_loc = peek().loc;
    call.callee = expect_name("a function name");
    if (!is_op("(")) throw SyntaxError{peek().loc, fmt::format("expected '(' after '{}': the right side must be a call", call.callee)};
    take();
    bool seen_keyword = false;
    while (!is_op(")")) {
      Arg a;
      a.loc = peek().loc;
      if (peek().kind == Tok::Name && peek(1).kind == Tok::Op && peek(1).text == "=") {
        check_not_keyword(peek());
        a.keyword = take().text;
        take();
        seen_keyword = true;
      } else if (seen_keyword) {
        throw SyntaxError{peek().loc, "positional argument after a keyword argument"};
      }
      if (is_op("-") && peek(1).kind == Tok::Int) {
        take();
        a.is_int = true;
        a.value = parse_int(take(), true);
      } else if (peek().kind == Tok::Int) {
        a.is_int = true;
        a.value = parse_int(take(), false);
      } else if (peek().kind == Tok::Name) {
        check_not_keyword(peek());
        a.name = take().text;
        if (is_op("(")) throw SyntaxError{peek().loc, "nested calls are not supported: assign the inner call to a name first"};
        if (is_op(".")) throw SyntaxError{peek().loc, "attribute access is not supported"};
      } else {
        throw SyntaxError{peek().loc, fmt::format("expected an argument, found {}", describe(peek()))};
      }
      call.args.push_back(std::move(a));
      if (is_op(",")) take();
      else if (!is_op(")")) throw SyntaxError{peek().loc, fmt::format("expected ',' or ')', found {}", describe(peek()))};
    }
    take();
    return call;
  }

  // The DSL's integers are 32-bit, and the lowest one stands for Python's None
  // (dsl/values.h, kNone): literals lie in [-2147483647, 2147483647].
  static long long parse_int(const Token& t, bool negative) {
    if (t.text.size() > 1 && t.text[0] == '0')
      throw SyntaxError{t.loc, "leading zeros in an integer literal are not allowed (as in Python 3)"};
    std::string digits = t.text.substr(std::min(t.text.find_first_not_of('0'), t.text.size() - 1));
    long long v = digits.size() > 10 ? -1 : std::stoll(digits);
    if (v < 0 || v > 2147483647LL)
      throw SyntaxError{t.loc, fmt::format("integer literal {}{} is out of range: the DSL's integers lie in "
                                           "[-2147483647, 2147483647]",
                                           negative ? "-" : "", t.text)};
    return negative ? -v : v;
  }

  // Python's keywords are not names (class = ..., f(None)).
  static void check_not_keyword(const Token& t) {
    static const std::set<std::string> keywords = {
        "False", "None",   "True",    "and",      "as",       "assert", "async",  "await",
        "break", "class",  "continue", "def",     "del",      "elif",   "else",   "except",
        "finally", "for",  "from",    "global",   "if",       "import", "in",     "is",
        "lambda", "nonlocal", "not",  "or",       "pass",     "raise",  "return", "try",
        "while", "with",   "yield"};
    if (t.kind != Tok::Name || !keywords.count(t.text)) return;
    if (t.text == "True" || t.text == "False")
      throw SyntaxError{t.loc, fmt::format("Python's {} is not supported: write {}", t.text, t.text[0])};
    throw SyntaxError{t.loc, fmt::format("'{}' is a Python keyword, not a name", t.text)};
  }

  std::vector<Token> t_;
  size_t p_ = 0;
  Diagnostics& diags_;
  std::set<std::string> seen_;
};

}  // namespace

ParsedFile parse_program_file(const SourceSet& sources, int file, Diagnostics& diags) {
  Parser parser(lex(sources.text(file), file), diags);
  return parser.run(file);
}

}  // namespace battc::generator
