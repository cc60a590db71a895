// runtime/exec/gpu_execute.cpp: one thread per device (each binds its
// context); the calling thread only reports progress. Devices own disjoint
// tasks, so they write disjoint parts of the result. The CPU re-runs come
// last, on the CPU executor's thread count.
#include "runtime/exec/gpu_execute.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "runtime/exec/completion_check.h"
#include "runtime/exec/cpu_rerun.h"
#include "runtime/exec/device_image.h"
#include "runtime/exec/device_readback.h"
#include "runtime/exec/execute.h"
#include "runtime/exec/host_task.h"
#include "runtime/exec/record_output.h"
#include "runtime/exec/result_skeleton.h"
#include "runtime/exec/work_items.h"

namespace battc::runtime {

namespace {

using dsl::u8;
using Clock = std::chrono::steady_clock;

std::uint64_t round_up(std::uint64_t n, std::uint64_t to) { return (n + to - 1) / to * to; }

// A device allocation, freed with its owner.
class DeviceBuffer {
 public:
  DeviceBuffer(Device& d, std::uint64_t bytes) : d_(d), bytes_(bytes), p_(bytes ? d.alloc(bytes) : 0) {}
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;
  ~DeviceBuffer() {
    if (p_) d_.free(p_);
  }
  DevPtr get() const { return p_; }
  std::pair<DevPtr, DevPtr> range() const { return {p_, p_ + bytes_}; }

 private:
  Device& d_;
  std::uint64_t bytes_;
  DevPtr p_;
};

// What one device leaves besides the records it wrote.
struct DeviceOutcome {
  std::vector<CpuRerun> reruns;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> rerun_of;  // (task, sample) -> reruns index
  std::uint64_t evaluations = 0, calls = 0;
  GpuRunStats stats;
  bool stopped = false;  // ExecOptions::stop ended it before its last round
};

// One launch's items, as the host sees them.
struct LaunchView {
  const ItemRef* items = nullptr;
  std::size_t count = 0;
  DevPtr arena = 0;
  std::uint64_t arena_bytes = 0;
};

// What a device's rounds use: its tasks on the device (the relocated image
// at `image`), its work items, sizes and buffers.
struct DeviceRun {
  Device& dev;
  const std::vector<std::uint32_t>& ids;  // the device's tasks, into the executor's
  const WorkItems& work;
  const DeviceImage& img;
  const std::vector<unsigned char>& reloc;  // the image as uploaded
  const DeviceSizes& sizes;
  int stride_out;  // ProgramOut per item: the largest group
  DevPtr image, prologues, parena, items, outs, iarena;
  DeviceReadback::Buffers buffers;  // the allocations a readback may merge within
};

class GpuExecutor {
 public:
  GpuExecutor(const std::vector<Device*>& devices, const BattEntry& host, const std::vector<Task>& tasks,
              const ExecOptions& opt, const GpuExecOptions& gpu)
      : devices_(devices),
        host_(host),
        info_(*host.info),
        tasks_(tasks),
        opt_(opt),
        gpu_(gpu),
        groups_(devices.empty() ? GroupTable{} : devices.front()->group_table()) {}

