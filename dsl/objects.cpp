// dsl/objects.cpp: the object extraction primitives declared in objects.h.
#include "dsl/objects.h"

namespace battc::dsl {

namespace {

// The color classes of g, leaving out the class of `skip` when skipping.
DSL_HD Objects color_classes(Ctx& c, const Grid& g, bool skipping, Int skip) {
  // asobject orders cells by color, then row-major: each color is one run.
  Object all = asobject(c, g);
  if (c.failed()) return {};
  i32 runs = 0;
  for (i32 i = 0; i < all.n; ++i) runs += i == 0 || all.p[i].a != all.p[i - 1].a;
  Object* objs = c.alloc<Object>(runs);
  if (!objs) return {};
  i32 t = 0;
  for (i32 i = 0; i < all.n;) {
    i32 k = i;
    while (k < all.n && all.p[k].a == all.p[i].a) ++k;
    if (!(skipping && all.p[i].a == skip) && t < runs) objs[t++] = Object{all.p + i, k - i};
    i = k;
  }
  // Runs ascend by color and a set of cells compares by its first cell.
  return sorted_set(objs, t);
}

}  // namespace

DSL_HD Objects objects(Ctx& c, const Grid& g, Bool univalued, Bool diagonal, Bool without_bg) {
  if (!detail::readable(c, g)) return {};
  Int bg = kNone;  // Python's None: no Int cell but a None cell equals it
  if (without_bg) {
    bg = mostcolor(c, g);
    if (c.failed()) return {};
  }
  if (g.h == 0) {
    c.fail(Why::Empty);  // len(grid[0])
    return {};
  }
  i32 n = i32(g.cells());
  if (!c.spend(i64(n) * (diagonal ? 10 : 6) + 1)) return {};
  // The results first (at most one cell and one object per grid cell), then
  // the scratch arrays, dropped at the end.
  Cell* cells = c.alloc<Cell>(n);
  Object* objs = c.alloc<Object>(n);
  if (!cells || !objs) return {};
  u64 m = c.mark();
  i32* label = c.alloc<i32>(n);
  i32* queue = c.alloc<i32>(n);
  i32* start = c.alloc<i32>(i64(n) + 1);
  if (!label || !queue || !start) return {};
  for (i32 p = 0; p < n; ++p) label[p] = -1;

  const i32 di[8] = {-1, 1, 0, 0, -1, -1, 1, 1};
  const i32 dj[8] = {0, 0, -1, 1, -1, 1, -1, 1};
  const i32 nd = diagonal ? 8 : 4;
  const i32 h = g.h, w = g.w;

  // Label the components by breadth-first search from each unvisited seed,
  // seeds in row-major order.
  i32 count = 0;
  for (i32 p = 0; p < n; ++p) {
    if (label[p] >= 0) continue;
    Int val = g.c[p];
    if (val == bg) continue;
    i32 head = 0, tail = 0;
    queue[tail++] = p;
    label[p] = count;
    while (head < tail) {
      i32 q = queue[head++];
      i32 qi = q / w, qj = q % w;
      for (i32 d = 0; d < nd; ++d) {
        i32 ni = qi + di[d], nj = qj + dj[d];
        if (ni < 0 || ni >= h || nj < 0 || nj >= w) continue;
        i32 r = ni * w + nj;
        if (label[r] >= 0) continue;
        Int v = g.c[r];
        if (univalued ? v == val : v != bg) {
          label[r] = count;
          queue[tail++] = r;
        }
      }
    }
    ++count;
  }

  // Bucket the cells by label in row-major order, then order each object's
  // cells by color (a univalued object is already in order).
  for (i32 k = 0; k <= count; ++k) start[k] = 0;
  for (i32 p = 0; p < n; ++p)
    if (label[p] >= 0) ++start[label[p] + 1];
  for (i32 k = 0; k < count; ++k) start[k + 1] += start[k];
  for (i32 k = 0; k < count; ++k) objs[k] = Object{cells + start[k], start[k + 1] - start[k]};
  for (i32 p = 0; p < n; ++p)
    if (label[p] >= 0) cells[start[label[p]]++] = Cell{g.c[p], Pt{p / w, p % w}};
  c.release(m);
  if (!univalued)
    for (i32 k = 0; k < count && c.ok(); ++k) detail::sort_cells_by_color(c, const_cast<Cell*>(objs[k].p), objs[k].n);
  if (c.failed()) return {};
  return make_set(c, objs, count);
}

DSL_HD Objects partition(Ctx& c, const Grid& g) { return color_classes(c, g, false, 0); }

DSL_HD Objects fgpartition(Ctx& c, const Grid& g) {
  Int bg = mostcolor(c, g);
  if (c.failed()) return {};
  return color_classes(c, g, true, bg);
}

}  // namespace battc::dsl
