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

}  // namespace

std::vector<Token> lex(const std::string& s, int file) {
  std::vector<Token> out;
  std::vector<int> indents = {0};
  int depth = 0;  // open brackets
  SrcLoc open_at{};  // the outermost open bracket
  size_t i = 0;
  int line = 1;
  size_t line_start = 0;
  bool at_line_start = true;
  auto loc = [&](size_t pos) { return SrcLoc{file, line, static_cast<int>(pos - line_start) + 1}; };

  while (i < s.size()) {
    // A 'def' in column 1 inside open brackets: the bracket was never closed
    // (Python would stop there too). Report it and start the def afresh, so
    // one broken program does not swallow the programs after it.
    if (at_line_start && depth > 0 && i == line_start && s.compare(i, 3, "def") == 0 && i + 3 < s.size() &&
        (s[i + 3] == ' ' || s[i + 3] == '\t')) {
      out.push_back(Token{Tok::Bad, "this bracket is never closed (a top-level 'def' follows)", open_at});
      out.push_back(Token{Tok::Newline, "", loc(i)});
      depth = 0;
      continue;
    }
    if (at_line_start && depth == 0) {
      // measure indentation; blank and comment-only lines do not count
      size_t j = i;
      int width = 0;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) {
        width += s[j] == '\t' ? 8 - width % 8 : 1;
        ++j;
      }
      if (j >= s.size() || s[j] == '\n' || s[j] == '\r' || s[j] == '#') {
        while (j < s.size() && s[j] != '\n') ++j;
        if (j < s.size()) {
          ++j;
          ++line;
          line_start = j;
        }
        i = j;
        continue;
      }
      if (width > indents.back()) {
        indents.push_back(width);
        out.push_back(Token{Tok::Indent, "", loc(j)});
      } else {
        size_t k = indents.size();
        while (width < indents[k - 1]) --k;
        // before the dedents, so the parser reports it rather than a block's end
        if (width != indents[k - 1])
          out.push_back(Token{Tok::Bad, "inconsistent indentation: this line matches no enclosing block", loc(j)});
        while (indents.size() > k) {
          indents.pop_back();
          out.push_back(Token{Tok::Dedent, "", loc(j)});
        }
      }
      i = j;
      at_line_start = false;
      continue;
    }
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
      ++i;
    } else if (c == '\\' && i + 1 < s.size() && s[i + 1] == '\n') {
      i += 2;
      ++line;
      line_start = i;
    } else if (c == '#') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '\n') {
      if (depth == 0 && !out.empty() && out.back().kind != Tok::Newline) out.push_back(Token{Tok::Newline, "", loc(i)});
      ++i;
      ++line;
      line_start = i;
      at_line_start = true;
    } else if (ident_start(c)) {
      size_t j = i;
      while (j < s.size() && ident_char(s[j])) ++j;
      out.push_back(Token{Tok::Name, s.substr(i, j - i), loc(i)});
      i = j;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      if (j < s.size() && (ident_char(s[j]) || s[j] == '.'))
        out.push_back(Token{Tok::Bad, "unsupported number literal", loc(i)});
      else
        out.push_back(Token{Tok::Int, s.substr(i, j - i), loc(i)});
      i = j;
    } else if (c == '"' || c == '\'') {
      // strings are only allowed as docstrings; keep them whole
      SrcLoc at = loc(i);
      bool triple = i + 2 < s.size() && s[i + 1] == c && s[i + 2] == c;
      size_t j = i + (triple ? 3 : 1);
      bool closed = false;
      while (j < s.size()) {
        if (s[j] == '\\') {
          j += 2;
          continue;
        }
        if (s[j] == '\n') {
          if (!triple) break;
          ++line;
          line_start = j + 1;
        }
        if (s[j] == c && (!triple || (j + 2 < s.size() && s[j + 1] == c && s[j + 2] == c))) {
          j += triple ? 3 : 1;
          closed = true;
          break;
        }
        ++j;
      }
      out.push_back(Token{closed ? Tok::String : Tok::Bad, closed ? "" : "unterminated string", at});
      i = j;
    } else if (const char* op = two_char_op(s, i)) {
      out.push_back(Token{Tok::Op, op, loc(i)});
      i += 2;
    } else if (std::string_view("()[]{},=:.*-+/%<>!&|^~@").find(c) != std::string_view::npos) {
      // Python's operators are tokens even where programs may not use them,
      // so that the parser can say what to write instead.
      if ((c == '(' || c == '[' || c == '{') && depth++ == 0) open_at = loc(i);
      if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
      out.push_back(Token{Tok::Op, std::string(1, c), loc(i)});
      ++i;
    } else {
      out.push_back(Token{Tok::Bad, std::string("unexpected character '") + c + "'", loc(i)});
      ++i;
    }
  }
  if (!out.empty() && out.back().kind != Tok::Newline) out.push_back(Token{Tok::Newline, "", loc(i)});
  while (indents.size() > 1) {
    indents.pop_back();
    out.push_back(Token{Tok::Dedent, "", loc(i)});
  }
  out.push_back(Token{Tok::End, "", loc(i)});
  return out;
}

}  // namespace battc::generator
