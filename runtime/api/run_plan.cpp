// runtime/api/run_plan.cpp: the planning the executors do, run on the
// request's tasks and batt with nothing compiled or allocated: the same
// pairing masks (result_skeleton), the same work items (make_work_items),
// the same device split and rounds (split_tasks, plan_batches).
#include "runtime/api/run_plan.h"

#include <fmt/core.h>

#include <algorithm>
#include <thread>

#include "generator/emit/emit_host.h"
#include "generator/ir/program_groups.h"
#include "runtime/api/options.h"
#include "runtime/api/run_gpu.h"
#include "runtime/exec/device_image.h"
#include "runtime/exec/result_skeleton.h"
#include "runtime/exec/want_mask.h"
#include "runtime/exec/work_items.h"
#include "runtime/jit/compile_host.h"

namespace battc::runtime::api {

namespace {

// What the plan knows of the batt before it is compiled: names and differs,
// and the sizes when the unit is in the cache.
struct PlannedBatt {
  std::vector<std::string> names;
  std::vector<const char*> name_ptrs;
  std::vector<dsl::u8> differ;
  abi::BattInfo info{};
  bool unit_cached = false;
  std::optional<std::uint64_t> prologue_bytes;
};

void describe_batt(const generator::Generated& g, const RunRequest& req, PlannedBatt& b) {
  for (const auto& p : g.batt.programs()) {
    b.names.push_back(p.name);
    b.differ.push_back(p.differ ? 1 : 0);
  }
  for (const std::string& s : b.names) b.name_ptrs.push_back(s.c_str());
  b.info = abi::BattInfo{abi::kAbiVersion, dsl::i32(b.names.size()), b.name_ptrs.data(), b.differ.data(), 0,
                         dsl::i32(g.batt.nodes().size()), 0, nullptr, nullptr};
  jit::EmittedUnit unit{"batt", generator::emit_host_unit(g.batt)};
  b.unit_cached = jit::host_unit_cached(unit, req.jit);
  if (!b.unit_cached) return;
  auto loaded = jit::compile_host(unit, req.jit);  // a cache hit: loads the module
  if (!loaded.ok()) return;
  b.prologue_bytes = loaded->info->prologue_bytes;
}

struct PlannedDevice {
  std::string name;
  int multiprocessors = 0;
  std::uint64_t free_bytes = 0;
};

GpuPlan plan_gpu(const RunRequest& req, const generator::Generated& g, const PlannedBatt& b,
                 const std::vector<Task>& tasks, const RunResult& skeleton, const std::vector<PlannedDevice>& devices) {
  GpuPlan p;
  int sms = 0;
  for (const PlannedDevice& d : devices) sms += d.multiprocessors;
  p.threads_wanted = std::uint64_t(std::max(sms, 1)) * kThreadsWantedPerSm;
  auto groups = gpu_program_groups(g.batt, tasks, sms);
  GroupTable table = group_table(groups, int(b.names.size()));
  p.groups = table.size();
  p.group_size = table.max_size;
  auto sharing = generator::group_sharing(g.batt, groups);
  p.group_values = sharing.group_values;
  p.program_values = sharing.program_values;
  for (const auto& n : g.batt.nodes()) p.batt_values += n.hoisted ? 0 : 1;
  for (const auto& grp : groups) {
    auto one = generator::group_sharing(g.batt, {grp});
    p.max_group_values = std::max(p.max_group_values, std::size_t(one.group_values));
  }
  GpuExecOptions gpu;
  gpu.item_arena_bytes = req.gpu_arena_bytes;
  p.item_arena = std::min(gpu.item_arena_bytes, req.exec.arena_bytes);
  p.prologue_arena = std::min(gpu.prologue_arena_bytes, req.exec.arena_bytes);
  p.prologue_bytes = b.prologue_bytes;

  std::vector<std::uint32_t> paired;
  std::vector<std::size_t> samples_per_task;
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    if (!task_paired(skeleton.tasks[t])) continue;
    paired.push_back(std::uint32_t(t));
    samples_per_task.push_back(skeleton.tasks[t].samples.size());
  }
  std::vector<double> weights;
  for (const PlannedDevice& d : devices) weights.push_back(std::max(d.multiprocessors, 1));
  auto ranges = split_tasks(samples_per_task, weights);
  for (std::size_t d = 0; d < devices.size(); ++d) {
    DevicePlan dp;
    dp.name = devices[d].name;
    dp.multiprocessors = devices[d].multiprocessors;
    dp.free_bytes = devices[d].free_bytes;
    std::vector<const Task*> tp;
    std::vector<const TaskResult*> trs;
    for (std::size_t k = ranges[d].first; k < ranges[d].second; ++k) {
      tp.push_back(&tasks[paired[k]]);
      trs.push_back(&skeleton.tasks[paired[k]]);
    }
    dp.tasks = tp.size();
    WorkItems work = make_work_items(b.info, trs, table, req.exec.dump);
    dp.items = work.items.size();
    p.items += dp.items;
    DeviceFootprint fp = device_sizes(gpu, req.exec.arena_bytes, b.prologue_bytes.value_or(0),
                                      pack_device_image(tp).bytes.size(), table.max_size)
                             .footprint;
    p.bytes_per_item = fp.per_item_bytes;
    p.bytes_per_task = fp.per_task_bytes;
    p.fixed_bytes = std::max(p.fixed_bytes, fp.fixed_bytes);
    if (dp.items > 0) {
      BatchPlan bp = plan_batches(work.items_per_task, fp, dp.free_bytes, gpu.memory);
      dp.error = bp.error;
      dp.rounds = bp.rounds.size();
      dp.min_launch_items = dp.items;
      for (const Round& r : bp.rounds)
        for (auto [a, z] : r.launches) {
          ++dp.launches;
          dp.max_launch_items = std::max(dp.max_launch_items, z - a);
          dp.min_launch_items = std::min(dp.min_launch_items, z - a);
        }
      if (bp.error.empty())
        dp.peak_bytes = fp.fixed_bytes + bp.max_round_tasks * fp.per_task_bytes + bp.max_launch_items * fp.per_item_bytes;
    }
    p.per_device.push_back(std::move(dp));
  }
  return p;
}

}  // namespace

