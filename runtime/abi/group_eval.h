// runtime/abi/group_eval.h: one GPU work item of a grouped unit, the same
// code on the host (battc_eval_group, which the CPU tests run) and the
// device (battc_eval_kernel). Not a standalone header: the unit templates
// (templates/host_unit.cpp, templates/cuda_unit.cu) include it inside their
// main part, after the emitted group tables and States (generator/emit/
// emit_groups.cpp) and their alloc_group_state, group_imports, run_group and
// finish_group_program, whose names it uses.
//
// The group's State is allocated first in the item's arena; the statuses of
// the per-task values it reads are copied from the Prologue, and pointers to
// the values themselves set (group code never names the Prologue); the
// values the asked programs (bit k of `mask`: the group's k-th) need are
// flagged; one call computes them; then each asked program's outcome goes in
// out[k], as battc_eval records a whole-batt evaluation.

BATTC_DEV void eval_group(Env& e, int g, u64 mask, abi::ProgramOut* out, int encode) {
  Ctx& c = e.c;
  const int* progs = kGroupPrograms + kGroupStart[g];
  const int n = kGroupStart[g + 1] - kGroupStart[g];
  for (int k = 0; k < n; ++k) out[k] = abi::ProgramOut{u8(Status::Budget), 0, 0, 0, u8(Why::Arena), 0, Grid{}, nullptr};
  abi::GroupState gs = alloc_group_state(c, g);
  if (!gs.v) return;
  e.G = gs.v;
  for (int h = kGHoistStart[g]; h < kGHoistStart[g + 1]; ++h) gs.st[kGHoistSlot[h]] = e.P.st[kGHoistNode[h]];
  group_imports(e.P, g, gs.in);
  for (int k = 0; k < n; ++k)
    if (mask >> k & 1)
      for (int j = kGNeedStart[progs[k]]; j < kGNeedStart[progs[k] + 1]; ++j) gs.need[kGNeed[j]] = 1;
  run_group(e, g);
  for (int k = 0; k < n; ++k) {
    if (!(mask >> k & 1)) continue;
    const int p = progs[k];
    out[k].evaluated = 1;
    abi::program_failure(gs.st, kGStmts, kGStmtStart[p], kGStmtStart[p + 1], out[k]);
    c.status = Status::Ok;
    if (out[k].status == 0) finish_group_program(e, p, out[k], encode);
  }
}
