// generator/parse/lexer.h: tokens of the Python subset, with Python's
// indentation rules (INDENT/DEDENT; newlines inside brackets ignored).
#pragma once

#include <string>
#include <vector>

#include "generator/diag/diagnostics.h"

namespace battc::generator {

enum class Tok { Name, Int, String, Op, Newline, Indent, Dedent, End, Bad };

struct Token {
  Tok kind;
  std::string text;  // the name, digits, operator or the bad character
  SrcLoc loc;
};

// Lexes a whole file. Lexical errors become Bad tokens (the parser reports
// them and skips to the next definition), so lexing never fails.
std::vector<Token> lex(const std::string& text, int file);

}  // namespace battc::generator
