// dsl/objects.h: (being written)
#pragma once
#include "dsl/container.h"
