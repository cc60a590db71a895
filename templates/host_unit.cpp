// templates/host_unit.cpp: the translation unit a batt becomes on the host.
// It is real C++: with the default fill-ins between the @BATTC markers it
// compiles alone as an empty batt (tests compile it so), and the generator
// (generator/emit/emit_host.cpp) replaces each marked region. Exports the
// three functions of runtime/abi/batt_abi.h.
//
// The JIT compiles a large unit as several parts in parallel (-DBATTC_PARTS=n
// -DBATTC_PART=k, then one link; runtime/jit/compile_host.cpp), as
// templates/cuda_unit.cu: every part has the types and all chunk
// declarations; part k defines the chunks BATTC_IN_PART picks
// (runtime/abi/unit_support.h), part 0 also the entry points and what they call.
#include <cstring>

#include "dsl/dsl.h"
#include "dsl/encode.h"
#include "runtime/abi/batt_abi.h"
#include "runtime/abi/group_eval.h"
#include "runtime/abi/unit_support.h"

using namespace battc::dsl;
namespace abi = battc::abi;

#define BATTC_EXPORT extern "C" __attribute__((visibility("default")))
// The emitted statements and tables are shared with templates/cuda_unit.cu,
// which defines these two as __device__.
#define BATTC_DEV
#define BATTC_TABLE const
// A program group's function body is in part BATTC_IN_PART(its name's hash).
#define BATTC_GROUP_BODY(h) BATTC_IN_PART(h)

#if !defined(BATTC_PARTS) || BATTC_PART == 0
#define BATTC_MAIN_PART 1
#else
#define BATTC_MAIN_PART 0
#endif

namespace {

// @BATTC:BEGIN TABLES
constexpr int kPrograms = 0;
constexpr int kNodes = 0;
BATTC_TABLE int kNeedStart[1] = {0};  // program k needs kNeed[kNeedStart[k] .. kNeedStart[k + 1])
BATTC_TABLE int kNeed[1] = {0};
BATTC_TABLE int kStmtStart[1] = {0};  // program k's statements: kStmts[kStmtStart[k] .. kStmtStart[k + 1])
BATTC_TABLE int kStmts[1] = {0};
// @BATTC:END TABLES
// @BATTC:BEGIN GROUP_TABLES
constexpr int kGroups = 0;  // program groups (generator/emit/emit_groups.cpp); none unless asked
BATTC_TABLE int kGroupStart[1] = {0};   // group g's programs: kGroupPrograms[kGroupStart[g] .. kGroupStart[g + 1])
BATTC_TABLE int kGroupPrograms[1] = {0};
BATTC_TABLE int kGNeedStart[1] = {0};   // as kNeed*, kStmts*, in slots of the program's group State
BATTC_TABLE int kGNeed[1] = {0};
BATTC_TABLE int kGStmtStart[1] = {0};
BATTC_TABLE int kGStmts[1] = {0};
BATTC_TABLE int kGHoistStart[1] = {0};  // group g's per-task values: slot kGHoistSlot[h] has node kGHoistNode[h]
BATTC_TABLE int kGHoistSlot[1] = {0};
BATTC_TABLE int kGHoistNode[1] = {0};
// @BATTC:END GROUP_TABLES
// @BATTC:BEGIN NAMES
const char* const kNames[1] = {""};
const u8 kDiffer[1] = {0};
// @BATTC:END NAMES

}  // namespace

// A named namespace, not an anonymous one: the parts of a split unit must
// agree on these types and link each other's chunk functions (hidden: the
// unit is built with -fvisibility=hidden).
namespace battc_unit {

// Values computed once per task (they depend only on S).
struct Prologue {
  Tuple<Pair<Grid, Grid>> S;
  u8 st[kNodes + 1];  // status of every node computed here
// @BATTC:BEGIN PROLOGUE_FIELDS
// @BATTC:END PROLOGUE_FIELDS
};

// Values of one sample's evaluation (lives in the sample's arena).
struct State {
  u8 need[kNodes + 1];
  u8 st[kNodes + 1];
// @BATTC:BEGIN STATE_FIELDS
// @BATTC:END STATE_FIELDS
};

struct Env {
  Ctx& c;
  i64 work;  // the work budget of one statement
  const abi::SampleIn* s;
  Prologue& P;
  State* V;  // nullptr in the prologue
  void* G = nullptr;  // a program group's State (battc_eval_group)
};

// @BATTC:BEGIN CHUNKS
// @BATTC:END CHUNKS
// @BATTC:BEGIN GROUP_CHUNKS
// @BATTC:END GROUP_CHUNKS

}  // namespace battc_unit

#if BATTC_MAIN_PART

using namespace battc_unit;

