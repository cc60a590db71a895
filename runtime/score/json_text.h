// runtime/score/json_text.h: JSON text exactly as Python's json.dumps writes
// it with separators=(',', ':') (ensure_ascii: non-ASCII as \uXXXX), for the
// dump lines that must equal canonical_ref.py's byte for byte.
#pragma once

#include <string>

#include "runtime/tasks/grid_data.h"

namespace battc::runtime {

// A quoted, escaped JSON string.
std::string json_string(const std::string& s);

// [[1,2],[3,4]]
std::string json_grid(const GridData& g);

}  // namespace battc::runtime