  RunResult run(GpuRunStats* stats) {
    auto start = Clock::now();
    result_ = result_skeleton(info_, tasks_, opt_.pairing);
    // The samples' grids on the host, for the search's statistics of every
    // value (ExecOptions::grid_stats), read by the devices' threads.
    if (opt_.grid_stats) {
      host_tasks_.reserve(tasks_.size());
      for (const Task& t : tasks_) host_tasks_.emplace_back(t);
    }
    std::vector<std::uint32_t> paired;
    std::vector<std::size_t> items_per_task;
    std::size_t total = 0;
    for (std::size_t t = 0; t < tasks_.size(); ++t) {
      if (!task_paired(result_.tasks[t])) continue;
      paired.push_back(std::uint32_t(t));
      items_per_task.push_back(result_.tasks[t].samples.size());
      total += items_per_task.back();
    }
    std::vector<double> weights;
    for (Device* d : devices_) weights.push_back(d->weight());
    auto ranges = split_tasks(items_per_task, weights);
    std::vector<DeviceOutcome> outcomes(devices_.size());
    run_devices(paired, ranges, outcomes, total);

    GpuRunStats all;
    std::vector<CpuRerun> reruns;
    for (DeviceOutcome& o : outcomes) {
      result_.evaluations += o.evaluations;
      result_.batt_calls += o.calls;
      result_.partial = result_.partial || o.stopped;
      reruns.insert(reruns.end(), o.reruns.begin(), o.reruns.end());
      all.devices += o.stats.devices;
      all.rounds += o.stats.rounds;
      all.launches += o.stats.launches;
      all.items += o.stats.items;
      all.fallback_evaluations += o.stats.fallback_evaluations;
      all.fallback_samples += o.stats.fallback_samples;
      all.bytes_up += o.stats.bytes_up;
      all.bytes_down += o.stats.bytes_down;
      all.device_seconds += o.stats.device_seconds;
    }
    auto cpu_start = Clock::now();
    rerun_on_cpu(host_, tasks_, opt_, reruns, result_);
    all.cpu_seconds = std::chrono::duration<double>(Clock::now() - cpu_start).count();
    if (opt_.progress) opt_.progress(total, total);
    if (stats) *stats = all;
    result_.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return std::move(result_);
  }

 private:
  // A thread per device with work; this thread ticks progress meanwhile.
  void run_devices(const std::vector<std::uint32_t>& paired,
                   const std::vector<std::pair<std::size_t, std::size_t>>& ranges, std::vector<DeviceOutcome>& outcomes,
                   std::size_t total) {
    std::mutex mu;
    std::condition_variable cv;
    std::exception_ptr failure;
    int running = 0;
    std::vector<std::thread> threads;
    for (std::size_t d = 0; d < devices_.size(); ++d) {
      auto [b, e] = ranges[d];
      if (b == e) continue;
      std::vector<std::uint32_t> ids(paired.begin() + b, paired.begin() + e);
      ++running;
      threads.emplace_back([&, d, ids = std::move(ids)] {
        try {
          run_device(*devices_[d], ids, outcomes[d]);
        } catch (...) {
          std::lock_guard lock(mu);
          if (!failure) failure = std::current_exception();
        }
        std::lock_guard lock(mu);
        --running;
        cv.notify_all();
      });
    }
    {
      std::unique_lock lock(mu);
      while (running > 0) {
        cv.wait_for(lock, std::chrono::milliseconds(200));
        if (opt_.progress && running > 0) {
          lock.unlock();
          opt_.progress(done_.load(), total);
          lock.lock();
        }
      }
    }
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
  }

  // One device's share: its tasks uploaded, the rounds that fit its memory
  // planned and run one after the other.
  void run_device(Device& dev, const std::vector<std::uint32_t>& ids, DeviceOutcome& out) {
    auto start = Clock::now();
    dev.bind_thread();
    check_device(dev);
    out.stats.devices = 1;
    // Free memory before this run's own allocations, which the plan counts.
    const std::uint64_t free_bytes = dev.free_bytes();

    // The tasks, packed and relocated to where they land; the work items.
    std::vector<const Task*> tp;
    std::vector<const TaskResult*> trs;
    for (std::uint32_t id : ids) {
      tp.push_back(&tasks_[id]);
      trs.push_back(&result_.tasks[id]);
    }
    WorkItems work = make_work_items(info_, trs, groups_, opt_.dump);
    DeviceImage img = pack_device_image(tp);
    DeviceBuffer image(dev, img.bytes.size());
    std::vector<unsigned char> reloc = img.relocated(image.get());
    dev.upload(image.get(), reloc.data(), reloc.size());
    out.stats.bytes_up += reloc.size();
    const int stride_out = std::max(groups_.max_size, 1);

    // Sizes, and the rounds that fit.
    const DeviceSizes sizes = device_sizes(gpu_, opt_.arena_bytes, dev.prologue_bytes(), reloc.size(), stride_out);
    BatchPlan plan = plan_batches(work.items_per_task, sizes.footprint, free_bytes, gpu_.memory);
    if (!plan.error.empty()) throw ExecError(dev.name() + ": " + plan.error);

    DeviceBuffer prologues(dev, plan.max_round_tasks * sizes.stride);
    DeviceBuffer parena(dev, plan.max_round_tasks * sizes.prologue_arena);
    DeviceBuffer items(dev, plan.max_launch_items * sizeof(abi::CudaItem));
    DeviceBuffer outs(dev, std::max<std::uint64_t>(plan.max_launch_items * stride_out * sizeof(abi::ProgramOut), 1));
    DeviceBuffer iarena(dev, plan.max_launch_items * sizes.item_arena);
    const DeviceRun run{.dev = dev, .ids = ids, .work = work, .img = img, .reloc = reloc, .sizes = sizes,
                        .stride_out = stride_out, .image = image.get(), .prologues = prologues.get(),
                        .parena = parena.get(), .items = items.get(), .outs = outs.get(), .iarena = iarena.get(),
                        .buffers = {image.range(), prologues.range(), parena.range(), iarena.range()}};
    for (const Round& r : plan.rounds) {
      if (opt_.stop && opt_.stop->load(std::memory_order_relaxed)) {  // an interrupt: no new round
        out.stopped = true;
        break;
      }
      run_round(run, r, out);
    }
    out.stats.device_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }

