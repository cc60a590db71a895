// templates/spec_kernels.cu: the device specs engine's kernels, the same
// contract as the CUDA unit's (templates/cuda_unit.cu: one thread per task
// for the prologue, one per work item for the evaluation, the same slices of
// arena, prologues and outs) with two more arguments: the spec plan, a
// position-independent block copied to the device as is
// (runtime/abi/spec_plan.h), and its function table, the device addresses of
// the spec functions its ops name (read from the linked spec packs,
// templates/spec_pack.cu). The walk is runtime/abi/spec_walk.h, the very
// code the CPU's spec engine runs. Nothing here depends on a batt: NVRTC
// compiles this module once per architecture and DSL runtime (cached), and a
// new program costs no compile at all.
#include "dsl/dsl.h"
#include "runtime/abi/spec_walk.h"

using namespace battc::dsl;
namespace abi = battc::abi;

// One thread per task: tasks[t]'s S-only values into prologues + t * stride,
// allocating in arena + t * arena_bytes.
extern "C" __global__ void battc_spec_prologue_kernel(const void* plan, void* const* fns, const abi::TaskIn* tasks,
                                                      int n_tasks, u8* arena, unsigned long long arena_bytes,
                                                      long long work, u8* prologues, unsigned long long stride) {
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t >= n_tasks) return;
  Ctx c(arena + u64(t) * arena_bytes, arena_bytes, work);
  abi::spec_prologue(plan, fns, tasks[t], c, prologues + u64(t) * stride);
}

// One thread per work item: the asked programs of items[i]'s group (the
// plan's group phase) on its sample; outs holds out_stride entries per item,
// entry k for the group's k-th program. item_work > 0 caps the item's work
// over all its statements (dsl::Ctx::item_work_left).
extern "C" __global__ void battc_spec_eval_kernel(const void* plan, void* const* fns, const abi::CudaItem* items,
                                                  int n_items, const u8* prologues, unsigned long long stride,
                                                  u8* arena, unsigned long long arena_bytes, long long work,
                                                  long long item_work, int out_stride, abi::ProgramOut* outs,
                                                  int encode) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n_items) return;
  const abi::CudaItem& item = items[i];
  Ctx c(arena + u64(i) * arena_bytes, arena_bytes, work);
  if (item_work > 0) c.item_work_left = item_work;
  abi::spec_eval(plan, abi::spec_group_phase(plan, item.group), fns, prologues + u64(item.task) * stride, item.sample,
                 c, abi::SpecMasked{item.mask}, outs + u64(i) * out_stride, encode);
}
