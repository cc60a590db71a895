// tests/dsl/golden_reg_grids_test.cpp: golden-test invokers for dsl/grids.h
// (golden_registry.h; `make_primitive_golden.py --print-reg` lists the keys
// the cases need).
#include "tests/dsl/golden_registry.h"

using namespace battc::dsl;
using battc::test::golden::Call;

REG(mostcolor, Grid);
REG(mostcolor, Object);
REG(mostcolor, Indices);
REG(leastcolor, Grid);
REG(leastcolor, Object);
REG(leastcolor, Indices);
REG(palette, Grid);
REG(palette, Object);
REG(palette, Indices);
REG(numcolors, Grid);
REG(numcolors, Object);
REG(numcolors, Indices);
REG(colorcount, Grid, Int);
REG(colorcount, Object, Int);
REG(colorcount, Indices, Int);
REG(asindices, Grid);
REG(asobject, Grid);
REG(ofcolor, Grid, Int);
REG(crop, Grid, Pt, Pt);
REG(rot90, Grid);
REG(rot180, Grid);
REG(rot270, Grid);
REG(tophalf, Grid);
REG(bottomhalf, Grid);
REG(lefthalf, Grid);
REG(righthalf, Grid);
REG(trim, Grid);
REG(compress, Grid);
REG(frontiers, Grid);
REG(fill, Grid, Int, Indices);
REG(fill, Grid, Int, Object);
REG(underfill, Grid, Int, Indices);
REG(underfill, Grid, Int, Object);
REG(paint, Grid, Object);
REG(underpaint, Grid, Object);
REG(hupscale, Grid, Int);
REG(vupscale, Grid, Int);
REG(upscale, Grid, Int);
REG(downscale, Grid, Int);
REG(upscale, Object, Int);
REG(hconcat, Grid, Grid);
REG(vconcat, Grid, Grid);
REG(hsplit, Grid, Int);
REG(vsplit, Grid, Int);
REG(cellwise, Grid, Grid, Int);
REG(replace, Grid, Int, Int);
REG(switch, Grid, Int, Int);
REG(index, Grid, Pt);
REG(canvas, Int, Pt);
REG(toobject, Indices, Grid);
REG(toobject, Object, Grid);
REG(occurrences, Grid, Object);
REG(move, Grid, Object, Pt);
REG(subgrid, Indices, Grid);
REG(subgrid, Object, Grid);
REG(cover, Grid, Indices);
REG(cover, Grid, Object);