ApiResult<RunPlan> plan_run(const RunRequest& req, const std::optional<GpuModel>& model) {
  RunPlan plan;
  // The devices: the model, else the ones present (for cuda and auto).
  std::vector<PlannedDevice> devices;
  if (model) {
    for (int k = 0; k < model->count; ++k)
      devices.push_back(PlannedDevice{model->part, model->multiprocessors, model->free_bytes()});
    plan.backend_why = fmt::format("planned for {} x {} (--gpu-model {}; {} SMs, {:.0f} GB, {})", model->count,
                                   model->part, model->name, model->multiprocessors, model->memory_bytes / 1e9,
                                   model->arch);
  } else if (req.backend != Backend::Cpu) {
    const GpuAvailability& a = gpu_availability();
    for (const GpuPick& pick : a.gpus)
      devices.push_back(PlannedDevice{pick.name, pick.multiprocessors, fresh_process_free_bytes(pick.total_bytes)});
    if (devices.empty() && req.backend == Backend::Cuda)
      return ApiError{ErrorKind::Usage, "--backend cuda: no usable GPU: " + a.why +
                                            " (--gpu-model NAME plans for one: " + gpu_model_names() + ")"};
    plan.backend_why = devices.empty() ? "no usable GPU: " + a.why : fmt::format("{} usable GPU(s)", devices.size());
  } else {
    plan.backend_why = "asked for (--backend cpu)";
  }
  plan.backend = devices.empty() ? "cpu" : "cuda";

  auto tasks = load_request_tasks(req);
  if (!tasks.ok()) return tasks.error();
  auto g = check_programs(req.programs);
  if (g->report.programs == 0 || g->batt.programs().empty())
    return ApiError{ErrorKind::Input, "no program was accepted"};
  plan.programs = g->batt.programs().size();
  plan.rejected = std::size_t(g->report.rejected);
  plan.values = g->batt.nodes().size();
  plan.merged = std::size_t(g->report.merged_duplicates);
  plan.hoisted = std::size_t(g->report.hoisted_s_invariant);

  PlannedBatt b;
  describe_batt(*g, req, b);
  RunResult skeleton = result_skeleton(b.info, *tasks, req.exec.pairing);
  plan.tasks = tasks->size();
  for (const TaskResult& tr : skeleton.tasks) {
    if (!task_paired(tr)) continue;
    ++plan.tasks_paired;
    for (const SampleResult& sr : tr.samples) {
      ++plan.samples;
      for (dsl::u8 w : sample_want_mask(b.info, tr.want, sr.has_expected)) plan.evaluations += w;
    }
  }
  Evaluation ev = resolve_evaluation(req.evaluation, req.exec, !devices.empty(), *tasks);
  plan.evaluation = ev == Evaluation::All ? "all" : "until-train-fails";
  std::string why;
  Engine e = choose_engine(req, b.unit_cached, plan.values, why);
  plan.engine = fmt::format("{} ({})", engine_name(e), why);
  plan.jobs = req.exec.jobs ? req.exec.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (!devices.empty()) plan.gpu = plan_gpu(req, *g, b, *tasks, skeleton, devices);
  return plan;
}

