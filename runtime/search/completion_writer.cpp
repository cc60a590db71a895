// runtime/search/completion_writer.cpp
#include "runtime/search/completion_writer.h"

#include <algorithm>
#include <array>

#include "runtime/exec/completion_check.h"

namespace battc::runtime::search {

using generator::Enumerator;
using generator::PoolValue;

CompletionWriter::CompletionWriter(const Enumerator& en, std::vector<PoolValue>& pool, std::vector<PoolValue>& out)
    : en_(en), pool_(pool), out_(out), in_(Enumerator::leaf_index(pool, "I")) {}

int CompletionWriter::level_of(const std::vector<int>& args) const {  // one more than its deepest argument
  int level = 0;
  for (int a : args) level = std::max(level, pool_[std::size_t(a)].level + 1);
  return level;
}

void CompletionWriter::last(const std::string& prim, std::vector<int> args) {
  if (std::find(args.begin(), args.end(), -1) != args.end() || !made_.insert({prim, args}).second) return;
  const int level = level_of(args);
  PoolValue call = en_.call(pool_, prim, std::move(args), level);
  if (call.type) out_.push_back(std::move(call));
}

int CompletionWriter::inner(const std::string& prim, std::vector<int> args) {
  if (std::find(args.begin(), args.end(), -1) != args.end()) return -1;
  const int level = level_of(args);
  PoolValue call = en_.call(pool_, prim, std::move(args), level);
  if (!call.type) return -1;
  pool_.push_back(std::move(call));
  return static_cast<int>(pool_.size() - 1);
}

bool CompletionWriter::first_time(std::string kind, std::vector<int> key) {
  return made_.insert({std::move(kind), std::move(key)}).second;
}

int CompletionWriter::constant(const std::string& name) {
  if (name.empty()) return -1;
  if (const int i = Enumerator::leaf_index(pool_, name); i >= 0) return i;
  PoolValue leaf = en_.constant(name);
  if (!leaf.type) return -1;
  pool_.push_back(std::move(leaf));
  return static_cast<int>(pool_.size() - 1);
}

int CompletionWriter::integer(int k) {
  if (const int c = constant(Enumerator::constant_name(k)); c >= 0) return c;
  const int neg = k < 0 ? constant(Enumerator::constant_name(-k)) : -1;
  return neg >= 0 ? inner("invert", {neg}) : -1;
}

int CompletionWriter::point(int a, int b) {
  if (const int c = constant(Enumerator::constant_name(a, b)); c >= 0) return c;
  return inner("astuple", {integer(a), integer(b)});
}

int CompletionWriter::offset(int base, int a, int b) {
  if (base < 0 || (a == 0 && b == 0)) return base;
  return inner("add", {base, point(a, b)});
}

void CompletionWriter::stamp(const CompletionTarget& target, int v) {
  const int c = integer(target.colour);
  if (c < 0 || !first_time("stamp " + target.prim, {c, v})) return;
  int stamped = -1;
  if (const int near = inner(target.prim, {v}); near >= 0) {
    stamped = inner("insert", {v, near});
  } else if (const int f = Enumerator::leaf_index(pool_, target.prim); f >= 0) {
    stamped = inner("combine", {v, inner("mapply", {f, v})});
  }
  last("fill", {in_, c, stamped});
}

void CompletionWriter::crop(int v, std::uint16_t code) {
  if (!first_time("crop", {v, int(code)})) return;
  const CropMargins m = crop_margins(code);
  const int start = offset(inner("ulcorner", {v}), -m.up, -m.left);
  const int dims = offset(inner("shape", {v}), m.up + m.down, m.left + m.right);
  last("crop", {in_, start, dims});
}

void CompletionWriter::canvas(int x, int h, int w) { last("canvas", {x, point(h, w)}); }

void CompletionWriter::halves(const HalvesRule& r) {
  if (!first_time("halves", {r.rows, r.bg, r.fg, int(r.minterms)})) return;
  const int zero = integer(0);
  const std::vector<int> ab = parts({r.rows ? Cut::Kind::Rows : Cut::Kind::Columns, 2});
  std::array<int, 4> cells_of{-2, -2, -2, -2};  // zeros of A, non-zeros of A, zeros of B, non-zeros of B
  auto zeros = [&](bool of_b) {
    int& at = cells_of[std::size_t(2 * of_b)];
    if (at == -2) at = inner("ofcolor", {ab[of_b ? 1 : 0], zero});
    return at;
  };
  auto cells = [&](bool of_b, bool nonzero) {
    if (!nonzero) return zeros(of_b);
    int& at = cells_of[std::size_t(2 * of_b + 1)];
    if (at == -2) at = inner("difference", {inner("asindices", {ab[of_b ? 1 : 0]}), zeros(of_b)});
    return at;
  };
  int patch = -1;
  if (r.minterms == 0b1100 || r.minterms == 0b0011) {  // A's cells alone
    patch = cells(false, r.minterms == 0b1100);
  } else if (r.minterms == 0b1010 || r.minterms == 0b0101) {  // B's alone
    patch = cells(true, r.minterms == 0b1010);
  } else {
    for (unsigned m = 0; m < 4; ++m) {
      if (!(r.minterms >> m & 1)) continue;
      const int term = inner("intersection", {cells(false, m & 2), cells(true, m & 1)});
      patch = patch == -1 ? term : inner("combine", {patch, term});
      if (patch < 0) return;
    }
  }
  last("fill", {inner("canvas", {integer(r.bg), inner("shape", {ab[0]})}), integer(r.fg), patch});
}

std::vector<int> CompletionWriter::parts(const Cut& cut) {
  if (cut.kind == Cut::Kind::Quarters) {
    const int top = inner("tophalf", {in_}), bottom = inner("bottomhalf", {in_});
    return {inner("lefthalf", {top}), inner("righthalf", {top}), inner("lefthalf", {bottom}),
            inner("righthalf", {bottom})};
  }
  const bool rows = cut.kind == Cut::Kind::Rows;
  if (cut.n == 2)
    return {inner(rows ? "tophalf" : "lefthalf", {in_}), inner(rows ? "bottomhalf" : "righthalf", {in_})};
  // hsplit or vsplit, then first and last; a middle part is the first (or
  // last) of what remains without the first (last): right unless two parts
  // are equal grids, which the train pairs then tell.
  const int all = inner(rows ? "vsplit" : "hsplit", {in_, integer(cut.n)});
  std::vector<int> out(std::size_t(cut.n), -1);
  out.front() = inner("first", {all});
  out.back() = inner("last", {all});
  if (cut.n >= 3) out[1] = inner("first", {inner("remove", {out.front(), all})});
  if (cut.n == 4) out[2] = inner("last", {inner("remove", {out.back(), all})});
  return out;
}

int CompletionWriter::nonzero_object(int grid) {
  const int cells = inner("difference", {inner("asindices", {grid}), inner("ofcolor", {grid, integer(0)})});
  return inner("toobject", {cells, grid});
}

void CompletionWriter::overlay(const OverlayRule& r) {
  std::vector<int> key{int(r.cut.kind), r.cut.n};
  key.insert(key.end(), r.order.begin(), r.order.end());
  if (r.order.size() < 2 || !first_time("overlay", key)) return;
  const std::vector<int> p = parts(r.cut);
  int base = p[std::size_t(r.order.back())];
  for (std::size_t i = r.order.size() - 1; i-- > 0;) {
    const int painted = nonzero_object(p[std::size_t(r.order[i])]);
    if (i == 0) last("paint", {base, painted});
    else base = inner("paint", {base, painted});
  }
}

}  // namespace battc::runtime::search
