// runtime/abi/spec_abi.h: the contract between a spec pack and the spec
// engine (runtime/exec/spec_engine.h). A spec pack is a shared object of
// *specializations*: each is the code of one kind of batt statement at
// concrete C++ types (a primitive called at given argument types, a closure
// value called, a conversion, a constant of a type, a program result of a
// type), keyed by a text that names only those types. Programs then are data
// (a list of statements naming specializations and operands), so a new
// program needs no compile unless it brings a statement shape never seen.
#pragma once

#include "dsl/ctx.h"
#include "runtime/abi/batt_abi.h"

namespace battc::abi {

// Bump when any struct, function shape or key spelling below changes.
constexpr int kSpecAbiVersion = 1;

enum class SpecKind : dsl::i32 {
  Statement = 0,  // StatementFn: a call, a closure call, a conversion, power(f, N)
  Constant = 1,   // ConstantFn: a resolved constant written as a value of the type
  Record = 2,     // RecordFn: a program's returned value into its ProgramOut
};

// One statement: the value into `out` from the operands `args` (each points
// at a value of the operand's type); `status` gets the statement's status.
// Fresh status and work budget, failed allocations released (abi::run_call).
using StatementFn = void (*)(dsl::Ctx& c, dsl::i64 work, dsl::u8& status, void* out, const void* const* args);
// A constant: a and b as the generator resolved them (ConstantValue).
using ConstantFn = void (*)(void* out, int a, int b);
// abi::record_value of the value at `value`.
using RecordFn = void (*)(dsl::Ctx& c, const SampleIn& s, const void* value, ProgramOut& out, int encode);

struct SpecEntry {
  const char* key;        // generator::SpecDef::key()
  SpecKind kind;
  void* fn;               // StatementFn, ConstantFn or RecordFn by kind
  unsigned long long size, align;  // of the value the spec writes (Statement, Constant)
};

// Exported by every pack (extern "C", default visibility):
//   int battc_spec_abi(void);                 kSpecAbiVersion
//   int battc_spec_count(void);
//   const SpecEntry* battc_spec_table(void);  battc_spec_count() entries
using SpecAbiFn = int (*)();
using SpecCountFn = int (*)();
using SpecTableFn = const SpecEntry* (*)();
constexpr const char* kSpecAbiSymbol = "battc_spec_abi";
constexpr const char* kSpecCountSymbol = "battc_spec_count";
constexpr const char* kSpecTableSymbol = "battc_spec_table";

}  // namespace battc::abi
