// dsl/objects.cpp: (being written)
#include "dsl/objects.h"
