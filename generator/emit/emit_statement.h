// generator/emit/emit_statement.h: one node as an emitted statement, and the
// names emitted code gives values and statuses. A value computed per task is
// the Prologue's (P.v<node>, P.st[<node>]). A per-sample value is the
// State's: in the whole-batt units V.v<node>, V.st[<node>]; in a program
// group's State (generator/emit/emit_groups.cpp) its slot there,
// V.s<slot>, V.st[<slot>]. Group code never names the Prologue (so that its
// text depends on the group alone): a per-task value it reads has a slot
// too, for its status copied in, and is read through the local reference
// p<slot> to the Prologue's value.
#pragma once

#include <string>
#include <vector>

#include "generator/ir/batt.h"

namespace battc::generator {

// slots == nullptr: whole-batt naming; else (*slots)[node] is the node's slot
// in a group's State (every node a statement reads or writes has one).
std::string ref(const Batt& b, int node, const std::vector<int>* slots);
std::string st(const Batt& b, int node, const std::vector<int>* slots);

// The statement that computes `node` (a per-sample one runs only when its
// need flag is set).
std::string statement(const Batt& b, int node, const std::vector<int>* slots);

// "{1, 2, 3}" ("{0}" when empty: C++ has no zero-length arrays).
std::string int_list(const std::vector<int>& v);

}  // namespace battc::generator