  // The device's unit is the host's batt, with the groups of the first device.
  void check_device(Device& dev) const {
    const int n = info_.n_programs;
    if (dev.n_programs() != n)
      throw ExecError(dev.name() + ": the CUDA unit has " + std::to_string(dev.n_programs()) +
                      " programs, the host unit " + std::to_string(n) + " (not the same batt)");
    GroupTable dev_groups = dev.group_table();
    if (dev_groups.start != groups_.start || dev_groups.programs != groups_.programs)
      throw ExecError(dev.name() + ": its unit's program groups are not those of " + devices_.front()->name() +
                      " (one batt, one grouping for every device)");
  }

  // One round: its tasks' prologues, then its items in launches.
  void run_round(const DeviceRun& run, const Round& r, DeviceOutcome& out) {
    ++out.stats.rounds;
    PrologueLaunch pl;
    pl.tasks = run.image + run.img.tasks_offset + r.task_begin * sizeof(abi::TaskIn);
    pl.n_tasks = int(r.task_end - r.task_begin);
    pl.arena = run.parena;
    pl.arena_bytes = run.sizes.prologue_arena;
    pl.work = opt_.work_budget;
    pl.prologues = run.prologues;
    pl.stride = run.sizes.stride;
    run.dev.prologue_kernel(pl);
    // Values are encoded on the device when a dump or a differ keeps them;
    // for the search's value hashes (grid_stats, value_hashes), every value
    // but a grid, whose hash comes from its cells (sample_eval.cpp does the same).
    int encode = 0;
    for (std::size_t lt = r.task_begin; lt < r.task_end; ++lt)
      if (run.work.task_encode[lt]) encode = abi::kEncodeValues;
    if (!encode && opt_.grid_stats && opt_.value_hashes) encode = abi::kEncodeNonGrids;
    // The round's items, group by group, so that a warp's threads run the
    // same group's statements on consecutive samples.
    std::size_t first = 0;
    for (std::size_t lt = 0; lt < r.task_begin; ++lt) first += run.work.items_per_task[lt];
    std::size_t count = 0;
    for (std::size_t lt = r.task_begin; lt < r.task_end; ++lt) count += run.work.items_per_task[lt];
    std::vector<ItemRef> round_items(run.work.items.begin() + first, run.work.items.begin() + first + count);
    std::stable_sort(round_items.begin(), round_items.end(),
                     [](const ItemRef& x, const ItemRef& y) { return x.group < y.group; });
    for (auto [a, b] : r.launches) run_launch(run, r, round_items.data() + (a - first), b - a, encode, out);
  }

