// runtime/exec/spec_engine.cpp: the plan (an op and a slot per node) and
// its walk. Layouts, each slot aligned to its type:
//   prologue storage: st[n_nodes], then the S-only nodes' slots
//   sample state (in the sample's arena): need[n_nodes], st[n_nodes], then
//   the other nodes' slots
// as templates/host_unit.cpp's Prologue and State hold them.
#include "runtime/exec/spec_engine.h"
#include "generator/diag/internal_error.h"

#include <cstring>
#include <stdexcept>

#include "generator/emit/emit_specs.h"
#include "runtime/abi/unit_support.h"

namespace battc::runtime {

using dsl::u8;
using dsl::u32;

namespace {

// An operand's location: the slot's byte offset, with this bit set when the
// slot is in the prologue storage.
constexpr u32 kInPrologue = 0x80000000u;
constexpr int kMaxOperands = 16;

std::size_t align_up(std::size_t x, std::size_t a) { return (x + a - 1) / a * a; }

using STuple = dsl::Tuple<dsl::Pair<dsl::Grid, dsl::Grid>>;

// A slot's size and alignment in bytes (1 and 1 for a node with no value of
// its own: C None, a primitive).
struct SlotShape {
  std::size_t size = 1, align = 1;
};

// The bytes each slot area's slots take (the area starts after the status arrays).
struct AreaTops {
  std::size_t prologue = 0, state = 0;
};

// The loaded spec of `d`; a missing one is a battc bug (callers load them first).
const abi::SpecEntry* loaded_spec(const SpecFinder& find, const generator::SpecDef& d) {
  const abi::SpecEntry* s = find(d.key);
  if (!s || static_cast<int>(s->kind) != static_cast<int>(d.kind))
    battc::internal_error("the spec '" + d.key + "' is not loaded");
  return s;
}

// Places a slot of `shape` at `top` of its area: returns its offset and
// moves `top` past it (an empty value still takes a byte).
u32 place_slot(std::size_t& top, SlotShape shape) {
  // Both areas start 8-aligned (the arena's alignment); nothing needs more.
  if (shape.align > 8 || shape.align == 0) battc::internal_error("a batt value type needs alignment over 8");
  top = align_up(top, shape.align);
  const u32 offset = static_cast<u32>(top);
  top += shape.size ? shape.size : 1;
  return offset;
}

}  // namespace

// The steps of build() are Op's static functions: the header declares only
// Op, and a nested class may fill the engine's private tables.
struct SpecEngine::Op {
  enum class Kind : u8 { Statement, Constant, ParamS, ParamI, ParamC, ParamCNone, Prim } kind;
  bool hoisted = false;
  u32 offset = 0;                // of the node's slot in its area
  abi::StatementFn statement = nullptr;
  abi::ConstantFn constant = nullptr;
  int ca = 0, cb = 0;            // the constant
  u32 arg_begin = 0, n_args = 0;  // into arg_locs_

  // Node `i`'s op without its slot offset, and its slot's shape.
  static Op for_node(const generator::Batt& b, int i, const SpecFinder& find, SlotShape& slot);
  // e.ops_, each slot placed in its area; returns the areas' tops.
  static AreaTops lay_out_slots(SpecEngine& e, const generator::Batt& b, const SpecFinder& find);
  // e's operand tables and each phase's node order, in batt order.
  static void link_operands(SpecEngine& e, const generator::Batt& b);
  // e's per-program tables: needed nodes, statements, result, record, name.
  static void add_programs(SpecEngine& e, const generator::Batt& b, const SpecFinder& find);
};

SpecEngine::Op SpecEngine::Op::for_node(const generator::Batt& b, int i, const SpecFinder& find, SlotShape& slot) {
  using generator::NodeKind;
  using generator::ParamKind;
  const generator::Node& n = b.nodes()[static_cast<std::size_t>(i)];
  Op op{};
  op.hoisted = n.hoisted;
  slot = {};
  if (n.kind == NodeKind::Param) {
    // The engine's own slot types for parameters.
    switch (n.param) {
      case ParamKind::S: op.kind = Kind::ParamS, slot = {sizeof(STuple), alignof(STuple)}; break;
      case ParamKind::I: op.kind = Kind::ParamI, slot = {sizeof(dsl::Grid), alignof(dsl::Grid)}; break;
      case ParamKind::C: op.kind = Kind::ParamC, slot = {sizeof(dsl::Grid), alignof(dsl::Grid)}; break;
      case ParamKind::CNone: op.kind = Kind::ParamCNone; break;
    }
    if (n.hoisted && n.param != ParamKind::S && n.param != ParamKind::CNone)
      battc::internal_error("a per-sample parameter was hoisted");
  } else if (n.kind == NodeKind::Prim) {
    op.kind = Kind::Prim;
  } else {
    const abi::SpecEntry* s = loaded_spec(find, *generator::node_spec(b, i));
    slot = {s->size, s->align};
    if (n.kind == NodeKind::Const) {
      op.kind = Kind::Constant;
      op.constant = reinterpret_cast<abi::ConstantFn>(s->fn);
      op.ca = n.value.a;
      op.cb = n.value.b;
    } else {
      op.kind = Kind::Statement;
      op.statement = reinterpret_cast<abi::StatementFn>(s->fn);
    }
  }
  return op;
}

AreaTops SpecEngine::Op::lay_out_slots(SpecEngine& e, const generator::Batt& b, const SpecFinder& find) {
  AreaTops tops;
  const std::size_t n_nodes = b.nodes().size();
  e.ops_.resize(n_nodes);
  for (std::size_t i = 0; i < n_nodes; ++i) {
    SlotShape slot;
    Op& op = e.ops_[i] = for_node(b, static_cast<int>(i), find, slot);
    op.offset = place_slot(op.hoisted ? tops.prologue : tops.state, slot);
  }
  return tops;
}

void SpecEngine::Op::link_operands(SpecEngine& e, const generator::Batt& b) {
  const auto& nodes = b.nodes();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    Op& op = e.ops_[i];
    op.arg_begin = static_cast<u32>(e.arg_locs_.size());
    op.n_args = static_cast<u32>(nodes[i].args.size());
    if (op.n_args > kMaxOperands) battc::internal_error("a statement with over 16 operands");
    for (int a : nodes[i].args) {
      const Op& arg = e.ops_[static_cast<std::size_t>(a)];
      if (op.hoisted && !arg.hoisted) battc::internal_error("a hoisted node reads a sample node");
      e.arg_locs_.push_back(arg.offset | (arg.hoisted ? kInPrologue : 0));
      e.arg_nodes_.push_back(a);
    }
    (op.hoisted ? e.prologue_order_ : e.sample_order_).push_back(static_cast<int>(i));
  }
}

