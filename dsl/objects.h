// dsl/objects.h: object extraction: the connected components of a grid
// (objects) and the color classes of a grid (partition, fgpartition).
// Every object is a set of cells in canonical (color, row, column) order,
// and the returned set of objects is canonical too.
#pragma once

#include "dsl/grids.h"

namespace battc::dsl {

// Connected components of the cells that satisfy the condition: same color
// as the seed (univalued) or not the background; 8-neighbourhood when
// diagonal, else 4. Without without_bg the "background" is None, so only
// None cells are left out, as in Python.
DSL_HD Objects objects(Ctx& c, const Grid& g, Bool univalued, Bool diagonal, Bool without_bg);
// One object per color of the grid.
DSL_HD Objects partition(Ctx& c, const Grid& g);
// One object per color other than the most common one.
DSL_HD Objects fgpartition(Ctx& c, const Grid& g);

}  // namespace battc::dsl