  // One launch of `n` items from `li`: uploaded, evaluated, their outcomes
  // downloaded and recorded.
  void run_launch(const DeviceRun& run, const Round& r, const ItemRef* li, std::size_t n, int encode,
                  DeviceOutcome& out) {
    std::vector<abi::CudaItem> ci(n);
    for (std::size_t k = 0; k < n; ++k)
      ci[k] = abi::CudaItem{dsl::i32(li[k].task - r.task_begin), dsl::i32(li[k].group), li[k].mask,
                            DeviceImage::sample_in(run.reloc, run.img.samples[li[k].task][li[k].sample])};
    run.dev.upload(run.items, ci.data(), ci.size() * sizeof(abi::CudaItem));
    EvalLaunch el;
    el.items = run.items;
    el.n_items = int(n);
    el.prologues = run.prologues;
    el.stride = run.sizes.stride;
    el.arena = run.iarena;
    el.arena_bytes = run.sizes.item_arena;
    el.work = opt_.work_budget;
    el.item_work = gpu_.item_work;
    el.out_stride = run.stride_out;
    el.outs = run.outs;
    el.encode = encode;
    run.dev.eval_kernel(el);
    std::vector<abi::ProgramOut> host_outs(n * run.stride_out);
    if (!host_outs.empty()) run.dev.download(host_outs.data(), run.outs, host_outs.size() * sizeof(abi::ProgramOut));
    out.stats.bytes_up += ci.size() * sizeof(abi::CudaItem);
    out.stats.bytes_down += host_outs.size() * sizeof(abi::ProgramOut);
    ++out.stats.launches;
    out.stats.items += n;
    DeviceReadback rb(run.dev, run.buffers);
    record_launch(rb, run.ids, LaunchView{li, n, run.iarena, run.sizes.item_arena}, run.stride_out, host_outs, out);
    out.stats.bytes_down += rb.bytes_down();
    done_.fetch_add(n);
  }

  // The launch's ProgramOut rows into the result: grids and texts copied back
  // where they are kept (with grid_stats: every grid, and with value hashes
  // every other value's text, as the CPU records them); `budget` (or not
  // evaluated at all: the item's state did not fit) handed to the CPU, one
  // re-run per sample.
  void record_launch(DeviceReadback& rb, const std::vector<std::uint32_t>& ids, const LaunchView& v, int stride_out,
                     const std::vector<abi::ProgramOut>& outs, DeviceOutcome& out) {
    const int n = info_.n_programs;
    struct Pending {
      std::size_t row;  // into outs
      const ItemRef* item;
      int p;
      long text = -1;  // index into texts
    };
    std::vector<Pending> pending;
    std::vector<std::pair<DevPtr, DevPtr>> texts;
    std::map<std::pair<std::uint32_t, std::uint32_t>, CompletionGoal> goals;  // per (task, sample), as needed
    for (std::size_t k = 0; k < v.count; ++k) {
      const ItemRef& it = v.items[k];
      std::uint32_t t = ids[it.task];
      SampleResult& sr = result_.tasks[t].samples[it.sample];
      if (it.keep_texts) sr.texts.resize(n);
      std::uint64_t n_want = 0, n_back = 0;
      DevPtr slice_end = v.arena + (k + 1) * v.arena_bytes;
      const int g0 = groups_.start[it.group], gn = groups_.start[it.group + 1] - g0;
      for (int j = 0; j < gn; ++j) {
        if (!(it.mask >> j & 1)) continue;
        const int p = groups_.programs[g0 + j];
        ++n_want;
        const std::size_t row = k * std::size_t(stride_out) + j;
        const abi::ProgramOut& o = outs[row];
        if (!o.evaluated || o.status == u8(dsl::Status::Budget)) {
          auto key = std::make_pair(t, it.sample);
          auto [pos, fresh] = out.rerun_of.emplace(key, out.reruns.size());
          if (fresh) {
            out.reruns.push_back(CpuRerun{t, it.sample, std::vector<u8>(n, 0)});
            ++out.stats.fallback_samples;
          }
          out.reruns[pos->second].want[p] = 1;
          ++n_back;
          continue;
        }
        Pending pe{row, &it, p};
        bool ok = o.status == u8(dsl::Status::Ok);
        const bool stats = opt_.grid_stats;
        if (ok && o.is_grid && (sr.is_test || stats))
          rb.want(DevPtr(o.grid.c), std::uint64_t(o.grid.cells()) * sizeof(dsl::Int));
        const bool kept = it.keep_texts && (opt_.dump || info_.program_is_differ[p]);
        if (ok && o.text && (kept || (stats && opt_.value_hashes && !o.is_grid))) {
          pe.text = long(texts.size());
          texts.emplace_back(DevPtr(o.text), slice_end);
        }
        pending.push_back(pe);
      }
      out.evaluations += n_want - n_back;
      out.stats.fallback_evaluations += n_back;
      ++out.calls;
    }
    rb.fetch();
    std::vector<std::string> text = rb.read_texts(texts);
    for (const Pending& pe : pending) {
      SampleResult& sr = result_.tasks[ids[pe.item->task]].samples[pe.item->sample];
      abi::ProgramOut o = outs[pe.row];
      if (o.status == u8(dsl::Status::Ok) && o.is_grid && (sr.is_test || opt_.grid_stats)) {
        std::uint64_t bytes = std::uint64_t(o.grid.cells()) * sizeof(dsl::Int);
        const unsigned char* h = bytes ? rb.host(DevPtr(o.grid.c), bytes) : nullptr;
        if (bytes && !h) throw ExecError("battc bug: a result grid was not copied back");
        o.grid.c = reinterpret_cast<const dsl::Int*>(h);
      }
      o.text = pe.text >= 0 ? text[pe.text].c_str() : nullptr;
      const abi::SampleIn* in =
          opt_.grid_stats ? &host_tasks_[ids[pe.item->task]].samples()[pe.item->sample] : nullptr;
      record_output(o, pe.p, sr, opt_.dump || info_.program_is_differ[pe.p], false, in);
      EvalRecord& rec = sr.evals[std::size_t(pe.p)];
      if (in && opt_.value_hashes && opt_.completions && rec.ok() && !rec.is_grid() && o.text) {
        const CompletionGoal& goal = goal_of(goals, ids[pe.item->task], pe.item->sample, *in);
        if (goal.usable) {
          const CompletionFlags f = completion_check(o.text, goal);
          rec.completes = f.kinds;
          rec.fill_colours = f.fill_colours;
          rec.crop_margins = f.crop_margins;
        }
      }
    }
  }