void SpecEngine::Op::add_programs(SpecEngine& e, const generator::Batt& b, const SpecFinder& find) {
  e.need_start_ = {0};
  e.stmt_start_ = {0};
  for (const generator::BattProgram& p : b.programs()) {
    std::vector<int> needs = generator::sample_needs(b, p);
    e.need_.insert(e.need_.end(), needs.begin(), needs.end());
    e.need_start_.push_back(static_cast<int>(e.need_.size()));
    e.stmts_.insert(e.stmts_.end(), p.stmts.begin(), p.stmts.end());
    e.stmt_start_.push_back(static_cast<int>(e.stmts_.size()));
    e.result_.push_back(p.result);
    const generator::SpecDef record = generator::record_spec(b.nodes()[static_cast<std::size_t>(p.result)].type);
    e.record_.push_back(reinterpret_cast<abi::RecordFn>(loaded_spec(find, record)->fn));
    e.names_.push_back(p.name);
    e.differ_.push_back(p.differ ? 1 : 0);
  }
  for (const std::string& s : e.names_) e.name_ptrs_.push_back(s.c_str());
}

std::shared_ptr<const SpecEngine> SpecEngine::build(const generator::Batt& b, const SpecFinder& find,
                                                    std::shared_ptr<const void> keep_alive) {
  std::shared_ptr<SpecEngine> e(new SpecEngine());
  e->keep_alive_ = std::move(keep_alive);
  e->n_nodes_ = b.nodes().size();

  // Slots: sizes from the specs (the engine's own for parameters and
  // primitive values), areas after the status arrays.
  const AreaTops tops = Op::lay_out_slots(*e, b, find);
  Op::link_operands(*e, b);
  e->prologue_slots_ = align_up(e->n_nodes_, 8);
  e->prologue_bytes_ = align_up(e->prologue_slots_ + tops.prologue, 16);
  e->state_slots_ = align_up(2 * e->n_nodes_, 8);
  e->state_bytes_ = e->state_slots_ + tops.state;
  if (e->prologue_bytes_ >= kInPrologue || e->state_bytes_ >= kInPrologue)
    battc::internal_error("a batt state over 2 GiB");

  Op::add_programs(*e, b, find);
  e->info_ = abi::BattInfo{abi::kAbiVersion,
                           static_cast<dsl::i32>(e->names_.size()),
                           e->name_ptrs_.data(),
                           e->differ_.data(),
                           static_cast<unsigned long long>(e->prologue_bytes_),
                           static_cast<dsl::i32>(e->n_nodes_),
                           0,
                           nullptr,
                           nullptr};
  e->self_ = e;
  return e;
}

BattEntry SpecEngine::entry() const {
  std::shared_ptr<const SpecEngine> self = self_.lock();
  BattEntry out;
  out.info = &info_;
  out.prologue = [self](const abi::TaskIn* t, dsl::Ctx* c, void* s) { self->prologue(t, c, s); };
  out.eval = [self](const abi::TaskIn* t, const void* p, const abi::SampleIn* s, dsl::Ctx* c, const u8* want,
                    abi::ProgramOut* out, int encode) { self->eval(t, p, s, c, want, out, encode); };
  return out;
}

