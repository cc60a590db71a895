// dsl/tk_objects_fused.h: several object extractions of one grid from one
// sweep. Solvers call o_g on the same grid with several variants (R0..R7:
// univalued, diagonal, without_bg as bits 4, 2, 1); the generator's
// fuse_objects pass replaces those calls by one o_g_fused, which shares the
// scan, the background color and the neighbour walk among the variants (a
// union-find each), and builds every object already in canonical (i, j, c)
// order, and one o_g_pick per original call. Internal primitives: programs
// cannot name them.
#pragma once

#include "dsl/tk_containers.h"
#include "dsl/tk_patches.h"

namespace battc::dsl {

// Element k of the result is o_g(g, k) when bit k of `mask` is set, else
// empty. Fails exactly where o_g fails for one of the requested variants.
DSL_HD Tuple<TObjects> o_g_fused(Ctx& c, const Grid& g, Int mask);
DSL_FN TObjects o_g_pick(Ctx& c, const Tuple<TObjects>& all, Int type) {
  if (type < 0 || type >= all.n) {
    c.fail(Why::Value);
    return {};
  }
  return all[type];
}

// objects() as tuples (objects_t, o_g_t): the objects in the order of their
// seeds (row-major), each object's cells in the order Python's search adds
// them: by distance from the seed, then row-major.
DSL_HD Tuple<Tuple<TCell>> objects_t(Ctx& c, const Grid& g, Bool univalued, Bool diagonal, Bool without_bg);
DSL_HD Tuple<Tuple<TCell>> o_g_t(Ctx& c, const Grid& g, Int type);
// The objects whose first cell has `color` (an empty object fails).
DSL_HD Tuple<Tuple<TCell>> colorfilter_t(Ctx& c, const Tuple<Tuple<TCell>>& objs, Int color);

// rbind(get_nth_f, K) and rbind(get_nth_t, K) for K in 0, 1, -1, -2 (F0, F1,
// L1, L2): one-argument primitives the generator puts in place of the
// closure, so they also take a pair of two different types (astuple(a, b)),
// where Python returns one of the two. The name prints as rbind's lambda.
#define BATTC_TK_NTH(NAME, GET, RANK, PART)                                  \
  template <class A, class B>                                              \
  DSL_FN auto NAME(Ctx&, const Pair<A, B>& p) {                            \
    return p.PART;                                                         \
  }                                                                        \
  template <class C>                                                       \
  DSL_FN auto NAME(Ctx& c, const C& x) {                                   \
    return GET(c, x, RANK);                                                \
  }
BATTC_TK_NTH(get_nth_f_r0, get_nth_f, 0, a)
BATTC_TK_NTH(get_nth_f_r1, get_nth_f, 1, b)
BATTC_TK_NTH(get_nth_f_rm1, get_nth_f, -1, b)
BATTC_TK_NTH(get_nth_f_rm2, get_nth_f, -2, a)
BATTC_TK_NTH(get_nth_t_r0, get_nth_t, 0, a)
BATTC_TK_NTH(get_nth_t_r1, get_nth_t, 1, b)
BATTC_TK_NTH(get_nth_t_rm1, get_nth_t, -1, b)
BATTC_TK_NTH(get_nth_t_rm2, get_nth_t, -2, a)
#undef BATTC_TK_NTH

// tuple(item for item in container if len(item) == n)
template <class C>
DSL_FN Tuple<elem_of<C>> sizefilter_t(Ctx& c, const C& container, Int n) {
  using E = elem_of<C>;
  i32 m = Container<C>::size(container);
  E* buf = c.alloc<E>(m);
  if (!buf && m) return {};
  i32 k = 0;
  for (i32 i = 0; i < m; ++i) {
    E e = Container<C>::get(container, i);
    if (Container<E>::size(e) == n) buf[k++] = e;
  }
  return Tuple<E>{buf, k};
}

}  // namespace battc::dsl
