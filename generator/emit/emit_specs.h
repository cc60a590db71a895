// generator/emit/emit_specs.h: a batt's statements as specializations
// (runtime/abi/spec_abi.h): the code of each statement depends only on its
// kind, its callee and its types, never on its operands or constants, so it
// is compiled once, cached, and shared by every program that has a statement
// of that shape. A SpecDef's key names exactly what its code depends on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "generator/ir/batt.h"

namespace battc::generator {

// The same numbering as abi::SpecKind.
enum class SpecDefKind { Statement = 0, Constant = 1, Record = 2 };

struct SpecDef {
  SpecDefKind kind = SpecDefKind::Statement;
  std::string key;   // canonical: equal keys have equal code
  std::string code;  // the function's body; its parameters follow from kind (emit_specs.cpp)
  std::string value_type;  // the C++ type the spec writes ("" for Record)
};

// The specialization that computes node i, or nullopt for the nodes the
// engine fills itself (parameters, a primitive used as a value).
std::optional<SpecDef> node_spec(const Batt& batt, int node);
// The specialization that records a program's returned value of type t.
SpecDef record_spec(TypeRef t);

// Every spec a batt needs (its nodes', its programs' results), each key
// once, in first-use order.
std::vector<SpecDef> batt_specs(const Batt& batt);

// The spec keys program p of the batt needs: its nodes' (operands included,
// S-only ones too) and its result's record, each node's key memoized in
// `memo` (one slot per node of the batt, shared across calls).
std::vector<std::string> program_spec_keys(const Batt& batt, const BattProgram& p,
                                           std::vector<std::optional<std::string>>& memo);

// A spec pack translation unit (templates/spec_pack.cpp) defining `specs`.
std::string emit_spec_pack(const std::vector<SpecDef>& specs);

// A device spec pack (templates/spec_pack.cu) defining `specs` as __device__
// functions, with their device addresses in the table `table_symbol`
// (extern "C", [a-z0-9_]+, unique among the packs linked together), entry k
// for specs[k].
std::string emit_device_spec_pack(const std::vector<SpecDef>& specs, const std::string& table_symbol);

}  // namespace battc::generator
