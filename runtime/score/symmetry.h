// runtime/score/symmetry.h: whether a program's answers commute with the
// symmetries of the grid (a turn, a mirror) and with renamings of the colours
// 1 to 9, on its own task. A program that fits the train pairs by accident
// usually leans on where things are or on which colours they have
// (`leastcolor(lefthalf(I))` on b9b7f026, a `replace(x, SEVEN, ZERO)` that
// does nothing on the train pairs), and such a program's answer changes
// when the task is turned or recoloured; a program that found the rule
// gives the turned or recoloured answer. So among programs equally right on
// the train pairs, the one whose answers commute with more of these
// transforms is the better guess (docs/search.md, "Symmetries").
//
// For each transform t, the task is turned or recoloured (its inputs and its
// train outputs; no test output is read or made) and the program run on it
// again. The program commutes with t when, on every train pair it gets
// right, it gets the transformed pair right too, and on every test input its
// prediction for the transformed input is the transform of its prediction.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "runtime/exec/run_result.h"
#include "runtime/tasks/grid_data.h"
#include "runtime/tasks/task.h"

namespace battc::runtime {

// The seven turns and mirrors of the square other than the identity, and two
// renamings of the colours 1 to 9: each one step on (9 to 1), and each c to
// 10 - c (5 stays); 0, the usual background, stays in both.
enum class Symmetry { Rot90, Rot180, Rot270, FlipRows, FlipColumns, Transpose, AntiTranspose, ColourCycle, ColourReverse };
inline constexpr std::array<Symmetry, 9> kSymmetries = {
    Symmetry::Rot90,     Symmetry::Rot180,        Symmetry::Rot270,      Symmetry::FlipRows,     Symmetry::FlipColumns,
    Symmetry::Transpose, Symmetry::AntiTranspose, Symmetry::ColourCycle, Symmetry::ColourReverse};

std::string_view symmetry_name(Symmetry s);

GridData transformed(const GridData& g, Symmetry s);

// The task with every input and train output transformed; test outputs are
// dropped (the attempts never read them).
Task transformed(const Task& task, Symmetry s);

// Per task of `base` (in its order), per program: how many of kSymmetries
// the program commutes with, `runs[i]` being the same programs run on the
// tasks transformed by kSymmetries[i] (the same tasks in the same order,
// the same pairing). A program that is not paired with the task, or has no
// grid for some test input, commutes with none.
std::vector<std::vector<int>> symmetry_counts(const RunResult& base, const std::vector<RunResult>& runs);

}  // namespace battc::runtime
