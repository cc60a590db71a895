// dsl/tk_patches.cpp: the tokpidjin dialect's patch and object primitives
// (see tk_patches.h). The arc-dsl primitive does the work wherever the cells
// alone decide the result; these functions add tokpidjin's edge rules.
#include "dsl/tk_patches.h"

#include "dsl/build.h"

namespace battc::dsl {
namespace {

// A failure where tokpidjin returns a float (nan, -inf, inf): battc has none.
template <class T>
DSL_FN T no_float(Ctx& c) {
  c.fail(Why::Empty);
  return T{};
}

DSL_FN Indices indices_of(Ctx& c, const Indices& p) { return p; }
DSL_FN Indices indices_of(Ctx& c, const TObject& p) { return tk_toindices(c, p); }

// Python's unpacking of () as a point fails; tokpidjin tests `x == ()` first
// in several primitives and returns frozenset() then.
DSL_FN bool is_empty_tuple(Pt p) { return is_empty_pt(p); }

// min/max of the rows (row) or columns of a patch's cells; an empty patch
// gives nan in Python, a failure here.
template <class P>
DSL_FN Int extreme(Ctx& c, const P& p, bool row, bool max) {
  if (p.n == 0) return no_float<Int>(c);
  Int best = row ? p[0].a : p[0].b;
  for (i32 k = 1; k < p.n; ++k) {
    Int v = row ? p[k].a : p[k].b;
    if (max ? v > best : v < best) best = v;
  }
  return best;
}

// tokpidjin's crop: () when the box is not entirely inside the grid.
DSL_FN Grid strict_crop(Ctx& c, const Grid& g, Pt s, Pt d) {
  if (g.h == 0) return Grid{};
  if (g.ragged()) {
    c.fail(Why::Value);
    return Grid{};
  }
  i64 h = g.h, w = g.w;
  bool inside = 0 <= s.a && s.a < h && 0 <= s.b && s.b < w && i64(s.a) + d.a <= h && i64(s.b) + d.b <= w;
  if (!inside) return Grid{};
  return crop(c, g, s, d);
}

template <class P>
DSL_FN Grid subgrid_impl(Ctx& c, const P& p, const Grid& g) {
  if (p.n == 0) return Grid{};
  Indices ix = indices_of(c, p);
  return strict_crop(c, g, ulcorner(c, ix), Pt{height(c, ix), width(c, ix)});
}

}  // namespace

// ---- representation --------------------------------------------------------

Object tk_to_arc(Ctx& c, const TObject& obj) {
  Cell* buf = c.alloc<Cell>(obj.n);
  if (!buf && obj.n) return {};
  for (i32 k = 0; k < obj.n; ++k) buf[k] = Cell{obj[k].c, Pt{obj[k].a, obj[k].b}};
  return make_set(c, buf, obj.n);
}

TObject tk_from_arc(Ctx& c, const Object& obj) {
  TCell* buf = c.alloc<TCell>(obj.n);
  if (!buf && obj.n) return {};
  for (i32 k = 0; k < obj.n; ++k) buf[k] = TCell{obj[k].b.a, obj[k].b.b, obj[k].a};
  return make_set(c, buf, obj.n);
}

TObjects tk_from_arc(Ctx& c, const Objects& objs) {
  TObject* buf = c.alloc<TObject>(objs.n);
  if (!buf && objs.n) return {};
  for (i32 k = 0; k < objs.n; ++k) buf[k] = tk_from_arc(c, objs[k]);
  return make_set(c, buf, objs.n);
}

// ---- conversion and movement -------------------------------------------------

Indices tk_toindices(Ctx&, const Indices& p) { return p; }
Indices tk_toindices(Ctx& c, const TObject& p) {
  Pt* buf = c.alloc<Pt>(p.n);
  if (!buf && p.n) return {};
  for (i32 k = 0; k < p.n; ++k) buf[k] = Pt{p[k].a, p[k].b};
  return make_set(c, buf, p.n);
}
Indices toindices_i(Ctx&, const Indices& p) { return p; }
Indices toindices_o(Ctx& c, const TObject& p) { return tk_toindices(c, p); }

TObject recolor_i(Ctx& c, Int color, const Indices& p) {
  TCell* buf = c.alloc<TCell>(p.n);
  if (!buf && p.n) return {};
  for (i32 k = 0; k < p.n; ++k) buf[k] = TCell{p[k].a, p[k].b, color};
  return sorted_set(buf, p.n);  // (i, j) ascending stays ascending
}
TObject recolor_o(Ctx& c, Int color, const TObject& p) { return recolor_i(c, color, tk_toindices(c, p)); }

// A falsy patch gives frozenset(), directions () the patch itself.
Indices tk_shift(Ctx& c, const Indices& p, Pt d) {
  if (p.n == 0) return {};
  if (is_empty_tuple(d)) return p;
  return shift(c, p, d);
}
TObject tk_shift(Ctx& c, const TObject& p, Pt d) {
  if (p.n == 0) return {};
  if (is_empty_tuple(d)) return p;
  TCell* buf = c.alloc<TCell>(p.n);
  if (!buf) return {};
  for (i32 k = 0; k < p.n; ++k) {
    i64 i = i64(p[k].a) + d.a, j = i64(p[k].b) + d.b;
    if (i > kInt32Max || i < -kInt32Max || j > kInt32Max || j < -kInt32Max) {
      c.fail(Why::Value);
      return {};
    }
    buf[k] = TCell{Int(i), Int(j), p[k].c};
  }
  return sorted_set(buf, p.n);  // a translation keeps the order
}

Indices tk_normalize(Ctx& c, const Indices& p) { return p.n == 0 ? p : normalize(c, p); }
TObject tk_normalize(Ctx& c, const TObject& p) {
  if (p.n == 0) return p;
  Int up = extreme(c, p, true, false), left = extreme(c, p, false, false);
  return tk_shift(c, p, Pt{-up, -left});
}
Indices normalize_i(Ctx& c, const Indices& p) { return tk_normalize(c, p); }
TObject normalize_o(Ctx& c, const TObject& p) { return tk_normalize(c, p); }

// ---- objects from grids ----------------------------------------------------------

TObjects tk_objects(Ctx& c, const Grid& g, Bool univalued, Bool diagonal, Bool without_bg) {
  if (g.h == 0 || g.w == 0) return {};  // () and a grid of empty rows
  return tk_from_arc(c, objects(c, g, univalued, diagonal, without_bg));
}

TObjects o_g(Ctx& c, const Grid& g, Int type) {
  if (type < 0 || type > 7) {  // tokpidjin returns None
    c.fail(Why::Value);
    return {};
  }
  return tk_objects(c, g, (type & 4) != 0, (type & 2) != 0, (type & 1) != 0);
}

TObjects tk_partition(Ctx& c, const Grid& g) { return g.h == 0 ? TObjects{} : tk_from_arc(c, partition(c, g)); }
TObjects tk_fgpartition(Ctx& c, const Grid& g) { return g.h == 0 ? TObjects{} : tk_from_arc(c, fgpartition(c, g)); }
Indices f_ofcolor(Ctx& c, const Grid& g, Int color) { return ofcolor(c, g, color); }
TObject tk_asobject(Ctx& c, const Grid& g) { return tk_from_arc(c, asobject(c, g)); }
TObject tk_toobject(Ctx& c, const Indices& p, const Grid& g) { return tk_from_arc(c, toobject(c, p, g)); }
TObject tk_toobject(Ctx& c, const TObject& p, const Grid& g) { return tk_toobject(c, tk_toindices(c, p), g); }
Indices tk_occurrences(Ctx& c, const Grid& g, const TObject& obj) { return occurrences(c, g, tk_to_arc(c, obj)); }

// ---- painting ----------------------------------------------------------------------

Grid tk_fill(Ctx& c, const Grid& g, Int color, const Indices& p) { return fill(c, g, color, p); }
Grid tk_fill(Ctx& c, const Grid& g, Int color, const TObject& p) { return fill(c, g, color, tk_toindices(c, p)); }
Grid tk_underfill(Ctx& c, const Grid& g, Int color, const Indices& p) { return underfill(c, g, color, p); }
Grid tk_underfill(Ctx& c, const Grid& g, Int color, const TObject& p) {
  return underfill(c, g, color, tk_toindices(c, p));
}
Grid tk_cover(Ctx& c, const Grid& g, const Indices& p) { return cover(c, g, p); }
Grid tk_cover(Ctx& c, const Grid& g, const TObject& p) { return cover(c, g, tk_toindices(c, p)); }
// Two cells on one (i, j): the later in (i, j, c) order wins, the larger color,
// which is also the winner in arc-dsl's (c, (i, j)) order.
Grid tk_paint(Ctx& c, const Grid& g, const TObject& obj) { return paint(c, g, tk_to_arc(c, obj)); }
Grid tk_underpaint(Ctx& c, const Grid& g, const TObject& obj) { return underpaint(c, g, tk_to_arc(c, obj)); }
namespace {
DSL_FN Tuple<Cell> arc_cells(Ctx& c, const TCell* x, i32 n) {
  Cell* buf = c.alloc<Cell>(n);
  if (!buf && n) return {};
  for (i32 k = 0; k < n; ++k) buf[k] = Cell{x[k].c, Pt{x[k].a, x[k].b}};
  return Tuple<Cell>{buf, n};
}
}  // namespace
Grid tk_paint(Ctx& c, const Grid& g, const Tuple<TCell>& cells) { return paint(c, g, arc_cells(c, cells.p, cells.n)); }
Grid tk_underpaint(Ctx& c, const Grid& g, const Tuple<TCell>& cells) {
  return underpaint(c, g, arc_cells(c, cells.p, cells.n));
}
Grid tk_paint(Ctx& c, const Grid& g, const Pair<TCell, TCell>& cells) {
  TCell two[2] = {cells.a, cells.b};
  return paint(c, g, arc_cells(c, two, 2));
}
Grid tk_underpaint(Ctx& c, const Grid& g, const Pair<TCell, TCell>& cells) {
  TCell two[2] = {cells.a, cells.b};
  return underpaint(c, g, arc_cells(c, two, 2));
}
Grid tk_move(Ctx& c, const Grid& g, const TObject& obj, Pt offset) {
  return tk_paint(c, tk_cover(c, g, obj), tk_shift(c, obj, offset));
}
Grid tk_subgrid(Ctx& c, const Indices& p, const Grid& g) { return subgrid_impl(c, p, g); }
Grid tk_subgrid(Ctx& c, const TObject& p, const Grid& g) { return subgrid_impl(c, p, g); }

// ---- colors of an object -------------------------------------------------------------

Int tk_color(Ctx& c, const TObject& obj) { return obj.n == 0 ? no_float<Int>(c) : obj[0].c; }

TObjects tk_colorfilter(Ctx& c, const TObjects& objs, Int color) {
  TObject* buf = c.alloc<TObject>(objs.n);
  if (!buf && objs.n) return {};
  i32 n = 0;
  for (const TObject& o : objs) {
    if (o.n == 0) {  // next() on it raises inside a generator
      c.fail(Why::Empty);
      return {};
    }
    if (o[0].c == color) buf[n++] = o;
  }
  return sorted_set(buf, n);
}

Int colorcount_f(Ctx&, const TObject& obj, Int color) {
  Int n = 0;
  for (const TCell& x : obj) n += x.c == color;
  return n;
}
IntSet palette_f(Ctx& c, const TObject& obj) {
  Int* buf = c.alloc<Int>(obj.n);
  if (!buf && obj.n) return {};
  for (i32 k = 0; k < obj.n; ++k) buf[k] = obj[k].c;
  return make_set(c, buf, obj.n);
}
IntSet p_f(Ctx& c, const TObject& obj) { return palette_f(c, obj); }
Tuple<Int> p_o(Ctx& c, const TObject& obj) {
  IntSet s = palette_f(c, obj);  // a tuple of a set: ascending
  return Tuple<Int>{s.p, s.n};
}
Int numcolors_f(Ctx& c, const TObject& obj) { return palette_f(c, obj).n; }
IntSet palette_t(Ctx& c, const TObject& obj) {
  Int* buf = c.alloc<Int>(i64(obj.n) * 3);
  if (!buf && obj.n) return {};
  for (i32 k = 0; k < obj.n; ++k) buf[3 * k] = obj[k].a, buf[3 * k + 1] = obj[k].b, buf[3 * k + 2] = obj[k].c;
  return make_set(c, buf, obj.n * 3);
}

namespace {
// max/min(set(colors), key=colors.count): the set iterates ascending, so ties
// go to the smallest color.
DSL_FN Int common_color(Ctx& c, const TObject& obj, bool most) {
  if (obj.n == 0) return no_float<Int>(c);  // nan
  IntSet colors = palette_f(c, obj);
  Int best = 0, best_n = -1;
  for (Int col : colors) {
    Int n = colorcount_f(c, obj, col);
    if (best_n < 0 || (most ? n > best_n : n < best_n)) best = col, best_n = n;
  }
  return best;
}
}  // namespace
Int mostcolor_f(Ctx& c, const TObject& obj) { return common_color(c, obj, true); }
Int leastcolor_f(Ctx& c, const TObject& obj) { return common_color(c, obj, false); }

Int get_color_rank_f(Ctx& c, const TObject& obj, Int rank) {
  // colors in first-occurrence order with their counts
  Int* col = c.alloc<Int>(obj.n);
  Int* cnt = c.alloc<Int>(obj.n);
  if ((!col || !cnt) && obj.n) return 0;
  i32 m = 0;
  for (const TCell& x : obj) {
    i32 k = 0;
    while (k < m && col[k] != x.c) ++k;
    if (k == m) col[m] = x.c, cnt[m++] = 0;
    ++cnt[k];
  }
  // stable by count, descending (most_common)
  for (i32 i = 1; i < m; ++i)
    for (i32 j = i; j > 0 && cnt[j] > cnt[j - 1]; --j) {
      Int t = cnt[j]; cnt[j] = cnt[j - 1]; cnt[j - 1] = t;
      t = col[j]; col[j] = col[j - 1]; col[j - 1] = t;
    }
  if (rank < -m || rank >= m) {  // tokpidjin returns frozenset()
    c.fail(Why::Index);
    return 0;
  }
  return col[rank < 0 ? m + rank : rank];
}

// ---- extremes, corners and sizes ---------------------------------------------------

Int tk_uppermost(Ctx& c, const Indices& p) { return extreme(c, p, true, false); }
Int tk_lowermost(Ctx& c, const Indices& p) { return extreme(c, p, true, true); }
Int tk_leftmost(Ctx& c, const Indices& p) { return extreme(c, p, false, false); }
Int tk_rightmost(Ctx& c, const Indices& p) { return extreme(c, p, false, true); }
Int tk_uppermost(Ctx& c, const TObject& p) { return extreme(c, p, true, false); }
Int tk_lowermost(Ctx& c, const TObject& p) { return extreme(c, p, true, true); }
Int tk_leftmost(Ctx& c, const TObject& p) { return extreme(c, p, false, false); }
Int tk_rightmost(Ctx& c, const TObject& p) { return extreme(c, p, false, true); }
Int uppermost_i(Ctx& c, const Indices& p) { return tk_uppermost(c, p); }
Int lowermost_i(Ctx& c, const Indices& p) { return tk_lowermost(c, p); }
Int leftmost_i(Ctx& c, const Indices& p) { return tk_leftmost(c, p); }
Int rightmost_i(Ctx& c, const Indices& p) { return tk_rightmost(c, p); }  // max() of nothing raises: a failure too
Int uppermost_o(Ctx& c, const TObject& p) { return tk_uppermost(c, p); }
Int lowermost_o(Ctx& c, const TObject& p) { return tk_lowermost(c, p); }
Int leftmost_o(Ctx& c, const TObject& p) { return tk_leftmost(c, p); }
Int rightmost_o(Ctx& c, const TObject& p) { return tk_rightmost(c, p); }

namespace {
template <class P>
DSL_FN Int col_row_impl(Ctx& c, const P& p, Int type) {
  switch (type) {
    case 0: return tk_lowermost(c, p);
    case 1: return tk_uppermost(c, p);
    case 2: return tk_leftmost(c, p);
    case 3: return tk_rightmost(c, p);
    default: return kNone;
  }
}
}  // namespace
Int col_row(Ctx& c, const Indices& p, Int type) { return col_row_impl(c, p, type); }
Int col_row(Ctx& c, const TObject& p, Int type) { return col_row_impl(c, p, type); }

// Corners of an empty patch are () (kEmptyPt), as arc-dsl's are in battc.
Pt tk_ulcorner(Ctx& c, const Indices& p) { return ulcorner(c, p); }
Pt tk_urcorner(Ctx& c, const Indices& p) { return urcorner(c, p); }
Pt tk_llcorner(Ctx& c, const Indices& p) { return llcorner(c, p); }
Pt tk_lrcorner(Ctx& c, const Indices& p) { return lrcorner(c, p); }
Pt tk_ulcorner(Ctx& c, const TObject& p) { return ulcorner(c, tk_toindices(c, p)); }
Pt tk_urcorner(Ctx& c, const TObject& p) { return urcorner(c, tk_toindices(c, p)); }
Pt tk_llcorner(Ctx& c, const TObject& p) { return llcorner(c, tk_toindices(c, p)); }
Pt tk_lrcorner(Ctx& c, const TObject& p) { return lrcorner(c, tk_toindices(c, p)); }
Pt ulcorner_i(Ctx& c, const Indices& p) { return ulcorner(c, p); }
Pt urcorner_i(Ctx& c, const Indices& p) { return urcorner(c, p); }
Pt llcorner_i(Ctx& c, const Indices& p) { return llcorner(c, p); }
Pt lrcorner_i(Ctx& c, const Indices& p) { return lrcorner(c, p); }
Pt ulcorner_o(Ctx& c, const TObject& p) { return tk_ulcorner(c, p); }
Pt urcorner_o(Ctx& c, const TObject& p) { return tk_urcorner(c, p); }
Pt llcorner_o(Ctx& c, const TObject& p) { return tk_llcorner(c, p); }
Pt lrcorner_o(Ctx& c, const TObject& p) { return tk_lrcorner(c, p); }

namespace {
template <class P>
DSL_FN Pt corner_impl(Ctx& c, const P& p, Int type) {
  switch (type) {
    case 1: return tk_urcorner(c, p);
    case 2: return tk_llcorner(c, p);
    case 3: return tk_lrcorner(c, p);
    default: return tk_ulcorner(c, p);
  }
}
}  // namespace
Pt corner(Ctx& c, const Indices& p, Int type) { return corner_impl(c, p, type); }
Pt corner(Ctx& c, const TObject& p, Int type) { return corner_impl(c, p, type); }

// center of a falsy patch is () (Python tests `uppermost is nan`).
Pt tk_center(Ctx& c, const Indices& p) { return p.n == 0 ? kEmptyPt : center(c, p); }
Pt tk_center(Ctx& c, const TObject& p) { return p.n == 0 ? kEmptyPt : center(c, tk_toindices(c, p)); }
Pt tk_centerofmass(Ctx& c, const Indices& p) { return centerofmass(c, p); }
// arc-dsl's sums over the distinct points divided by the number of cells,
// which the (c, (i, j)) form of the object has as many of
Pt tk_centerofmass(Ctx& c, const TObject& p) { return centerofmass(c, tk_to_arc(c, p)); }
Indices tk_corners(Ctx& c, const Indices& p) { return corners(c, p); }
Indices tk_corners(Ctx& c, const TObject& p) { return corners(c, tk_toindices(c, p)); }

// sizes: 0 for an empty patch, else the span of the cells
Int height_f(Ctx& c, const Indices& p) { return p.n == 0 ? 0 : height(c, p); }
Int height_f(Ctx& c, const TObject& p) {
  return p.n == 0 ? 0 : tk_lowermost(c, p) - tk_uppermost(c, p) + 1;
}
Int width_f(Ctx& c, const Indices& p) { return p.n == 0 ? 0 : width(c, p); }
Int width_f(Ctx& c, const TObject& p) { return p.n == 0 ? 0 : tk_rightmost(c, p) - tk_leftmost(c, p) + 1; }
Pt shape_f(Ctx& c, const Indices& p) { return Pt{height_f(c, p), width_f(c, p)}; }
Pt shape_f(Ctx& c, const TObject& p) { return Pt{height_f(c, p), width_f(c, p)}; }
Bool portrait_f(Ctx& c, const Indices& p) { return height_f(c, p) > width_f(c, p); }
Bool portrait_f(Ctx& c, const TObject& p) { return height_f(c, p) > width_f(c, p); }
Bool square_f(Ctx& c, const Indices& p) {
  Int h = height_f(c, p), w = width_f(c, p);
  return i64(h) * w == p.n && h == w;
}
Bool square_f(Ctx& c, const TObject& p) {
  Int h = height_f(c, p), w = width_f(c, p);
  return i64(h) * w == p.n && h == w;
}
Int height_i(Ctx& c, const Indices& p) { return height_f(c, p); }
Int width_i(Ctx& c, const Indices& p) { return width_f(c, p); }
Int height_o(Ctx& c, const TObject& p) { return height_f(c, p); }
Int width_o(Ctx& c, const TObject& p) { return width_f(c, p); }
// vline: height == len(patch) and width == 1 (False when empty)
Bool vline_i(Ctx& c, const Indices& p) { return p.n > 0 && height_f(c, p) == p.n && width_f(c, p) == 1; }
Bool hline_i(Ctx& c, const Indices& p) { return p.n > 0 && width_f(c, p) == p.n && height_f(c, p) == 1; }
Bool vline_o(Ctx& c, const TObject& p) { return p.n > 0 && height_f(c, p) == p.n && width_f(c, p) == 1; }
Bool hline_o(Ctx& c, const TObject& p) { return p.n > 0 && width_f(c, p) == p.n && height_f(c, p) == 1; }

// ---- boxes and lines ---------------------------------------------------------------------

// backdrop, delta, inbox, outbox and box of an empty patch are frozenset().
#define BATTC_TK_BOX(tkname, arcname)                                                   \
  Indices tkname(Ctx& c, const Indices& p) { return p.n == 0 ? Indices{} : arcname(c, p); } \
  Indices tkname(Ctx& c, const TObject& p) { return p.n == 0 ? Indices{} : arcname(c, tk_toindices(c, p)); }
BATTC_TK_BOX(tk_backdrop, backdrop)
BATTC_TK_BOX(tk_delta, delta)
BATTC_TK_BOX(tk_inbox, inbox)
BATTC_TK_BOX(tk_outbox, outbox)
BATTC_TK_BOX(tk_box, box)
#undef BATTC_TK_BOX

// A point that is () gives frozenset().
Indices tk_connect(Ctx& c, Pt a, Pt b) { return is_empty_tuple(a) || is_empty_tuple(b) ? Indices{} : connect(c, a, b); }
Indices tk_shoot(Ctx& c, Pt s, Pt d) { return is_empty_tuple(s) || is_empty_tuple(d) ? Indices{} : shoot(c, s, d); }
Indices tk_hfrontier(Ctx& c, Pt loc) { return is_empty_tuple(loc) ? Indices{} : hfrontier(c, loc); }
Indices tk_dneighbors(Ctx& c, Pt loc) { return is_empty_tuple(loc) ? Indices{} : dneighbors(c, loc); }
Indices tk_ineighbors(Ctx& c, Pt loc) { return is_empty_tuple(loc) ? Indices{} : ineighbors(c, loc); }
Indices tk_neighbors(Ctx& c, Pt loc) { return is_empty_tuple(loc) ? Indices{} : neighbors(c, loc); }

// ---- relations between two patches ----------------------------------------------------------

namespace {
template <class A, class B>
DSL_FN Int manhattan_impl(Ctx& c, const A& a, const B& b) {
  if (a.n == 0 || b.n == 0) return no_float<Int>(c);  // inf
  return manhattan(c, indices_of(c, a), indices_of(c, b));
}
template <class A, class B>
DSL_FN Pt gravitate_impl(Ctx& c, const A& a, const B& b) {
  if (b.n == 0) {  // tokpidjin returns the source patch, not a point
    c.fail(Why::Empty);
    return Pt{};
  }
  return gravitate(c, indices_of(c, a), indices_of(c, b));
}
}  // namespace

#define BATTC_TK_PATCH2_DEF(R, f, body)                                             \
  R f(Ctx& c, const Indices& a, const Indices& b) { return body; }                 \
  R f(Ctx& c, const Indices& a, const TObject& b) { return body; }                 \
  R f(Ctx& c, const TObject& a, const Indices& b) { return body; }                 \
  R f(Ctx& c, const TObject& a, const TObject& b) { return body; }
BATTC_TK_PATCH2_DEF(Bool, tk_hmatching, hmatching(c, indices_of(c, a), indices_of(c, b)))
BATTC_TK_PATCH2_DEF(Bool, tk_vmatching, vmatching(c, indices_of(c, a), indices_of(c, b)))
BATTC_TK_PATCH2_DEF(Int, tk_manhattan, manhattan_impl(c, a, b))
// manhattan == 1, so an empty patch (inf) gives False
BATTC_TK_PATCH2_DEF(Bool, tk_adjacent, a.n > 0 && b.n > 0 && manhattan_impl(c, a, b) == 1)
BATTC_TK_PATCH2_DEF(Pt, tk_position, position(c, indices_of(c, a), indices_of(c, b)))
BATTC_TK_PATCH2_DEF(Pt, tk_gravitate, gravitate_impl(c, a, b))
#undef BATTC_TK_PATCH2_DEF

// uppermost == 0 or leftmost == 0 or ...: an empty patch compares nan, False.
Bool tk_bordering(Ctx& c, const Indices& p, const Grid& g) { return p.n > 0 && bordering(c, p, g); }
Bool tk_bordering(Ctx& c, const TObject& p, const Grid& g) {
  return p.n > 0 && bordering(c, tk_toindices(c, p), g);
}

// ---- mirrors and scaling ---------------------------------------------------------------------

Indices hmirror_f(Ctx& c, const Indices& p) { return hmirror(c, p); }
TObject hmirror_f(Ctx& c, const TObject& p) { return tk_from_arc(c, hmirror(c, tk_to_arc(c, p))); }
// vmirror_f of frozenset() is frozenset(); the others fail on it, as arc-dsl.
Indices vmirror_f(Ctx& c, const Indices& p) { return p.n == 0 ? p : vmirror(c, p); }
TObject vmirror_f(Ctx& c, const TObject& p) { return p.n == 0 ? p : tk_from_arc(c, vmirror(c, tk_to_arc(c, p))); }
Indices dmirror_f(Ctx& c, const Indices& p) { return dmirror(c, p); }
TObject dmirror_f(Ctx& c, const TObject& p) { return tk_from_arc(c, dmirror(c, tk_to_arc(c, p))); }
// vmirror_f(dmirror_f(vmirror_f(p)))
Indices cmirror_f(Ctx& c, const Indices& p) { return vmirror_f(c, dmirror_f(c, vmirror_f(c, p))); }
TObject cmirror_f(Ctx& c, const TObject& p) { return vmirror_f(c, dmirror_f(c, vmirror_f(c, p))); }

namespace {
template <class P>
DSL_FN P mir_rot_impl(Ctx& c, const P& p, Int type) {
  switch (type) {
    case 0: return hmirror_f(c, p);
    case 1: return dmirror_f(c, p);
    case 2: return vmirror_f(c, p);
    case 3: return cmirror_f(c, p);
    default: return p;
  }
}
}  // namespace
Indices mir_rot_f(Ctx& c, const Indices& p, Int type) { return mir_rot_impl(c, p, type); }
TObject mir_rot_f(Ctx& c, const TObject& p, Int type) { return mir_rot_impl(c, p, type); }

Indices hmirror_i(Ctx& c, const Indices& p) { return hmirror(c, p); }
TObject hmirror_o(Ctx& c, const TObject& p) { return hmirror_f(c, p); }
Indices vmirror_i(Ctx& c, const Indices& p) { return vmirror(c, p); }
TObject vmirror_o(Ctx& c, const TObject& p) { return tk_from_arc(c, vmirror(c, tk_to_arc(c, p))); }
Indices dmirror_i(Ctx& c, const Indices& p) { return dmirror(c, p); }
TObject dmirror_o(Ctx& c, const TObject& p) { return dmirror_f(c, p); }
Indices cmirror_i(Ctx& c, const Indices& p) { return cmirror_f(c, p); }
TObject cmirror_i(Ctx& c, const TObject& p) { return cmirror_f(c, p); }
Indices cmirror_o(Ctx& c, const Indices& p) { return cmirror_f(c, p); }
TObject cmirror_o(Ctx& c, const TObject& p) { return cmirror_f(c, p); }

TObject upscale_f(Ctx& c, const TObject& obj, Int factor) {
  if (obj.n == 0 || factor <= 0) return {};
  return tk_from_arc(c, upscale(c, tk_to_arc(c, obj), factor));
}

Tuple<TCell> celltuple(Ctx& c, const Tuple<Pt>& a, const Tuple<Int>& b) {
  i32 n = a.n < b.n ? a.n : b.n;
  TCell* buf = c.alloc<TCell>(n);
  if (!buf && n) return {};
  for (i32 k = 0; k < n; ++k) buf[k] = TCell{a[k].a, a[k].b, b[k]};
  return Tuple<TCell>{buf, n};
}

// The period depends on the cells only, whatever order they come in.
Int tk_hperiod(Ctx& c, const TObject& obj) { return hperiod(c, tk_to_arc(c, obj)); }
Int tk_vperiod(Ctx& c, const TObject& obj) { return vperiod(c, tk_to_arc(c, obj)); }
TObjects tk_frontiers(Ctx& c, const Grid& g) { return tk_from_arc(c, frontiers(c, g)); }

}  // namespace battc::dsl
