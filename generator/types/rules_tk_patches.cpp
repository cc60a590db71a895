// generator/types/rules_tk_patches.cpp: typing rules of the tokpidjin
// dialect's primitives on cells, patches and objects (dsl/tk_patches.h).
// A tokpidjin patch is Indices or a TObject (cells (i, j, c)); internal
// names (tk_* where arc-dsl has the name) as in dsl/primitives_tokpidjin.def.
#include "generator/types/rule_builder.h"

namespace battc::generator {

void add_tk_patches_rules(RuleBuilder& b) {
  TypeTable& tt = b.tt;
  TypeRef I = tt.integer(), B = tt.boolean(), P = tt.point(), G = tt.grid(), Ix = tt.indices(), Ob = tt.tobject();
  TypeRef Objs = tt.fset(Ob), IntSet = tt.fset(I);
  using O = RuleBuilder::Overload;
  const Pat g = Pat::Grid, p = Pat::TPatch, n = Pat::Num, pt = Pat::Pt, ob = Pat::TObj, ix = Pat::Indices;

  // conversion and movement
  b.overloads("tk_toindices", {O{{p}, Ix}});
  b.overloads("toindices_i", {O{{ix}, Ix}});
  b.overloads("toindices_o", {O{{ob}, Ix}});
  b.overloads("recolor_i", {O{{n, ix}, Ob}});
  b.overloads("recolor_o", {O{{n, ob}, Ob}});
  b.overloads("tk_shift", {O{{p, pt}, nullptr, 0}});
  b.overloads("tk_normalize", {O{{p}, nullptr, 0}});
  b.overloads("normalize_i", {O{{ix}, Ix}});
  b.overloads("normalize_o", {O{{ob}, Ob}});

  // objects from grids
  b.overloads("tk_objects", {O{{g, n, n, n}, Objs}});
  b.overloads("o_g", {O{{g, n}, Objs}});
  b.same({"tk_partition", "tk_fgpartition"}, {O{{g}, Objs}});
  b.overloads("f_ofcolor", {O{{g, n}, Ix}});
  b.overloads("tk_asobject", {O{{g}, Ob}});
  b.overloads("tk_toobject", {O{{p, g}, Ob}});
  b.overloads("tk_occurrences", {O{{g, ob}, Ix}});

  // painting
  b.same({"tk_fill", "tk_underfill"}, {O{{g, n, p}, G}});
  b.overloads("tk_cover", {O{{g, p}, G}});
  // paint keeps a tuple of cells in its order (no conversion to a set), so its
  // rule is not an overload list (and dsl/functors.h does not coerce it).
  for (const char* name : {"tk_paint", "tk_underpaint"}) {
    b.add(name, 2, [&tt, name](const std::vector<TypeRef>& a) {
      TypeRef cell = tt.tcell();
      bool cells = a[1] == tt.tobject() || a[1] == tt.raw_tuple(cell) || a[1] == tt.pair(cell, cell);
      if (a[0] != tt.grid() || !cells) return RuleBuilder::no_overload(name, a);
      return RuleBuilder::ok(tt.grid());
    });
  }
  b.overloads("tk_move", {O{{g, ob, pt}, G}});
  b.overloads("tk_subgrid", {O{{p, g}, G}});

  // colors of an object
  b.overloads("tk_color", {O{{ob}, I}});
  b.overloads("tk_colorfilter", {O{{Pat::TObjs, n}, Objs}});
  b.overloads("colorcount_f", {O{{ob, n}, I}});
  b.same({"palette_f", "p_f"}, {O{{ob}, IntSet}});
  b.overloads("p_o", {O{{ob}, tt.raw_tuple(I)}});
  b.same({"numcolors_f", "mostcolor_f", "leastcolor_f"}, {O{{ob}, I}});
  b.overloads("get_color_rank_f", {O{{ob, n}, I}});

  // extremes, corners and sizes
  b.same({"tk_uppermost", "tk_lowermost", "tk_leftmost", "tk_rightmost", "height_f", "width_f"}, {O{{p}, I}});
  b.same({"uppermost_i", "lowermost_i", "leftmost_i", "rightmost_i", "height_i", "width_i"}, {O{{ix}, I}});
  b.same({"uppermost_o", "lowermost_o", "leftmost_o", "rightmost_o", "height_o", "width_o"}, {O{{ob}, I}});
  b.overloads("col_row", {O{{p, n}, I}});
  b.same({"tk_ulcorner", "tk_urcorner", "tk_llcorner", "tk_lrcorner", "tk_center", "tk_centerofmass", "shape_f"},
         {O{{p}, P}});
  b.same({"ulcorner_i", "urcorner_i", "llcorner_i", "lrcorner_i"}, {O{{ix}, P}});
  b.same({"ulcorner_o", "urcorner_o", "llcorner_o", "lrcorner_o"}, {O{{ob}, P}});
  b.overloads("corner", {O{{p, n}, P}});
  b.overloads("tk_corners", {O{{p}, Ix}});
  b.same({"portrait_f", "square_f"}, {O{{p}, B}});
  b.same({"vline_i", "hline_i"}, {O{{ix}, B}});
  b.same({"vline_o", "hline_o"}, {O{{ob}, B}});

  // boxes and lines
  b.same({"tk_backdrop", "tk_delta", "tk_inbox", "tk_outbox", "tk_box"}, {O{{p}, Ix}});
  b.same({"tk_connect", "tk_shoot"}, {O{{pt, pt}, Ix}});
  b.overloads("tk_hfrontier", {O{{pt}, Ix}});
  b.same({"tk_dneighbors", "tk_ineighbors", "tk_neighbors"}, {O{{pt}, Ix}, O{{Pat::TCell}, Ix}, O{{n}, Ix}});

  // relations between two patches
  b.same({"tk_hmatching", "tk_vmatching", "tk_adjacent"}, {O{{p, p}, B}});
  b.overloads("tk_manhattan", {O{{p, p}, I}});
  b.same({"tk_position", "tk_gravitate"}, {O{{p, p}, P}});
  b.overloads("tk_bordering", {O{{p, g}, B}});

  // mirrors and scaling
  b.same({"hmirror_f", "vmirror_f", "dmirror_f", "cmirror_f"}, {O{{p}, nullptr, 0}});
  b.overloads("mir_rot_f", {O{{p, n}, nullptr, 0}, O{{g, n}, tt.grid()}});
  b.overloads("upscale_f", {O{{ob, n}, Ob}});
  b.same({"hmirror_i", "vmirror_i", "dmirror_i"}, {O{{ix}, Ix}});
  b.same({"hmirror_o", "vmirror_o", "dmirror_o"}, {O{{ob}, Ob}});
  b.same({"cmirror_i", "cmirror_o"}, {O{{p}, nullptr, 0}});
  b.add("is_no_grid", 1, [B](const std::vector<TypeRef>&) { return RuleBuilder::ok(B); });

  // building cells (ascell and astriple take any ints; celltuple is a zip)
  TypeRef C = tt.tcell();
  b.add("ascell", 2, [&tt, C](const std::vector<TypeRef>& a) {
    if (a[0] == tt.point() && (a[1] == tt.integer() || a[1] == tt.boolean())) return RuleBuilder::ok(C);
    // Python builds (ij[0], ij[1], c) of any ij: of a tuple, two of its elements
    if (a[0]->is(TypeKind::Tuple)) return RuleBuilder::ok(tt.triple(a[0]->parts[0], a[0]->parts[0], a[1]));
    return RuleBuilder::no_overload("ascell", a);
  });
  b.overloads("astriple", {O{{n, n, n}, C}});
  b.add("toij", 1, [C, P](const std::vector<TypeRef>& a) {
    return a[0] == C ? RuleBuilder::ok(P) : RuleBuilder::no_overload("toij", a);
  });
  b.add("celltuple", 2, [&tt, C](const std::vector<TypeRef>& a) {
    if (a[0] != tt.raw_tuple(tt.point()) || a[1] != tt.raw_tuple(tt.integer()))
      return RuleBuilder::no_overload("celltuple", a);
    return RuleBuilder::ok(tt.raw_tuple(C));
  });

  // objects as tuples, in the order Python's search finds them
  TypeRef TT = tt.raw_tuple(tt.raw_tuple(C));
  b.overloads("objects_t", {O{{g, n, n, n}, TT}});
  b.overloads("o_g_t", {O{{g, n}, TT}});
  b.add("colorfilter_t", 2, [&tt, TT](const std::vector<TypeRef>& a) {
    if (a[0] != TT || (a[1] != tt.integer() && a[1] != tt.boolean())) return RuleBuilder::no_overload("colorfilter_t", a);
    return RuleBuilder::ok(TT);
  });

  // rbind(get_nth_f, K) / rbind(get_nth_t, K) with K in F0, F1, L1, L2, as
  // the generator rewrites them (generator/ir/lower.cpp): on a pair of two
  // types, one of them; otherwise get_nth_*(x, K)
  Signatures* sig = &b.sig;
  struct Nth {
    const char* name;
    const char* base;
    int part;
  };
  for (Nth nth : {Nth{"get_nth_f_r0", "get_nth_f", 0}, Nth{"get_nth_f_r1", "get_nth_f", 1},
                  Nth{"get_nth_f_rm1", "get_nth_f", 1}, Nth{"get_nth_f_rm2", "get_nth_f", 0},
                  Nth{"get_nth_t_r0", "get_nth_t", 0}, Nth{"get_nth_t_r1", "get_nth_t", 1},
                  Nth{"get_nth_t_rm1", "get_nth_t", 1}, Nth{"get_nth_t_rm2", "get_nth_t", 0}}) {
    b.add(nth.name, 1, [sig, I, nth](const std::vector<TypeRef>& a) {
      if (a[0]->is(TypeKind::Pair) && a[0]->parts[0] != a[0]->parts[1]) return RuleBuilder::ok(a[0]->parts[nth.part]);
      return sig->call_prim(nth.base, {a[0], I});
    });
  }
  b.add("sizefilter_t", 2, [&tt](const std::vector<TypeRef>& a) {
    TypeRef e = elem_type(tt, a[0]);
    bool sized = e && elem_type(tt, e) && e != tt.raw_tuple(tt.integer());  // a tuple of int tuples is a Grid
    if (!sized || (a[1] != tt.integer() && a[1] != tt.boolean())) return RuleBuilder::no_overload("sizefilter_t", a);
    return RuleBuilder::ok(tt.raw_tuple(e));
  });

  // periods and frontiers
  b.same({"tk_hperiod", "tk_vperiod"}, {O{{ob}, I}});
  b.overloads("tk_frontiers", {O{{g}, Objs}});
}

}  // namespace battc::generator
