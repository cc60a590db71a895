// generator/parse/parser.cpp: recursive descent over the lexer's tokens.
// Grammar (docs/generator.md, Program files):
//   file    := (import | def | STRING NEWLINE)*
//   import  := 'from' dotted 'import' '*'
//   def     := 'def' NAME '(' param (',' param)* ')' ['->' annot] ':' NEWLINE
//              INDENT [STRING NEWLINE] (assign NEWLINE)* 'return' expr NEWLINE DEDENT
//   param   := NAME [':' annot]
//   assign  := NAME [':' annot] '=' expr
//   expr    := NAME | ['-'] INT | call | tuple | lambda | '(' expr ')'
//   call    := NAME '(' [arg (',' arg)* [',']] ')'
//   arg     := [NAME '='] expr
//   tuple   := '(' expr ',' expr [','] ')'
//   lambda  := 'lambda' NAME ':' NAME '(' larg (',' larg)* ')'
//   larg    := the lambda's NAME | NAME | ['-'] INT | a tuple of those (no calls)
// and desugars as it goes, so that every program comes out as one call per
// statement (ast.h):
//   - a nested call, tuple or lambda becomes a statement of its own, named
//     with a fresh name, just before the statement that uses it;
//   - a tuple (a, b) is astuple(a, b);
//   - lambda x: f(..., x, ...) is f with its other arguments bound by
//     rbind/lbind (which bind the last and the first argument);
//   - a plain alias (O = I, x3 = x1, x = 2) names no new value: later uses
//     of the name read the aliased one.
// What stays out gets a message that says what to write instead.
#include "generator/parse/parser.h"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <set>

#include "generator/parse/lexer.h"

