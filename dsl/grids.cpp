// dsl/grids.cpp: (being written)
#include "dsl/grids.h"
