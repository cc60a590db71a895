// generator/emit/emit_host.h: a batt as a host C++ translation unit, from
// templates/host_unit.cpp. Only node numbers, validated primitive names,
// types built from the type table and resolved constants reach the text.
#pragma once

#include <string>

#include "generator/ir/batt.h"

namespace battc::generator {

struct EmitOptions {
  int chunk_size = 96;  // statements per emitted function (compile time grows with function size)
};

std::string emit_host_unit(const Batt& batt, const EmitOptions& options = {});

// The template's text with region `name` replaced (exposed for tests).
std::string fill_template_region(const std::string& text, const std::string& name, const std::string& body);

}  // namespace battc::generator
