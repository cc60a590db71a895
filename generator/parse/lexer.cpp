// generator/parse/lexer.cpp: a small hand-written lexer; Python's own
// tokenizer rules, restricted to what program files may contain.
#include "generator/parse/lexer.h"

#include <cctype>
#include <string_view>

namespace battc::generator {
namespace {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Python's two-character operators ("->" for annotations; the others only to
// be reported), or nullptr.
const char* two_char_op(const std::string& s, size_t i) {
  static const char* const ops[] = {"->", "==", "!=", "<=", ">=", "//", "**", "+=", "-=", "*=", "/=", ":="};
  if (i + 1 >= s.size()) return nullptr;
  for (const char* op : ops)
    if (s[i] == op[0] && s[i + 1] == op[1]) return op;
  return nullptr;
}

// The lexer's state as it walks a file; each member takes one step of it.
class Lexer {
 public:
  Lexer(const std::string& s, int file) : s_(s), file_(file) {}
  std::vector<Token> run();

 private:
  SrcLoc loc(size_t pos) const { return SrcLoc{file_, line_, static_cast<int>(pos - line_start_) + 1}; }
  void push(Tok kind, std::string text, SrcLoc at) { out_.push_back(Token{kind, std::move(text), at}); }
  void new_line(size_t next_line_start) {
    ++line_;
    line_start_ = next_line_start;
  }
  bool def_in_open_brackets() const;
  void indentation();
  void indent_to(int width, size_t at);
  void token();
  void number();
  void string_literal(char quote);
  void one_char_op(char c);
  void finish();

  const std::string& s_;
  int file_;
  std::vector<Token> out_;
  std::vector<int> indents_ = {0};
  int depth_ = 0;      // open brackets
  SrcLoc open_at_{};   // the outermost open bracket
  size_t i_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  bool at_line_start_ = true;
};

std::vector<Token> Lexer::run() {
  while (i_ < s_.size()) {
    if (at_line_start_ && depth_ > 0 && def_in_open_brackets()) {
      // A 'def' in column 1 inside open brackets: the bracket was never
      // closed (Python would stop there too). Report it and start the def
      // afresh, so one broken program does not swallow the programs after it.
      push(Tok::Bad, "this bracket is never closed (a top-level 'def' follows)", open_at_);
      push(Tok::Newline, "", loc(i_));
      depth_ = 0;
    } else if (at_line_start_ && depth_ == 0) {
      indentation();
    } else {
      token();
    }
  }
  finish();
  return std::move(out_);
}

bool Lexer::def_in_open_brackets() const {
  return i_ == line_start_ && s_.compare(i_, 3, "def") == 0 && i_ + 3 < s_.size() &&
         (s_[i_ + 3] == ' ' || s_[i_ + 3] == '\t');
}

// Measures a line's indentation; blank and comment-only lines do not count.
void Lexer::indentation() {
  size_t j = i_;
  int width = 0;
  while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) {
    width += s_[j] == '\t' ? 8 - width % 8 : 1;
    ++j;
  }
  if (j >= s_.size() || s_[j] == '\n' || s_[j] == '\r' || s_[j] == '#') {
    while (j < s_.size() && s_[j] != '\n') ++j;
    if (j < s_.size()) new_line(++j);
    i_ = j;
    return;
  }
  indent_to(width, j);
  i_ = j;
  at_line_start_ = false;
}

void Lexer::indent_to(int width, size_t at) {
  if (width > indents_.back()) {
    indents_.push_back(width);
    push(Tok::Indent, "", loc(at));
    return;
  }
  size_t k = indents_.size();
  while (width < indents_[k - 1]) --k;
  // before the dedents, so the parser reports it rather than a block's end
  if (width != indents_[k - 1])
    push(Tok::Bad, "inconsistent indentation: this line matches no enclosing block", loc(at));
  while (indents_.size() > k) {
    indents_.pop_back();
    push(Tok::Dedent, "", loc(at));
  }
}

// One token, or the blanks, comment or line end at i_.
void Lexer::token() {
  char c = s_[i_];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
    ++i_;
  } else if (c == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') {
    i_ += 2;
    new_line(i_);
  } else if (c == '#') {
    while (i_ < s_.size() && s_[i_] != '\n') ++i_;
  } else if (c == '\n') {
    if (depth_ == 0 && !out_.empty() && out_.back().kind != Tok::Newline) push(Tok::Newline, "", loc(i_));
    new_line(++i_);
    at_line_start_ = true;
  } else if (ident_start(c)) {
    size_t j = i_;
    while (j < s_.size() && ident_char(s_[j])) ++j;
    push(Tok::Name, s_.substr(i_, j - i_), loc(i_));
    i_ = j;
  } else if (std::isdigit(static_cast<unsigned char>(c))) {
    number();
  } else if (c == '"' || c == '\'') {
    string_literal(c);
  } else if (const char* op = two_char_op(s_, i_)) {
    push(Tok::Op, op, loc(i_));
    i_ += 2;
  } else if (std::string_view("()[]{},=:.*-+/%<>!&|^~@").find(c) != std::string_view::npos) {
    one_char_op(c);
  } else {
    push(Tok::Bad, std::string("unexpected character '") + c + "'", loc(i_));
    ++i_;
  }
}

void Lexer::number() {
  size_t j = i_;
  while (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j]))) ++j;
  if (j < s_.size() && (ident_char(s_[j]) || s_[j] == '.'))
    push(Tok::Bad, "unsupported number literal", loc(i_));
  else
    push(Tok::Int, s_.substr(i_, j - i_), loc(i_));
  i_ = j;
}

// Strings are only allowed as docstrings; keep them whole.
void Lexer::string_literal(char c) {
  SrcLoc at = loc(i_);
  bool triple = i_ + 2 < s_.size() && s_[i_ + 1] == c && s_[i_ + 2] == c;
  size_t j = i_ + (triple ? 3 : 1);
  bool closed = false;
  while (j < s_.size()) {
    if (s_[j] == '\\') {
      j += 2;
      continue;
    }
    if (s_[j] == '\n') {
      if (!triple) break;
      new_line(j + 1);
    }
    if (s_[j] == c && (!triple || (j + 2 < s_.size() && s_[j + 1] == c && s_[j + 2] == c))) {
      j += triple ? 3 : 1;
      closed = true;
      break;
    }
    ++j;
  }
  push(closed ? Tok::String : Tok::Bad, closed ? "" : "unterminated string", at);
  i_ = j;
}

// Python's operators are tokens even where programs may not use them, so
// that the parser can say what to write instead.
void Lexer::one_char_op(char c) {
  if ((c == '(' || c == '[' || c == '{') && depth_++ == 0) open_at_ = loc(i_);
  if ((c == ')' || c == ']' || c == '}') && depth_ > 0) --depth_;
  push(Tok::Op, std::string(1, c), loc(i_));
  ++i_;
}

void Lexer::finish() {
  if (!out_.empty() && out_.back().kind != Tok::Newline) push(Tok::Newline, "", loc(i_));
  while (indents_.size() > 1) {
    indents_.pop_back();
    push(Tok::Dedent, "", loc(i_));
  }
  push(Tok::End, "", loc(i_));
}

}  // namespace

std::vector<Token> lex(const std::string& s, int file) { return Lexer(s, file).run(); }

}  // namespace battc::generator
