// runtime/search/completion_writer.h: enumeration's completions
// (completions.h, part_rules.h) written as calls over a round's pool. The
// last call of each completion goes to the completions' batt once; the
// calls inside it, and the constants they need, join the pool as values
// nothing expands (the last level ran), so the program is read off the
// pool's back-pointers like any enumerated value.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "generator/enumerate/enumerator.h"
#include "runtime/search/completions.h"
#include "runtime/search/part_rules.h"

namespace battc::runtime::search {

class CompletionWriter {
 public:
  // Writes over `pool` (which it grows) into `out`.
  CompletionWriter(const generator::Enumerator& en, std::vector<generator::PoolValue>& pool,
                   std::vector<generator::PoolValue>& out);

  // The pool's I, and its leaf `name` (-1 where there is none).
  int input() const { return in_; }
  int leaf(const std::string& name) const { return generator::Enumerator::leaf_index(pool_, name); }
  // `prim` of pool[args] as a completion, once per primitive and arguments;
  // dropped where an argument is -1 or the call does not type.
  void last(const std::string& prim, std::vector<int> args);
  // `prim` of pool[args] joining the pool: its index, or -1 where an
  // argument is -1 or the call does not type.
  int inner(const std::string& prim, std::vector<int> args);
  // Whether a completion of several calls, named by `key`, is new.
  bool first_time(std::string kind, std::vector<int> key);

  // arc-dsl's constant `name` as a leaf of the pool (added where missing),
  // -1 where there is none; the integer k (its constant, or invert of -k's)
  // and the point (a, b) (its constant, or astuple of two integers).
  int constant(const std::string& name);
  int integer(int k);
  int point(int a, int b);

  // fill(I, c, v and its neighbours by `target.prim`): insert(v, around(v))
  // for a point, combine(v, mapply(around, v)) for a set of cells.
  void stamp(const CompletionTarget& target, int v);
  // crop(I, add(ulcorner(v), ..), add(shape(v), ..)) by the margins' code.
  void crop(int v, std::uint16_t code);
  // canvas(x, (h, w)).
  void canvas(int x, int h, int w);
  // fill(canvas(bg, shape(A)), fg, P) for a rule over the halves A and B.
  void halves(const HalvesRule& rule);
  // The lowest part painted over by the non-zero cells of each above it.
  void overlay(const OverlayRule& rule);

 private:
  int level_of(const std::vector<int>& args) const;
  // `base` moved by the point (a, b): base itself for (0, 0).
  int offset(int base, int a, int b);
  // The parts of a cut of I, pooled: index per part (-1 where one does not type).
  std::vector<int> parts(const Cut& cut);
  // toobject of the cells of `grid` that are not zero.
  int nonzero_object(int grid);

  const generator::Enumerator& en_;
  std::vector<generator::PoolValue>& pool_;
  std::vector<generator::PoolValue>& out_;
  int in_ = -1;
  std::set<std::pair<std::string, std::vector<int>>> made_;
};

}  // namespace battc::runtime::search
