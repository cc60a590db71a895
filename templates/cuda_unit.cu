// templates/cuda_unit.cu: the translation unit a batt becomes on the GPU,
// compiled by NVRTC to relocatable cubins and linked with nvJitLink against
// the DSL device library. The regions between the @BATTC markers hold the
// text the host unit gets (generator/emit/emit_host.cpp) for the prologue and
// for the program groups (generator/emit/emit_groups.cpp): the same
// statements and tables, here compiled as __device__ code. One thread
// evaluates one work item (one program group on one sample) in its own arena
// slice, in a State holding only that group's values; a prologue kernel
// computes each task's S-only values first. With the default fill-ins it
// compiles alone as an empty batt (a test does so).
//
// The JIT compiles the program groups as modules of their own: the text up
// to "@BATTC:PRELUDE_END" and the texts of one or more groups, each between
// its @BATTC:GROUP lines and naming nothing of the batt
// (runtime/jit/cuda_modules.h), so that a group already compiled in another
// batt comes from the cache. The
// rest, compiled with -DBATTC_GROUP_BODIES=0, is the main module; it may be
// compiled as several parts in parallel (CudaJitOptions::parts:
// -DBATTC_PARTS=n -DBATTC_PART=k): every part has the types and all chunk
// declarations; part k defines the chunks BATTC_IN_PART picks
// (runtime/abi/unit_support.h), part 0 also the kernels and what they call.
// Then one link.
#include "dsl/dsl.h"
#include "dsl/encode.h"
#include "runtime/abi/batt_abi.h"
#include "runtime/abi/group_eval.h"
#include "runtime/abi/unit_support.h"

using namespace battc::dsl;
namespace abi = battc::abi;

#define BATTC_DEV __device__
#define BATTC_TABLE __device__ const
// 0: the groups' functions are declared, not defined (they are modules of
// their own); a split unit defines each in one part.
#ifndef BATTC_GROUP_BODIES
#define BATTC_GROUP_BODIES 1
#endif
#define BATTC_GROUP_BODY(h) (BATTC_GROUP_BODIES && BATTC_IN_PART(h))

namespace battc_unit {

struct Prologue;

struct Env {
  Ctx& c;
  i64 work;
  const abi::SampleIn* s;
  Prologue& P;
  void* G;  // the item's group State; nullptr in the prologue
};

}  // namespace battc_unit

// @BATTC:PRELUDE_END

#if !defined(BATTC_PARTS) || BATTC_PART == 0
#define BATTC_MAIN_PART 1
#else
#define BATTC_MAIN_PART 0
#endif

namespace {

// @BATTC:BEGIN TABLES
constexpr int kPrograms = 0;
constexpr int kNodes = 0;
// @BATTC:END TABLES
// @BATTC:BEGIN GROUP_TABLES
constexpr int kGroups = 0;
BATTC_TABLE int kGroupStart[1] = {0};
BATTC_TABLE int kGroupPrograms[1] = {0};
BATTC_TABLE int kGNeedStart[1] = {0};
BATTC_TABLE int kGNeed[1] = {0};
BATTC_TABLE int kGStmtStart[1] = {0};
BATTC_TABLE int kGStmts[1] = {0};
BATTC_TABLE int kGHoistStart[1] = {0};
BATTC_TABLE int kGHoistSlot[1] = {0};
BATTC_TABLE int kGHoistNode[1] = {0};
// @BATTC:END GROUP_TABLES

}  // namespace

// A named namespace, not an anonymous one: the parts of a split unit must
// agree on these types and link each other's chunk functions.
namespace battc_unit {

struct Prologue {
  Tuple<Pair<Grid, Grid>> S;
  u8 st[kNodes + 1];
// @BATTC:BEGIN PROLOGUE_FIELDS
// @BATTC:END PROLOGUE_FIELDS
};

// @BATTC:BEGIN CHUNKS
// @BATTC:END CHUNKS
// @BATTC:BEGIN GROUP_CHUNKS
// @BATTC:END GROUP_CHUNKS

}  // namespace battc_unit

#if BATTC_MAIN_PART

using namespace battc_unit;

