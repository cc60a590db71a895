// generator/dialect/dialect.h: which DSL a program is written in. arc-dsl
// programs see arc-dsl's 160 primitives and constants; tokpidjin programs see
// tokpidjin's dsl.py and constants.py, a superset with some primitives
// changed. Both resolve to battc's internal primitive names (tokpidjin's
// changed ones carry a tk_ prefix), so programs of both dialects merge into
// one batt.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generator/types/constants.h"
#include "generator/types/primitive_table.h"

namespace battc::generator {

enum class Dialect { ArcDsl, Tokpidjin };

const char* dialect_name(Dialect d);                        // "arc-dsl", "tokpidjin"
std::optional<Dialect> parse_dialect(std::string_view s);   // the inverse
const std::vector<std::string>& dialect_names();            // for CLI choices

// The dialect of a program when none is forced: tokpidjin's programs take
// (S, I, C), arc-dsl's take (I).
Dialect dialect_of_params(const std::vector<std::string>& params);

// One primitive as a dialect's programs see it.
struct DialectPrim {
  std::string name;      // as programs write it
  std::string internal;  // battc's primitive (signature table, dsl::fn_<internal>)
  std::vector<Param> params;
  std::string returns;
  std::string signature() const;  // "(a: Numerical, b: Numerical) -> Numerical"
};

// Every primitive of a dialect, in its dsl.py's order.
const std::vector<DialectPrim>& dialect_table(Dialect d);
// The primitive `name` means in d, or nullptr when d has no such name.
const DialectPrim* find_dialect_prim(Dialect d, const std::string& name);
// The name programs write for an internal primitive name (tk_first -> first).
std::string surface_name(const std::string& internal);

// Primitives no dialect names, which the generator itself introduces:
// get_nth_f_r0 ... (rbind(get_nth_f, K), ir/lower.cpp; typed) and
// o_g_fused/o_g_pick (passes/fuse_objects.cpp; typed by the pass).
const std::vector<std::string>& internal_primitives();

// The constant `name` means in d, or nullptr.
const ConstantValue* find_constant(Dialect d, const std::string& name);

}  // namespace battc::generator
