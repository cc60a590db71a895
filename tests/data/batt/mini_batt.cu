// tests/data/batt/mini_batt.cu: a hand-written CUDA unit for the CUDA JIT
// tests (tests/nvrtc/cuda_jit_test.cpp), until the generator emits CUDA units:
// one kernel per sample block calling out-of-line DSL primitives (defined only
// in the DSL device library) directly and through closures, as batt code does.
#include "dsl/dsl.h"

using namespace battc::dsl;

extern "C" __global__ void mini_batt_eval(unsigned char* arena, unsigned long long bytes, const Int* cells, int h,
                                          int w, int* out) {
  Ctx c(arena + blockIdx.x * bytes, bytes, 1000000);
  Grid g{cells, h, w};
  Objects objs = objects(c, g, true, false, true);
  Indices twos = ofcolor(c, g, 2);
  Grid painted = fill(c, g, 5, twos);
  auto turned = apply(c, compose(c, fn_rot90{}, lbind(c, lbind(c, fn_fill{}, painted), Int(3))), objs);
  auto found = apply(c, rbind(c, fn_ofcolor{}, Int(3)), turned);
  out[blockIdx.x] = objs.n + found.n + rot90(c, painted).h + int(c.status);
}
