// dsl/tk_objects_fused.cpp: o_g_fused (see tk_objects_fused.h).
//
// Python's objects() grows each object from a seed by breadth-first search;
// the object it finds is the connected component of the seed among the
// cells that match it (the seed's color when univalued, else any color but
// the background), so a union-find over the matching neighbour pairs finds
// the same objects. Reading the cells back row-major gives each object's
// cells in ascending (i, j, c) order, its canonical order, with no sort.
#include "dsl/tk_objects_fused.h"

#include "dsl/build.h"

namespace battc::dsl {
namespace {

DSL_FN i32 find(i32* parent, i32 x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

DSL_FN void unite(i32* parent, i32 a, i32 b) {
  a = find(parent, a);
  b = find(parent, b);
  if (a == b) return;
  if (a < b)
    parent[b] = a;
  else
    parent[a] = b;
}

// One variant's objects from its union-find: cells that are not background,
// grouped by root, each group row-major.
DSL_FN TObjects gather(Ctx& c, const Grid& g, i32* parent, Int bg) {
  i32 n = g.h * g.w;
  i32* count = c.alloc<i32>(n);   // per root: its cells; then its first slot
  i32* slot = c.alloc<i32>(n);    // per root: the object's index
  TCell* cells = c.alloc<TCell>(n);
  if (!count || !slot || !cells) return {};
  for (i32 k = 0; k < n; ++k) count[k] = 0, slot[k] = -1;
  i32 objects = 0;
  for (i32 k = 0; k < n; ++k) {
    if (g.c[k] == bg) continue;
    i32 r = find(parent, k);
    if (slot[r] < 0) slot[r] = objects++;
    ++count[r];
  }
  TObject* objs = c.alloc<TObject>(objects);
  i32* fill_at = c.alloc<i32>(objects);
  if ((!objs || !fill_at) && objects) return {};
  // the objects' storage, in the order their first cells appear
  i32 at = 0;
  for (i32 k = 0; k < n; ++k) {
    if (g.c[k] == bg) continue;
    i32 r = find(parent, k);
    i32 o = slot[r];
    if (count[r] > 0) {
      objs[o] = TObject{cells + at, count[r]};
      fill_at[o] = at;
      at += count[r];
      count[r] = 0;  // placed
    }
    cells[fill_at[o]++] = TCell{k / g.w, k % g.w, g.c[k]};
  }
  return make_set(c, objs, objects);
}

}  // namespace

Tuple<TObjects> o_g_fused(Ctx& c, const Grid& g, Int mask) {
  constexpr i32 kVariants = 8;
  TObjects* out = c.alloc<TObjects>(kVariants);
  if (!out) return {};
  for (i32 v = 0; v < kVariants; ++v) out[v] = TObjects{};
  Tuple<TObjects> result{out, kVariants};
  if (g.h == 0 || g.w == 0) return result;  // () and rows without cells: frozenset()
  if (!detail::readable(c, g)) return {};
  i32 n = g.h * g.w;
  bool want_bg = false;
  for (i32 v = 0; v < kVariants; ++v) want_bg = want_bg || ((mask >> v) & 1 && (v & 1));
  Int bg = want_bg ? mostcolor(c, g) : kNone;
  if (c.failed()) return {};
  for (i32 v = 0; v < kVariants; ++v) {
    if (!((mask >> v) & 1)) continue;
    bool univalued = v & 4, diagonal = v & 2, without_bg = v & 1;
    Int vbg = without_bg ? bg : kNone;  // None: only None cells are background
    if (!c.spend(i64(n) * (diagonal ? 4 : 2))) return {};
    i32* parent = c.alloc<i32>(n);
    if (!parent) return {};
    for (i32 k = 0; k < n; ++k) parent[k] = k;
    // each unordered neighbour pair once: right, down, and the two lower diagonals
    auto link = [&](i32 i, i32 j, i32 i2, i32 j2) {
      if (i2 < 0 || i2 >= g.h || j2 < 0 || j2 >= g.w) return;
      Int a = g.at(i, j), b = g.at(i2, j2);
      if (a == vbg || b == vbg) return;
      if (univalued && a != b) return;
      unite(parent, i * g.w + j, i2 * g.w + j2);
    };
    for (i32 i = 0; i < g.h; ++i)
      for (i32 j = 0; j < g.w; ++j) {
        link(i, j, i, j + 1);
        link(i, j, i + 1, j);
        if (diagonal) {
          link(i, j, i + 1, j + 1);
          link(i, j, i + 1, j - 1);
        }
      }
    out[v] = gather(c, g, parent, vbg);
    if (c.failed()) return {};
  }
  return result;
}

}  // namespace battc::dsl
