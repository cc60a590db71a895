// runtime/jit/batt_entries.cpp: dlsym of the ABI's symbol names, cast to the
// ABI's function types, then one call to battc_info to check the version and
// the shape of the program table.
#include "runtime/jit/batt_entries.h"

#include <string>

namespace battc::runtime::jit {

Result<BattEntries> find_batt_entries(const LoadedModule& module) {
  BattEntries e;
  std::string err;
  auto find = [&](const char* name) -> void* {
    void* p = module.symbol(name, &err);
    return p;
  };
  void* info = find(abi::kInfoSymbol);
  if (!info) return jit_error("entry", std::string("no ") + abi::kInfoSymbol + " in " + module.path(), err);
  void* prologue = find(abi::kPrologueSymbol);
  if (!prologue) return jit_error("entry", std::string("no ") + abi::kPrologueSymbol + " in " + module.path(), err);
  void* eval = find(abi::kEvalSymbol);
  if (!eval) return jit_error("entry", std::string("no ") + abi::kEvalSymbol + " in " + module.path(), err);

  e.info_fn = reinterpret_cast<abi::InfoFn>(info);
  e.prologue = reinterpret_cast<abi::PrologueFn>(prologue);
  e.eval = reinterpret_cast<abi::EvalFn>(eval);
  e.eval_group = reinterpret_cast<abi::EvalGroupFn>(find(abi::kEvalGroupSymbol));
  e.info = e.info_fn();
  if (!e.info) return jit_error("entry", std::string(abi::kInfoSymbol) + " returned null in " + module.path());
  if (e.info->abi_version != abi::kAbiVersion) {
    return jit_error("entry", "ABI version mismatch in " + module.path() + ": the unit has " +
                                  std::to_string(e.info->abi_version) + ", this runtime " +
                                  std::to_string(abi::kAbiVersion));
  }
  if (e.info->n_programs < 0 || (e.info->n_programs > 0 && !e.info->program_names) || e.info->n_groups < 0 ||
      (e.info->n_groups > 0 && (!e.eval_group || !e.info->group_start || !e.info->group_programs))) {
    return jit_error("entry", "malformed program table in " + module.path());
  }
  return e;
}

}  // namespace battc::runtime::jit
