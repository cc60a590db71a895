// generator/types/rules_grids.cpp: grid, patch and object primitives
// (dsl/grids.h, dsl/patches.h, dsl/objects.h): fixed overload lists.
#include "generator/types/rule_builder.h"

namespace battc::generator {

void add_grid_rules(RuleBuilder& b) {
  TypeTable& tt = b.tt;
  TypeRef I = tt.integer(), B = tt.boolean(), P = tt.point(), G = tt.grid(), Ix = tt.indices(), Ob = tt.object();
  TypeRef Objs = tt.fset(Ob), IntSet = tt.fset(I);
  using O = RuleBuilder::Overload;
  const Pat g = Pat::Grid, p = Pat::Patch, n = Pat::Num, pt = Pat::Pt, ob = Pat::Object;

  // colours of an element (Grid or Object; Indices by Python's accident)
  b.same({"mostcolor", "leastcolor", "numcolors"}, {O{{g}, I}, O{{p}, I}});
  b.overloads("palette", {O{{g}, IntSet}, O{{p}, IntSet}});
  b.overloads("colorcount", {O{{g, n}, I}, O{{p, n}, I}});

  // sizes and shapes of a piece (Grid or patch)
  b.same({"height", "width"}, {O{{g}, I}, O{{p}, I}});
  b.overloads("shape", {O{{g}, P}, O{{p}, P}});
  b.same({"portrait", "square", "vline", "hline"}, {O{{g}, B}, O{{p}, B}});

  // patches
  b.overloads("toindices", {O{{p}, Ix}});
  b.overloads("recolor", {O{{n, p}, Ob}});
  b.overloads("shift", {O{{p, pt}, nullptr, 0}});
  b.overloads("normalize", {O{{p}, nullptr, 0}});
  b.same({"dneighbors", "ineighbors", "neighbors", "vfrontier", "hfrontier"}, {O{{pt}, Ix}});
  b.same({"ulcorner", "urcorner", "llcorner", "lrcorner", "centerofmass", "center"}, {O{{p}, P}});
  b.same({"uppermost", "lowermost", "leftmost", "rightmost"}, {O{{p}, I}});
  b.same({"hmatching", "vmatching", "adjacent"}, {O{{p, p}, B}});
  b.overloads("manhattan", {O{{p, p}, I}});
  b.same({"position", "gravitate"}, {O{{p, p}, P}});
  b.overloads("bordering", {O{{p, g}, B}});
  b.overloads("color", {O{{p}, I}});
  b.overloads("colorfilter", {O{{Pat::Objects, n}, Objs}, O{{Pat::IndicesSet, n}, tt.fset(Ix)}});
  b.same({"corners", "backdrop", "delta", "inbox", "outbox", "box"}, {O{{p}, Ix}});
  b.same({"connect", "shoot"}, {O{{pt, pt}, Ix}});
  b.same({"hperiod", "vperiod"}, {O{{p}, I}});
  b.same({"hmirror", "vmirror", "dmirror", "cmirror"}, {O{{g}, G}, O{{p}, nullptr, 0}});

  // grids
  b.overloads("asindices", {O{{g}, Ix}});
  b.overloads("ofcolor", {O{{g, n}, Ix}});
  b.overloads("asobject", {O{{g}, Ob}});
  b.overloads("toobject", {O{{p, g}, Ob}});
  b.overloads("crop", {O{{g, pt, pt}, G}});
  b.overloads("subgrid", {O{{p, g}, G}});
  b.same({"rot90", "rot180", "rot270", "trim", "tophalf", "bottomhalf", "lefthalf", "righthalf", "compress"}, {O{{g}, G}});
  b.same({"fill", "underfill"}, {O{{g, n, p}, G}});
  // paint keeps a tuple of cells in its order (no conversion to a set), so its
  // rule is not an overload list (and dsl/functors.h does not coerce it).
  for (const char* name : {"paint", "underpaint"}) {
    b.add(name, 2, [&tt, name](const std::vector<TypeRef>& a) {
      TypeRef cell = tt.cell();
      bool cells = a[1] == tt.object() || a[1] == tt.raw_tuple(cell) || a[1] == tt.pair(cell, cell);
      if (a[0] != tt.grid() || !cells) return RuleBuilder::no_overload(name, a);
      return RuleBuilder::ok(tt.grid());
    });
  }
  b.overloads("cover", {O{{g, p}, G}});
  b.overloads("move", {O{{g, ob, pt}, G}});
  b.same({"hupscale", "vupscale", "downscale"}, {O{{g, n}, G}});
  b.overloads("upscale", {O{{g, n}, G}, O{{ob, n}, Ob}});
  b.same({"hconcat", "vconcat"}, {O{{g, g}, G}});
  b.same({"hsplit", "vsplit"}, {O{{g, n}, tt.raw_tuple(G)}});
  b.overloads("cellwise", {O{{g, g, n}, G}});
  b.same({"replace", "switch"}, {O{{g, n, n}, G}});
  b.overloads("index", {O{{g, pt}, I}});
  b.overloads("canvas", {O{{n, pt}, G}});
  b.overloads("frontiers", {O{{g}, Objs}});
  b.overloads("occurrences", {O{{g, ob}, Ix}});
  b.overloads("objects", {O{{g, n, n, n}, Objs}});
  b.same({"partition", "fgpartition"}, {O{{g}, Objs}});
}

}  // namespace battc::generator
