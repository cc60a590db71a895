// runtime/score/json_text.cpp: nlohmann's ensure_ascii escaping is Python's
// (\" \\ \b \f \n \r \t, other controls and DEL up as lowercase \u00xx).
#include "runtime/score/json_text.h"

#include <nlohmann/json.hpp>

namespace battc::runtime {

std::string json_string(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
}

std::string json_grid(const GridData& g) {
  std::string out = "[";
  for (int i = 0; i < g.h; ++i) {
    if (i) out += ',';
    out += '[';
    for (int j = 0; j < g.w; ++j) {
      if (j) out += ',';
      out += std::to_string(g.at(i, j));
    }
    out += ']';
  }
  out += ']';
  return out;
}

}  // namespace battc::runtime
