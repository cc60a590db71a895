// dsl/grids.h: (being written)
#pragma once
#include "dsl/container.h"
