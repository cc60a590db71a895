// dsl/patches.h: (being written)
#pragma once
#include "dsl/container.h"
