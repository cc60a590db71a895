// runtime/abi/spec_plan.h: a batt as data for the spec engine, laid out as
// one flat, position-independent block of bytes (offsets, no pointers), so
// that the same block serves the CPU (runtime/exec/spec_engine.h) and, copied
// as is, a device (the block's address is all a kernel needs). The walk over
// it is runtime/abi/spec_walk.h. Single source (DSL_FN), NVRTC-safe.
//
// A plan has phases: the prologue (the S-only values, once per task), one
// phase per program group (a GPU work item's programs), and the whole batt
// (every program, as the CPU evaluates a sample). A phase lists its ops (one
// per value it computes, in batt order) and its programs' tables, all in the
// phase's own numbering: a phase's *local* values are first the per-task
// values it reads (imports: their statuses are copied in from the prologue,
// their values read there), then the values it computes. So a group's state
// holds only its own values, as the CUDA unit's group States do.
#pragma once

#include "runtime/abi/batt_abi.h"
#include "runtime/abi/unit_support.h"

namespace battc::abi {

// Bump when a struct below or the walk's meaning changes.
constexpr int kSpecPlanVersion = 1;

// An operand's location: its slot's byte offset in the phase's slot area,
// with this bit set when the slot is in the prologue's.
constexpr dsl::u32 kSpecInPrologue = 0x80000000u;
constexpr int kSpecMaxOperands = 16;

enum class SpecOpKind : dsl::u8 { Statement, Constant, ParamS, ParamI, ParamC, ParamCNone, Prim };

// One value a phase computes.
struct SpecOp {
  dsl::u8 kind;         // SpecOpKind
  dsl::u8 n_args;       // operands, at most kSpecMaxOperands
  dsl::u16 unused;
  dsl::u32 local;       // its status and need index in the phase
  dsl::u32 offset;      // its slot's byte offset in the phase's slot area
  dsl::u32 fn;          // Statement, Constant: its function's index in the plan's function table
  dsl::u32 arg_begin;   // its operands: arg_loc[arg_begin ..], arg_local[arg_begin ..]
  dsl::i32 ca, cb;      // Constant: the resolved constant (generator::ConstantValue)
};

// One phase. Every field named as an array is a byte offset into the plan.
struct SpecPhase {
  dsl::u32 ops, n_ops;          // SpecOp[n_ops]
  dsl::u32 arg_loc, arg_local;  // u32[]: each operand's location and local index
  dsl::u32 n_local;             // status (and need) bytes of the phase
  dsl::u32 slot_bytes;          // its slot area
  dsl::u32 state_bytes;         // need[n_local], st[n_local], then the slots (8-aligned): a sample's
                                // arena allocation; the prologue's storage is st[n_local], slots
  dsl::u32 slots_at;            // the slot area's offset in that storage
  dsl::u32 imports, n_imports;  // u32[2 * n_imports]: (the prologue's local index, this phase's)
  dsl::u32 n_programs;
  dsl::u32 programs;            // i32[n_programs]: the batt's program numbers, out[k] is programs[k]
  dsl::u32 need_start, need, stmt_start, stmts;  // i32[]: abi::ProgramTables in local indices
  dsl::u32 result_loc;          // u32[n_programs]: each program's returned value's location
  dsl::u32 record_fn;           // u32[n_programs]: its RecordFn's index in the function table
};

// The block starts with this header, then the phases: [0] the prologue,
// [1 .. n_groups] the groups, [n_groups + 1] the whole batt.
struct SpecPlanHeader {
  dsl::u32 version;     // kSpecPlanVersion
  dsl::u32 bytes;       // the whole block
  dsl::u32 n_groups;
  dsl::u32 n_fns;       // the function table's entries (a statement's, a constant's or a record's)
  dsl::u32 phases;      // SpecPhase[n_groups + 2]
  dsl::u32 unused;
};

// Typed views into the block.
template <class T>
DSL_FN const T* spec_at(const void* plan, dsl::u32 offset) {
  return reinterpret_cast<const T*>(static_cast<const dsl::u8*>(plan) + offset);
}
DSL_FN const SpecPlanHeader& spec_header(const void* plan) { return *spec_at<SpecPlanHeader>(plan, 0); }
DSL_FN const SpecPhase& spec_phase(const void* plan, int i) {
  return spec_at<SpecPhase>(plan, spec_header(plan).phases)[i];
}
DSL_FN const SpecPhase& spec_prologue_phase(const void* plan) { return spec_phase(plan, 0); }
DSL_FN const SpecPhase& spec_group_phase(const void* plan, int g) { return spec_phase(plan, 1 + g); }
DSL_FN const SpecPhase& spec_whole_phase(const void* plan) {
  return spec_phase(plan, 1 + static_cast<int>(spec_header(plan).n_groups));
}
DSL_FN ProgramTables spec_program_tables(const void* plan, const SpecPhase& p) {
  return ProgramTables{spec_at<int>(plan, p.need_start), spec_at<int>(plan, p.need), spec_at<int>(plan, p.stmt_start),
                       spec_at<int>(plan, p.stmts)};
}

}  // namespace battc::abi
