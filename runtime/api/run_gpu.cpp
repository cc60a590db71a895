// runtime/api/run_gpu.cpp: compile per architecture, open, execute.
#include "runtime/api/run_gpu.h"

#include <algorithm>
#include <chrono>
#include <memory>

#include "generator/emit/emit_specs.h"
#include "generator/ir/program_groups.h"
#include "runtime/api/cuda_unit.h"
#include "runtime/exec/cuda_device.h"

namespace battc::runtime {

jit::Result<GpuUnits> compile_gpu_units(const generator::Generated& g, const std::vector<std::vector<int>>& groups,
                                        const GpuAvailability& gpus, const std::optional<std::string>& cache_dir) {
  auto t0 = std::chrono::steady_clock::now();
  GpuUnits units;
  std::string source = cuda_unit_source(g, groups);
  for (const GpuPick& pick : gpus.gpus) {
    if (units.by_arch.count(pick.arch)) continue;
    jit::CudaJitOptions co;
    co.arch = pick.arch;
    co.cache_dir = cache_dir;
    co.parts = cuda_parts_for(g);
    auto r = jit::compile_cuda(jit::EmittedUnit{"batt", source}, co);
    if (!r.ok()) return r.error();
    units.all_hits = units.all_hits && r->cache_hit;
    units.by_arch.emplace(pick.arch, std::move(r.value()));
  }
  units.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return units;
}

std::vector<std::vector<int>> gpu_program_groups(const generator::Batt& batt, const std::vector<Task>& tasks,
                                                 int multiprocessors) {
  std::uint64_t samples = 0;
  for (const Task& t : tasks) samples += t.train.size() + t.test.size();
  int size = choose_group_size(samples, int(batt.programs().size()),
                               std::uint64_t(std::max(multiprocessors, 1)) * kThreadsWantedPerSm);
  return generator::program_groups(batt, size);
}

jit::Result<GpuSpecs> prepare_gpu_specs(const generator::Batt& batt, const GpuAvailability& gpus,
                                        std::map<std::string, std::shared_ptr<jit::CudaSpecLibrary>>& libs,
                                        const std::optional<std::string>& cache_dir, unsigned jobs) {
  auto t0 = std::chrono::steady_clock::now();
  const std::vector<generator::SpecDef> defs = generator::batt_specs(batt);
  std::vector<std::string> keys;
  for (const generator::SpecDef& d : defs) keys.push_back(d.key);
  GpuSpecs out;
  for (const GpuPick& pick : gpus.gpus) {
    if (out.by_arch.count(pick.arch)) continue;
    std::shared_ptr<jit::CudaSpecLibrary>& lib = libs[pick.arch];
    if (!lib) {
      auto opened = jit::CudaSpecLibrary::open(pick.arch, cache_dir);
      if (!opened) return opened.error();
      lib = opened.value();
    }
    auto compiled = lib->ensure(defs, jobs);
    if (!compiled) return compiled.error();
    auto linked = lib->link(keys);
    if (!linked) return linked.error();
    out.compile.needed += compiled->needed;
    out.compile.missing += compiled->missing;
    out.compile.packs += compiled->packs;
    out.compile.seconds += compiled->seconds;
    out.all_hits = out.all_hits && compiled->missing == 0 && (*linked)->seconds == 0;
    out.by_arch.emplace(pick.arch, linked.value());
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

// The per-thread stack the spec kernels get (see run_specs_on_gpus).
constexpr std::uint64_t kSpecKernelStackBytes = 8 << 10;

RunResult run_specs_on_gpus(const GpuAvailability& gpus, const GpuSpecs& specs, const SpecEngine& engine,
                            const BattEntry& host, const std::vector<Task>& tasks, const ExecOptions& options,
                            const GpuExecOptions& gpu, GpuRunStats* stats) {
  const SpecPlan& plan = engine.plan();
  std::vector<std::unique_ptr<CudaDevice>> owned;
  std::vector<Device*> devices;
  for (const GpuPick& pick : gpus.gpus) {
    const jit::CudaSpecLink& link = *specs.by_arch.at(pick.arch);
    DeviceSpecBatt batt{plan.data(), plan.bytes(), {}, plan.prologue_bytes, engine.info().n_programs, plan.groups};
    for (const abi::SpecEntry* f : plan.fns) {
      const jit::CudaSpecSlot& slot = link.slots.at(f->key);
      batt.functions.emplace_back(slot.symbol, slot.index);
    }
    // The spec kernels call the specs through a table, so ptxas cannot size
    // their stack and the driver's default (1 KiB a thread) is all they get
    // unless raised: the walk's frame (16 operand pointers) and a spec's own
    // come on top of what the CUDA unit's statically sized kernels need.
    CudaDeviceOptions options;
    options.stack_bytes = kSpecKernelStackBytes;
    owned.push_back(std::make_unique<CudaDevice>(gpus.driver, pick.ordinal, link.cubin, options, &batt));
    devices.push_back(owned.back().get());
  }
  return execute_on_devices(devices, host, tasks, options, gpu, stats);
}

RunResult run_on_gpus(const GpuAvailability& gpus, const GpuUnits& units, const BattEntry& host,
                      const std::vector<Task>& tasks, const ExecOptions& options, const GpuExecOptions& gpu,
                      GpuRunStats* stats) {
  std::vector<std::unique_ptr<CudaDevice>> owned;
  std::vector<Device*> devices;
  for (const GpuPick& pick : gpus.gpus) {
    owned.push_back(std::make_unique<CudaDevice>(gpus.driver, pick.ordinal, units.by_arch.at(pick.arch).cubin));
    devices.push_back(owned.back().get());
  }
  return execute_on_devices(devices, host, tasks, options, gpu, stats);
}

}  // namespace battc::runtime
