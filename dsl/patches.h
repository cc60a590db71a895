// dsl/patches.h: arc-dsl's patch primitives: a patch is Indices (a set of
// (row, col) points) or an Object (a set of (color, (row, col)) cells), and
// every primitive that Python lets take either has one overload for each
// (two-patch primitives have all four). The Grid overloads of the
// piece primitives (height, shape, hmirror, ...) live in grids.h.
//
// Where Python raises (min() of an empty patch, next() on an empty set,
// unpacking the empty tuple), the value fails. Where Python would return the
// empty tuple (ulcorner and friends of an empty patch), battc fails instead;
// docs/semantics.md lists that and the other differences.
#pragma once

#include "dsl/container.h"

namespace battc::dsl {

// ---- conversion and movement -------------------------------------------------

DSL_HD Indices toindices(Ctx& c, const Indices& patch);
DSL_HD Indices toindices(Ctx& c, const Object& patch);
DSL_HD Object recolor(Ctx& c, Int value, const Indices& patch);
DSL_HD Object recolor(Ctx& c, Int value, const Object& patch);
DSL_HD Indices shift(Ctx& c, const Indices& patch, Pt directions);
DSL_HD Object shift(Ctx& c, const Object& patch, Pt directions);
DSL_HD Indices normalize(Ctx& c, const Indices& patch);
DSL_HD Object normalize(Ctx& c, const Object& patch);

// ---- neighbourhoods ------------------------------------------------------------

DSL_HD Indices dneighbors(Ctx& c, Pt loc);
DSL_HD Indices ineighbors(Ctx& c, Pt loc);
DSL_HD Indices neighbors(Ctx& c, Pt loc);

// ---- extremes and corners --------------------------------------------------------

DSL_HD Int uppermost(Ctx& c, const Indices& patch);
DSL_HD Int uppermost(Ctx& c, const Object& patch);
DSL_HD Int lowermost(Ctx& c, const Indices& patch);
DSL_HD Int lowermost(Ctx& c, const Object& patch);
DSL_HD Int leftmost(Ctx& c, const Indices& patch);
DSL_HD Int leftmost(Ctx& c, const Object& patch);
DSL_HD Int rightmost(Ctx& c, const Indices& patch);
DSL_HD Int rightmost(Ctx& c, const Object& patch);

DSL_HD Pt ulcorner(Ctx& c, const Indices& patch);
DSL_HD Pt ulcorner(Ctx& c, const Object& patch);
DSL_HD Pt urcorner(Ctx& c, const Indices& patch);
DSL_HD Pt urcorner(Ctx& c, const Object& patch);
DSL_HD Pt llcorner(Ctx& c, const Indices& patch);
DSL_HD Pt llcorner(Ctx& c, const Object& patch);
DSL_HD Pt lrcorner(Ctx& c, const Indices& patch);
DSL_HD Pt lrcorner(Ctx& c, const Object& patch);

DSL_HD Pt centerofmass(Ctx& c, const Indices& patch);
DSL_HD Pt centerofmass(Ctx& c, const Object& patch);
DSL_HD Pt center(Ctx& c, const Indices& patch);
DSL_HD Pt center(Ctx& c, const Object& patch);

DSL_HD Pt position(Ctx& c, const Indices& a, const Indices& b);
DSL_HD Pt position(Ctx& c, const Indices& a, const Object& b);
DSL_HD Pt position(Ctx& c, const Object& a, const Indices& b);
DSL_HD Pt position(Ctx& c, const Object& a, const Object& b);

// ---- dimensions ------------------------------------------------------------------

DSL_HD Int height(Ctx& c, const Indices& patch);
DSL_HD Int height(Ctx& c, const Object& patch);
DSL_HD Int width(Ctx& c, const Indices& patch);
DSL_HD Int width(Ctx& c, const Object& patch);
DSL_HD Pt shape(Ctx& c, const Indices& patch);
DSL_HD Pt shape(Ctx& c, const Object& patch);
DSL_HD Bool portrait(Ctx& c, const Indices& patch);
DSL_HD Bool portrait(Ctx& c, const Object& patch);
DSL_HD Bool square(Ctx& c, const Indices& patch);
DSL_HD Bool square(Ctx& c, const Object& patch);
DSL_HD Bool vline(Ctx& c, const Indices& patch);
DSL_HD Bool vline(Ctx& c, const Object& patch);
DSL_HD Bool hline(Ctx& c, const Indices& patch);
DSL_HD Bool hline(Ctx& c, const Object& patch);

// ---- relations between patches ---------------------------------------------------

DSL_HD Bool hmatching(Ctx& c, const Indices& a, const Indices& b);
DSL_HD Bool hmatching(Ctx& c, const Indices& a, const Object& b);
DSL_HD Bool hmatching(Ctx& c, const Object& a, const Indices& b);
DSL_HD Bool hmatching(Ctx& c, const Object& a, const Object& b);
DSL_HD Bool vmatching(Ctx& c, const Indices& a, const Indices& b);
DSL_HD Bool vmatching(Ctx& c, const Indices& a, const Object& b);
DSL_HD Bool vmatching(Ctx& c, const Object& a, const Indices& b);
DSL_HD Bool vmatching(Ctx& c, const Object& a, const Object& b);
DSL_HD Int manhattan(Ctx& c, const Indices& a, const Indices& b);
DSL_HD Int manhattan(Ctx& c, const Indices& a, const Object& b);
DSL_HD Int manhattan(Ctx& c, const Object& a, const Indices& b);
DSL_HD Int manhattan(Ctx& c, const Object& a, const Object& b);
DSL_HD Bool adjacent(Ctx& c, const Indices& a, const Indices& b);
DSL_HD Bool adjacent(Ctx& c, const Indices& a, const Object& b);
DSL_HD Bool adjacent(Ctx& c, const Object& a, const Indices& b);
DSL_HD Bool adjacent(Ctx& c, const Object& a, const Object& b);
DSL_HD Pt gravitate(Ctx& c, const Indices& source, const Indices& destination);
DSL_HD Pt gravitate(Ctx& c, const Indices& source, const Object& destination);
DSL_HD Pt gravitate(Ctx& c, const Object& source, const Indices& destination);
DSL_HD Pt gravitate(Ctx& c, const Object& source, const Object& destination);

DSL_HD Bool bordering(Ctx& c, const Indices& patch, const Grid& grid);
DSL_HD Bool bordering(Ctx& c, const Object& patch, const Grid& grid);

// ---- colors ------------------------------------------------------------------------

// The color of the object's first cell; of Indices, the first point's row.
DSL_HD Int color(Ctx& c, const Object& obj);
DSL_HD Int color(Ctx& c, const Indices& obj);
DSL_HD Objects colorfilter(Ctx& c, const Objects& objs, Int value);
DSL_HD IndicesSet colorfilter(Ctx& c, const IndicesSet& objs, Int value);

// ---- lines and boxes -------------------------------------------------------------

DSL_HD Indices corners(Ctx& c, const Indices& patch);
DSL_HD Indices corners(Ctx& c, const Object& patch);
DSL_HD Indices connect(Ctx& c, Pt a, Pt b);
DSL_HD Indices shoot(Ctx& c, Pt start, Pt direction);
DSL_HD Indices vfrontier(Ctx& c, Pt location);
DSL_HD Indices hfrontier(Ctx& c, Pt location);
DSL_HD Indices backdrop(Ctx& c, const Indices& patch);
DSL_HD Indices backdrop(Ctx& c, const Object& patch);
DSL_HD Indices delta(Ctx& c, const Indices& patch);
DSL_HD Indices delta(Ctx& c, const Object& patch);
DSL_HD Indices inbox(Ctx& c, const Indices& patch);
DSL_HD Indices inbox(Ctx& c, const Object& patch);
DSL_HD Indices outbox(Ctx& c, const Indices& patch);
DSL_HD Indices outbox(Ctx& c, const Object& patch);
DSL_HD Indices box(Ctx& c, const Indices& patch);
DSL_HD Indices box(Ctx& c, const Object& patch);

// ---- periods -------------------------------------------------------------------------

// Indices: Python gets only as far as the width (height) when it is at most 1,
// and fails to unpack a point as a cell otherwise.
DSL_HD Int hperiod(Ctx& c, const Object& obj);
DSL_HD Int hperiod(Ctx& c, const Indices& obj);
DSL_HD Int vperiod(Ctx& c, const Object& obj);
DSL_HD Int vperiod(Ctx& c, const Indices& obj);

// ---- mirrors (patches; the Grid overloads are in grids.h) ---------------------------

DSL_HD Indices hmirror(Ctx& c, const Indices& piece);
DSL_HD Object hmirror(Ctx& c, const Object& piece);
DSL_HD Indices vmirror(Ctx& c, const Indices& piece);
DSL_HD Object vmirror(Ctx& c, const Object& piece);
DSL_HD Indices dmirror(Ctx& c, const Indices& piece);
DSL_HD Object dmirror(Ctx& c, const Object& piece);
DSL_HD Indices cmirror(Ctx& c, const Indices& piece);
DSL_HD Object cmirror(Ctx& c, const Object& piece);

}  // namespace battc::dsl