std::string describe_plan(const RunPlan& p) {
  auto mib = [](std::uint64_t b) { return fmt::format("{:.1f} MiB", double(b) / (1 << 20)); };
  std::string s;
  s += fmt::format("tasks: {} ({} paired with some program), {} samples\n", p.tasks, p.tasks_paired, p.samples);
  s += fmt::format("programs: {} accepted ({} rejected), {} values after {} merges, {} in the per-task prologue\n",
                   p.programs, p.rejected, p.values, p.merged, p.hoisted);
  s += fmt::format("evaluations: {} (sample, program) pairs, evaluate {}{}\n", p.evaluations, p.evaluation,
                   p.evaluation == "all" ? "" : " (at most that many: a program stops on a task at its first miss)");
  s += fmt::format("backend: {} ({})\n", p.backend, p.backend_why);
  s += fmt::format("CPU engine: {}; {} worker threads{}\n", p.engine, p.jobs,
                   p.gpu ? " (for the evaluations the GPU gives back)" : "");
  if (!p.gpu) return s;
  const GpuPlan& g = *p.gpu;
  s += fmt::format("groups: {} of up to {} programs, the largest {} values; values per sample: {} in groups, {} in "
                   "the whole batt, {} with each program alone\n",
                   g.groups, g.group_size, g.max_group_values, g.group_values, g.batt_values, g.program_values);
  s += fmt::format("work items: {} (sample, group) with a program asked; {} threads wanted per launch\n", g.items,
                   g.threads_wanted);
  s += fmt::format("bytes per item: {} (arena {} KiB, its group's State first), per task: {} (prologue arena {} "
                   "KiB + {}), fixed: {}\n",
                   g.bytes_per_item, g.item_arena >> 10, g.bytes_per_task, g.prologue_arena >> 10,
                   g.prologue_bytes ? fmt::format("slot {} B", *g.prologue_bytes)
                                    : std::string("a slot whose size is known once the unit is compiled"),
                   mib(g.fixed_bytes));
  for (std::size_t d = 0; d < g.per_device.size(); ++d) {
    const DevicePlan& dp = g.per_device[d];
    s += fmt::format("device {}: {} ({} SMs, {} free): {} tasks, {} items", d, dp.name, dp.multiprocessors,
                     mib(dp.free_bytes), dp.tasks, dp.items);
    if (!dp.error.empty()) {
      s += ": " + dp.error + "\n";
      continue;
    }
    if (dp.items == 0) {
      s += "\n";
      continue;
    }
    std::string threads = dp.min_launch_items == dp.max_launch_items
                              ? fmt::format("{}", dp.max_launch_items)
                              : fmt::format("{} to {}", dp.min_launch_items, dp.max_launch_items);
    s += fmt::format(" in {} round(s), {} launch(es) of {} threads; peak {} of device memory\n", dp.rounds,
                     dp.launches, threads, mib(dp.peak_bytes));
  }
  return s;
}

}  // namespace battc::runtime::api
