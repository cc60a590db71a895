// runtime/abi/batt_abi.h: the contract between an emitted batt unit and the
// runtime that loads it. The unit exports three C functions; the runtime
// calls battc_prologue once per task (the values that depend only on the
// train pairs S) and battc_eval once per sample. Plain structs only, so the
// same header serves host units and (later) CUDA units.
#pragma once

#include "dsl/ctx.h"
#include "dsl/values.h"

namespace battc::abi {

// Bump when any struct or function below changes shape or meaning.
constexpr int kAbiVersion = 3;  // 2: ProgramOut::why, ::stmt; 3: BattInfo's groups, battc_eval_group

struct TaskIn {
  const dsl::Grid* train_in;   // n_train grids
  const dsl::Grid* train_out;  // n_train grids
  dsl::i32 n_train;
};

struct SampleIn {
  dsl::Grid input;
  dsl::Grid expected;  // the known output (for differs' C and for matching)
  dsl::i32 has_expected;
};

// What one program gave on one sample.
struct ProgramOut {
  dsl::u8 status;    // dsl::Status of the first failing statement, else Ok
  dsl::u8 is_grid;   // the returned value is a Grid
  dsl::u8 matches;   // ok, a Grid, and equal to SampleIn::expected
  dsl::u8 evaluated; // 0 when the program was not asked for (want mask)
  dsl::u8 why;       // when failed: the dsl::Why of the first failing statement
  dsl::u16 stmt;     // when failed: that statement's index in the program
  dsl::Grid grid;    // the value when is_grid (cells live in the sample's arena)
  const char* text;  // the value as dump JSON (in the arena) when asked, else nullptr
};

// A GPU work item: one group of programs on one sample. `task` indexes the
// launch's prologues, `group` the kernel's group table (group_start[group] ..
// group_start[group + 1] in group_programs), and bit k of `mask` asks for the
// group's k-th program: the pairing of this very sample (a differ is not
// asked on a sample whose output is unknown).
struct CudaItem {
  dsl::i32 task;
  dsl::i32 group;
  dsl::u64 mask;
  SampleIn sample;
};
constexpr int kMaxGroupPrograms = 64;  // the bits of CudaItem::mask

struct BattInfo {
  dsl::i32 abi_version;
  dsl::i32 n_programs;
  const char* const* program_names;     // n_programs names
  const dsl::u8* program_is_differ;     // n_programs flags
  unsigned long long prologue_bytes;    // storage battc_prologue fills (16-aligned)
  dsl::i32 n_nodes;                     // values in the batt (for reports)
  // The program groups emitted for battc_eval_group (0: none): group g is
  // group_programs[group_start[g] .. group_start[g + 1]).
  dsl::i32 n_groups;
  const int* group_start;
  const int* group_programs;
};

// Exported by every unit (extern "C", default visibility):
//   const BattInfo* battc_info(void);
//   void battc_prologue(const TaskIn* task, dsl::Ctx* ctx, void* prologue);
//     ctx: the task's arena; its values must stay alive while the task runs.
//   void battc_eval(const TaskIn* task, const void* prologue, const SampleIn* sample,
//                   dsl::Ctx* ctx, const dsl::u8* want, ProgramOut* out, int encode);
//     want: n_programs flags (nullptr: all); out: n_programs entries; encode:
//     kEncodeValues writes each returned value as dump JSON into the arena
//     (ProgramOut::text), kEncodeNonGrids every value but a grid (the search's
//     value hashes, which take a grid's from its cells), 0 none.
//     Per statement the context's work budget is reset to its starting value, and
//     a failed statement's allocations are released, so one runaway program
//     cannot starve the others.
constexpr int kEncodeValues = 1;
constexpr int kEncodeNonGrids = 2;
using InfoFn = const BattInfo* (*)();
using PrologueFn = void (*)(const TaskIn*, dsl::Ctx*, void*);
using EvalFn = void (*)(const TaskIn*, const void*, const SampleIn*, dsl::Ctx*, const dsl::u8*, ProgramOut*, int);
// Units emitted with groups also export (abi::eval_group, runtime/abi/group_eval.h):
//   void battc_eval_group(const void* prologue, const SampleIn* sample, dsl::Ctx* ctx,
//                         int group, unsigned long long mask, ProgramOut* out, int encode);
//     one GPU work item on the host: out holds the group's programs in order.
using EvalGroupFn = void (*)(const void*, const SampleIn*, dsl::Ctx*, int, unsigned long long, ProgramOut*, int);

// CUDA units (templates/cuda_unit.cu) export instead, for the driver API:
//   __global__ battc_prologue_kernel(tasks, n_tasks, arena, arena_bytes, work, prologues, stride)
//   __global__ battc_eval_kernel(items, n_items, prologues, stride, arena, arena_bytes, work,
//                                item_work, out_stride, outs, encode)
//     out_stride ProgramOut per item, one per program of its group
//   __device__ battc_prologue_bytes, battc_n_programs, battc_n_groups,
//              battc_group_start, battc_group_programs (pointers to the tables)
constexpr const char* kInfoSymbol = "battc_info";
constexpr const char* kPrologueSymbol = "battc_prologue";
constexpr const char* kEvalSymbol = "battc_eval";
constexpr const char* kEvalGroupSymbol = "battc_eval_group";

}  // namespace battc::abi
