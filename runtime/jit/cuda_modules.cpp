// runtime/jit/cuda_modules.cpp
#include "runtime/jit/cuda_modules.h"

namespace battc::runtime::jit {

namespace {

constexpr const char* kPreludeEnd = "// @BATTC:PRELUDE_END\n";
constexpr const char* kGroupBegin = "// @BATTC:GROUP ";
constexpr const char* kGroupEnd = "// @BATTC:GROUP_END\n";

// Whether `at` starts a line of `text`.
bool line_start(const std::string& text, size_t at) { return at == 0 || text[at - 1] == '\n'; }

size_t find_line(const std::string& text, const std::string& line, size_t from) {
  for (size_t at = text.find(line, from); at != std::string::npos; at = text.find(line, at + 1))
    if (line_start(text, at)) return at;
  return std::string::npos;
}

}  // namespace

Result<CudaGroupModules> cuda_group_modules(const std::string& source) {
  CudaGroupModules out;
  size_t at = find_line(source, kGroupBegin, 0);
  if (at == std::string::npos) return out;
  size_t prelude_end = find_line(source, kPreludeEnd, 0);
  if (prelude_end == std::string::npos || prelude_end > at)
    return jit_error("modules", "the CUDA unit has program groups but no \"// @BATTC:PRELUDE_END\" before them");
  out.prelude = source.substr(0, prelude_end);
  for (; at != std::string::npos; at = find_line(source, kGroupBegin, at + 1)) {
    size_t name_at = at + std::char_traits<char>::length(kGroupBegin);
    size_t eol = source.find('\n', name_at);
    size_t end = find_line(source, kGroupEnd, at);
    size_t next = find_line(source, kGroupBegin, at + 1);
    if (eol == std::string::npos || end == std::string::npos || (next != std::string::npos && next < end))
      return jit_error("modules", "program group at byte " + std::to_string(at) + " has no \"// @BATTC:GROUP_END\"");
    CudaGroupModule m;
    m.name = source.substr(name_at, eol - name_at);
    m.text = source.substr(at, end + std::char_traits<char>::length(kGroupEnd) - at);
    out.groups.push_back(std::move(m));
  }
  return out;
}

std::string cuda_module_source(const CudaGroupModules& m, const std::vector<size_t>& members) {
  std::string s = m.prelude + "namespace battc_unit {\n";
  for (size_t g : members) s += m.groups.at(g).text;
  return s + "}  // namespace battc_unit\n";
}

}  // namespace battc::runtime::jit
