// generator/diag/diagnostics.cpp: collecting and rendering diagnostics.
#include "generator/diag/diagnostics.h"

#include <fmt/core.h>

#include <algorithm>
#include <tuple>

namespace battc::generator {

int SourceSet::add(std::string path, std::string text) {
  std::vector<std::size_t> starts = {0};
  for (std::size_t p = text.find('\n'); p != std::string::npos; p = text.find('\n', p + 1)) starts.push_back(p + 1);
  files_.push_back(File{std::move(path), std::move(text), std::move(starts)});
  return static_cast<int>(files_.size()) - 1;
}

std::string SourceSet::line(int file, int line) const {
  const File& f = files_[file];
  const std::string& t = f.text;
  if (line < 1 || static_cast<std::size_t>(line) > f.line_starts.size()) return "";
  size_t pos = f.line_starts[static_cast<std::size_t>(line) - 1];
  if (pos > t.size()) return "";
  size_t end = t.find('\n', pos);
  std::string s = t.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

void Diagnostics::error(SrcLoc loc, std::string program, std::string message, std::vector<std::string> notes) {
  items_.push_back(Diagnostic{Severity::Error, loc, std::move(program), std::move(message), std::move(notes)});
  ++errors_;
}

void Diagnostics::warning(SrcLoc loc, std::string program, std::string message) {
  items_.push_back(Diagnostic{Severity::Warning, loc, std::move(program), std::move(message), {}});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> v = items_;
  std::stable_sort(v.begin(), v.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.col, a.severity, a.message) <
           std::tie(b.loc.file, b.loc.line, b.loc.col, b.severity, b.message);
  });
  return v;
}

std::string format_loc(const SourceSet& sources, SrcLoc loc) {
  if (loc.file < 0 || loc.file >= sources.size()) return "<input>";
  return fmt::format("{}:{}:{}", sources.path(loc.file), loc.line, loc.col);
}

std::string Diagnostics::render(const SourceSet& sources) const {
  std::string out;
  for (const Diagnostic& d : sorted()) {
    const char* sev = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "note";
    out += fmt::format("{}: {}: ", format_loc(sources, d.loc), sev);
    if (!d.program.empty()) out += fmt::format("in {}: ", d.program);
    out += d.message + "\n";
    if (d.loc.file >= 0 && d.loc.file < sources.size() && d.loc.line > 0) {
      std::string line = sources.line(d.loc.file, d.loc.line);
      out += "  " + line + "\n";
      out += "  " + std::string(static_cast<size_t>(std::max(0, d.loc.col - 1)), ' ') + "^\n";
    }
    for (const std::string& n : d.notes) out += "  note: " + n + "\n";
  }
  return out;
}

}  // namespace battc::generator