namespace battc::generator {
namespace {

struct SyntaxError {
  SrcLoc loc;
  std::string message;
};

// Fresh names are made of this character and a number while a definition is
// parsed (no name the file writes can hold it), then renamed to identifiers
// the definition does not use (finish_names).
constexpr char kFresh = '\x01';

// What to write instead of a Python operator.
std::string operator_advice(const std::string& op) {
  static const std::map<std::string, std::string> advice = {
      {"+", "add(a, b)"},         {"-", "subtract(a, b)"},      {"*", "multiply(a, b)"},
      {"/", "divide(a, b)"},      {"//", "divide(a, b)"},       {"==", "equality(a, b)"},
      {"!=", "flip(equality(a, b))"}, {"<", "greater(b, a)"},   {">", "greater(a, b)"},
      {"and", "both(a, b)"},      {"or", "either(a, b)"},       {"not", "flip(a)"},
      {"in", "contained(value, container)"}, {"is", "equality(a, b)"},
      {"if", "branch(condition, a, b)"}, {"[", "first(x), last(x) or index(grid, point)"}};
  auto it = advice.find(op);
  return it == advice.end() ? "" : it->second;
}

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
        } else if (peek().kind == Tok::String && peek(1).kind == Tok::Newline) {
          p_ += 2;  // the module's docstring
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
  // What a definition's parse keeps besides the program itself.
  struct DefState {
    std::set<std::string> assigned;     // parameters and every name assigned so far
    std::set<std::string> used;         // names read so far
    std::map<std::string, Arg> alias;   // x = y / x = 3: what x stands for
    int fresh = 0;                      // fresh names made so far
  };
  // The lambda whose body is being parsed.
  struct LambdaScope {
    std::string param;
    SrcLoc loc;
  };

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

  // The tokens [from, to) as source text, for messages.
  std::string span_text(size_t from, size_t to) const {
    std::string s;
    for (size_t i = from; i < to && i < t_.size(); ++i) {
      const Token& t = t_[i];
      if (t.kind == Tok::String) s += "'...'";
      else s += t.text;
      bool word = t.kind == Tok::Name || t.kind == Tok::Int;
      bool next_word = i + 1 < to && (t_[i + 1].kind == Tok::Name || t_[i + 1].kind == Tok::Int);
      if ((word && next_word) || (t.kind == Tok::Op && (t.text == "," || t.text == ":"))) s += ' ';
    }
    return s;
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

  // A type annotation is read and ignored: battc infers every type.
  //   annot := STRING | NAME ('.' NAME)* ['[' annot (',' annot)* ']']
  void skip_annotation() {
    if (peek().kind == Tok::String) {
      take();
      return;
    }
    if (peek().kind != Tok::Name) throw SyntaxError{peek().loc, fmt::format("expected a type annotation, found {}", describe(peek()))};
    take();
    while (is_op(".")) {
      take();
      expect(Tok::Name, "a type name");
    }
    if (!is_op("[")) return;
    take();
    while (!is_op("]")) {
      skip_annotation();
      if (is_op(",")) take();
      else if (!is_op("]")) throw SyntaxError{peek().loc, fmt::format("expected ',' or ']', found {}", describe(peek()))};
    }
    take();
  }

  Program parse_def() {
    Program prog;
    take();  // def
    prog.loc = peek().loc;
    prog.name = expect_name("the program name");
    size_t first_token = p_;
    expect_op("(");
    while (!is_op(")")) {
      std::string p = expect_name("a parameter name");
      if (is_op(":")) {
        take();
        skip_annotation();
      }
      if (is_op("=")) throw SyntaxError{peek().loc, "parameter defaults are not supported"};
      prog.params.push_back(p);
      if (is_op(",")) take();
      else if (!is_op(")")) throw SyntaxError{peek().loc, fmt::format("expected ',' or ')', found {}", describe(peek()))};
    }
    take();
    if (is_op("->")) {
      take();
      skip_annotation();
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
    DefState st;
    st.assigned.insert(prog.params.begin(), prog.params.end());
    while (!is_name("return")) {
      if (peek().kind == Tok::Dedent || peek().kind == Tok::End)
        throw SyntaxError{prog.loc, "the program ends without 'return'"};
      parse_statement(prog, st);
    }
    take();  // return
    prog.ret_loc = peek().loc;
    Arg r = parse_expr(prog, st, nullptr);
    if (r.is_int) throw SyntaxError{r.loc, "return a name or a call, not a number"};
    prog.ret = r.name;
    expect(Tok::Newline, "end of line after 'return'");
    if (peek().kind != Tok::Dedent && peek().kind != Tok::End)
      throw SyntaxError{peek().loc, "statements after 'return' are not supported"};
    if (peek().kind == Tok::Dedent) take();
    finish_names(prog, first_token);
    return prog;
  }

  // One line of the body before 'return'.
  void parse_statement(Program& prog, DefState& st) {
    if (peek().kind == Tok::Bad) take();  // throws its message
    SrcLoc loc = peek().loc;
    if (peek().kind != Tok::Name) throw SyntaxError{loc, fmt::format("expected an assignment, found {}", describe(peek()))};
    reject_statement_keyword(peek());
    check_not_keyword(peek());
    std::string target = take().text;
    if (is_op(":")) {
      take();
      skip_annotation();
      if (!is_op("=")) throw SyntaxError{peek().loc, fmt::format("'{}' is annotated but never assigned", target)};
    }
    if (is_op(","))
      throw SyntaxError{peek().loc, "one name per assignment: tuple unpacking is not supported (use first(x) and last(x))"};
    if (peek().kind == Tok::Op && peek().text.size() == 2 && peek().text[1] == '=' && peek().text != "==")
      throw SyntaxError{peek().loc, fmt::format("augmented assignment '{}' is not supported: assign the result to a new name",
                                                peek().text)};
    if (is_op("(")) throw SyntaxError{loc, "a call's result must be assigned to a name (x = f(...))"};
    if (!is_op("=")) throw SyntaxError{peek().loc, fmt::format("expected '=' after '{}': a statement assigns one value", target)};
    take();
    if (std::find(prog.params.begin(), prog.params.end(), target) != prog.params.end())
      throw SyntaxError{loc, fmt::format("'{}' is a parameter and cannot be assigned", target)};
    if (!st.assigned.insert(target).second)
      throw SyntaxError{loc, fmt::format("'{}' is assigned twice: each name is assigned once", target)};
    size_t before = prog.body.size();
    Arg value = parse_expr(prog, st, nullptr);
    expect(Tok::Newline, "end of line after the value");
    if (!value.is_int && is_fresh(value.name) && prog.body.size() > before && prog.body.back().target == value.name) {
      // the value is a call the parser named: it takes the written name
      prog.body.back().target = target;
      prog.body.back().loc = loc;
      return;
    }
    // a plain alias: later uses read the aliased value (Python would fail on
    // an earlier use of the name, which this keeps)
    if (st.used.count(target))
      throw SyntaxError{loc, fmt::format("'{}' is used before it is assigned (a name assigned in a program is local to all of it)",
                                         target)};
    st.alias[target] = value;
  }

  // Statements of Python that programs do not have, with what to write.
  static void reject_statement_keyword(const Token& t) {
    if (t.text == "if")
      throw SyntaxError{t.loc, "'if' statements are not supported: pick a value with branch(condition, a, b)"};
    if (t.text == "for" || t.text == "while")
      throw SyntaxError{t.loc, fmt::format("'{}' loops are not supported: map over a container with apply, mapply or rapply "
                                           "(or repeat a function with power(f, n))",
                                           t.text)};
    static const std::set<std::string> other = {"pass", "import", "from", "with", "try", "assert", "del", "global",
                                                "nonlocal", "raise", "class", "def", "yield"};
    if (other.count(t.text))
      throw SyntaxError{t.loc, fmt::format("'{}' is not supported in a program: its body is assignments and one return",
                                           t.text)};
  }

  // An expression, as an argument: a name or an integer. A call, tuple or
  // lambda is emitted as statements of prog (the last one computes it) and
  // named with a fresh name. In a lambda's body, only names and constants.
  Arg parse_expr(Program& prog, DefState& st, const LambdaScope* lam) {
    size_t from = p_;
    Arg a;
    a.loc = peek().loc;
    if (is_op("-") && peek(1).kind == Tok::Int) {
      take();
      a.is_int = true;
      a.value = parse_int(take(), true);
    } else if (peek().kind == Tok::Int) {
      a.is_int = true;
      a.value = parse_int(take(), false);
    } else if (is_op("(")) {
      take();
      Arg first = parse_expr(prog, st, lam);
      if (is_op(")")) {  // parentheses around one expression
        take();
        a = first;
      } else {
        expect_op(",");
        if (is_op(")")) throw SyntaxError{a.loc, "a tuple of one is not supported: tuples are pairs (a, b)"};
        Arg second = parse_expr(prog, st, lam);
        if (is_op(",")) take();
        if (!is_op(")")) throw SyntaxError{peek().loc, "tuples of more than two are not supported: tuples are pairs (a, b)"};
        take();
        Call c;
        c.callee = "astuple";
        c.callee_loc = a.loc;
        c.args = {first, second};
        a = emit(prog, st, std::move(c), a.loc, span_text(from, p_));
      }
    } else if (is_name("lambda")) {
      if (lam) throw SyntaxError{a.loc, "a lambda inside a lambda is not supported: build the function with compose or chain"};
      a = parse_lambda(prog, st, from);
    } else if (peek().kind == Tok::Name) {
      reject_expression_keyword(peek());
      check_not_keyword(peek());
      std::string name = take().text;
      if (is_op("(")) {
        if (lam)
          throw SyntaxError{a.loc, "a lambda's body is one call of names and constants: for a call inside it, build the "
                                   "function with compose(g, f) or chain(h, g, f)"};
        Call c = parse_call_rest(name, a.loc, prog, st);
        a = emit(prog, st, std::move(c), a.loc, span_text(from, p_));
      } else {
        if (lam && name == lam->param)
          throw SyntaxError{a.loc, fmt::format("the lambda's parameter '{}' can only be a direct argument of its call", name)};
        a = read_name(name, a.loc, st);
      }
    } else if (is_op("-")) {
      throw SyntaxError{a.loc, "unary minus applies to numbers only: write invert(x)"};
    } else if (is_op("[") || is_op("{")) {
      throw SyntaxError{a.loc, "list, set and dict literals are not supported: build containers with the DSL's primitives"};
    } else if (peek().kind == Tok::String) {
      throw SyntaxError{a.loc, "strings are not values of the DSL"};
    } else {
      throw SyntaxError{a.loc, fmt::format("expected a value, found {}", describe(peek()))};
    }
    reject_operator();
    return a;
  }

  // A name read as a value: what it stands for when it is an alias.
  Arg read_name(const std::string& name, SrcLoc loc, DefState& st) {
    if (auto it = st.alias.find(name); it != st.alias.end()) {
      Arg a = it->second;
      a.loc = loc;
      return a;
    }
    st.used.insert(name);
    Arg a;
    a.name = name;
    a.loc = loc;
    return a;
  }

  // The name of a callee: what it stands for when it is an alias of a name.
  std::string read_callee(const std::string& name, SrcLoc loc, DefState& st) {
    Arg a = read_name(name, loc, st);
    if (a.is_int) throw SyntaxError{loc, fmt::format("'{}' is the number {}, not a function", name, a.value)};
    return a.name;
  }

  // After a value: Python's operators, with the primitive to call instead.
  void reject_operator() {
    const Token& t = peek();
    bool op = t.kind == Tok::Op && t.text != "," && t.text != ")" && t.text != "]" && t.text != ":" && t.text != "=";
    bool word = t.kind == Tok::Name && (t.text == "and" || t.text == "or" || t.text == "in" || t.text == "is" ||
                                        t.text == "if" || t.text == "not");
    if (!op && !word) return;
    if (t.text == ".") throw SyntaxError{t.loc, "attribute access is not supported"};
    std::string instead = operator_advice(t.text);
    if (t.text == "[") throw SyntaxError{t.loc, "indexing is not supported: write " + instead};
    if (t.text == "if") throw SyntaxError{t.loc, "conditional expressions are not supported: write " + instead};
    if (instead.empty()) throw SyntaxError{t.loc, fmt::format("operator '{}' is not supported: programs call primitives", t.text)};
    throw SyntaxError{t.loc, fmt::format("operator '{}' is not supported: write {}", t.text, instead)};
  }

  static void reject_expression_keyword(const Token& t) {
    if (t.text == "not") throw SyntaxError{t.loc, "operator 'not' is not supported: write flip(a)"};
    if (t.text == "None") throw SyntaxError{t.loc, "None is not a value programs can write"};
  }

  // The arguments of a call whose callee was just read.
  Call parse_call_rest(const std::string& callee, SrcLoc callee_loc, Program& prog, DefState& st) {
    Call call;
    call.callee_loc = callee_loc;
    call.callee = read_callee(callee, callee_loc, st);
    take();  // (
    bool seen_keyword = false;
    while (!is_op(")")) {
      SrcLoc at = peek().loc;
      std::string keyword;  // (not an optional: GCC 12 warns falsely on copying one)
      if (peek().kind == Tok::Name && peek(1).kind == Tok::Op && peek(1).text == "=") {
        check_not_keyword(peek());
        keyword = take().text;
        take();
        seen_keyword = true;
      } else if (seen_keyword) {
        throw SyntaxError{peek().loc, "positional argument after a keyword argument"};
      }
      Arg a = parse_expr(prog, st, nullptr);
      if (!keyword.empty()) a.keyword = keyword;
      a.loc = at;
      call.args.push_back(std::move(a));
      if (is_op(",")) take();
      else if (!is_op(")")) throw SyntaxError{peek().loc, fmt::format("expected ',' or ')', found {}", describe(peek()))};
    }
    take();
    return call;
  }

  // lambda x: f(a, x, b): f with the other arguments bound, so that the
  // closure calls f with x in its place (dsl/closures.h: rbind fixes the
  // last argument, lbind the first, whatever the arity).
  Arg parse_lambda(Program& prog, DefState& st, size_t from) {
    SrcLoc loc = take().loc;  // lambda
    LambdaScope lam{expect_name("the lambda's parameter"), loc};
    if (is_op(",")) throw SyntaxError{peek().loc, "a lambda of one parameter only: build two-argument functions with rbind/lbind"};
    expect_op(":");
    SrcLoc callee_loc = peek().loc;
    if (peek().kind != Tok::Name || peek(1).kind != Tok::Op || peek(1).text != "(")
      throw SyntaxError{callee_loc, "a lambda's body must be one call (lambda x: f(x, y))"};
    std::string callee = take().text;
    if (callee == lam.param) throw SyntaxError{callee_loc, "a lambda that calls its parameter is not supported"};
    callee = read_callee(callee, callee_loc, st);
    take();  // (
    std::vector<Arg> args;
    int at = -1;
    while (!is_op(")")) {
      if (peek().kind == Tok::Name && peek(1).kind == Tok::Op && peek(1).text == "=")
        throw SyntaxError{peek().loc, "keyword arguments in a lambda's call are not supported"};
      if (peek().kind == Tok::Name && peek().text == lam.param && peek(1).kind == Tok::Op &&
          (peek(1).text == "," || peek(1).text == ")")) {
        if (at >= 0) throw SyntaxError{peek().loc, fmt::format("the lambda uses '{}' twice: use fork(f, identity, identity)", lam.param)};
        at = static_cast<int>(args.size());
        args.push_back(Arg{});
        take();
      } else {
        args.push_back(parse_expr(prog, st, &lam));
      }
      if (is_op(",")) take();
      else if (!is_op(")")) throw SyntaxError{peek().loc, fmt::format("expected ',' or ')', found {}", describe(peek()))};
    }
    take();
    std::string text = span_text(from, p_);
    if (at < 0) throw SyntaxError{loc, fmt::format("the lambda does not use its parameter '{}'", lam.param)};
    Arg f;
    f.name = callee;
    f.loc = callee_loc;
    auto bind = [&](const char* how, const Arg& fn, const Arg& value) {
      Call c;
      c.callee = how;
      c.callee_loc = loc;
      c.args = {fn, value};
      return emit(prog, st, std::move(c), loc, text);
    };
    switch (args.size()) {
      case 1: return f;  // lambda x: f(x) is f
      case 2: return at == 0 ? bind("rbind", f, args[1]) : bind("lbind", f, args[0]);
      case 3:
        if (at == 0) return bind("rbind", bind("rbind", f, args[2]), args[1]);
        if (at == 1) return bind("lbind", bind("rbind", f, args[2]), args[0]);
        return bind("lbind", bind("lbind", f, args[0]), args[1]);
      default:
        throw SyntaxError{loc, "a lambda's call of more than three arguments is not supported"};
    }
  }

  // A statement of prog computing `call`, named with a fresh name.
  Arg emit(Program& prog, DefState& st, Call call, SrcLoc loc, std::string text) {
    Stmt s;
    s.target = std::string(1, kFresh) + std::to_string(++st.fresh);
    s.loc = loc;
    s.call = std::move(call);
    prog.body.push_back(std::move(s));
    Arg a;
    a.name = prog.body.back().target;
    a.loc = loc;
    a.text = std::move(text);
    return a;
  }

  static bool is_fresh(const std::string& name) { return !name.empty() && name[0] == kFresh; }

  // Fresh names become identifiers the definition does not use (_1, _2,
  // ...), so that the program prints back as Python.
  void finish_names(Program& prog, size_t first_token) {
    std::set<std::string> taken;
    for (size_t i = first_token; i < p_; ++i)
      if (t_[i].kind == Tok::Name) taken.insert(t_[i].text);
    std::map<std::string, std::string> fresh;
    int k = 0;
    auto rename = [&](std::string& name) {
      if (!is_fresh(name)) return;
      auto [it, added] = fresh.try_emplace(name);
      if (added) {
        std::string n;
        do n = "_" + std::to_string(++k);
        while (taken.count(n));
        it->second = n;
      }
      name = it->second;
    };
    for (Stmt& s : prog.body) {
      rename(s.target);
      rename(s.call.callee);
      for (Arg& a : s.call.args)
        if (!a.is_int) rename(a.name);
    }
    rename(prog.ret);
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
