// generator/diag/diagnostics.h: user diagnostics as data. Each has a severity,
// a location (file:line:column), the program it concerns, a message and notes.
// They are printed sorted by location with the source line and a caret, so
// output is deterministic whatever order the passes found them in.
#pragma once

#include <string>
#include <vector>

namespace battc::generator {

struct SrcLoc {
  int file = -1;  // index into the SourceSet; -1: no location
  int line = 0;   // 1-based
  int col = 0;    // 1-based
};

// The source files a run has read, kept for printing carets.
class SourceSet {
 public:
  int add(std::string path, std::string text);
  const std::string& path(int file) const { return files_[file].path; }
  const std::string& text(int file) const { return files_[file].text; }
  std::string line(int file, int line) const;  // without the newline
  int size() const { return static_cast<int>(files_.size()); }

 private:
  struct File {
    std::string path;
    std::string text;
    // Where each line starts: line() is then one lookup, not a scan from
    // the top (a search round renders a diagnostic for each of tens of
    // thousands of programs in one text).
    std::vector<std::size_t> line_starts;
  };
  std::vector<File> files_;
};

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  SrcLoc loc;
  std::string program;  // the program it concerns, or empty
  std::string message;
  std::vector<std::string> notes;
};

class Diagnostics {
 public:
  void error(SrcLoc loc, std::string program, std::string message, std::vector<std::string> notes = {});
  void warning(SrcLoc loc, std::string program, std::string message);
  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<Diagnostic>& all() const { return items_; }
  // Sorted by file, line, column, severity and text; with carets.
  std::string render(const SourceSet& sources) const;
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
};

std::string format_loc(const SourceSet& sources, SrcLoc loc);

}  // namespace battc::generator
