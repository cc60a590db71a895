// generator/types/rules_tk_grids.cpp: typing rules of the tokpidjin
// dialect's own primitives: grid-only primitives (the _t variants on grids,
// mir_rot_t, crop, ...; dsl/tk_grids.h). Internal names (tk_* for the ones
// arc-dsl also has) as in dsl/primitives_tokpidjin.def.
#include "generator/types/rule_builder.h"

namespace battc::generator {

void add_tk_grids_rules(RuleBuilder& b) {
  TypeTable& tt = b.tt;
  TypeRef I = tt.integer(), B = tt.boolean(), P = tt.point(), G = tt.grid();
  using O = RuleBuilder::Overload;
  const Pat g = Pat::Grid, n = Pat::Num, pt = Pat::Pt;

  // fixed signatures (coercing: dsl/functors.h kTkGrids lists them)
  b.same({"mostcolor_t", "leastcolor_t", "numcolors_t"}, {O{{g}, I}});
  // on an object, Python's rows are its (i, j, c) cells: every i, j and c
  b.overloads("palette_t", {O{{g}, tt.fset(I)}, O{{Pat::TObj}, tt.fset(I)}});
  b.overloads("colorcount_t", {O{{g, n}, I}});
  b.overloads("square_t", {O{{g}, B}});
  b.same({"hmirror_t", "vmirror_t", "dmirror_t", "cmirror_t"}, {O{{g}, G}});
  b.overloads("upscale_t", {O{{g, n}, G}});
  b.overloads("p_g", {O{{g}, tt.tuple(I)}});
  b.overloads("mir_rot_t", {O{{g, n}, G}});
  b.overloads("get_color_rank_t", {O{{g, n}, I}});
  b.overloads("tk_crop", {O{{g, pt, pt}, G}});
  b.same({"tk_hsplit", "tk_vsplit"}, {O{{g, n}, tt.tuple(G)}});
  b.overloads("tk_cellwise", {O{{g, g, n}, G}});
  b.overloads("tk_index", {O{{g, pt}, I}});

  // any tuple (Python's len on whatever it gets)
  struct Sized {
    const char* name;
    TypeRef result;
  };
  for (Sized s : {Sized{"height_t", I}, Sized{"width_t", I}, Sized{"shape_t", P}, Sized{"portrait_t", B}}) {
    const char* name = s.name;
    TypeRef r = s.result;
    b.add(name, 1, [&tt, name, r](const std::vector<TypeRef>& a) {
      if (!elem_type(tt, a[0]) && !a[0]->is(TypeKind::Pair))
        return RuleBuilder::bad(fmt::format("{}: {} is not a container", name, type_name(a[0])));
      return RuleBuilder::ok(r);
    });
  }
  b.add("normalize_t", 1, [](const std::vector<TypeRef>& a) { return RuleBuilder::ok(a[0]); });
  b.add("a_mr", 1, [&tt](const std::vector<TypeRef>& a) {
    TypeRef p = elem_type(tt, a[0]);
    if (!p || p != tt.pair(tt.grid(), tt.grid()))
      return RuleBuilder::bad(fmt::format("a_mr: {} is not a container of (input, output) grid pairs", type_name(a[0])));
    return RuleBuilder::ok(tt.integer());
  });
}

}  // namespace battc::generator
