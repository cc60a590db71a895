// templates/spec_pack.cu: a device spec pack, the __device__ twin of
// templates/spec_pack.cpp: the same specializations (the same code text per
// key, generator/emit/emit_specs.cpp), compiled by NVRTC to a relocatable
// cubin and linked by nvJitLink with the spec kernels
// (templates/spec_kernels.cu) and the DSL device library. Its table holds
// the device address of each spec function, in the order of the pack's keys;
// the runtime reads it by its name (one per pack, so that packs link side
// by side) and gives the kernels the addresses a plan's function table needs
// (runtime/exec/cuda_device.cpp). With the default fill-ins it compiles
// alone as an empty pack.
#include "dsl/dsl.h"
#include "dsl/encode.h"
#include "runtime/abi/spec_abi.h"
#include "runtime/abi/unit_support.h"

using namespace battc::dsl;
namespace abi = battc::abi;

namespace {

// Operand k of a statement, as type T.
template <class T>
__device__ const T& arg(const void* const* a, int k) {
  return *static_cast<const T*>(a[k]);
}

// A value slot is raw memory of the engine's state (the host pack asserts
// that its types are trivially copyable; these are the same types).
template <class T>
__device__ T& slot(void* out) {
  return *static_cast<T*>(out);
}

template <class T>
__device__ void record(Ctx& c, const abi::SampleIn& s, const void* v, abi::ProgramOut& out, int encode) {
  abi::record_value(c, s, *static_cast<const T*>(v), out, encode);
}

// @BATTC:BEGIN SPECS
// @BATTC:END SPECS

}  // namespace

// A table entry: a spec function's device address, of its kind's type (a
// constant initializer, as a __device__ variable needs; the runtime reads
// each as 8 bytes).
union BattcSpecFn {
  abi::StatementFn statement;
  abi::ConstantFn constant;
  abi::RecordFn record;
};

// @BATTC:BEGIN TABLE
extern "C" __device__ const BattcSpecFn battc_spec_table_empty[1] = {{.statement = nullptr}};
// @BATTC:END TABLE
