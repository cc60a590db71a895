// dsl/base.h: the ground every DSL header stands on. It compiles under g++,
// nvcc and NVRTC alike, so it includes nothing from the standard library when
// NVRTC compiles it, and it defines the one macro that marks DSL code as
// callable from host and device.
#pragma once

#if defined(__CUDACC__) || defined(__CUDACC_RTC__)
#define DSL_HD __host__ __device__
#else
#define DSL_HD
#endif
// Inline DSL functions (the header-defined ones, templates included).
#define DSL_FN DSL_HD inline

namespace battc::dsl {

using i8 = signed char;
using u8 = unsigned char;
using u16 = unsigned short;
using i32 = int;
using u32 = unsigned int;
using i64 = long long;
using u64 = unsigned long long;

static_assert(sizeof(i32) == 4 && sizeof(i64) == 8 && sizeof(void*) == 8,
              "battc's DSL assumes an LP64 target");

constexpr i32 kInt32Min = -2147483647 - 1;
constexpr i32 kInt32Max = 2147483647;

// The index of x's lowest set bit; x must not be 0.
DSL_FN i32 lowest_bit(u64 x) {
#ifdef __CUDA_ARCH__
  return __ffsll(static_cast<long long>(x)) - 1;
#else
  return __builtin_ctzll(x);
#endif
}

}  // namespace battc::dsl
