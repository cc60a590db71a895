// runtime/abi/group_eval.h: one GPU work item of a grouped unit, the same
// code on the host (battc_eval_group, which the CPU tests run) and the
// device (battc_eval_kernel). A template over the unit: the unit templates
// (templates/host_unit.cpp, templates/cuda_unit.cu) call
// eval_group<GroupUnit>, where GroupUnit names what the generator emitted
// for the groups (generator/emit/emit_groups.cpp). A template rather than a
// fragment included inside the unit: the names it uses are declared here as
// one parameter, the compiler checks them where the unit instantiates it, the
// header compiles on its own, and another engine could bring its own unit.
//
// The group's State is allocated first in the item's arena; the statuses of
// the per-task values it reads are copied from the Prologue, and pointers to
// the values themselves set (group code never names the Prologue); the
// values the asked programs (bit k of `mask`: the group's k-th) need are
// flagged; one call computes them; then each asked program's outcome goes in
// out[k], as battc_eval records a whole-batt evaluation.
#pragma once

#include "runtime/abi/unit_support.h"

namespace battc::abi {

// A program group's State as eval_group sees it: the State itself, its
// status bytes and its need flags (one per slot), and its pointers to the
// per-task values it reads (in the task's Prologue).
struct GroupState {
  void* v = nullptr;
  dsl::u8* st = nullptr;
  dsl::u8* need = nullptr;
  const void** in = nullptr;
};

// A grouped unit's tables (emit_groups.cpp's kGroup*, kG*): group g's
// programs are group_programs[group_start[g] .. group_start[g + 1]); their
// needs and statements are in slots of the group's State; group g's per-task
// values are hoist_node[hoist_start[g] .. hoist_start[g + 1]), each read
// through the State's slot hoist_slot[h].
struct GroupTables {
  const int* group_start;     // kGroupStart
  const int* group_programs;  // kGroupPrograms
  ProgramTables programs;     // kGNeedStart, kGNeed, kGStmtStart, kGStmts
  const int* hoist_start;     // kGHoistStart
  const int* hoist_slot;      // kGHoistSlot
  const int* hoist_node;      // kGHoistNode
};

// What eval_group uses of Unit (the unit templates' GroupUnit):
//   Unit::Env: the unit's Env, with c (the item's dsl::Ctx&), P (the task's
//     Prologue, whose st[] holds the per-task values' statuses) and G (void*:
//     set to the group's State);
//   static GroupTables tables();
//   static GroupState alloc_group_state(dsl::Ctx& c, int g): group g's State,
//     zeroed, first in the arena; {} when it does not fit;
//   static void group_imports(const Prologue& P, int g, const void** in):
//     the State's in[], pointers to its per-task values in P;
//   static void run_group(Env& e, int g): computes the flagged values;
//   static void finish_group_program(Env& e, int p, ProgramOut& out, int encode):
//     program p's returned value into out (abi::record_value).
template <class Unit>
DSL_FN void eval_group(typename Unit::Env& e, int g, dsl::u64 mask, ProgramOut* out, int encode) {
  const GroupTables t = Unit::tables();
  const int n = t.group_start[g + 1] - t.group_start[g];
  const MaskedPrograms asked{t.group_programs + t.group_start[g], mask};
  init_outcomes(out, n);
  GroupState gs = Unit::alloc_group_state(e.c, g);
  if (!gs.v) return;
  e.G = gs.v;
  for (int h = t.hoist_start[g]; h < t.hoist_start[g + 1]; ++h) gs.st[t.hoist_slot[h]] = e.P.st[t.hoist_node[h]];
  Unit::group_imports(e.P, g, gs.in);
  mark_needed(t.programs, n, asked, gs.need);
  Unit::run_group(e, g);
  record_outcomes(e.c, t.programs, n, asked, gs.st, out,
                  [&](int p, ProgramOut& o) { Unit::finish_group_program(e, p, o, encode); });
}

}  // namespace battc::abi
