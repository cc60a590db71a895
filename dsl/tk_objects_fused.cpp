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

Tuple<Tuple<TCell>> objects_t(Ctx& c, const Grid& g, Bool univalued, Bool diagonal, Bool without_bg) {
  if (g.h == 0) return {};
  if (!detail::readable(c, g)) return {};
  i32 n = g.h * g.w;
  if (n == 0) return {};
  Int bg = without_bg ? mostcolor(c, g) : kNone;
  if (!c.spend(i64(n) * (diagonal ? 9 : 5))) return {};
  u8* occupied = c.alloc<u8>(n);
  u8* queued = c.alloc<u8>(n);
  TCell* cells = c.alloc<TCell>(n);
  Tuple<TCell>* objs = c.alloc<Tuple<TCell>>(n);
  i32* cur = c.alloc<i32>(n * 9);
  i32* next = c.alloc<i32>(n * 9);
  if (!occupied || !queued || !cells || !objs || !cur || !next) return {};
  for (i32 k = 0; k < n; ++k) occupied[k] = queued[k] = 0;
  struct Less {
    DSL_FN bool operator()(i32 a, i32 b) const { return a < b; }
  };
  i32 nobj = 0, used = 0;
  for (i32 seed = 0; seed < n; ++seed) {
    if (occupied[seed]) continue;
    Int val = g.c[seed];
    if (val == bg) continue;
    i32 start = used, ncur = 1;
    cur[0] = seed;
    while (ncur > 0) {
      stable_sort(c, cur, ncur, Less{});  // a set of (i, j) iterates ascending
      if (c.failed()) return {};
      i32 nnext = 0;
      for (i32 q = 0; q < ncur; ++q) {
        i32 k = cur[q];
        Int v = g.c[k];
        if (univalued ? v != val : v == bg) continue;
        cells[used++] = TCell{k / g.w, k % g.w, v};
        occupied[k] = 1;
        i32 i = k / g.w, j = k % g.w;
        for (i32 di = -1; di <= 1; ++di)
          for (i32 dj = -1; dj <= 1; ++dj) {
            if ((di == 0 && dj == 0) || (!diagonal && di != 0 && dj != 0)) continue;
            i32 a = i + di, b = j + dj;
            if (a < 0 || a >= g.h || b < 0 || b >= g.w) continue;
            i32 m = a * g.w + b;
            if (!queued[m]) queued[m] = 1, next[nnext++] = m;
          }
      }
      // the next candidates: that neighbourhood less the occupied cells
      ncur = 0;
      for (i32 q = 0; q < nnext; ++q) {
        queued[next[q]] = 0;
        if (!occupied[next[q]]) cur[ncur++] = next[q];
      }
    }
    objs[nobj++] = Tuple<TCell>{cells + start, used - start};
  }
  return Tuple<Tuple<TCell>>{objs, nobj};
}

Tuple<Tuple<TCell>> o_g_t(Ctx& c, const Grid& g, Int type) {
  if (type < 0 || type > 7) {  // tokpidjin returns None
    c.fail(Why::Value);
    return {};
  }
  return objects_t(c, g, (type & 4) != 0, (type & 2) != 0, (type & 1) != 0);
}

Tuple<Tuple<TCell>> colorfilter_t(Ctx& c, const Tuple<Tuple<TCell>>& objs, Int color) {
  Tuple<TCell>* buf = c.alloc<Tuple<TCell>>(objs.n);
  if (!buf && objs.n) return {};
  i32 n = 0;
  for (const Tuple<TCell>& o : objs) {
    if (o.n == 0) {  // obj[0] raises IndexError
      c.fail(Why::Empty);
      return {};
    }
    if (o[0].c == color) buf[n++] = o;
  }
  return Tuple<Tuple<TCell>>{buf, n};
}

}  // namespace battc::dsl