// One node: the template's statement for its kind (emit_host.cpp). A
// failed operand fails the statement without running it (kStOperand);
// operands come before their users, so their status is final. In the
// prologue there is no sample state (state is null; only hoisted nodes run).
void SpecEngine::run_op(const Op& op, dsl::Ctx& c, dsl::i64 work, u8* st, u8* pro, u8* state,
                        const abi::SampleIn* sample) const {
  std::size_t i = static_cast<std::size_t>(&op - ops_.data());
  u8* pro_slots = pro + prologue_slots_;
  u8* state_slots = state ? state + state_slots_ : nullptr;
  void* slot = (op.hoisted ? pro_slots : state_slots) + op.offset;
  switch (op.kind) {
    case Op::Kind::Statement: {
      const void* args[kMaxOperands];
      const u32* loc = arg_locs_.data() + op.arg_begin;
      const int* node = arg_nodes_.data() + op.arg_begin;
      for (u32 k = 0; k < op.n_args; ++k) {
        if (st[node[k]] != 0) {
          st[i] = abi::kStOperand;
          return;
        }
        args[k] = (loc[k] & kInPrologue) ? pro_slots + (loc[k] & ~kInPrologue) : state_slots + loc[k];
      }
      op.statement(c, work, st[i], slot, args);
      return;
    }
    case Op::Kind::Constant:
      op.constant(slot, op.ca, op.cb);
      st[i] = 0;
      return;
    case Op::Kind::ParamS: st[i] = 0; return;  // the slot is written by prologue()
    case Op::Kind::ParamI:
      *static_cast<dsl::Grid*>(slot) = sample->input;
      st[i] = 0;
      return;
    case Op::Kind::ParamC:
      *static_cast<dsl::Grid*>(slot) = sample->expected;
      st[i] = sample->has_expected ? 0 : abi::kStNoOutput;
      return;
    case Op::Kind::ParamCNone: st[i] = abi::kStCIsNone; return;  // C is None in a solver
    case Op::Kind::Prim: st[i] = 0; return;
  }
}

void SpecEngine::prologue(const abi::TaskIn* task, dsl::Ctx* ctx, void* storage) const {
  BATTC_ASSERT_SITE("spec_engine.prologue");  // the boundaries' tests break the engine here
  u8* pro = static_cast<u8*>(storage);
  std::memset(pro, 0, prologue_bytes_);
  dsl::Ctx& c = *ctx;
  auto* pairs = c.alloc<dsl::Pair<dsl::Grid, dsl::Grid>>(task->n_train);
  if (pairs)
    for (dsl::i32 i = 0; i < task->n_train; ++i) pairs[i] = {task->train_in[i], task->train_out[i]};
  STuple S{pairs, pairs ? task->n_train : 0};
  dsl::i64 work = c.work_left;
  for (int i : prologue_order_) {
    const Op& op = ops_[i];
    if (op.kind == Op::Kind::ParamS) std::memcpy(pro + prologue_slots_ + op.offset, &S, sizeof S);
    run_op(op, c, work, pro, pro, nullptr, nullptr);
  }
}

void SpecEngine::eval(const abi::TaskIn*, const void* prologue, const abi::SampleIn* sample, dsl::Ctx* ctx,
                      const u8* want, abi::ProgramOut* out, int encode) const {
  dsl::Ctx& c = *ctx;
  dsl::i64 work = c.work_left;
  const int n_programs = info_.n_programs;
  const abi::ProgramTables tables{need_start_.data(), need_.data(), stmt_start_.data(), stmts_.data()};
  const abi::WantedPrograms asked{want};
  abi::init_outcomes(out, n_programs);
  u8* state = c.alloc<u8>(static_cast<dsl::i64>(state_bytes_));
  if (!state) return;
  u8* pro = static_cast<u8*>(const_cast<void*>(prologue));
  u8* need = state;
  u8* st = state + n_nodes_;
  std::memset(need, 0, n_nodes_);
  std::memcpy(st, pro, n_nodes_);  // the prologue's statuses; the others start at 0 there
  std::memset(state + 2 * n_nodes_, 0, state_bytes_ - 2 * n_nodes_);
  abi::mark_needed(tables, n_programs, asked, need);
  for (int i : sample_order_)
    if (need[i]) run_op(ops_[i], c, work, st, pro, state, sample);
  abi::record_outcomes(c, tables, n_programs, asked, st, out, [&](int k, abi::ProgramOut& o) {
    const Op& op = ops_[result_[k]];
    const u8* value = (op.hoisted ? pro + prologue_slots_ : state + state_slots_) + op.offset;
    record_[k](c, *sample, value, o, encode);
  });
}

}  // namespace battc::runtime
