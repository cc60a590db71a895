// runtime/exec/spec_plan_builder.cpp: each node's op and slot shape, then
// the phases in local numbering (runtime/abi/spec_plan.h), then the block.
// Storage layouts, each slot aligned to its type:
//   the prologue: st[n_local], then the S-only values' slots
//   a sample's state (in its arena): need[n_local], st[n_local], then the slots
#include "runtime/exec/spec_plan_builder.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "generator/diag/internal_error.h"
#include "generator/emit/emit_specs.h"
#include "runtime/abi/spec_plan.h"
#include "runtime/abi/spec_walk.h"

namespace battc::runtime {

using abi::SpecOp;
using abi::SpecOpKind;
using dsl::u32;

namespace {

std::size_t align_up(std::size_t x, std::size_t a) { return (x + a - 1) / a * a; }

// A node's op (without its phase's numbers) and its slot's size and
// alignment (1 and 1 for a node with no value of its own: C None, a
// primitive).
struct NodeOp {
  SpecOp op{};
  std::size_t size = 1, align = 1;
};

// The function table: each spec once, numbered in first use.
struct FnTable {
  std::vector<const abi::SpecEntry*> fns;
  std::map<const abi::SpecEntry*, u32> index;

  u32 of(const SpecFinder& find, const generator::SpecDef& d) {
    const abi::SpecEntry* s = find(d.key);
    if (!s || static_cast<int>(s->kind) != static_cast<int>(d.kind))
      battc::internal_error("the spec '" + d.key + "' is not loaded");
    auto [it, added] = index.emplace(s, static_cast<u32>(fns.size()));
    if (added) fns.push_back(s);
    return it->second;
  }
};

NodeOp node_op(const generator::Batt& b, int i, const SpecFinder& find, FnTable& table) {
  using generator::NodeKind;
  using generator::ParamKind;
  const generator::Node& n = b.nodes()[static_cast<std::size_t>(i)];
  NodeOp r;
  if (n.kind == NodeKind::Param) {
    // The engine's own slot types for parameters.
    auto grid = [&r](SpecOpKind k) { r.op.kind = static_cast<dsl::u8>(k), r.size = sizeof(dsl::Grid), r.align = alignof(dsl::Grid); };
    switch (n.param) {
      case ParamKind::S:
        r.op.kind = static_cast<dsl::u8>(SpecOpKind::ParamS), r.size = sizeof(abi::SpecS), r.align = alignof(abi::SpecS);
        break;
      case ParamKind::I: grid(SpecOpKind::ParamI); break;
      case ParamKind::C: grid(SpecOpKind::ParamC); break;
      case ParamKind::CNone: r.op.kind = static_cast<dsl::u8>(SpecOpKind::ParamCNone); break;
    }
    if (n.hoisted && n.param != ParamKind::S && n.param != ParamKind::CNone)
      battc::internal_error("a per-sample parameter was hoisted");
    return r;
  }
  if (n.kind == NodeKind::Prim) {
    r.op.kind = static_cast<dsl::u8>(SpecOpKind::Prim);
    return r;
  }
  const generator::SpecDef d = *generator::node_spec(b, i);
  r.op.fn = table.of(find, d);
  const abi::SpecEntry* s = table.fns[r.op.fn];
  r.size = s->size;
  r.align = s->align;
  if (n.kind == NodeKind::Const) {
    r.op.kind = static_cast<dsl::u8>(SpecOpKind::Constant);
    r.op.ca = n.value.a;
    r.op.cb = n.value.b;
  } else {
    r.op.kind = static_cast<dsl::u8>(SpecOpKind::Statement);
  }
  if (n.args.size() > static_cast<std::size_t>(abi::kSpecMaxOperands))
    battc::internal_error("a statement with over 16 operands");
  r.op.n_args = static_cast<dsl::u8>(n.args.size());
  return r;
}

// Places a slot at `top` of its area: returns its offset and moves `top`
// past it (an empty value still takes a byte).
u32 place_slot(std::size_t& top, const NodeOp& n) {
  // Every area starts 8-aligned (the arena's alignment); nothing needs more.
  if (n.align > 8 || n.align == 0) battc::internal_error("a batt value type needs alignment over 8");
  top = align_up(top, n.align);
  const std::size_t offset = top;
  top += n.size ? n.size : 1;
  if (top >= abi::kSpecInPrologue) battc::internal_error("a batt state over 2 GiB");
  return static_cast<u32>(offset);
}

// One phase before it is written into the block.
struct Phase {
  std::vector<SpecOp> ops;
  std::vector<u32> arg_loc, arg_local, imports, result_loc, record_fn;
  std::vector<int> programs, need_start{0}, need, stmt_start{0}, stmts;
  u32 n_local = 0, slots_at = 0, state_bytes = 0;
  std::size_t slot_bytes = 0;
};

// What every phase reads of the nodes: their ops, and the prologue's
// numbering (local index and slot of each S-only node).
struct Nodes {
  std::vector<NodeOp> ops;
  std::vector<int> pro_local;  // -1 for a sample node
  std::vector<u32> pro_offset;
};

// The operands of `op` (node i) into the phase's tables, each through `where`
// (node -> {location, local index}).
template <class Where>
void add_operands(const generator::Batt& b, int i, SpecOp& op, Phase& ph, const Where& where) {
  op.arg_begin = static_cast<u32>(ph.arg_loc.size());
  for (int a : b.nodes()[static_cast<std::size_t>(i)].args) {
    auto [loc, local] = where(a);
    ph.arg_loc.push_back(loc);
    ph.arg_local.push_back(local);
  }
}

Phase prologue_phase(const generator::Batt& b, Nodes& nodes) {
  Phase ph;
  const int n = static_cast<int>(b.nodes().size());
  nodes.pro_local.assign(static_cast<std::size_t>(n), -1);
  nodes.pro_offset.assign(static_cast<std::size_t>(n), 0);
  for (int i = 0; i < n; ++i) {
    if (!b.nodes()[static_cast<std::size_t>(i)].hoisted) continue;
    NodeOp& no = nodes.ops[static_cast<std::size_t>(i)];
    SpecOp op = no.op;
    op.local = ph.n_local++;
    op.offset = place_slot(ph.slot_bytes, no);
    nodes.pro_local[static_cast<std::size_t>(i)] = static_cast<int>(op.local);
    nodes.pro_offset[static_cast<std::size_t>(i)] = op.offset;
    add_operands(b, i, op, ph, [&](int a) {
      if (nodes.pro_local[static_cast<std::size_t>(a)] < 0) battc::internal_error("a hoisted node reads a sample node");
      return std::pair<u32, u32>{nodes.pro_offset[static_cast<std::size_t>(a)],
                                 static_cast<u32>(nodes.pro_local[static_cast<std::size_t>(a)])};
    });
    ph.ops.push_back(op);
  }
  ph.slots_at = static_cast<u32>(align_up(ph.n_local, 8));
  ph.state_bytes = static_cast<u32>(ph.slots_at + ph.slot_bytes);
  return ph;
}

// The phase of `programs`: the sample values they need (their own slots),
// the S-only values they read (imports), their tables in local numbers.
Phase program_phase(const generator::Batt& b, const Nodes& nodes, const std::vector<int>& programs,
                    const std::vector<std::vector<int>>& needs, const SpecFinder& find, FnTable& table) {
  const std::size_t n = b.nodes().size();
  std::vector<char> computed(n, 0), imported(n, 0);
  auto import = [&](int i) {
    if (nodes.pro_local[static_cast<std::size_t>(i)] >= 0) imported[static_cast<std::size_t>(i)] = 1;
  };
  for (int p : programs) {
    const generator::BattProgram& bp = b.programs()[static_cast<std::size_t>(p)];
    for (int i : needs[static_cast<std::size_t>(p)]) {
      computed[static_cast<std::size_t>(i)] = 1;
      for (int a : b.nodes()[static_cast<std::size_t>(i)].args) import(a);
    }
    for (int s : bp.stmts) import(s);
    import(bp.result);
  }
  Phase ph;
  std::vector<int> local(n, -1);
  for (std::size_t i = 0; i < n; ++i)
    if (imported[i]) {
      local[i] = static_cast<int>(ph.n_local++);
      ph.imports.push_back(static_cast<u32>(nodes.pro_local[i]));
      ph.imports.push_back(static_cast<u32>(local[i]));
    }
  for (std::size_t i = 0; i < n; ++i)
    if (computed[i]) local[i] = static_cast<int>(ph.n_local++);
  std::vector<u32> offset(n, 0);
  auto where = [&](int a) {
    const auto k = static_cast<std::size_t>(a);
    if (local[k] < 0) battc::internal_error("a spec plan phase reads a value it neither computes nor imports");
    const u32 loc = imported[k] ? (nodes.pro_offset[k] | abi::kSpecInPrologue) : offset[k];
    return std::pair<u32, u32>{loc, static_cast<u32>(local[k])};
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (!computed[i]) continue;
    SpecOp op = nodes.ops[i].op;
    op.local = static_cast<u32>(local[i]);
    op.offset = offset[i] = place_slot(ph.slot_bytes, nodes.ops[i]);
    add_operands(b, static_cast<int>(i), op, ph, where);
    ph.ops.push_back(op);
  }
  for (int p : programs) {
    const generator::BattProgram& bp = b.programs()[static_cast<std::size_t>(p)];
    ph.programs.push_back(p);
    for (int i : needs[static_cast<std::size_t>(p)]) ph.need.push_back(local[static_cast<std::size_t>(i)]);
    ph.need_start.push_back(static_cast<int>(ph.need.size()));
    for (int s : bp.stmts) ph.stmts.push_back(static_cast<int>(where(s).second));
    ph.stmt_start.push_back(static_cast<int>(ph.stmts.size()));
    ph.result_loc.push_back(where(bp.result).first);
    ph.record_fn.push_back(table.of(find, generator::record_spec(b.nodes()[static_cast<std::size_t>(bp.result)].type)));
  }
  ph.slots_at = static_cast<u32>(align_up(2 * std::size_t(ph.n_local), 8));
  ph.state_bytes = static_cast<u32>(ph.slots_at + ph.slot_bytes);
  return ph;
}

// The block: header, arrays, phases; offsets checked to fit 32 bits.
class BlockWriter {
 public:
  BlockWriter() { bytes_.resize(sizeof(abi::SpecPlanHeader)); }
  template <class T>
  u32 put(const std::vector<T>& v) {
    static_assert(alignof(T) <= 8 && std::is_trivially_copyable_v<T>);
    const std::size_t at = align_up(bytes_.size(), 8);
    bytes_.resize(at + v.size() * sizeof(T));
    if (!v.empty()) std::memcpy(bytes_.data() + at, v.data(), v.size() * sizeof(T));
    if (bytes_.size() >= 0xffffffffu) battc::internal_error("a spec plan over 4 GiB");
    return static_cast<u32>(at);
  }
  abi::SpecPhase put_phase_arrays(const Phase& ph) {
    abi::SpecPhase r{};
    r.ops = put(ph.ops), r.n_ops = static_cast<u32>(ph.ops.size());
    r.arg_loc = put(ph.arg_loc), r.arg_local = put(ph.arg_local);
    r.n_local = ph.n_local;
    r.slot_bytes = static_cast<u32>(ph.slot_bytes);
    r.state_bytes = ph.state_bytes;
    r.slots_at = ph.slots_at;
    r.imports = put(ph.imports), r.n_imports = static_cast<u32>(ph.imports.size() / 2);
    r.n_programs = static_cast<u32>(ph.programs.size());
    r.programs = put(ph.programs);
    r.need_start = put(ph.need_start), r.need = put(ph.need);
    r.stmt_start = put(ph.stmt_start), r.stmts = put(ph.stmts);
    r.result_loc = put(ph.result_loc), r.record_fn = put(ph.record_fn);
    return r;
  }
  std::vector<std::uint64_t> finish(abi::SpecPlanHeader h) {
    h.bytes = static_cast<u32>(align_up(bytes_.size(), 8));
    bytes_.resize(h.bytes);
    std::memcpy(bytes_.data(), &h, sizeof h);
    std::vector<std::uint64_t> block(h.bytes / 8);
    std::memcpy(block.data(), bytes_.data(), h.bytes);
    return block;
  }