namespace {

void run_prologue(Env& e) {
  (void)e;
// @BATTC:BEGIN PROLOGUE_CALLS
// @BATTC:END PROLOGUE_CALLS
}

void run_sample(Env& e) {
  (void)e;
// @BATTC:BEGIN SAMPLE_CALLS
// @BATTC:END SAMPLE_CALLS
}

template <class T>
void set_result(Env& e, const T& v, abi::ProgramOut& out, int encode) {
  abi::record_value(e.c, *e.s, v, out, encode);
}

void finish_program(Env& e, int k, abi::ProgramOut& out, int encode) {
  State& V = *e.V;
  Prologue& P = e.P;
  (void)V;
  (void)P;
  (void)out;
  (void)encode;
  switch (k) {
// @BATTC:BEGIN RESULTS
// @BATTC:END RESULTS
    default: break;
  }
}

// A program group's State, zeroed, first in the arena.
template <class G>
abi::GroupState alloc_group(Ctx& c) {
  G* v = c.alloc<G>(1);
  if (!v) return {};
  std::memset(static_cast<void*>(v), 0, sizeof(G));
  return {v, v->st, v->need, v->in};
}

// The unit's program groups as abi::eval_group (runtime/abi/group_eval.h)
// takes them: the emitted group tables and code.
struct GroupUnit {
  using Env = battc_unit::Env;

  static abi::GroupTables tables() {
    return {kGroupStart, kGroupPrograms, {kGNeedStart, kGNeed, kGStmtStart, kGStmts},
            kGHoistStart, kGHoistSlot, kGHoistNode};
  }

  static abi::GroupState alloc_group_state(Ctx& c, int g) {
    (void)c;
    switch (g) {
// @BATTC:BEGIN GROUP_ALLOC
// @BATTC:END GROUP_ALLOC
      default: return {};
    }
  }

  // Group g's State's in[]: its per-task values kGHoistNode[kGHoistStart[g] ..].
  static void group_imports(const Prologue& P, int g, const void** in) {
    (void)P;
    (void)in;
    switch (g) {
// @BATTC:BEGIN GROUP_IMPORTS
// @BATTC:END GROUP_IMPORTS
      default: break;
    }
  }

  static void run_group(Env& e, int g) {
    (void)e;
    switch (g) {
// @BATTC:BEGIN GROUP_RUN
// @BATTC:END GROUP_RUN
      default: break;
    }
  }

  static void finish_group_program(Env& e, int p, abi::ProgramOut& out, int encode) {
    Prologue& P = e.P;
    (void)P;
    (void)out;
    (void)encode;
    switch (p) {
// @BATTC:BEGIN GROUP_RESULTS
// @BATTC:END GROUP_RESULTS
      default: break;
    }
  }
};

}  // namespace

BATTC_EXPORT const abi::BattInfo* battc_info() {
  static const abi::BattInfo info{abi::kAbiVersion, kPrograms, kNames,      kDiffer,       sizeof(Prologue),
                                  kNodes,           kGroups,   kGroupStart, kGroupPrograms};
  return &info;
}

BATTC_EXPORT void battc_prologue(const abi::TaskIn* task, Ctx* ctx, void* storage) {
  // Zero bytes are every field's empty value (null handles, 0, false), so a
  // fresh Prologue or State is zeroed memory, as in templates/cuda_unit.cu:
  // value-initializing `State{}` of a 4,000-field batt took a fifth of the
  // host compiler's time (its dead-store pass is quadratic in the stores).
  Prologue* P = static_cast<Prologue*>(storage);
  std::memset(storage, 0, sizeof(Prologue));
  Ctx& c = *ctx;
  Pair<Grid, Grid>* pairs = c.alloc<Pair<Grid, Grid>>(task->n_train);
  if (pairs)
    for (i32 i = 0; i < task->n_train; ++i) pairs[i] = Pair<Grid, Grid>{task->train_in[i], task->train_out[i]};
  P->S = Tuple<Pair<Grid, Grid>>{pairs, pairs ? task->n_train : 0};
  Env e{c, c.work_left, nullptr, *P, nullptr};
  run_prologue(e);
}

BATTC_EXPORT void battc_eval(const abi::TaskIn* task, const void* prologue, const abi::SampleIn* s, Ctx* ctx,
                             const u8* want, abi::ProgramOut* out, int encode) {
  (void)task;
  Ctx& c = *ctx;
  i64 work = c.work_left;
  const abi::ProgramTables tables{kNeedStart, kNeed, kStmtStart, kStmts};
  const abi::WantedPrograms asked{want};
  State* V = c.alloc<State>(1);
  abi::init_outcomes(out, kPrograms);
  if (!V) return;
  std::memset(static_cast<void*>(V), 0, sizeof(State));
  Prologue& P = *const_cast<Prologue*>(static_cast<const Prologue*>(prologue));
  for (int n = 0; n < kNodes; ++n) V->st[n] = P.st[n];
  abi::mark_needed(tables, kPrograms, asked, V->need);
  Env e{c, work, s, P, V};
  run_sample(e);
  abi::record_outcomes(c, tables, kPrograms, asked, V->st, out,
                       [&](int k, abi::ProgramOut& o) { finish_program(e, k, o, encode); });
}

// One GPU work item, run on the host: what the stand-in device of the CPU
// tests executes, the same emitted group code as the CUDA unit's kernel.
BATTC_EXPORT void battc_eval_group(const void* prologue, const abi::SampleIn* s, Ctx* ctx, int group,
                                   unsigned long long mask, abi::ProgramOut* out, int encode) {
  Prologue& P = *const_cast<Prologue*>(static_cast<const Prologue*>(prologue));
  Env e{*ctx, ctx->work_left, s, P, nullptr};
  abi::eval_group<GroupUnit>(e, group, mask, out, encode);
}

#endif  // BATTC_MAIN_PART
