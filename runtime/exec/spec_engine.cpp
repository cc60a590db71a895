// runtime/exec/spec_engine.cpp: the plan, the BattInfo over it, and the
// entry points calling the walk (runtime/abi/spec_walk.h) with the host's
// function table.
#include "runtime/exec/spec_engine.h"

#include "generator/diag/internal_error.h"
#include "runtime/abi/spec_walk.h"

namespace battc::runtime {

std::shared_ptr<const SpecEngine> SpecEngine::build(const generator::Batt& b, const SpecFinder& find,
                                                    std::shared_ptr<const void> keep_alive,
                                                    const std::vector<std::vector<int>>& groups) {
  std::shared_ptr<SpecEngine> e(new SpecEngine());
  e->keep_alive_ = std::move(keep_alive);
  e->plan_ = build_spec_plan(b, groups, find);
  e->fns_ = e->plan_.host_functions();
  for (const generator::BattProgram& p : b.programs()) {
    e->names_.push_back(p.name);
    e->differ_.push_back(p.differ ? 1 : 0);
  }
  for (const std::string& s : e->names_) e->name_ptrs_.push_back(s.c_str());
  e->group_start_ = {0};
  for (const std::vector<int>& g : groups) {
    e->group_programs_.insert(e->group_programs_.end(), g.begin(), g.end());
    e->group_start_.push_back(static_cast<int>(e->group_programs_.size()));
  }
  e->info_ = abi::BattInfo{abi::kAbiVersion,
                           static_cast<dsl::i32>(e->names_.size()),
                           e->name_ptrs_.data(),
                           e->differ_.data(),
                           static_cast<unsigned long long>(e->plan_.prologue_bytes),
                           static_cast<dsl::i32>(b.nodes().size()),
                           static_cast<dsl::i32>(groups.size()),
                           groups.empty() ? nullptr : e->group_start_.data(),
                           groups.empty() ? nullptr : e->group_programs_.data()};
  e->self_ = e;
  return e;
}

BattEntry SpecEngine::entry() const {
  std::shared_ptr<const SpecEngine> self = self_.lock();
  const void* plan = plan_.data();
  void* const* fns = fns_.data();
  BattEntry out;
  out.info = &info_;
  out.prologue = [self, plan, fns](const abi::TaskIn* t, dsl::Ctx* c, void* storage) {
    BATTC_ASSERT_SITE("spec_engine.prologue");  // the boundaries' tests break the engine here
    abi::spec_prologue(plan, fns, *t, *c, storage);
  };
  out.eval = [self, plan, fns](const abi::TaskIn*, const void* pro, const abi::SampleIn* s, dsl::Ctx* c,
                               const dsl::u8* want, abi::ProgramOut* o, int encode) {
    abi::spec_eval(plan, abi::spec_whole_phase(plan), fns, pro, *s, *c, abi::WantedPrograms{want}, o, encode);
  };
  if (info_.n_groups > 0)
    out.eval_group = [self, plan, fns](const void* pro, const abi::SampleIn* s, dsl::Ctx* c, int g,
                                       unsigned long long mask, abi::ProgramOut* o, int encode) {
      abi::spec_eval(plan, abi::spec_group_phase(plan, g), fns, pro, *s, *c, abi::SpecMasked{mask}, o, encode);
    };
  return out;
}

}  // namespace battc::runtime
