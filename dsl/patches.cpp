// dsl/patches.cpp: (being written)
#include "dsl/patches.h"
