// runtime/exec/cuda_device.cpp: every driver call checked; kernels run to
// completion (cuCtxSynchronize) so a fault is reported at its launch.
#include "runtime/exec/cuda_device.h"

#include <algorithm>
#include <map>
#include <vector>

namespace battc::runtime {

using namespace cuda;

CudaDevice::CudaDevice(std::shared_ptr<const Driver> driver, int ordinal, const std::vector<char>& cubin,
                       const CudaDeviceOptions& options, const DeviceSpecBatt* specs)
    : drv_(std::move(driver)), opt_(options), specs_(specs != nullptr) {
  const DriverApi& a = drv_->api();
  for (const DeviceInfo& d : drv_->devices())
    if (d.ordinal == ordinal) info_ = d;
  drv_->check(a.cuDeviceGet(&dev_, ordinal), "cuDeviceGet");
  drv_->check(a.cuDevicePrimaryCtxRetain(&ctx_, dev_), "cuDevicePrimaryCtxRetain");
  try {
    bind_thread();
    if (opt_.stack_bytes > 0) {
      std::size_t now = 0;
      drv_->check(a.cuCtxGetLimit(&now, CU_LIMIT_STACK_SIZE), "cuCtxGetLimit(stack)");
      if (now < opt_.stack_bytes)
        drv_->check(a.cuCtxSetLimit(CU_LIMIT_STACK_SIZE, opt_.stack_bytes), "cuCtxSetLimit(stack)");
    }
    drv_->check(a.cuModuleLoadData(&module_, cubin.data()), "cuModuleLoadData (the batt's cubin)");
    const char* prologue = specs_ ? "battc_spec_prologue_kernel" : "battc_prologue_kernel";
    const char* eval = specs_ ? "battc_spec_eval_kernel" : "battc_eval_kernel";
    drv_->check(a.cuModuleGetFunction(&prologue_fn_, module_, prologue), prologue);
    drv_->check(a.cuModuleGetFunction(&eval_fn_, module_, eval), eval);
    auto block_of = [&](CUfunction f) {
      int max = 0;
      drv_->check(a.cuFuncGetAttribute(&max, CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK, f), "cuFuncGetAttribute");
      return std::max(1u, std::min(opt_.block_size, unsigned(max)));
    };
    prologue_block_ = block_of(prologue_fn_);
    eval_block_ = block_of(eval_fn_);
    if (specs_) load_spec_batt(*specs);
    else read_unit_globals();
  } catch (...) {
    if (a.cuCtxSetCurrent(ctx_) == CUDA_SUCCESS)
      for (DevPtr p : live_) a.cuMemFree_v2(p);
    if (module_) a.cuModuleUnload(module_);
    a.cuDevicePrimaryCtxRelease_v2(dev_);
    throw;
  }
}

void CudaDevice::read_global(const char* name, void* dst, std::size_t want) {
  const DriverApi& a = drv_->api();
  CUdeviceptr p = 0;
  std::size_t size = 0;
  drv_->check(a.cuModuleGetGlobal_v2(&p, &size, module_, name), name);
  if (size != want)
    throw CudaError(std::string(name) + " has " + std::to_string(size) + " bytes, not " + std::to_string(want));
  drv_->check(a.cuMemcpyDtoH_v2(dst, p, size), name);
}

void CudaDevice::read_unit_globals() {
  const DriverApi& a = drv_->api();
  unsigned long long pb = 0;
  read_global("battc_prologue_bytes", &pb, sizeof pb);
  prologue_bytes_ = pb;
  read_global("battc_n_programs", &n_programs_, sizeof n_programs_);
  // The group tables: their sizes, then the arrays the pointers point at.
  int n_groups = 0;
  read_global("battc_n_groups", &n_groups, sizeof n_groups);
  CUdeviceptr start = 0, programs = 0;
  read_global("battc_group_start", &start, sizeof start);
  read_global("battc_group_programs", &programs, sizeof programs);
  std::vector<int> s(std::size_t(std::max(n_groups, 0)) + 1), p(std::size_t(std::max(n_programs_, 0)));
  drv_->check(a.cuMemcpyDtoH_v2(s.data(), start, s.size() * sizeof(int)), "battc_group_start");
  if (!p.empty()) drv_->check(a.cuMemcpyDtoH_v2(p.data(), programs, p.size() * sizeof(int)), "battc_group_programs");
  std::vector<std::vector<int>> groups;
  for (int g = 0; g < n_groups; ++g) groups.emplace_back(p.begin() + s[g], p.begin() + s[g + 1]);
  groups_ = runtime::group_table(groups, n_programs_);
}

// Each pack's table read once (its size says its entries); the plan's
// functions in its order, as device addresses, then both copied up.
void CudaDevice::load_spec_batt(const DeviceSpecBatt& specs) {
  const DriverApi& a = drv_->api();
  std::map<std::string, std::vector<std::uint64_t>> tables;
  std::vector<std::uint64_t> fns;
  for (const auto& [symbol, index] : specs.functions) {
    auto it = tables.find(symbol);
    if (it == tables.end()) {
      CUdeviceptr p = 0;
      std::size_t size = 0;
      drv_->check(a.cuModuleGetGlobal_v2(&p, &size, module_, symbol.c_str()), symbol.c_str());
      std::vector<std::uint64_t> t(size / sizeof(std::uint64_t));
      if (!t.empty()) drv_->check(a.cuMemcpyDtoH_v2(t.data(), p, t.size() * sizeof(std::uint64_t)), symbol.c_str());
      it = tables.emplace(symbol, std::move(t)).first;
    }
    if (index < 0 || std::size_t(index) >= it->second.size() || it->second[std::size_t(index)] == 0)
      throw CudaError(symbol + " has no entry " + std::to_string(index));
    fns.push_back(it->second[std::size_t(index)]);
  }
  plan_ = alloc(std::max<std::size_t>(specs.plan_bytes, 8));
  upload(plan_, specs.plan, specs.plan_bytes);
  fns_ = alloc(std::max<std::size_t>(fns.size(), 1) * sizeof(std::uint64_t));
  upload(fns_, fns.data(), fns.size() * sizeof(std::uint64_t));
  prologue_bytes_ = specs.prologue_bytes;
  n_programs_ = specs.n_programs;
  groups_ = runtime::group_table(specs.groups, n_programs_);
}

CudaDevice::~CudaDevice() {
  const DriverApi& a = drv_->api();
  if (a.cuCtxSetCurrent(ctx_) == CUDA_SUCCESS) {
    for (DevPtr p : live_) a.cuMemFree_v2(p);
    if (module_) a.cuModuleUnload(module_);
  }
  a.cuDevicePrimaryCtxRelease_v2(dev_);
}

std::string CudaDevice::name() const {
  return "GPU " + std::to_string(info_.ordinal) + " (" + info_.name + ", sm_" + std::to_string(info_.cc_major) +
         std::to_string(info_.cc_minor) + ")";
}

void CudaDevice::bind_thread() { drv_->check(drv_->api().cuCtxSetCurrent(ctx_), "cuCtxSetCurrent"); }

std::uint64_t CudaDevice::free_bytes() {
  std::size_t free = 0, total = 0;
  drv_->check(drv_->api().cuMemGetInfo_v2(&free, &total), "cuMemGetInfo");
  return free;
}

DevPtr CudaDevice::alloc(std::uint64_t bytes) {
  CUdeviceptr p = 0;
  drv_->check(drv_->api().cuMemAlloc_v2(&p, bytes), ("cuMemAlloc of " + std::to_string(bytes) + " bytes").c_str());
  live_.insert(p);
  return p;
}

void CudaDevice::free(DevPtr p) {
  if (live_.erase(p)) drv_->check(drv_->api().cuMemFree_v2(p), "cuMemFree");
}

void CudaDevice::upload(DevPtr dst, const void* src, std::uint64_t bytes) {
  if (bytes) drv_->check(drv_->api().cuMemcpyHtoD_v2(dst, src, bytes), "cuMemcpyHtoD");
}

void CudaDevice::download(void* dst, DevPtr src, std::uint64_t bytes) {
  if (bytes) drv_->check(drv_->api().cuMemcpyDtoH_v2(dst, src, bytes), "cuMemcpyDtoH");
}

void CudaDevice::launch(CUfunction f, unsigned block, int n, void** args, const char* what) {
  if (n <= 0) return;
  unsigned grid = (unsigned(n) + block - 1) / block;
  const DriverApi& a = drv_->api();
  drv_->check(a.cuLaunchKernel(f, grid, 1, 1, block, 1, 1, 0, nullptr, args, nullptr), what);
  drv_->check(a.cuCtxSynchronize(), what);
}

// The parameters in the kernels' order (templates/cuda_unit.cu); pointers
// travel as 64-bit device addresses.
// The spec kernels (templates/spec_kernels.cu) take the plan and its
// function table first.
void CudaDevice::prologue_kernel(const PrologueLaunch& l) {
  PrologueLaunch c = l;
  void* args[] = {&plan_, &fns_, &c.tasks, &c.n_tasks, &c.arena, &c.arena_bytes, &c.work, &c.prologues, &c.stride};
  launch(prologue_fn_, prologue_block_, c.n_tasks, specs_ ? args : args + 2, "the prologue kernel");
}

void CudaDevice::eval_kernel(const EvalLaunch& l) {
  EvalLaunch c = l;
  void* args[] = {&plan_,    &fns_,   &c.items,   &c.n_items,   &c.prologues,  &c.stride, &c.arena,
                  &c.arena_bytes, &c.work, &c.item_work, &c.out_stride, &c.outs, &c.encode};
  launch(eval_fn_, eval_block_, c.n_items, specs_ ? args : args + 2, "the evaluation kernel");
}

}  // namespace battc::runtime
