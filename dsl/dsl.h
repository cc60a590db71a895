// dsl/dsl.h: the whole DSL runtime, for generated units and tests.
#pragma once

#include "dsl/arith.h"
#include "dsl/closures.h"
#include "dsl/constants.h"
#include "dsl/containers.h"
#include "dsl/functors.h"
#include "dsl/grids.h"
#include "dsl/objects.h"
#include "dsl/patches.h"
#include "dsl/tk_patches.h"
#include "dsl/tk_objects_fused.h"
#include "dsl/tk_containers.h"
#include "dsl/tk_grids.h"