  // The sample's completion goal (completion_check.h), computed once a launch.
  static const CompletionGoal& goal_of(std::map<std::pair<std::uint32_t, std::uint32_t>, CompletionGoal>& goals,
                                       std::uint32_t t, std::uint32_t sample, const abi::SampleIn& in) {
    auto [it, fresh] = goals.try_emplace({t, sample});
    if (fresh) it->second = completion_goal(in);
    return it->second;
  }

  const std::vector<Device*>& devices_;
  std::vector<HostTask> host_tasks_;  // with grid_stats: every task's grids on the host
  const BattEntry& host_;
  const abi::BattInfo& info_;
  const std::vector<Task>& tasks_;
  const ExecOptions& opt_;
  const GpuExecOptions& gpu_;
  const GroupTable groups_;
  RunResult result_;
  std::atomic<std::size_t> done_{0};
};

}  // namespace

DeviceSizes device_sizes(const GpuExecOptions& gpu, std::uint64_t cpu_arena_bytes, std::uint64_t prologue_bytes,
                         std::uint64_t image_bytes, int largest_group) {
  DeviceSizes s;
  s.stride = round_up(std::max<std::uint64_t>(prologue_bytes, 1), 16);
  s.item_arena = round_up(std::min(gpu.item_arena_bytes, cpu_arena_bytes), 16);
  s.prologue_arena = round_up(std::min(gpu.prologue_arena_bytes, cpu_arena_bytes), 16);
  s.footprint.fixed_bytes = image_bytes;
  s.footprint.per_task_bytes = s.stride + s.prologue_arena;
  s.footprint.per_item_bytes =
      s.item_arena + std::uint64_t(std::max(largest_group, 1)) * sizeof(abi::ProgramOut) + sizeof(abi::CudaItem);
  return s;
}

RunResult execute_on_devices(const std::vector<Device*>& devices, const BattEntry& host, const std::vector<Task>& tasks,
                             const ExecOptions& options, const GpuExecOptions& gpu, GpuRunStats* stats) {
  check_batt_entry(host);
  if (devices.empty()) throw ExecError("the GPU executor was given no device");
  GpuExecutor ex(devices, host, tasks, options, gpu);
  return ex.run(stats);
}

}  // namespace battc::runtime