 private:
  std::vector<unsigned char> bytes_;
};

}  // namespace

std::vector<void*> SpecPlan::host_functions() const {
  std::vector<void*> out;
  for (const abi::SpecEntry* s : fns) out.push_back(s->fn);
  return out;
}

SpecPlan build_spec_plan(const generator::Batt& b, const std::vector<std::vector<int>>& groups,
                         const SpecFinder& find) {
  FnTable table;
  Nodes nodes;
  for (int i = 0; i < static_cast<int>(b.nodes().size()); ++i) nodes.ops.push_back(node_op(b, i, find, table));
  std::vector<std::vector<int>> needs;
  for (const generator::BattProgram& p : b.programs()) needs.push_back(generator::sample_needs(b, p));

  std::vector<Phase> phases;
  phases.push_back(prologue_phase(b, nodes));
  for (const std::vector<int>& g : groups) {
    if (g.empty() || g.size() > static_cast<std::size_t>(abi::kMaxGroupPrograms))
      battc::internal_error("a program group of no program or over 64");
    phases.push_back(program_phase(b, nodes, g, needs, find, table));
  }
  std::vector<int> all(b.programs().size());
  for (std::size_t p = 0; p < all.size(); ++p) all[p] = static_cast<int>(p);
  phases.push_back(program_phase(b, nodes, all, needs, find, table));

  BlockWriter w;
  std::vector<abi::SpecPhase> written;
  for (const Phase& ph : phases) written.push_back(w.put_phase_arrays(ph));
  abi::SpecPlanHeader h{};
  h.version = abi::kSpecPlanVersion;
  h.n_groups = static_cast<u32>(groups.size());
  h.n_fns = static_cast<u32>(table.fns.size());
  h.phases = w.put(written);

  SpecPlan plan;
  plan.block = w.finish(h);
  plan.fns = std::move(table.fns);
  plan.prologue_bytes = align_up(phases.front().state_bytes, 16);
  plan.groups = groups;
  return plan;
}

}  // namespace battc::runtime