namespace {

// Zero bytes are every field's empty value (null handles, 0, false), so a
// fresh Prologue or State is zeroed memory; no placement new under NVRTC.
__device__ void zero_bytes(void* p, u64 n) {
  u8* b = static_cast<u8*>(p);
  for (u64 i = 0; i < n; ++i) b[i] = 0;
}

__device__ void run_prologue(Env& e) {
  (void)e;
// @BATTC:BEGIN PROLOGUE_CALLS
// @BATTC:END PROLOGUE_CALLS
}

// Not inlined: one copy per value type instead of one per program (the
// switch below has a case per program, each recording and encoding a value).
template <class T>
__device__ __noinline__ void set_result(Env& e, const T& v, abi::ProgramOut& out, int encode) {
  abi::record_value(e.c, *e.s, v, out, encode);
}

// A program group's State, zeroed, first in the item's arena.
template <class G>
__device__ abi::GroupState alloc_group(Ctx& c) {
  G* v = c.alloc<G>(1);
  if (!v) return {};
  zero_bytes(v, sizeof(G));
  return {v, v->st, v->need, v->in};
}

// The unit's program groups as abi::eval_group (runtime/abi/group_eval.h)
// takes them: the emitted group tables and code.
struct GroupUnit {
  using Env = battc_unit::Env;

  __device__ static abi::GroupTables tables() {
    return {kGroupStart, kGroupPrograms, {kGNeedStart, kGNeed, kGStmtStart, kGStmts},
            kGHoistStart, kGHoistSlot, kGHoistNode};
  }

  __device__ static abi::GroupState alloc_group_state(Ctx& c, int g) {
    (void)c;
    switch (g) {
// @BATTC:BEGIN GROUP_ALLOC
// @BATTC:END GROUP_ALLOC
      default: return {};
    }
  }

  __device__ static void group_imports(const Prologue& P, int g, const void** in) {
    (void)P;
    (void)in;
    switch (g) {
// @BATTC:BEGIN GROUP_IMPORTS
// @BATTC:END GROUP_IMPORTS
      default: break;
    }
  }

  __device__ static void run_group(Env& e, int g) {
    (void)e;
    switch (g) {
// @BATTC:BEGIN GROUP_RUN
// @BATTC:END GROUP_RUN
      default: break;
    }
  }

  __device__ static void finish_group_program(Env& e, int p, abi::ProgramOut& out, int encode) {
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

// Sizes the runtime reads with cuModuleGetGlobal.
extern "C" __device__ const unsigned long long battc_prologue_bytes = sizeof(Prologue);
extern "C" __device__ const int battc_n_programs = kPrograms;
// The program groups the unit was emitted with: the executor's items follow them.
extern "C" __device__ const int battc_n_groups = kGroups;
extern "C" __device__ const int* const battc_group_start = kGroupStart;
extern "C" __device__ const int* const battc_group_programs = kGroupPrograms;

// One thread per task: tasks[t]'s S-only values into prologues + t * stride,
// allocating in arena + t * arena_bytes (which must stay alive for the task).
extern "C" __global__ void battc_prologue_kernel(const abi::TaskIn* tasks, int n_tasks, u8* arena,
                                                 unsigned long long arena_bytes, long long work, u8* prologues,
                                                 unsigned long long stride) {
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t >= n_tasks) return;
  Ctx c(arena + u64(t) * arena_bytes, arena_bytes, work);
  Prologue* P = reinterpret_cast<Prologue*>(prologues + u64(t) * stride);
  zero_bytes(P, sizeof(Prologue));
  const abi::TaskIn& task = tasks[t];
  Pair<Grid, Grid>* pairs = c.alloc<Pair<Grid, Grid>>(task.n_train);
  if (pairs)
    for (i32 i = 0; i < task.n_train; ++i) pairs[i] = Pair<Grid, Grid>{task.train_in[i], task.train_out[i]};
  P->S = Tuple<Pair<Grid, Grid>>{pairs, pairs ? task.n_train : 0};
  Env e{c, work, nullptr, *P, nullptr};
  run_prologue(e);
}

// One thread per work item: the asked programs of items[i]'s group on its
// sample (runtime/abi/group_eval.h); outs holds out_stride entries per item,
// entry k for the group's k-th program. item_work > 0 caps the item's work
// over all its statements (dsl::Ctx::item_work_left).
extern "C" __global__ void battc_eval_kernel(const abi::CudaItem* items, int n_items, const u8* prologues,
                                             unsigned long long stride, u8* arena, unsigned long long arena_bytes,
                                             long long work, long long item_work, int out_stride,
                                             abi::ProgramOut* outs, int encode) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n_items) return;
  const abi::CudaItem& item = items[i];
  Ctx c(arena + u64(i) * arena_bytes, arena_bytes, work);
  if (item_work > 0) c.item_work_left = item_work;
  Prologue& P = *reinterpret_cast<Prologue*>(const_cast<u8*>(prologues) + u64(item.task) * stride);
  Env e{c, work, &item.sample, P, nullptr};
  abi::eval_group<GroupUnit>(e, item.group, item.mask, outs + u64(i) * out_stride, encode);
}

#endif  // BATTC_MAIN_PART
